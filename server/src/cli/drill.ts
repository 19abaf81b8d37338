// `irplan drill FILE [DRILL-ID...]`: validate the plan (and the documents it imports), then run
// the section 9 simulation for the named drills, or all of them.
import * as path from 'node:path';
import { PlanSet, simulateDrill } from '../engine';
import { didYouMean } from '../engine';
import { choice, HELP_OPTION, optionValue, parseArgs, type OptionSpec } from './args';
import { CONFIG_OPTION, fileResult, TODAY_OPTION, todayOption } from './common';
import { loadConfig } from './config';
import { CliFailure, UsageError } from './errors';
import { DRILL_FORMAT_NAMES, DRILL_FORMATTERS } from './formatters/drillFormats';
import { drillView } from './formatters/drillReport';
import { stylish } from './formatters/stylish';
import { FsHost } from './fsHost';
import { commandHelp } from './help';
import { colorEnabled, displayPath, plural, type Io } from './io';
import { makeReport, type FileResult } from './report';

const OPTIONS: OptionSpec[] = [
  { name: 'format', value: true, placeholder: DRILL_FORMAT_NAMES.join('|') },
  TODAY_OPTION,
  CONFIG_OPTION,
  HELP_OPTION,
];

export function runDrill(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, OPTIONS, 'drill');
  if (args.options.has('help')) {
    io.stdout.write(commandHelp('drill'));
    return 0;
  }
  const format = choice(args, 'format', DRILL_FORMAT_NAMES, 'text', 'drill');
  const today = todayOption(args, 'drill');
  const [file, ...requested] = args.positionals;
  if (file === undefined) throw new UsageError('name the plan file whose drills to run: irplan drill FILE [DRILL-ID...]', 'drill');
  const { config } = loadConfig(optionValue(args, 'config'), io);

  const uri = path.resolve(io.cwd, file);
  const shown = displayPath(uri, io.cwd);
  const host = new FsHost();
  const planSet = new PlanSet(host);
  const doc = planSet.get(uri);
  if (!doc) {
    const reason = host.failures.get(uri) ?? 'unreadable';
    throw new CliFailure(`cannot read ${file}: ${reason}${reason === 'it is a folder' ? ' (drill takes one plan file)' : ''}`, 2);
  }

  // The plan and everything it imports must be free of errors: a drill of a broken plan measures
  // nothing.
  const broken: FileResult[] = [];
  for (const checked of [doc, ...planSet.scopeOf(doc).imported]) {
    const errors = (planSet.validate(checked.uri, { today, config }) ?? []).filter((f) => f.severity === 'error');
    if (errors.length > 0) broken.push(fileResult(planSet, checked.uri, errors, io.cwd));
  }
  if (broken.length > 0) {
    const report = makeReport(broken);
    const details = stylish(report, { cwd: io.cwd, color: colorEnabled(io.stderr, io.env), tty: false });
    const where = broken.length === 1 && broken[0].path === shown ? shown : `${shown} and the files it imports`;
    const them = report.summary.errors === 1 ? 'it' : 'them';
    throw new CliFailure(`${plural(report.summary.errors, 'error')} in ${where}: fix ${them} before running drills (irplan validate ${file})`, 2, details);
  }

  const drills = doc.model.drills;
  if (drills.size === 0) throw new CliFailure(`${shown} has no drills: add one under "drills:" (a class, who is unavailable, objectives)`, 2);
  const known = [...drills.keys()];
  for (const id of requested) {
    if (!drills.has(id)) throw new UsageError(`no drill "${id}" in ${shown}${didYouMean(id, known)}; its drills are: ${known.join(', ')}`, 'drill');
  }
  const selected = requested.length > 0 ? [...new Set(requested)] : known;

  const incidentLead = doc.model.plan?.incidentLead?.value;
  const views = selected.map((id) => {
    const drill = drills.get(id)!;
    const cls = drill.class ? doc.model.classes.get(drill.class.value) : undefined;
    if (!cls) {
      throw new CliFailure(`drill "${id}" in ${shown} names ${drill.class ? `class "${drill.class.value}", which is not defined in this file` : 'no class'}: set class: to one of its credential classes`, 2);
    }
    return drillView(simulateDrill(drill, cls, incidentLead));
  });

  io.stdout.write(DRILL_FORMATTERS[format]({ file: shown, drills: views }, { color: colorEnabled(io.stdout, io.env) }));
  return views.every((v) => v.verdict === 'pass') ? 0 : 1;
}
