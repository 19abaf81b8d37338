// What a facilitator recorded during a live drill (the editor's drill view): who took part, when
// the team started and finished each step on the drill clock (or skipped it), notes per inject,
// an assessment per objective, strengths, areas for improvement and the improvement plan. The
// record arrives from outside (a webview, then the LSP wire), so it is read here field by field:
// anything of the wrong shape is refused with the path of the field, never half-used.
import { parseDate } from './time';

/**
 * The ratings exercise programmes give each objective (the US HSEEP after-action report):
 * performed without challenges, with some challenges, with major challenges, unable to perform.
 */
export const OBJECTIVE_RATINGS = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
} as const;
export type ObjectiveRating = keyof typeof OBJECTIVE_RATINGS;

export interface StepRecord {
  id: string;
  /** Drill minutes on the clock when the team started it. */
  start?: number;
  /** Drill minutes on the clock when the team finished it. */
  end?: number;
  skipped?: boolean;
}

export interface InjectNote {
  /** The inject's position in the drill's `injects` list. */
  index: number;
  note: string;
}

export interface ObjectiveAssessment {
  /** The objective's position in the drill's `objectives` list. */
  index: number;
  rating?: ObjectiveRating;
  note: string;
}

export interface ImprovementItem {
  item: string;
  /** A contact id of the plan, or a name as written. */
  owner: string;
  /** YYYY-MM-DD, or empty when not set. */
  due: string;
}

export interface Participant {
  name: string;
  role: string;
}

export interface DrillRecord {
  facilitator: string;
  participants: Participant[];
  steps: StepRecord[];
  injects: InjectNote[];
  objectives: ObjectiveAssessment[];
  strengths: string[];
  areasForImprovement: string[];
  improvementPlan: ImprovementItem[];
  /** The drill clock, in minutes, when the record was taken. */
  clock: number;
}

export function emptyDrillRecord(): DrillRecord {
  return { facilitator: '', participants: [], steps: [], injects: [], objectives: [], strengths: [], areasForImprovement: [], improvementPlan: [], clock: 0 };
}

/** Generous bounds: a record is typed by hand during an exercise, never megabytes. */
const MAX_TEXT = 4000;
const MAX_ITEMS = 500;
/** A year of drill clock. */
const MAX_MINUTES = 525_600;

export type RecordParse = { record: DrillRecord } | { error: string };

/** Reads a record that came from outside; the error names the first field that is wrong. */
export function parseDrillRecord(value: unknown): RecordParse {
  try {
    return { record: readRecord(value) };
  } catch (error) {
    if (error instanceof RecordError) return { error: error.message };
    throw error;
  }
}

class RecordError extends Error {}

type Obj = Record<string, unknown>;

function readRecord(value: unknown): DrillRecord {
  const o = object(value, 'record');
  return {
    facilitator: optionalText(o, 'facilitator', 'record'),
    participants: list(o, 'participants', 'record', (v, at) => {
      const p = object(v, at);
      return { name: optionalText(p, 'name', at), role: optionalText(p, 'role', at) };
    }),
    steps: list(o, 'steps', 'record', (v, at) => {
      const s = object(v, at);
      const step: StepRecord = { id: text(s.id, `${at}.id`) };
      const start = optionalMinutes(s, 'start', at);
      const end = optionalMinutes(s, 'end', at);
      if (start !== undefined) step.start = start;
      if (end !== undefined) step.end = end;
      if (s.skipped !== undefined) step.skipped = bool(s.skipped, `${at}.skipped`);
      if (start !== undefined && end !== undefined && end < start) throw new RecordError(`${at}: finished (${end} min) before it started (${start} min)`);
      return step;
    }),
    injects: list(o, 'injects', 'record', (v, at) => {
      const n = object(v, at);
      return { index: index(n.index, `${at}.index`), note: optionalText(n, 'note', at) };
    }),
    objectives: list(o, 'objectives', 'record', (v, at) => {
      const a = object(v, at);
      const assessment: ObjectiveAssessment = { index: index(a.index, `${at}.index`), note: optionalText(a, 'note', at) };
      if (a.rating !== undefined && a.rating !== '') {
        if (typeof a.rating !== 'string' || !Object.hasOwn(OBJECTIVE_RATINGS, a.rating)) {
          throw new RecordError(`${at}.rating must be one of ${Object.keys(OBJECTIVE_RATINGS).join(', ')}`);
        }
        assessment.rating = a.rating as ObjectiveRating;
      }
      return assessment;
    }),
    strengths: list(o, 'strengths', 'record', text),
    areasForImprovement: list(o, 'areasForImprovement', 'record', text),
    improvementPlan: list(o, 'improvementPlan', 'record', (v, at) => {
      const i = object(v, at);
      const due = optionalText(i, 'due', at);
      if (due !== '' && parseDate(due) === undefined) throw new RecordError(`${at}.due must be a date YYYY-MM-DD, not ${JSON.stringify(due.slice(0, 40))}`);
      return { item: optionalText(i, 'item', at), owner: optionalText(i, 'owner', at), due };
    }),
    clock: optionalMinutes(o, 'clock', 'record') ?? 0,
  };
}

function object(value: unknown, at: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordError(`${at} must be an object`);
  return value as Obj;
}

function text(value: unknown, at: string): string {
  if (typeof value !== 'string') throw new RecordError(`${at} must be a string`);
  if (value.length > MAX_TEXT) throw new RecordError(`${at} is longer than ${MAX_TEXT} characters`);
  return value;
}

function optionalText(o: Obj, key: string, at: string): string {
  return o[key] === undefined ? '' : text(o[key], `${at}.${key}`);
}

function bool(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') throw new RecordError(`${at} must be true or false`);
  return value;
}

function optionalMinutes(o: Obj, key: string, at: string): number | undefined {
  const value = o[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_MINUTES) {
    throw new RecordError(`${at}.${key} must be a number of drill minutes from 0 to ${MAX_MINUTES}`);
  }
  return value;
}

function index(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= MAX_ITEMS) throw new RecordError(`${at} must be a whole number from 0 to ${MAX_ITEMS - 1}`);
  return value;
}

function list<T>(o: Obj, key: string, at: string, item: (value: unknown, at: string) => T): T[] {
  const value = o[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RecordError(`${at}.${key} must be a list`);
  if (value.length > MAX_ITEMS) throw new RecordError(`${at}.${key} has more than ${MAX_ITEMS} entries`);
  return value.map((v, i) => item(v, `${at}.${key}[${i}]`));
}
