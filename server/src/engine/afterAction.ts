// The after-action report of a live drill, in Markdown, in the shape exercise programmes use
// (an overview, participants, the timeline, each objective assessed, strengths, areas for
// improvement and an improvement plan of item, owner and due date): the simulation of section 9
// set against what the facilitator recorded. Every text, the plan's and the facilitator's, is
// redacted and made inert: the report may be committed, pasted or published.
import type { DrillRecord, StepRecord } from './drillRecord';
import { OBJECTIVE_RATINGS } from './drillRecord';
import type { DrillSimulation, SimulationInject, SimulationStep } from './drillSimulation';
import { markdownCell, markdownTable } from './markdown';
import { formatMinutes } from './time';
import { redactSecrets } from './validate';

export interface AfterActionOptions {
  /** The day of the drill, YYYY-MM-DD. */
  date: string;
}

/** How a step went in the room. */
export type ActualStatus = 'finished' | 'started' | 'skipped' | 'not recorded';

export interface ActualStep {
  step: SimulationStep;
  record?: StepRecord;
  status: ActualStatus;
}

export interface ActualTimeline {
  steps: ActualStep[];
  /** The latest recorded end when every step finished or was skipped (and one finished); else null. */
  timeToContain: number | null;
  /** Steps neither finished nor skipped. */
  unfinished: string[];
  skipped: string[];
}

/** The recorded timeline, step by step, in the plan's order. */
export function actualTimeline(sim: DrillSimulation, record: DrillRecord): ActualTimeline {
  const byId = new Map(record.steps.map((s) => [s.id, s]));
  const steps = sim.steps.map((step): ActualStep => {
    const r = byId.get(step.id);
    const status: ActualStatus = r?.skipped ? 'skipped' : r?.end !== undefined ? 'finished' : r?.start !== undefined ? 'started' : 'not recorded';
    return { step, record: r, status };
  });
  const unfinished = steps.filter((s) => s.status !== 'finished' && s.status !== 'skipped').map((s) => s.step.id);
  const skipped = steps.filter((s) => s.status === 'skipped').map((s) => s.step.id);
  const ends = steps.flatMap((s) => (s.status === 'finished' ? [s.record!.end!] : []));
  const timeToContain = unfinished.length === 0 && ends.length > 0 ? Math.max(...ends) : null;
  return { steps, timeToContain, unfinished, skipped };
}

export function afterActionReport(sim: DrillSimulation, record: DrillRecord, options: AfterActionOptions): string {
  const actual = actualTimeline(sim, record);
  const out: string[] = [];
  out.push(`# After-action report: ${t(sim.title ?? sim.drillId)}`, '');
  out.push(...overview(sim, record, actual, options), '');
  out.push(...participants(record), '');
  out.push(...timeline(sim, record, actual), '');
  out.push(...objectives(sim, record, actual), '');
  out.push(...strengths(sim, record, actual), '');
  out.push(...areasForImprovement(sim, record, actual), '');
  out.push(...improvementPlan(sim, record), '');
  out.push('---', '', `*Written by irplan from the drill view on ${t(options.date)}. The simulation is that of the plan as it read then; the plan file was not changed.*`);
  return `${out.join('\n')}\n`;
}

function overview(sim: DrillSimulation, record: DrillRecord, actual: ActualTimeline, options: AfterActionOptions): string[] {
  const scenario = sim.injects.find((i) => i.message !== undefined)?.message;
  const rows: [string, string][] = [
    ['Exercise', sim.title ? `${sim.title} (drill ${sim.drillId})` : `drill ${sim.drillId}`],
    ['Plan', sim.planTitle ? `${sim.planTitle} (${sim.file})` : sim.file],
    ['Date', options.date],
    ['Type', 'Tabletop drill of a credential revocation, facilitated with a drill clock'],
  ];
  if (scenario !== undefined) rows.push(['Scenario', scenario]);
  rows.push(
    ['Credential class', sim.classKind ? `${sim.classId} (${sim.classKind})` : sim.classId],
    ['Severity', sim.severity ?? 'not set'],
    ['Unavailable during the drill', sim.unavailable.length > 0 ? sim.unavailable.map((id) => contactName(sim, id)).join(', ') : 'no one'],
    ['Handoff delay', formatMinutes(sim.handoff)],
    ['Facilitator', record.facilitator.trim() || 'not recorded'],
    ['Drill clock at the end', formatMinutes(record.clock)],
    ['Simulated', `${sim.verdict}, time to contain ${sim.timeToContain === null ? 'never (a step is blocked)' : formatMinutes(sim.timeToContain)}`],
    ['Actual', actualOutcome(actual)],
  );
  return ['## Overview', '', ...table(['', ''], rows)];
}

