// What `irplan drill` reports for each drill: the JSON shape of spec section 11 (its fields
// first, in its order, then extras), from which the text and Markdown reports are also drawn.
import type { DrillResult } from '../../engine';
import { redactSecrets } from '../../engine';

export interface StepView {
  id: string;
  /** Who acted: the replacement when one took over; the planned actor when no one could. */
  actor: string | null;
  start: number | null;
  end: number | null;
  blocked: boolean;
  planned_actor: string | null;
  approver?: string;
  approval_wait: number;
  handoff_wait: number;
  blocked_by?: string;
}

export interface InjectView {
  at: number;
  met: boolean | null;
  message?: string;
  question?: string;
  expect?: string[];
  detail?: string;
}

export interface DrillView {
  id: string;
  class: string;
  verdict: 'pass' | 'fail';
  time_to_contain: number | null;
  steps: StepView[];
  objectives: { kind: string; met: boolean; detail: string }[];
  injects: InjectView[];
  reasons: string[];
  title?: string;
  severity?: string;
  unavailable: string[];
  handoff: number;
}

export interface DrillRun {
  /** The plan, as printed. */
  file: string;
  drills: DrillView[];
}

export interface DrillFormatContext {
  color: boolean;
}

export type DrillFormatter = (run: DrillRun, ctx: DrillFormatContext) => string;

export function drillView(result: DrillResult): DrillView {
  return {
    id: result.id,
    class: result.class,
    verdict: result.verdict,
    time_to_contain: result.schedule.timeToContain,
    steps: result.schedule.steps.map((s) => ({
      id: s.id,
      actor: s.actor ?? s.plannedActor ?? null,
      start: s.start,
      end: s.end,
      blocked: s.blocked,
      planned_actor: s.plannedActor ?? null,
      approver: s.approver,
      approval_wait: s.approvalWait,
      handoff_wait: s.handoffWait,
      blocked_by: s.blockedBy,
    })),
    objectives: result.objectives.map((o) => ({ kind: o.kind, met: o.met, detail: o.detail })),
    injects: result.injects.map((i) => ({
      at: i.at,
      met: i.met,
      message: redact(i.message),
      question: redact(i.question),
      expect: i.expect,
      detail: i.detail,
    })),
    reasons: result.reasons,
    title: redact(result.title),
    severity: result.severity,
    unavailable: result.unavailable,
    handoff: result.handoff,
  };
}

/**
 * Author text (titles, inject messages) printed as written, except anything that looks like a
 * secret: the rule may be switched off or suppressed, and a drill report still must not carry a
 * credential into a CI log.
 */
function redact(text: string | undefined): string | undefined {
  return text === undefined ? undefined : redactSecrets(text);
}
