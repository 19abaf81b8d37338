// `irplan coverage [PATH...]`: section 10 for every plan under the paths — each class's controls,
// the share of classes fully covered per plan and overall, and the framework view — as a table,
// JSON, Markdown or an SVG heat map. `--min-coverage PERCENT` makes it a CI gate.
//
// Coverage is read from plans as they are, errors or not: a gap is what it reports. It does not
// depend on rule levels or on today's date, so it takes neither --config nor --today.
import { coverageReport, PlanSet, type CoverageInput, type PlanDocument } from '../engine';
import { choice, HELP_OPTION, optionValue, parseArgs, type OptionSpec } from './args';
import { UsageError } from './errors';
import { collectPlanFiles } from './files';
import { COVERAGE_FORMAT_NAMES, COVERAGE_FORMATTERS } from './formatters/coverageFormats';
import { coverageView, shareText } from './formatters/coverageReport';
import { FsHost } from './fsHost';
import { commandHelp } from './help';
import { colorEnabled, displayPath, type Io } from './io';

const OPTIONS: OptionSpec[] = [
  { name: 'format', value: true, placeholder: COVERAGE_FORMAT_NAMES.join('|') },
  { name: 'min-coverage', value: true, placeholder: 'PERCENT' },
  HELP_OPTION,
];

export function runCoverage(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, OPTIONS, 'coverage');
  if (args.options.has('help')) {
    io.stdout.write(commandHelp('coverage'));
    return 0;
  }
  const format = choice(args, 'format', COVERAGE_FORMAT_NAMES, 'table', 'coverage');
  const minCoverage = percentOption(optionValue(args, 'min-coverage'));

  const paths = args.positionals.length > 0 ? args.positionals : ['.'];
  const collected = collectPlanFiles(paths, io.cwd);
  let unreadable = collected.problems.length > 0;
  for (const problem of collected.problems) io.stderr.write(`irplan: cannot read ${problem.path}: ${problem.reason}\n`);
  for (const folder of collected.empty) io.stderr.write(`irplan: no plans (*.irplan.yaml, *.irplan.yml) in ${folder}\n`);

  const host = new FsHost();
  const planSet = new PlanSet(host);
  const inputs: CoverageInput[] = [];
  const docs = new Map<string, PlanDocument>();
  for (const uri of collected.files) {
    const doc = planSet.get(uri);
    if (!doc) {
      unreadable = true;
      io.stderr.write(`irplan: cannot read ${displayPath(uri, io.cwd)}: ${host.failures.get(uri) ?? 'unreadable'}\n`);
      continue;
    }
    docs.set(uri, doc);
    inputs.push({ uri, doc, scope: planSet.scopeOf(doc) });
  }

  // Nothing read at all: the error says it; an empty report (31 framework gaps) would bury it.
  if (unreadable && inputs.length === 0) return 2;

  const report = coverageReport(inputs);
  const label = (uri: string) => displayPath(uri, io.cwd);
  const view = coverageView(report, docs, label);
  io.stdout.write(COVERAGE_FORMATTERS[format]({ view, report, label }, { color: colorEnabled(io.stdout, io.env) }));

  if (unreadable) return 2;
  if (minCoverage !== undefined && belowMinimum(report.fullyCovered, report.total, minCoverage)) {
    io.stderr.write(`irplan: coverage below --min-coverage ${minCoverage}%: ${shareText(view.summary)}\n`);
    return 1;
  }
  return 0;
}

/**
 * Compared exactly, not on the rounded percentage: 2 of 3 classes (66.67%) is below 66.7. With no
 * class at all, any minimum above 0 is missed: a gate must not pass because nothing was written.
 */
function belowMinimum(fullyCovered: number, total: number, minimum: number): boolean {
  if (total === 0) return minimum > 0;
  return fullyCovered * 100 < minimum * total;
}

/** A percentage from 0 to 100: `80`, `80%`, `66.7`. */
function percentOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^([0-9]+(?:\.[0-9]+)?)%?$/.exec(value.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isFinite(n) || n > 100) throw new UsageError(`--min-coverage must be a percentage from 0 to 100 (for example 80), not "${value}"`, 'coverage');
  return n;
}
