// The two status items. Their words come from statusText.ts (pure, tested); this file only puts
// them on screen.
import * as vscode from 'vscode';
import type { WorkspaceStatus } from '../../server/src/protocol';
import { formatServerState, formatWorkspaceStatus, type ServerState } from './statusText';

/**
 * The workspace's error count and coverage, from the server's `irplan/workspaceStatus`
 * notification: visible whatever file is open, because coverage is a property of the workspace,
 * not of one document. Hidden while the server is not running (the numbers would be stale) and in
 * workspaces without plans.
 */
export class WorkspaceStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('irplan.workspaceStatus', vscode.StatusBarAlignment.Left, 0);

  constructor() {
    this.item.name = 'irplan';
    this.item.command = { title: 'Open Problems', command: 'workbench.actions.view.problems' };
  }

  update(status: WorkspaceStatus | undefined): void {
    const text = status === undefined ? undefined : formatWorkspaceStatus(status);
    if (text === undefined) {
      this.item.hide();
      return;
    }
    this.item.text = text.text;
    this.item.tooltip = text.tooltip;
    this.item.accessibilityInformation = { label: text.ariaLabel };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/**
 * The language server's state, in the language status area of irplan documents (the `{}` next to
 * the language mode), as vscode-eslint shows ESLint's: quiet while all is well, a warning or error
 * severity with a one-click restart when it is not.
 */
export class ServerStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('irplan.server', { language: 'irplan' });

  constructor() {
    this.item.name = 'irplan language server';
  }

  update(state: ServerState, trusted: boolean): void {
    const text = formatServerState(state, trusted);
    this.item.text = text.text;
    this.item.detail = text.detail;
    this.item.busy = text.busy;
    this.item.severity = {
      information: vscode.LanguageStatusSeverity.Information,
      warning: vscode.LanguageStatusSeverity.Warning,
      error: vscode.LanguageStatusSeverity.Error,
    }[text.severity];
    this.item.command = text.command;
    this.item.accessibilityInformation = { label: `irplan language server: ${text.detail}` };
  }

  dispose(): void {
    this.item.dispose();
  }
}
