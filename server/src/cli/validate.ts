// `irplan validate [PATH...]`: every plan under the paths, one PlanSet for the run (so an import
// shared by many plans is read and analysed once), findings in the chosen format on stdout,
// problems with the run itself on stderr.
import { PlanSet } from '../engine';
import { choice, HELP_OPTION, optionValue, parseArgs, type OptionSpec } from './args';
import { CONFIG_OPTION, fileResult, TODAY_OPTION, todayOption } from './common';
import { loadConfig } from './config';
import { UsageError } from './errors';
import { collectPlanFiles } from './files';
import { FORMAT_NAMES, FORMATTERS } from './formatters';
import { FsHost } from './fsHost';
import { commandHelp } from './help';
import { colorEnabled, displayPath, type Io } from './io';
import { makeReport, type FileResult } from './report';

const OPTIONS: OptionSpec[] = [
  { name: 'format', value: true, placeholder: FORMAT_NAMES.join('|') },
  TODAY_OPTION,
  { name: 'max-warnings', value: true, placeholder: 'N' },
  CONFIG_OPTION,
  HELP_OPTION,
];

export function runValidate(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, OPTIONS, 'validate');
  if (args.options.has('help')) {
    io.stdout.write(commandHelp('validate'));
    return 0;
  }
  const format = choice(args, 'format', FORMAT_NAMES, 'stylish', 'validate');
  const today = todayOption(args, 'validate');
  const maxWarnings = maxWarningsOption(optionValue(args, 'max-warnings'));
  const { config } = loadConfig(optionValue(args, 'config'), io);

  const paths = args.positionals.length > 0 ? args.positionals : ['.'];
  const collected = collectPlanFiles(paths, io.cwd);
  let unreadable = collected.problems.length > 0;
  for (const problem of collected.problems) io.stderr.write(`irplan: cannot read ${problem.path}: ${problem.reason}\n`);
  for (const folder of collected.empty) {
    io.stderr.write(`irplan: no plans (*.irplan.yaml, *.irplan.yml) in ${folder}\n`);
  }

  const host = new FsHost();
  const planSet = new PlanSet(host);
  const files: FileResult[] = [];
  for (const uri of collected.files) {
    const findings = planSet.validate(uri, { today, config });
    if (findings === undefined) {
      unreadable = true;
      io.stderr.write(`irplan: cannot read ${displayPath(uri, io.cwd)}: ${host.failures.get(uri) ?? 'unreadable'}\n`);
      continue;
    }
    files.push(fileResult(planSet, uri, findings, io.cwd));
  }

  const report = makeReport(files);
  io.stdout.write(FORMATTERS[format](report, { cwd: io.cwd, color: colorEnabled(io.stdout, io.env), tty: io.stdout.isTTY }));

  const { errors, warnings } = report.summary;
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (tooManyWarnings) io.stderr.write(`irplan: too many warnings (${warnings}, --max-warnings is ${maxWarnings})\n`);
  if (unreadable) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

function maxWarningsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${value}"`, 'validate');
  }
  return Number(value);
}
