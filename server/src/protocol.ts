// The only file the client imports from server/: every custom method is namespaced `irplan/`,
// declared here once with its direction and payload, and listed in docs/lsp.md.
import type { DrillRecord } from './engine/drillRecord';
import type { DrillSimulation } from './engine/drillSimulation';

// The payloads the engine defines, re-exported so the client names them from here (types only).
export type { DrillRecord, ImprovementItem, ObjectiveAssessment, ObjectiveRating, Participant, StepRecord } from './engine/drillRecord';
export type { DrillSimulation, SimulationContact, SimulationInject, SimulationObjective, SimulationStep } from './engine/drillSimulation';

/** server → client notification: the workspace's totals, for the status bar. */
export const WORKSPACE_STATUS = 'irplan/workspaceStatus';
export interface WorkspaceStatus {
  plans: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Classes with every control in place, over all classes in the workspace. */
  coverage: { covered: number; total: number };
}

/** client → server request: the drills of the workspace (for the "Run drill…" quick pick). */
export const LIST_DRILLS = 'irplan/listDrills';
export interface DrillListItem {
  uri: string;
  drillId: string;
  title?: string;
  classId?: string;
}

/** client → server request: simulate one drill (section 9) and return the result. */
export const RUN_DRILL = 'irplan/runDrill';
export interface RunDrillParams {
  uri: string;
  drillId: string;
}
export interface RunDrillResult {
  /** The report in Markdown, as `irplan drill --format markdown` prints it. */
  markdown: string;
  /** The JSON report of `irplan drill --format json` for this drill, or an error to show. */
  drill?: unknown;
  /** What the drill view draws: the same simulation with per-step waits, actions and contacts. */
  simulation?: DrillSimulation;
  error?: string;
}

/**
 * client → server request: the after-action report of a drill run live, in Markdown: the drill
 * simulated on the plan as it reads now, set against what the facilitator recorded.
 */
export const AFTER_ACTION_REPORT = 'irplan/afterActionReport';
export interface AfterActionReportParams {
  uri: string;
  drillId: string;
  /** The day of the drill, YYYY-MM-DD (the client's calendar). */
  date: string;
  record: DrillRecord;
}
export interface AfterActionReportResult {
  /** Empty when `error` is set. */
  markdown: string;
  error?: string;
}

/** The command the drill code lens runs, with its arguments (uri, drill id): it opens the drill view. */
export const RUN_DRILL_COMMAND = 'irplan.runDrill';
/** Saves the after-action report of an open drill view; arguments (uri, drill id), else the active view. */
export const SAVE_AFTER_ACTION_COMMAND = 'irplan.saveAfterActionReport';

/** client → server request: the starter plan `irplan init` writes, dated today. */
export const STARTER_PLAN = 'irplan/starterPlan';
export interface StarterPlan {
  text: string;
}
