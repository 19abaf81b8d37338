// `irplan drill --format markdown`: the text report as a Markdown document (for a pull-request
// comment or a job summary), with tables.
import { formatMinutes } from '../../engine';
import { markdownCell as cell, markdownTable } from '../../engine/markdown';
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
  out.push(...markdownTable(['Step', 'Acted', 'Start', 'End', 'Waits'], d.steps.map((s) => [s.id, actedBy(s), minutes(s.start, s.blocked), minutes(s.end, s.blocked), waits(s)])), '');
  if (d.objectives.length > 0) {
    out.push(...markdownTable(['Objective', 'Met', 'Detail'], d.objectives.map((o) => [o.kind.replace('_', ' '), o.met ? 'yes' : 'no', o.detail])), '');
  }
  if (d.injects.length > 0) {
    out.push(...markdownTable(['At', 'Met', 'Inject'], d.injects.map((i) => [formatMinutes(i.at), i.met === null ? '-' : i.met ? 'yes' : 'no', injectText(i)])), '');
  }
  if (d.reasons.length > 0) {
    out.push('Reasons:', '');
    for (const r of d.reasons) out.push(`- ${cell(r)}`);
    out.push('');
  }
  return out;
}
