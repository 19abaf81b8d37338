// Pieces validate and drill share: the --today and --config options and turning a validated
// document into a report entry.
import { formatDay, parseDate, PlanSet, todayDay, type Finding } from '../engine';
import { optionValue, type OptionSpec, type ParsedArgs } from './args';
import { UsageError } from './errors';
import { displayPath } from './io';
import { positionFindings, type FileResult } from './report';

export const TODAY_OPTION: OptionSpec = { name: 'today', value: true, placeholder: 'YYYY-MM-DD' };
export const CONFIG_OPTION: OptionSpec = { name: 'config', value: true, placeholder: 'FILE' };

/** --today as a day number, else the machine's local date. */
export function todayOption(args: ParsedArgs, command: string): number {
  const value = optionValue(args, 'today');
  if (value === undefined) return todayDay();
  const day = parseDate(value);
  if (day === undefined) throw new UsageError(`--today must be a real date written YYYY-MM-DD (for example ${formatDay(todayDay())}), not "${value}"`, command);
  return day;
}

/** One document's findings with printed positions. The document must have been read. */
export function fileResult(planSet: PlanSet, uri: string, findings: readonly Finding[], cwd: string): FileResult {
  const doc = planSet.get(uri)!;
  return { path: displayPath(uri, cwd), findings: positionFindings(doc.text, doc.lines(), findings) };
}
