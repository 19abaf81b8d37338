// The drill simulator of section 9: walks a class's revocation steps as a graph in simulated
// minutes, replacing unavailable actors and approvers (deputy, then incident lead), adding the
// handoff delay, and judging the drill's objectives and injects. Pure and deterministic.
import type { CredentialClass, Drill, Step } from './model';
import { buildStepGraph, topologicalOrder } from './stepGraph';
import { formatMinutes, parseDuration } from './time';

export const DEFAULT_HANDOFF_MINUTES = 10;

export interface Situation {
  cls: CredentialClass;
  /** plan.incident_lead: the last replacement for an unavailable actor or approver. */
  incidentLead?: string;
  unavailable: ReadonlySet<string>;
  /** Minutes a replaced actor or approver adds to a step. */
  handoff: number;
}

export interface SimulatedStep {
  id: string;
  index: number;
  /** Who the plan names. */
  plannedActor?: string;
  /** Who acts in the drill: the planned actor or their replacement; undefined when blocked. */
  actor?: string;
  /** Minutes waited for an approval gate (0 when the approver is available). */
  approvalWait: number;
  approver?: string;
  /** Minutes added because the actor was replaced. */
  handoffWait: number;
  /** The step's own work, its `duration` (0 when unreadable): end = start + duration. */
  duration: number;
  /** When the step could begin (its predecessors ended); null when a predecessor is blocked. */
  ready: number | null;
  start: number | null;
  end: number | null;
  blocked: boolean;
  /** Why a step is blocked, in words. */
  blockedBy?: string;
}

export interface Schedule {
  steps: SimulatedStep[];
  /** Latest end of all steps; null when a step is blocked or the order has a cycle. */
  timeToContain: number | null;
  cyclic: boolean;
}

type Approval = 'owner' | 'deputy' | 'incident-lead';

export function simulateRevocation(s: Situation): Schedule {
  const steps = s.cls.revocation?.steps ?? [];
  const graph = buildStepGraph(steps);
  const order = topologicalOrder(graph);
  const result: SimulatedStep[] = steps.map((step, index) => ({
    id: step.id?.value ?? `step-${index + 1}`,
    index,
    plannedActor: step.actor?.value,
    approvalWait: 0,
    handoffWait: 0,
    duration: durationOf(step),
    ready: null,
    start: null,
    end: null,
    blocked: true,
  }));
  if (!order) return { steps: result, timeToContain: null, cyclic: true };

  const revocationGate = gateOf(s.cls.revocation?.approval?.value);
  for (const i of order) {
    const step = steps[i];
    const out = result[i];
    const deps = graph.deps[i];
    if (deps.some((d) => result[d.on].end === null)) {
      out.blockedBy = 'waits on a blocked step';
      continue;
    }
    const ready = deps.reduce((latest, d) => Math.max(latest, result[d.on].end as number), 0);
    out.ready = ready;

    const gates: Approval[] = [];
    const startsRevocation = (i === 0 && step.after === undefined) || (step.after !== undefined && step.after.length === 0);
    if (revocationGate && startsRevocation) gates.push(revocationGate);
    const ownGate = gateOf(step.approval?.value);
    if (ownGate) gates.push(ownGate);

    let wait = 0;
    for (const gate of gates) {
      const approver = resolveApprover(gate, s);
      if (!approver) {
        out.start = ready;
        out.blockedBy = `no one available to approve (${gate})`;
        break;
      }
      out.approver = approver.who;
      if (approver.replaced) wait += s.handoff;
    }
    if (out.blockedBy) continue;
    out.approvalWait = wait;

    const actor = resolveActor(step, s);
    if (!actor) {
      out.start = ready;
      out.blockedBy = `${step.actor?.value ?? 'the actor'}, the deputy and the incident lead are all unavailable`;
      continue;
    }
    out.actor = actor.who;
    out.handoffWait = actor.replaced ? s.handoff : 0;
    out.start = ready + out.approvalWait + out.handoffWait;
    out.end = out.start + out.duration;
    out.blocked = false;
  }
  const anyBlocked = result.some((r) => r.blocked);
  const timeToContain = anyBlocked || result.length === 0 ? null : Math.max(...result.map((r) => r.end as number));
  return { steps: result, timeToContain, cyclic: false };
}

function gateOf(value: string | undefined): Approval | undefined {
  return value === 'owner' || value === 'deputy' || value === 'incident-lead' ? value : undefined;
}

function durationOf(step: Step): number {
  return (step.duration && parseDuration(step.duration.value)) ?? 0;
}

interface Who {
  who: string;
  replaced: boolean;
}

/** owner → deputy → incident lead; deputy → incident lead; incident lead → no one. */
function resolveApprover(gate: Approval, s: Situation): Who | undefined {
  const chain =
    gate === 'owner' ? [s.cls.owner?.value, s.cls.deputy?.value, s.incidentLead] : gate === 'deputy' ? [s.cls.deputy?.value, s.incidentLead] : [s.incidentLead];
  return firstAvailable(chain, s.unavailable);
}

