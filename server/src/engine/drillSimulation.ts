// What the editor's drill view draws: one simulated drill (section 9) with everything a timeline
// needs and the JSON report of `irplan drill` does not carry (when each step was ready, its work
// apart from its waits, the action it stands for, the contain_within limit as a number, the
// contacts by name). Built from the simulator's result; every text an author wrote is redacted,
// as in every other report.
import type { PlanDocument } from './document';
import type { Contact, CredentialClass, Drill } from './model';
import { simulateDrill, type DrillResult, type InjectResult } from './simulate';
import { redactSecrets } from './validate';

export interface SimulationStep {
  id: string;
  /** The step's `action`. */
  action?: string;
  /** Who the plan names. */
  plannedActor?: string;
  /** Who acts in the drill (the planned actor or their replacement); absent when blocked. */
  actor?: string;
  approver?: string;
  /** When its predecessors had ended; null when one of them is blocked (or the order is a cycle). */
  ready: number | null;
  /** ready + approvalWait + handoffWait; a blocked step keeps the moment it became ready, or null. */
  start: number | null;
  end: number | null;
  /** The step's own work (its `duration`). */
  duration: number;
  approvalWait: number;
  handoffWait: number;
  blocked: boolean;
  blockedBy?: string;
}

export interface SimulationObjective {
  kind: 'contain_within' | 'evidence';
  met: boolean;
  detail: string;
  /** contain_within: the limit in minutes. */
  limit?: number;
  /** evidence: the ids it names. */
  evidence?: string[];
}

/** An inject as the simulator reports it (null `met` for an inject without `expect`). */
export type SimulationInject = InjectResult;

export interface SimulationContact {
  id: string;
  name?: string;
  kind?: string;
}

export interface DrillSimulation {
  /** The plan's file name, for titles. */
  file: string;
  planTitle?: string;
  drillId: string;
  title?: string;
  classId: string;
  classKind?: string;
  severity?: string;
  unavailable: string[];
  handoff: number;
  verdict: 'pass' | 'fail';
  timeToContain: number | null;
  /** The tightest contain_within objective, in minutes; null when the drill sets none. */
  containWithin: number | null;
  steps: SimulationStep[];
  objectives: SimulationObjective[];
  injects: SimulationInject[];
  reasons: string[];
  /** Every contact the plan can name (its own and its imports'): lane labels, owners of improvement items. */
  contacts: SimulationContact[];
}

export interface PlanDrill {
  drill: Drill;
  cls: CredentialClass;
  result: DrillResult;
  simulation: DrillSimulation;
}

/**
 * Finds drill `drillId` of a plan, simulates it and describes it for the view; `contacts` are
 * those the plan can name (its scope's). An error says what is missing, in words for a person.
 */
export function simulatePlanDrill(doc: PlanDocument, drillId: string, contacts: () => Iterable<Contact>): PlanDrill | { error: string } {
  const drill = doc.model.drills.get(drillId);
  if (!drill) return { error: `no drill ${JSON.stringify(drillId)} in this plan` };
  const cls = drill.class && doc.model.classes.get(drill.class.value);
  if (!cls) return { error: `drill "${drill.id}" names no class of this plan: set class: to one of its credential classes` };
  const result = simulateDrill(drill, cls, doc.model.plan?.incidentLead?.value);
  const file = decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1));
  const simulation = drillSimulation({ drill, cls, result, file, planTitle: doc.model.plan?.title?.value, contacts: contacts() });
  return { drill, cls, result, simulation };
}

export interface SimulationInput {
  drill: Drill;
  cls: CredentialClass;
  result: DrillResult;
  file: string;
  planTitle?: string;
  contacts: Iterable<Contact>;
}

export function drillSimulation(input: SimulationInput): DrillSimulation {
  const { cls, result } = input;
  const planSteps = cls.revocation?.steps ?? [];
  const limits = result.objectives.flatMap((o) => (o.limit === undefined ? [] : [o.limit]));
  return {
    file: input.file,
    planTitle: redact(input.planTitle),
    drillId: result.id,
    title: redact(result.title),
    classId: result.class,
    classKind: cls.kind?.value,
    severity: result.severity,
    unavailable: result.unavailable,
    handoff: result.handoff,
    verdict: result.verdict,
    timeToContain: result.schedule.timeToContain,
    containWithin: limits.length > 0 ? Math.min(...limits) : null,
    steps: result.schedule.steps.map((s) => ({
      id: s.id,
      action: redact(planSteps[s.index]?.action?.value),
      plannedActor: s.plannedActor,
      actor: s.actor,
      approver: s.approver,
      ready: s.ready,
      start: s.start,
      end: s.end,
      duration: s.duration,
      approvalWait: s.approvalWait,
      handoffWait: s.handoffWait,
      blocked: s.blocked,
      blockedBy: redact(s.blockedBy),
    })),
    objectives: result.objectives.map((o) => ({ kind: o.kind, met: o.met, detail: redactSecrets(o.detail), limit: o.limit, evidence: o.evidence })),
    injects: result.injects.map((i) => ({ at: i.at, message: redact(i.message), question: redact(i.question), expect: i.expect, met: i.met, detail: i.detail })),
    reasons: result.reasons.map(redactSecrets),
    contacts: [...input.contacts].map((c) => ({ id: c.id, name: redact(c.name?.value), kind: c.kind?.value })),
  };
}

function redact(text: string | undefined): string | undefined {
  return text === undefined ? undefined : redactSecrets(text);
}
