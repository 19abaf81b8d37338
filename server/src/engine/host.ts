// How the engine reaches documents without knowing about files: the CLI gives it a host over
// the file system, the language server one over open editors and the disk.

export interface DocumentHost {
  /** The document's text, or undefined when it cannot be read (missing, a folder, no permission). */
  read(uri: string): string | undefined;
  /** The uri that a relative import path written in `fromUri` names. */
  resolve(fromUri: string, relativePath: string): string;
}
