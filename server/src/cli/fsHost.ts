// The engine's DocumentHost over node:fs. Uris are absolute file paths. Files are read as bytes
// and decoded as UTF-8 without failing: invalid bytes become U+FFFD, which the engine reports as
// a syntax problem, and a leading byte-order mark is kept so offsets match the file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentHost } from '../engine';
import { describeFsError } from './errors';

export class FsHost implements DocumentHost {
  /** Why a read failed, by uri, for the "cannot read" message. */
  readonly failures = new Map<string, string>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

  read(uri: string): string | undefined {
    try {
      return this.decoder.decode(fs.readFileSync(uri));
    } catch (error) {
      this.failures.set(uri, describeFsError(error));
      return undefined;
    }
  }

  resolve(fromUri: string, relativePath: string): string {
    return path.resolve(path.dirname(fromUri), relativePath);
  }
}