/** An unavailable actor is replaced by the class deputy, then by the plan's incident lead. */
export function resolveActor(step: { actor?: { value: string } }, s: Situation): Who | undefined {
  return firstAvailable([step.actor?.value, s.cls.deputy?.value, s.incidentLead], s.unavailable);
}

function firstAvailable(chain: (string | undefined)[], unavailable: ReadonlySet<string>): Who | undefined {
  for (let i = 0; i < chain.length; i++) {
    const who = chain[i];
    if (who === undefined) continue;
    if (!unavailable.has(who)) return { who, replaced: i > 0 };
  }
  return undefined;
}

export interface ObjectiveResult {
  kind: 'contain_within' | 'evidence';
  met: boolean;
  detail: string;
  /** contain_within: the limit in minutes. */
  limit?: number;
  /** evidence: the evidence ids the objective names. */
  evidence?: string[];
}

export interface InjectResult {
  at: number;
  message?: string;
  question?: string;
  expect?: string[];
  met: boolean | null;
  detail?: string;
}

export interface DrillResult {
  id: string;
  title?: string;
  class: string;
  severity?: string;
  unavailable: string[];
  handoff: number;
  verdict: 'pass' | 'fail';
  schedule: Schedule;
  objectives: ObjectiveResult[];
  injects: InjectResult[];
  reasons: string[];
}

/** Runs one drill against its class (looked up by the caller, which reports a missing class). */
export function simulateDrill(drill: Drill, cls: CredentialClass, incidentLead: string | undefined): DrillResult {
  const handoff = (drill.handoff && parseDuration(drill.handoff.value)) ?? DEFAULT_HANDOFF_MINUTES;
  const unavailable = new Set(drill.unavailable.map((r) => r.value));
  const situation: Situation = { cls, incidentLead, unavailable, handoff };
  const schedule = simulateRevocation(situation);
  const ttc = schedule.timeToContain;
  const reasons: string[] = [];

  if (schedule.cyclic) reasons.push('the revocation steps wait on each other in a cycle, so none can start');
  for (const step of schedule.steps) {
    if (step.blocked && step.blockedBy && step.start !== null) reasons.push(`step "${step.id}" is blocked: ${step.blockedBy}`);
  }

  const objectives: ObjectiveResult[] = drill.objectives.flatMap((o): ObjectiveResult[] => {
    if (o.containWithin) {
      const limit = parseDuration(o.containWithin.value) ?? 0;
      const met = ttc !== null && ttc <= limit;
      const detail = ttc === null ? `never contained (a step is blocked) > ${formatMinutes(limit)}` : `${formatMinutes(ttc)} ${met ? '<=' : '>'} ${formatMinutes(limit)}`;
      if (!met) reasons.push(`contain within ${formatMinutes(limit)} missed: ${detail}`);
      return [{ kind: 'contain_within', met, detail, limit }];
    }
    if (o.evidence) {
      const missing: string[] = [];
      for (const ref of o.evidence) {
        const item = cls.evidence?.find((e) => e.id?.value === ref.value);
        if (!item) missing.push(`"${ref.value}" is not an evidence item of class "${cls.id}"`);
        else if (!resolveActor(item, situation)) missing.push(`no one available to collect "${ref.value}"`);
      }
      const met = missing.length === 0;
      const ids = o.evidence.map((r) => r.value).join(', ');
      const detail = met ? `collected: ${ids}` : missing.join('; ');
      if (!met) reasons.push(`evidence objective missed: ${detail}`);
      return [{ kind: 'evidence', met, detail, evidence: o.evidence.map((r) => r.value) }];
    }
    return [];
  });

  const injects: InjectResult[] = drill.injects.map((inject) => {
    const at = (inject.at && parseDuration(inject.at.value)) ?? 0;
    const base = { at, message: inject.message?.value, question: inject.question?.value };
    if (!inject.expect) return { ...base, met: null };
    const expect = inject.expect.map((r) => r.value);
    const late = expect.filter((id) => {
      const step = schedule.steps.find((st) => st.id === id);
      // A blocked step keeps the moment it became ready as its start, but no one is working on it.
      return !step || step.blocked || step.start === null || step.start > at;
    });
    return { ...base, expect, met: late.length === 0, detail: late.length === 0 ? undefined : `not under way by ${formatMinutes(at)}: ${late.join(', ')}` };
  });

  const anyBlocked = schedule.cyclic || schedule.steps.some((st) => st.blocked);
  const verdict = !anyBlocked && objectives.every((o) => o.met) ? 'pass' : 'fail';
  return {
    id: drill.id,
    title: drill.title?.value,
    class: cls.id,
    severity: drill.severity?.value ?? cls.severity?.value,
    unavailable: [...unavailable],
    handoff,
    verdict,
    schedule,
    objectives,
    injects,
    reasons,
  };
}
