// The two ways a command stops early. main.ts turns both into one `irplan: …` line on stderr and
// an exit code; nothing else in the CLI prints a stack trace.

/** Bad usage: an unknown option or command, a malformed value. Exit 2, with the usage line. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage line to print after the message. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** A command that cannot go on (a path that cannot be read, a file that exists, …). */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** Printed on stderr before the message (for example the findings of a broken config). */
    readonly details?: string,
  ) {
    super(message);
  }
}

/** A short reason for a file-system error, in words rather than errno names. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
