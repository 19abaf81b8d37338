// `irplan drill --format markdown`: the text report as a Markdown document (for a pull-request
// comment or a job summary), with tables.
import { formatMinutes } from '../../engine';
import type { DrillFormatter, DrillView } from './drillReport';
import { actedBy, drillSummary, injectText, minutes, situation, waits } from './drillText';

export const drillMarkdown: DrillFormatter = (run) => {
  const out = [`# Drill report: ${cell(run.file)}`, '', `**${drillSummary(run.drills)}**`, ''];
  for (const d of run.drills) out.push(...section(d));
  return `${out.join('\n').trimEnd()}\n`;
};

function section(d: DrillView): string[] {
  const out = [`## ${cell(d.title ? `${d.id}: ${d.title}` : d.id)}`, ''];
  const ttc = d.time_to_contain === null ? 'never (a step is blocked)' : formatMinutes(d.time_to_contain);
  out.push(`**${d.verdict === 'pass' ? '✅ pass' : '❌ fail'}**, time to contain ${ttc}; ${cell(situation(d))}`, '');
  out.push('| Step | Acted | Start | End | Waits |', '|---|---|---|---|---|');
  for (const s of d.steps) out.push(row([s.id, actedBy(s), minutes(s.start, s.blocked), minutes(s.end, s.blocked), waits(s)]));
  out.push('');
  if (d.objectives.length > 0) {
    out.push('| Objective | Met | Detail |', '|---|---|---|');
    for (const o of d.objectives) out.push(row([o.kind.replace('_', ' '), o.met ? 'yes' : 'no', o.detail]));
    out.push('');
  }
  if (d.injects.length > 0) {
    out.push('| At | Met | Inject |', '|---|---|---|');
    for (const i of d.injects) out.push(row([formatMinutes(i.at), i.met === null ? '-' : i.met ? 'yes' : 'no', injectText(i)]));
    out.push('');
  }
  if (d.reasons.length > 0) {
    out.push('Reasons:', '');
    for (const r of d.reasons) out.push(`- ${cell(r)}`);
    out.push('');
  }
  return out;
}

export function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** Text safe inside a table cell or a heading: no line breaks, pipes or HTML. */
export function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
