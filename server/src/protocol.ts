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

/** A range in a document, as LSP writes it (0-based lines, UTF-16 characters). */
export interface ProtocolRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The seven controls of spec section 10, in its order. */
export type CoverageControlName = 'owner' | 'deputy' | 'revocation' | 'rollback' | 'evidence' | 'validation' | 'drilled';

/** client → server request: the coverage of the workspace's plans (spec section 10), for the coverage views. */
export const COVERAGE = 'irplan/coverage';
export interface CoverageParams {
  /** Also render the heat map: the SVG of `irplan coverage --format svg`, interactive and unstyled (the page styles it). */
  matrix?: boolean;
}
export interface CoverageResult {
  /** Plans (libraries left out), by label. */
  plans: CoveragePlan[];
  /** Classes with every control, over all classes of those plans. */
  coverage: { covered: number; total: number };
  /** Every OWASP NHI Top 10 risk and CSF 2.0 Respond/Recover subcategory, then other catalogue tags in use. */
  frameworks: CoverageFramework[];
  /** The heat map (when asked for): cells are `role="button"` elements with data-uri, data-class and data-control or data-tag. */
  matrix?: string;
}
export interface CoveragePlan {
  uri: string;
  /** The path relative to its workspace folder (prefixed by the folder's name in a multi-root workspace). */
  label: string;
  planId?: string;
  title?: string;
  covered: number;
  total: number;
  classes: CoverageClass[];
}
export interface CoverageClass {
  classId: string;
  /** The class id's key. */
  range: ProtocolRange;
  covered: number;
  total: number;
  /** Drills of the plan that exercise the class, in document order. */
  drills: string[];
  /** The simulator's verdict for the last of them. */
  lastVerdict?: 'pass' | 'fail';
  controls: CoverageControlState[];
}
export interface CoverageControlState {
  name: CoverageControlName;
  ok: boolean;
  /** When not ok: what is missing and what to do. */
  missing?: string;
  /** When not ok: the wrong value (`value`), where the missing key belongs (`insert`, an empty range) or the class key (`class`). */
  target?: { range: ProtocolRange; kind: 'value' | 'insert' | 'class' };
}
export interface CoverageFramework {
  /** The plan tag, `OWASP-NHI2`; `id` is the framework's own, `NHI2:2025`. */
  tag: string;
  id: string;
  title: string;
  group: 'owasp-nhi' | 'csf-respond' | 'csf-recover' | 'other';
  groupTitle: string;
  classes: { uri: string; classId: string; range: ProtocolRange }[];
  drills: { uri: string; drillId: string; classId?: string; range: ProtocolRange }[];
}

/** server → client notification (no payload): coverage may have changed; ask irplan/coverage again. */
export const COVERAGE_CHANGED = 'irplan/coverageChanged';

/** The command the coverage views run to go to a class or to where a missing key belongs. */
export const REVEAL_COVERAGE_COMMAND = 'irplan.revealCoverageTarget';
