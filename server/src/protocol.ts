// The only file the client imports from server/: every custom method is namespaced `irplan/`,
// declared here once with its direction and payload, and listed in docs/lsp.md.

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
  error?: string;
}

/** The command the drill code lens runs, with its arguments (uri, drill id). */
export const RUN_DRILL_COMMAND = 'irplan.runDrill';

/** client → server request: the starter plan `irplan init` writes, dated today. */
export const STARTER_PLAN = 'irplan/starterPlan';
export interface StarterPlan {
  text: string;
}
