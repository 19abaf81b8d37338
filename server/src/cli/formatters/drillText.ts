// `irplan drill` for people: per drill, the verdict and time to contain, the step table (who
// acted, when, and what they waited for), objectives, injects and the reasons for a failure.
import { formatMinutes } from '../../engine';
import { makeStyle, padEnd, plural, type Style } from '../io';
import type { DrillFormatter, DrillView, InjectView, StepView } from './drillReport';

export const drillText: DrillFormatter = (run, ctx) => {
  const style = makeStyle(ctx.color);
  const blocks = run.drills.map((d) => drillBlock(d, style));
  return `${blocks.join('\n')}\n${drillSummary(run.drills)} (${run.file})\n`;
};

export function drillSummary(drills: readonly DrillView[]): string {
  const passed = drills.filter((d) => d.verdict === 'pass').length;
  return `${plural(drills.length, 'drill')}: ${passed} passed, ${drills.length - passed} failed`;
}

function drillBlock(d: DrillView, style: Style): string {
  const lines: string[] = [];
  lines.push(style.bold(d.title ? `${d.id}: ${d.title}` : d.id));
  const verdict = d.verdict === 'pass' ? style.green('PASS') : style.red('FAIL');
  lines.push(`  ${style.bold(verdict)}  time to contain ${d.time_to_contain === null ? 'never (a step is blocked)' : formatMinutes(d.time_to_contain)}`);
  lines.push(`  ${situation(d)}`);
  lines.push('');
  lines.push(...table(['step', 'acted', 'start', 'end', 'waits'], d.steps.map(stepRow)).map((l) => `  ${l}`));
  lines.push('');
  lines.push('  objectives');
  if (d.objectives.length === 0) lines.push('    none');
  for (const o of d.objectives) lines.push(`    ${mark(o.met, style)} ${o.kind.replace('_', ' ')}: ${o.detail}`);
  lines.push('  injects');
  if (d.injects.length === 0) lines.push('    none');
  const atWidth = Math.max(0, ...d.injects.map((i) => formatMinutes(i.at).length));
  for (const i of d.injects) lines.push(`    ${mark(i.met, style)} ${padEnd(formatMinutes(i.at), atWidth)}  ${injectText(i)}`);
  lines.push('  reasons');
  if (d.reasons.length === 0) lines.push('    none');
  for (const r of d.reasons) lines.push(`    - ${r}`);
  return `${lines.join('\n')}\n`;
}

export function situation(d: DrillView): string {
  const parts = [`class ${d.class}`];
  if (d.severity) parts.push(`severity ${d.severity}`);
  parts.push(`unavailable: ${d.unavailable.length > 0 ? d.unavailable.join(', ') : 'none'}`);
  parts.push(`handoff ${formatMinutes(d.handoff)}`);
  return parts.join(', ');
}

/** Who acted: `deputy (for owner)` when a replacement took over; a blocked step shows its planned actor. */
export function actedBy(s: StepView): string {
  if (!s.blocked && s.actor !== null && s.planned_actor !== null && s.actor !== s.planned_actor) return `${s.actor} (for ${s.planned_actor})`;
  return s.actor ?? '-';
}

export function waits(s: StepView): string {
  const parts: string[] = [];
  if (s.approval_wait > 0) parts.push(`approval ${formatMinutes(s.approval_wait)}${s.approver ? ` (${s.approver} approves)` : ''}`);
  else if (s.approver) parts.push(`approved by ${s.approver}`);
  if (s.handoff_wait > 0) parts.push(`handoff ${formatMinutes(s.handoff_wait)}`);
  if (s.blocked) parts.push(`blocked: ${s.blocked_by ?? 'waits on a blocked step'}`);
  return parts.join(', ');
}

export function minutes(value: number | null, blocked: boolean): string {
  return value === null ? (blocked ? 'blocked' : '-') : formatMinutes(value);
}

function stepRow(s: StepView): string[] {
  return [s.id, actedBy(s), minutes(s.start, s.blocked), minutes(s.end, s.blocked), waits(s)];
}

export function injectText(i: InjectView): string {
  const parts = [i.message ?? '(no message)'];
  if (i.expect) parts.push(`expects ${i.expect.join(', ')} under way: ${i.met ? 'met' : `missed (${i.detail ?? 'not under way'})`}`);
  if (i.question) parts.push(`question: ${i.question}`);
  return parts.join('; ');
}

function mark(met: boolean | null, style: Style): string {
  return met === null ? style.dim('·') : met ? style.green('✔') : style.red('✖');
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  return all.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : padEnd(cell, widths[c]))).join('  ').trimEnd());
}
