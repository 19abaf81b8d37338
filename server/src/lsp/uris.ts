// Document identity. Engine uris are the client's document URIs; file URIs are normalised so
// an import resolved from one plan and the same file opened in the editor are one document.
import { fileURLToPath, pathToFileURL } from 'node:url';

export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function resolveImport(fromUri: string, relativePath: string): string {
  try {
    return normalizeUri(new URL(relativePath, fromUri).href);
  } catch {
    return `${fromUri}/../${relativePath}`;
  }
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
