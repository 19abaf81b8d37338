// Lens data for a plan document: above each credential class, how many of its seven controls are
// in place (section 10) and whether it is drilled; above each drill, a "Run drill" lens with the
// simulator's verdict (section 9). The language server turns these into LSP code lenses and
// attaches the commands; nothing here knows LSP.
import type { OffsetRange } from '../findings';
import { classCoverage, type ClassCoverage } from '../coverage';
import { simulateDrill } from '../simulate';
import { formatMinutes } from '../time';
import { quote } from '../quote';
import type { PlanIndex } from './types';

export interface ClassLens {
  classId: string;
  /** The class id's key. */
  range: OffsetRange;
  /** e.g. `5/7 controls · drilled · last drill fail`, `4/7 controls · not drilled`. */
  title: string;
  /** One sentence per control that is not in place (what is missing and what to do). */
  missing: string[];
}

export interface DrillLens {
  drillId: string;
  /** The drill id's key. */
  range: OffsetRange;
  /** The class the drill exercises, when this document defines it. */
  classId?: string;
  /** Always `▶ Run drill`: the lens that starts the drill. */
  title: string;
  /** The simulator's verdict; undefined when the drill names no class this document defines. */
  verdict?: 'pass' | 'fail';
  /** The title with the outcome, e.g. `▶ Run drill · pass, contained in 22m`. */
  summary: string;
}

export interface PlanLenses {
  classLenses: ClassLens[];
  drillLenses: DrillLens[];
}

export const RUN_DRILL = '▶ Run drill';

export function codeLenses(index: PlanIndex, uri: string): PlanLenses {
  const doc = index.get(uri);
  if (!doc) return { classLenses: [], drillLenses: [] };
  const incidentLead = doc.model.plan?.incidentLead?.value;
  const classLenses = classCoverage(doc, index.scopeOf(doc), incidentLead).map(classLens);
  const drillLenses = [...doc.model.drills.values()].map((drill): DrillLens => {
    const range = { start: drill.key.start, end: drill.key.end };
    const cls = drill.class && doc.model.classes.get(drill.class.value);
    if (!cls) return { drillId: drill.id, range, title: RUN_DRILL, summary: RUN_DRILL };
    const result = simulateDrill(drill, cls, incidentLead);
    const ttc = result.schedule.timeToContain;
    let outcome: string;
    if (ttc !== null) outcome = `contained in ${formatMinutes(ttc)}`;
    else if (result.schedule.cyclic) outcome = 'never contained (the steps wait on each other)';
    else if (result.schedule.steps.length === 0) outcome = 'no revocation steps';
    else outcome = `never contained (${blockedStep(result.schedule.steps)} blocked)`;
    const missed = result.objectives.filter((o) => !o.met).length;
    const objectives = missed === 0 ? '' : ` · ${missed} objective${missed === 1 ? '' : 's'} missed`;
    return { drillId: drill.id, range, classId: cls.id, title: RUN_DRILL, verdict: result.verdict, summary: `${RUN_DRILL} · ${result.verdict}, ${outcome}${objectives}` };
  });
  return { classLenses, drillLenses };
}

/** `5/7 controls · drilled · last drill pass`; the verdict only when a drill exists. */
export function classLensTitle(c: ClassCoverage): string {
  const verdict = c.lastVerdict ? ` · last drill ${c.lastVerdict}` : '';
  return `${c.covered}/${c.total} controls · ${c.drilled ? 'drilled' : 'not drilled'}${verdict}`;
}

function classLens(c: ClassCoverage): ClassLens {
  return {
    classId: c.classId,
    range: c.range,
    title: classLensTitle(c),
    missing: c.controls.flatMap((control) => (control.ok ? [] : [control.missing ?? `${control.name} is missing`])),
  };
}

function blockedStep(steps: { id: string; blocked: boolean; start: number | null }[]): string {
  const first = steps.find((s) => s.blocked && s.start !== null) ?? steps.find((s) => s.blocked);
  return first ? `step ${quote(first.id)}` : 'a step';
}
