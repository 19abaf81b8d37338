// The live drill as state: the drill clock (running or paused, at ×1, ×5 or ×10) and what the
// facilitator recorded. Pure functions over plain data, so the view's script can keep the state
// in the webview's state API (it survives the panel being hidden) and the tests can drive it
// without a browser.
import type { DrillRecord, DrillSimulation, StepRecord } from '../../../server/src/protocol';
import { toSeconds } from './time';

export const SPEEDS = [1, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];

export interface ClockState {
  running: boolean;
  speed: Speed;
  /** Drill minutes on the clock at `since` (or now, when paused). */
  base: number;
  /** Wall-clock ms when it last started or changed speed; null when paused. */
  since: number | null;
}

export interface LiveState {
  version: 1;
  /** The plan and drill this state belongs to. */
  key: string;
  clock: ClockState;
  record: DrillRecord;
}

export function emptyRecord(): DrillRecord {
  return { facilitator: '', participants: [], steps: [], injects: [], objectives: [], strengths: [], areasForImprovement: [], improvementPlan: [], clock: 0 };
}

export function initialState(key: string): LiveState {
  return { version: 1, key, clock: { running: false, speed: 1, base: 0, since: null }, record: emptyRecord() };
}

/**
 * The state the webview kept, when it is this drill's and of this shape; else a fresh one. (The
 * webview's own storage, but a change of version must not leave the view broken.)
 */
export function restoreState(value: unknown, key: string): LiveState {
  const fresh = initialState(key);
  if (typeof value !== 'object' || value === null) return fresh;
  const v = value as Partial<LiveState>;
  if (v.version !== 1 || v.key !== key || typeof v.clock !== 'object' || typeof v.record !== 'object' || v.record === null) return fresh;
  const c = v.clock;
  const clock: ClockState = {
    running: c.running === true && typeof c.since === 'number',
    speed: SPEEDS.includes(c.speed as Speed) ? (c.speed as Speed) : 1,
    base: typeof c.base === 'number' && Number.isFinite(c.base) && c.base >= 0 ? c.base : 0,
    since: typeof c.since === 'number' ? c.since : null,
  };
  if (!clock.running) clock.since = null;
  const r = v.record as Partial<DrillRecord>;
  const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
  const record: DrillRecord = {
    facilitator: typeof r.facilitator === 'string' ? r.facilitator : '',
    participants: list(r.participants),
    steps: list(r.steps),
    injects: list(r.injects),
    objectives: list(r.objectives),
    strengths: list(r.strengths),
    areasForImprovement: list(r.areasForImprovement),
    improvementPlan: list(r.improvementPlan),
    clock: typeof r.clock === 'number' ? r.clock : 0,
  };
  return { version: 1, key, clock, record };
}

// ---- The clock

/** Drill minutes on the clock at wall-clock `nowMs`. */
export function clockMinutes(c: ClockState, nowMs: number): number {
  if (!c.running || c.since === null) return c.base;
  return c.base + (Math.max(0, nowMs - c.since) * c.speed) / 60_000;
}

export function startClock(c: ClockState, nowMs: number): ClockState {
  return c.running ? c : { ...c, running: true, since: nowMs };
}

export function pauseClock(c: ClockState, nowMs: number): ClockState {
  return c.running ? { ...c, running: false, base: clockMinutes(c, nowMs), since: null } : c;
}

export function setSpeed(c: ClockState, speed: Speed, nowMs: number): ClockState {
  return { ...c, speed, base: clockMinutes(c, nowMs), since: c.running ? nowMs : null };
}

/** Sets the clock to `minutes` (jumping to the next inject), running or not. */
export function setClock(c: ClockState, minutes: number, nowMs: number): ClockState {
  return { ...c, base: Math.max(0, minutes), since: c.running ? nowMs : null };
}

/** The time of the first inject after `minutes`, if any. */
export function nextInjectAt(sim: DrillSimulation, minutes: number): number | undefined {
  const later = sim.injects.map((i) => i.at).filter((at) => at > minutes + 1e-9);
  return later.length > 0 ? Math.min(...later) : undefined;
}

/** Indexes of the injects that have arrived by `minutes`, in the drill's order. */
export function arrivedInjects(sim: DrillSimulation, minutes: number): number[] {
  return sim.injects.flatMap((inject, i) => (inject.at <= minutes + 1e-9 ? [i] : []));
}

// ---- The record

export type StepPatch = { start?: number | null; end?: number | null; skipped?: boolean };

/** The record with step `id` changed: null clears a time; skipping clears both times. */
export function recordStep(record: DrillRecord, id: string, patch: StepPatch): DrillRecord {
  const old = record.steps.find((s) => s.id === id) ?? { id };
  const next: StepRecord = { ...old };
  for (const key of ['start', 'end'] as const) {
    const value = patch[key];
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = toSeconds(value);
  }
  if (patch.skipped !== undefined) {
    if (patch.skipped) {
      next.skipped = true;
      delete next.start;
      delete next.end;
    } else delete next.skipped;
  } else if (patch.start != null || patch.end != null) delete next.skipped;
  const others = record.steps.filter((s) => s.id !== id);
  const empty = next.start === undefined && next.end === undefined && !next.skipped;
  return { ...record, steps: empty ? others : [...others, next] };
}

export function stepRecord(record: DrillRecord, id: string): StepRecord | undefined {
  return record.steps.find((s) => s.id === id);
}

export function injectNote(record: DrillRecord, index: number): string {
  return record.injects.find((n) => n.index === index)?.note ?? '';
}

export function setInjectNote(record: DrillRecord, index: number, note: string): DrillRecord {
  const others = record.injects.filter((n) => n.index !== index);
  return { ...record, injects: note === '' ? others : [...others, { index, note }].sort((a, b) => a.index - b.index) };
}

/** Text areas hold one entry per line. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}
