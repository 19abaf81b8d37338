// The drill timeline as SVG markup: one lane per actor (who acts in the drill, after
// replacements), a bar per step whose approval wait, handoff wait and work are separate segments,
// blocked steps drawn apart, the injects as markers carrying their message and question, the
// contain_within line, and in live mode the team's actual bars and the drill clock. A pure
// function of its data: the extension renders it into the page, the view's script re-renders it
// as the facilitator records, and the tests render it in node and in Chromium. Every text is
// escaped; colours come from the stylesheet (VS Code theme variables).
import type { DrillSimulation, SimulationInject, SimulationStep } from '../../../server/src/protocol';
import { escapeHtml } from '../webview/page';
import { clockText, spanText } from './time';

/** What the team actually did with a step, on the drill clock. */
export interface ActualBar {
  start?: number;
  end?: number;
  skipped?: boolean;
}

export interface TimelineOptions {
  /** Recorded actuals by step id (live mode). */
  actual?: ReadonlyMap<string, ActualBar>;
  /** The drill clock, in minutes, when live. */
  now?: number;
  /** The drawing's width in px (it scales to its container). */
  width?: number;
}

const LABEL_WIDTH = 180;
const RIGHT = 28;
const TOP = 40;
const ROW = 32;
const BAR_Y = 5;
const BAR_H = 14;
const ACTUAL_Y = 22;
const ACTUAL_H = 6;
const LANE_GAP = 6;
const AXIS = 30;
const CHAR = 6.6;
const TICK_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080];

interface Placed {
  step: SimulationStep;
  index: number;
  from: number;
  to: number;
  actual?: ActualBar;
}

interface Lane {
  actor: string;
  /** Planned actors this lane's actor stands in for. */
  standsInFor: string[];
  rows: Placed[][];
}

export interface Scale {
  /** x of minute 0. */
  origin: number;
  /** px per minute. */
  perMinute: number;
  /** The last minute drawn. */
  end: number;
}