function actualOutcome(actual: ActualTimeline): string {
  const skipped = actual.skipped.length > 0 ? ` (skipped: ${actual.skipped.join(', ')})` : '';
  if (actual.timeToContain !== null) return `contained in ${formatMinutes(actual.timeToContain)}${skipped}`;
  if (actual.steps.every((s) => s.status === 'not recorded')) return 'no step was recorded';
  return `not contained during the drill: ${actual.unfinished.join(', ')} not finished${skipped}`;
}

function participants(record: DrillRecord): string[] {
  const people = record.participants.filter((p) => p.name.trim() !== '' || p.role.trim() !== '');
  const out = ['## Participants', ''];
  if (people.length === 0) return [...out, 'No participants were recorded.'];
  return [...out, ...table(['Name', 'Role'], people.map((p) => [p.name, p.role]))];
}

function timeline(sim: DrillSimulation, record: DrillRecord, actual: ActualTimeline): string[] {
  const out = ['## Timeline: simulated versus actual', ''];
  out.push(
    ...table(
      ['Step', 'Acted (simulated)', 'Simulated', 'Actual', 'Difference at the end'],
      actual.steps.map(({ step, record: r, status }) => [step.id, actedBy(step), simulatedSpan(step), actualSpan(status, r), difference(step, r, status)]),
    ),
    '',
  );
  const simulated = sim.timeToContain === null ? 'never (a step is blocked)' : formatMinutes(sim.timeToContain);
  const real = actual.timeToContain === null ? 'not reached' : formatMinutes(actual.timeToContain);
  const delta = sim.timeToContain !== null && actual.timeToContain !== null ? ` (${signed(actual.timeToContain - sim.timeToContain)})` : '';
  out.push(`**Time to contain:** simulated ${simulated}; actual ${real}${delta}.`);
  if (sim.injects.length > 0) {
    out.push('', '### Injects', '');
    out.push(
      ...table(
        ['#', 'At', 'Inject', 'Expected under way', 'Simulated', 'Actual', 'Notes'],
        sim.injects.map((inject, i) => [
          String(i + 1),
          formatMinutes(inject.at),
          injectText(inject),
          inject.expect?.join(', ') ?? '',
          inject.met === null ? '-' : inject.met ? 'met' : 'missed',
          actualInject(inject, actual, record.clock),
          record.injects.find((n) => n.index === i)?.note ?? '',
        ]),
      ),
    );
  }
  return out;
}

function objectives(sim: DrillSimulation, record: DrillRecord, actual: ActualTimeline): string[] {
  const out = ['## Objectives', ''];
  if (sim.objectives.length === 0) return [...out, 'The drill sets no objectives.'];
  sim.objectives.forEach((o, i) => {
    const assessment = record.objectives.find((a) => a.index === i);
    const name = o.kind === 'contain_within' ? `Contain within ${formatMinutes(o.limit ?? 0)}` : `Evidence collected: ${(o.evidence ?? []).join(', ')}`;
    out.push(`### ${i + 1}. ${t(name)}`, '');
    out.push(`- **Simulated:** ${o.met ? 'met' : 'missed'} (${t(o.detail)})`);
    out.push(`- **Actual:** ${t(actualObjective(o.kind, o.limit, actual))}`);
    out.push(`- **Rating:** ${assessment?.rating ? `${assessment.rating}: ${OBJECTIVE_RATINGS[assessment.rating]}` : 'not rated'}`);
    if (assessment && assessment.note.trim() !== '') out.push(`- **Notes:** ${t(assessment.note)}`);
    out.push('');
  });
  out.pop();
  return out;
}

function actualObjective(kind: string, limit: number | undefined, actual: ActualTimeline): string {
  if (kind !== 'contain_within' || limit === undefined) return 'assessed by the facilitator (see the rating)';
  if (actual.timeToContain === null) return `missed: ${actualOutcome(actual)}`;
  const met = actual.timeToContain <= limit;
  return `${met ? 'met' : 'missed'}: ${formatMinutes(actual.timeToContain)} ${met ? '<=' : '>'} ${formatMinutes(limit)}`;
}

function strengths(sim: DrillSimulation, record: DrillRecord, actual: ActualTimeline): string[] {
  const out = ['## Strengths', ''];
  const observed: string[] = [];
  if (actual.timeToContain !== null && sim.containWithin !== null && actual.timeToContain <= sim.containWithin) {
    observed.push(`Contained in ${formatMinutes(actual.timeToContain)}, inside the ${formatMinutes(sim.containWithin)} objective.`);
  }
  for (const { step, record: r, status } of actual.steps) {
    if (status === 'finished' && step.end !== null && r!.end! < step.end) observed.push(`Step ${step.id} finished ${formatMinutes(step.end - r!.end!)} ahead of the simulation.`);
  }
  return [...out, ...bullets(record.strengths, observed, 'No strengths were recorded.')];
}

