// `irplan init [FOLDER]`: write the starter plan, dated today, without ever overwriting a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDay } from '../engine';
import { HELP_OPTION, parseArgs, type OptionSpec } from './args';
import { TODAY_OPTION, todayOption } from './common';
import { CliFailure, describeFsError, UsageError } from './errors';
import { commandHelp } from './help';
import { displayPath, type Io } from './io';
import { INIT_PLAN, INIT_PLAN_FILE } from './initTemplate';

const OPTIONS: OptionSpec[] = [TODAY_OPTION, HELP_OPTION];

export function runInit(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, OPTIONS, 'init');
  if (args.options.has('help')) {
    io.stdout.write(commandHelp('init'));
    return 0;
  }
  if (args.positionals.length > 1) throw new UsageError(`init takes one folder, not ${args.positionals.length}: irplan init [FOLDER]`, 'init');
  const folderArg = args.positionals[0] ?? '.';
  const today = formatDay(todayOption(args, 'init'));

  const folder = path.resolve(io.cwd, folderArg);
  const target = path.join(folder, INIT_PLAN_FILE);
  const shown = displayPath(target, io.cwd);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new CliFailure(`cannot create the folder ${folderArg}: ${describeFsError(error)}`, 2);
  }
  try {
    // "wx": fail if the file exists, atomically (no check-then-write race).
    fs.writeFileSync(target, INIT_PLAN.replaceAll('{{TODAY}}', today), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliFailure(`${shown} already exists: init never overwrites a plan (edit it, or run irplan init in another folder)`, 1);
    }
    throw new CliFailure(`cannot write ${shown}: ${describeFsError(error)}`, 2);
  }
  io.stdout.write(`Wrote ${shown}, a starter plan dated ${today}.\nNext: edit it to describe your own credentials, then run: irplan validate ${shellWord(folderArg)}\n`);
  return 0;
}

/** A path as a shell word: quoted only when it needs to be. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