export function renderTimeline(sim: DrillSimulation, options: TimelineOptions = {}): string {
  const width = options.width ?? 820;
  if (sim.steps.length === 0) return `<p class="timeline-empty">The class has no revocation steps to draw.</p>`;
  const scale = scaleFor(sim, options, width);
  const x = (minutes: number) => round(scale.origin + minutes * scale.perMinute);
  const lanes = layLanes(sim, options, scale);
  const rows = lanes.reduce((n, lane) => n + lane.rows.length, 0);
  const chartBottom = TOP + rows * ROW + (lanes.length - 1) * LANE_GAP;
  const height = chartBottom + AXIS;

  const parts: string[] = [];
  parts.push(defs());
  parts.push(grid(scale, x, chartBottom));
  let y = TOP;
  const laneParts: string[] = [];
  const stepParts: string[] = [];
  for (const lane of lanes) {
    const laneHeight = lane.rows.length * ROW;
    laneParts.push(laneMarkup(lane, sim, y, laneHeight, width));
    lane.rows.forEach((row, r) => {
      for (const placed of row) stepParts.push(stepMarkup(placed, sim, x, y + r * ROW, scale, options.now));
    });
    y += laneHeight + LANE_GAP;
  }
  parts.push(`<g class="lanes">${laneParts.join('')}</g>`);
  parts.push(`<g class="steps" role="list" aria-label="Steps">${stepParts.join('')}</g>`);
  if (sim.containWithin !== null) parts.push(containLine(sim.containWithin, x, chartBottom));
  parts.push(`<g class="injects" role="list" aria-label="Injects">${sim.injects.map((inject, i) => injectMarkup(inject, i, x, chartBottom)).join('')}</g>`);
  if (options.now !== undefined) {
    parts.push(`<line class="now-line" id="now-line" x1="${x(options.now)}" x2="${x(options.now)}" y1="${TOP - 8}" y2="${chartBottom}"><title>Drill clock ${escapeHtml(clockText(options.now))}</title></line>`);
  }

  const summary = timelineSummary(sim);
  return (
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="group" aria-labelledby="timeline-title" data-origin="${scale.origin}" data-per-minute="${scale.perMinute}" data-end="${scale.end}">` +
    `<title id="timeline-title">${escapeHtml(summary)}</title>${parts.join('')}</svg>`
  );
}

/** The horizontal scale: minute 0 after the lane labels, up to a round minute past everything drawn. */
export function scaleFor(sim: DrillSimulation, options: TimelineOptions, width: number): Scale {
  const moments = [10, sim.timeToContain ?? 0, sim.containWithin ?? 0, options.now ?? 0];
  for (const s of sim.steps) moments.push(s.end ?? 0, s.ready ?? 0, (s.start ?? 0) + s.duration);
  for (const i of sim.injects) moments.push(i.at);
  for (const a of options.actual?.values() ?? []) moments.push(a.start ?? 0, a.end ?? 0);
  const latest = Math.max(...moments.filter(Number.isFinite)) * 1.08;
  const tick = TICK_STEPS.find((t) => latest / t <= 10) ?? TICK_STEPS[TICK_STEPS.length - 1];
  const end = Math.ceil(latest / tick) * tick;
  return { origin: LABEL_WIDTH, perMinute: (width - LABEL_WIDTH - RIGHT) / end, end };
}

/** Lanes in order of first appearance; a lane's steps packed into rows so none overlap. */
function layLanes(sim: DrillSimulation, options: TimelineOptions, scale: Scale): Lane[] {
  const lanes = new Map<string, Lane>();
  sim.steps.forEach((step, index) => {
    const actor = step.actor ?? step.plannedActor ?? '(no actor)';
    let lane = lanes.get(actor);
    if (!lane) lanes.set(actor, (lane = { actor, standsInFor: [], rows: [] }));
    if (step.actor !== undefined && step.plannedActor !== undefined && step.actor !== step.plannedActor && !lane.standsInFor.includes(step.plannedActor)) {
      lane.standsInFor.push(step.plannedActor);
    }
    const actual = options.actual?.get(step.id);
    const [from, to] = span(step, scale);
    const placed: Placed = { step, index, from, to, actual };
    if (actual?.start !== undefined) placed.from = Math.min(placed.from, actual.start);
    if (actual?.end !== undefined || actual?.start !== undefined) placed.to = Math.max(placed.to, actual.end ?? options.now ?? actual.start!);
    // Room for the label after a short bar.
    const labelEnd = placed.to + ((step.id.length + 1) * CHAR) / scale.perMinute;
    const row = lane.rows.find((r) => r.every((p) => p.to + ((p.step.id.length + 1) * CHAR) / scale.perMinute <= placed.from || labelEnd <= p.from));
    if (row) row.push(placed);
    else lane.rows.push([placed]);
  });
  return [...lanes.values()];
}

/** The minutes a step's bar covers: from ready to end; a blocked step to the end of the chart. */
function span(step: SimulationStep, scale: Scale): [number, number] {
  if (!step.blocked) return [step.ready ?? step.start!, step.end!];
  if (step.start !== null) return [step.start, scale.end];
  return [scale.end * 0.85, scale.end];
}

function defs(): string {
  const hatch = (id: string) =>
    `<pattern id="${id}" class="${id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-ground"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern>`;
  return `<defs>${hatch('hatch-approval')}${hatch('hatch-handoff')}</defs>`;
}

function grid(scale: Scale, x: (m: number) => number, bottom: number): string {
  const tick = TICK_STEPS.find((t) => scale.end / t <= 10) ?? TICK_STEPS[TICK_STEPS.length - 1];
  const lines: string[] = [];
  for (let m = 0; m <= scale.end + 1e-9; m += tick) {
    lines.push(`<line class="grid-line" x1="${x(m)}" x2="${x(m)}" y1="${TOP - 8}" y2="${bottom}"/>`);
    lines.push(`<text class="axis-label" x="${x(m)}" y="${bottom + 16}" text-anchor="middle">${m} min</text>`);
  }
  return `<g class="grid" aria-hidden="true">${lines.join('')}</g>`;
}

function laneMarkup(lane: Lane, sim: DrillSimulation, y: number, height: number, width: number): string {
  const name = sim.contacts.find((c) => c.id === lane.actor)?.name;
  const note = lane.standsInFor.length > 0 ? `for ${lane.standsInFor.join(', ')}` : undefined;
  const label = `${lane.actor}${name ? `: ${name}` : ''}${note ? ` (${note})` : ''}`;
  const middle = y + height / 2;
  return (
    `<g class="lane" data-lane="${escapeHtml(lane.actor)}"><title>${escapeHtml(label)}</title>` +
    `<rect class="lane-bg" x="0" y="${y}" width="${width}" height="${height}"/>` +
    `<text class="lane-label" x="8" y="${note ? middle - 2 : middle + 4}">${escapeHtml(truncate(lane.actor, 24))}</text>` +
    (note ? `<text class="lane-note" x="8" y="${middle + 11}">${escapeHtml(truncate(note, 26))}</text>` : '') +
    `</g>`
  );
}

function stepMarkup(p: Placed, sim: DrillSimulation, x: (m: number) => number, y: number, scale: Scale, now: number | undefined): string {
  const s = p.step;
  const rects: string[] = [];
  const bar = (cls: string, from: number, to: number, top = y + BAR_Y, h = BAR_H) =>
    `<rect class="${cls}" x="${x(from)}" y="${top}" width="${Math.max(round(x(to) - x(from)), to > from ? 1 : 0)}" height="${h}"/>`;
  let labelAt: number;
  if (!s.blocked) {
    const ready = s.ready ?? s.start!;
    if (s.approvalWait > 0) rects.push(bar('seg-approval', ready, ready + s.approvalWait));
    if (s.handoffWait > 0) rects.push(bar('seg-handoff', ready + s.approvalWait, s.start!));
    rects.push(bar('seg-work', s.start!, s.end!));
    labelAt = s.end!;
  } else {
    const [from, to] = span(s, scale);
    rects.push(bar('seg-blocked', from, to));
    labelAt = from;
  }
  if (p.actual) rects.push(actualMarkup(p.actual, x, y, now));
  const text = s.blocked ? `${s.id}: blocked` : s.id;
  // After the bar, or before it when it would run off the right edge.
  const after = x(labelAt) + (s.blocked ? 6 : 4);
  const fits = s.blocked || after + text.length * CHAR <= x(scale.end) + RIGHT;
  const labelX = fits ? after : x(s.ready ?? s.start ?? labelAt) - 4;
  const label = `<text class="step-label${s.blocked ? ' blocked-label' : ''}" x="${round(labelX)}" y="${y + BAR_Y + 11}"${fits ? '' : ' text-anchor="end"'}>${escapeHtml(text)}</text>`;
  const description = stepDescription(s, sim, p.actual);
  return (
    `<g class="step${s.blocked ? ' blocked' : ''}" data-step="${escapeHtml(s.id)}" tabindex="0" role="listitem" aria-label="${escapeHtml(description)}">` +
    `<title>${escapeHtml(description)}</title>${rects.join('')}${label}</g>`
  );
}

function actualMarkup(a: ActualBar, x: (m: number) => number, y: number, now: number | undefined): string {
  if (a.skipped) return `<text class="actual-skipped" x="${x(0) + 2}" y="${y + ACTUAL_Y + 6}">skipped</text>`;
  if (a.start === undefined && a.end === undefined) return '';
  const from = a.start ?? a.end!;
  const to = a.end ?? Math.max(now ?? from, from);
  const cls = a.end === undefined ? 'bar-actual in-progress' : a.start === undefined ? 'bar-actual end-only' : 'bar-actual';
  return `<rect class="${cls}" x="${x(from)}" y="${y + ACTUAL_Y}" width="${Math.max(round(x(to) - x(from)), 2)}" height="${ACTUAL_H}"/>`;
}

function injectMarkup(inject: SimulationInject, i: number, x: (m: number) => number, bottom: number): string {
  const at = x(inject.at);
  const state = inject.met === null ? '' : inject.met ? ' met' : ' missed';
  const description = injectDescription(inject, i);
  return (
    `<g class="inject${state}" data-inject="${i}" tabindex="0" role="listitem" aria-label="${escapeHtml(description)}"><title>${escapeHtml(description)}</title>` +
    `<line class="inject-line" x1="${at}" x2="${at}" y1="${TOP - 14}" y2="${bottom}"/>` +
    `<path class="inject-marker" d="M${at} ${TOP - 26} l7 7 l-7 7 l-7 -7 z"/>` +
    `<text class="inject-number" x="${at}" y="${TOP - 16}" text-anchor="middle">${i + 1}</text></g>`
  );
}

function containLine(limit: number, x: (m: number) => number, bottom: number): string {
  const at = x(limit);
  const text = `contain within ${spanText(limit)}`;
  return (
    `<g class="contain-line" data-minutes="${limit}"><title>${escapeHtml(`Objective: ${text}`)}</title>` +
    `<line x1="${at}" x2="${at}" y1="${TOP - 34}" y2="${bottom}"/>` +
    `<text class="contain-label" x="${at - 4}" y="${TOP - 30}" text-anchor="end">${escapeHtml(text)}</text></g>`
  );
}

/** One sentence per step, for its tooltip and screen readers. */
export function stepDescription(s: SimulationStep, sim: DrillSimulation, actual?: ActualBar): string {
  const parts = [`Step ${s.id}${s.action ? `: ${s.action}` : ''}.`];
  if (s.blocked) {
    parts.push(`Blocked${s.start !== null ? ` from ${clockText(s.start)}` : ''}: ${s.blockedBy ?? 'waits on a blocked step'}.`);
  } else {
    const who = s.actor !== s.plannedActor && s.plannedActor ? `${s.actor} for ${s.plannedActor} (unavailable)` : s.actor;
    parts.push(`Acted by ${who ?? 'no one'}${contactSuffix(sim, s.actor)}.`);
    if (s.approvalWait > 0) parts.push(`Approval wait ${spanText(s.approvalWait)}${s.approver ? ` (${s.approver} approves)` : ''}.`);
    else if (s.approver) parts.push(`Approved by ${s.approver} at once.`);
    if (s.handoffWait > 0) parts.push(`Handoff wait ${spanText(s.handoffWait)}.`);
    parts.push(`Simulated ${clockText(s.start!)} to ${clockText(s.end!)} (work ${spanText(s.duration)}).`);
  }
  if (actual?.skipped) parts.push('Actual: skipped.');
  else if (actual?.start !== undefined || actual?.end !== undefined) {
    parts.push(`Actual: ${actual.start !== undefined ? `started ${clockText(actual.start)}` : 'start not recorded'}, ${actual.end !== undefined ? `finished ${clockText(actual.end)}` : 'not finished'}.`);
  }
  return parts.join(' ');
}

export function injectDescription(inject: SimulationInject, i: number): string {
  const parts = [`Inject ${i + 1} at ${clockText(inject.at)}: ${inject.message ?? '(no message)'}`];
  if (inject.question) parts.push(`Question: ${inject.question}`);
  if (inject.expect) parts.push(`Expects ${inject.expect.join(', ')} under way: ${inject.met ? 'met' : `missed${inject.detail ? ` (${inject.detail})` : ''}`}`);
  return parts.join('. ');
}

function timelineSummary(sim: DrillSimulation): string {
  const ttc = sim.timeToContain === null ? 'never contained: a step is blocked' : `contained at ${clockText(sim.timeToContain)}`;
  const limit = sim.containWithin === null ? '' : `, objective ${spanText(sim.containWithin)}`;
  return `Timeline of drill ${sim.drillId}: ${sim.steps.length} steps, ${ttc}${limit}, ${sim.injects.length} injects.`;
}

function contactSuffix(sim: DrillSimulation, id: string | undefined): string {
  const name = id === undefined ? undefined : sim.contacts.find((c) => c.id === id)?.name;
  return name ? ` (${name})` : '';
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
