// Which files `irplan validate` checks: files named on the command line (whatever their name) and,
// in folders, every `*.irplan.yaml` and `*.irplan.yml` except the configuration file `.irplan.yaml`.
// node_modules and .git are skipped; symbolic links are followed, except a link back to a folder
// being walked (a loop); each file is kept once, and the result is sorted so output is the same on
// every machine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from './errors';
import { displayPath } from './io';

const PLAN_FILE = /^.+\.irplan\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function isPlanFileName(name: string): boolean {
  return PLAN_FILE.test(name);
}

export interface FileProblem {
  /** As the user wrote it (a command-line argument) or as displayed (a path found in a walk). */
  path: string;
  reason: string;
}

export interface CollectedFiles {
  /** Absolute paths, sorted by their displayed form, each file once. */
  files: string[];
  /** Paths that could not be read. */
  problems: FileProblem[];
  /** Folder arguments in which no plan was found. */
  empty: string[];
}

export function collectPlanFiles(args: readonly string[], cwd: string): CollectedFiles {
  const found: string[] = [];
  const problems: FileProblem[] = [];
  const empty: string[] = [];
  const folders: { arg: string; absolute: string }[] = [];

  // The real paths of the folders being walked, from the argument down: a link to one of them
  // would loop. (Other links are followed; the files they reach twice are kept once, below.)
  const ancestors = new Set<string>();

  const walk = (folder: string): void => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(folder);
      if (ancestors.has(real)) return;
      // Sorted, so that problems are reported in the same order everywhere.
      entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      problems.push({ path: displayPath(folder, cwd), reason: describeFsError(error) });
      return;
    }
    ancestors.add(real);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          // A dangling link is only worth a word when it looks like a plan.
          if (isPlanFileName(entry.name)) problems.push({ path: displayPath(full, cwd), reason: describeFsError(error) });
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (isFile && isPlanFileName(entry.name)) {
        found.push(full);
      }
    }
    ancestors.delete(real);
  };

  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      problems.push({ path: arg, reason: describeFsError(error) });
      continue;
    }
    if (stat.isFile()) {
      found.push(absolute);
    } else if (stat.isDirectory()) {
      walk(absolute);
      folders.push({ arg, absolute });
    } else {
      problems.push({ path: arg, reason: 'not a file or a folder' });
    }
  }

  // A folder that another argument already walked is not empty: look at what was found under it.
  for (const { arg, absolute } of folders) {
    const prefix = absolute.endsWith(path.sep) ? absolute : absolute + path.sep;
    if (!found.some((file) => file.startsWith(prefix))) empty.push(arg);
  }

  // Sort by what is printed, then keep the first path of each real file (a file named twice, or
  // reached through a link, is validated once).
  const sorted = found
    .map((file) => ({ file, shown: displayPath(file, cwd) }))
    .sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  const seen = new Set<string>();
  const files: string[] = [];
  for (const { file } of sorted) {
    let key = file;
    try {
      key = fs.realpathSync(file);
    } catch {
      // Unreadable: keep the path, the read reports it.
    }
    if (seen.has(key)) continue;
    seen.add(key);
    files.push(file);
  }
  return { files, problems, empty };
}
