// The words and numbers the status bar and the language status item show. Pure (no `vscode`
// import) so the wording is unit-tested in test/client/statusText.test.ts; statusBar.ts only puts
// these strings on screen.
import type { WorkspaceStatus } from '../../server/src/protocol';

export interface WorkspaceStatusText {
  /** The status bar text, with a codicon. */
  text: string;
  tooltip: string;
  /** What a screen reader says for the item (codicons are not read). */
  ariaLabel: string;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * The `irplan/workspaceStatus` payload, checked: it arrives over JSON-RPC, and a status bar that
 * prints "NaN% covered" is worse than one that shows nothing.
 */
export function parseWorkspaceStatus(value: unknown): WorkspaceStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const coverage = v.coverage as Record<string, unknown> | null | undefined;
  if (!isCount(v.plans) || !isCount(v.errors) || !isCount(v.warnings) || !isCount(v.infos)) return undefined;
  if (typeof coverage !== 'object' || coverage === null || !isCount(coverage.covered) || !isCount(coverage.total)) return undefined;
  if (coverage.covered > coverage.total) return undefined;
  return {
    plans: v.plans,
    errors: v.errors,
    warnings: v.warnings,
    infos: v.infos,
    coverage: { covered: coverage.covered, total: coverage.total },
  };
}

/**
 * Whole percent of classes covered, rounded down: "100%" must mean every class has every control,
 * and 199 of 200 is 99%, not 100%. Undefined when there are no classes to cover.
 */
export function coveragePercent(covered: number, total: number): number | undefined {
  if (total <= 0) return undefined;
  return Math.floor((Math.min(covered, total) * 100) / total);
}

/** The status bar item for the workspace, or undefined when it has no plans (the item hides). */
export function formatWorkspaceStatus(status: WorkspaceStatus): WorkspaceStatusText | undefined {
  if (status.plans === 0) return undefined;
  const errors = status.errors === 0 ? 'no errors' : count(status.errors, 'error');
  const percent = coveragePercent(status.coverage.covered, status.coverage.total);
  const coverage = percent === undefined ? 'no classes' : `${percent}% covered`;
  const { covered, total } = status.coverage;
  const tooltip = [
    `irplan: ${count(status.plans, 'plan')} in this workspace`,
    `${count(status.errors, 'error')}, ${count(status.warnings, 'warning')}, ${count(status.infos, 'info', 'infos')}`,
    total === 0
      ? 'No credential classes yet'
      : `${covered} of ${count(total, 'credential class', 'credential classes')} with all seven controls in place (owner, deputy, revocation path, rollback criteria, evidence, dependent validation, drilled)`,
    'Click to open the Problems view',
  ].join('\n');
  const ariaCoverage = percent === undefined ? 'no credential classes' : `${percent} percent of credential classes covered`;
  return { text: `$(shield) ${errors} · ${coverage}`, tooltip, ariaLabel: `irplan: ${errors}, ${ariaCoverage}` };
}

/** What the language server is doing, as the language status item reports it. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

export interface ServerStateText {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
  /** The command the item offers: look at the output while it runs, restart it when it does not. */
  command: { title: string; command: 'irplan.showOutput' | 'irplan.restartServer' };
}

export function formatServerState(state: ServerState, trusted: boolean): ServerStateText {
  const restricted = trusted ? '' : ' · restricted mode: commands that write files are off';
  switch (state) {
    case 'starting':
      return {
        text: 'irplan',
        detail: `starting the language server${restricted}`,
        severity: 'information',
        busy: true,
        command: { title: 'Show Output', command: 'irplan.showOutput' },
      };
    case 'running':
      return {
        text: 'irplan',
        detail: `checking plans as you type${restricted}`,
        severity: 'information',
        busy: false,
        command: { title: 'Show Output', command: 'irplan.showOutput' },
      };
    case 'stopped':
      return {
        text: 'irplan stopped',
        detail: 'the language server is not running: plans are not checked',
        severity: 'warning',
        busy: false,
        command: { title: 'Restart', command: 'irplan.restartServer' },
      };
    case 'failed':
      return {
        text: 'irplan failed',
        detail: 'the language server could not start: the output says why',
        severity: 'error',
        busy: false,
        command: { title: 'Restart', command: 'irplan.restartServer' },
      };
  }
}