function areasForImprovement(sim: DrillSimulation, record: DrillRecord, actual: ActualTimeline): string[] {
  const out = ['## Areas for improvement', ''];
  const observed: string[] = [];
  for (const { step, record: r, status } of actual.steps) {
    if (status === 'skipped') observed.push(`Step ${step.id} was skipped.`);
    else if (status === 'finished' && step.end !== null && r!.end! > step.end) observed.push(`Step ${step.id} finished ${formatMinutes(r!.end! - step.end)} later than simulated.`);
    else if (status === 'started') observed.push(`Step ${step.id} was started but not finished.`);
  }
  sim.injects.forEach((inject, i) => {
    if (actualInject(inject, actual, record.clock) === 'missed') observed.push(`Inject ${i + 1} at ${formatMinutes(inject.at)} expected ${inject.expect!.join(', ')} under way; not all were.`);
  });
  if (sim.verdict === 'fail') for (const reason of sim.reasons) observed.push(`The plan itself fails the simulation: ${reason}.`);
  return [...out, ...bullets(record.areasForImprovement, observed, 'No areas for improvement were recorded.')];
}

function improvementPlan(sim: DrillSimulation, record: DrillRecord): string[] {
  const out = ['## Improvement plan', ''];
  const items = record.improvementPlan.filter((i) => i.item.trim() !== '');
  if (items.length === 0) return [...out, 'No improvement items were recorded.'];
  return [
    ...out,
    ...table(
      ['#', 'Item', 'Owner (contact)', 'Due date'],
      items.map((i, n) => [String(n + 1), i.item, i.owner.trim() === '' ? 'not assigned' : contactName(sim, i.owner.trim()), i.due || 'not set']),
    ),
  ];
}

/** The facilitator's lines first, then what the timeline shows; a placeholder when both are empty. */
function bullets(written: readonly string[], observed: readonly string[], none: string): string[] {
  const lines = written.map((s) => s.trim()).filter((s) => s !== '');
  if (lines.length === 0 && observed.length === 0) return [none];
  const out = lines.map((s) => `- ${t(s)}`);
  if (observed.length > 0) {
    if (out.length > 0) out.push('');
    out.push('Seen on the timeline:', '', ...observed.map((s) => `- ${t(s)}`));
  }
  return out;
}

function actualInject(inject: SimulationInject, actual: ActualTimeline, clock: number): string {
  if (!inject.expect) return '-';
  if (clock < inject.at) return 'not reached';
  const started = inject.expect.every((id) => {
    const r = actual.steps.find((s) => s.step.id === id)?.record;
    return r !== undefined && !r.skipped && r.start !== undefined && r.start <= inject.at;
  });
  return started ? 'met' : 'missed';
}

function injectText(inject: SimulationInject): string {
  const message = inject.message ?? '(no message)';
  return inject.question ? `${message} (question: ${inject.question})` : message;
}

function actedBy(step: SimulationStep): string {
  if (step.blocked) return `${step.plannedActor ?? '-'} (blocked)`;
  if (step.actor !== undefined && step.plannedActor !== undefined && step.actor !== step.plannedActor) return `${step.actor} (for ${step.plannedActor})`;
  return step.actor ?? '-';
}

function simulatedSpan(step: SimulationStep): string {
  if (step.blocked) return step.start === null ? 'blocked: never starts' : `blocked from ${formatMinutes(step.start)}`;
  return `${formatMinutes(step.start!)} to ${formatMinutes(step.end!)}`;
}

function actualSpan(status: ActualStatus, r: StepRecord | undefined): string {
  if (status === 'skipped') return 'skipped';
  if (status === 'finished') return r!.start === undefined ? `finished at ${formatMinutes(r!.end!)}` : `${formatMinutes(r!.start)} to ${formatMinutes(r!.end!)}`;
  if (status === 'started') return `started at ${formatMinutes(r!.start!)}, not finished`;
  return 'not recorded';
}

function difference(step: SimulationStep, r: StepRecord | undefined, status: ActualStatus): string {
  return status === 'finished' && step.end !== null ? signed(r!.end! - step.end) : '';
}

function signed(minutes: number): string {
  return minutes === 0 ? '0m' : minutes > 0 ? `+${formatMinutes(minutes)}` : formatMinutes(minutes);
}

/** "Name (id)" for a contact of the plan; anything else as written. */
function contactName(sim: DrillSimulation, id: string): string {
  const name = sim.contacts.find((c) => c.id === id)?.name;
  return name ? `${name} (${id})` : id;
}

/** A table whose every cell is redacted and made inert. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return markdownTable(header, rows.map((row) => row.map(redactSecrets)));
}

/** Inline text: secrets redacted, no markup, one line. */
function t(text: string): string {
  return markdownCell(redactSecrets(text));
}
