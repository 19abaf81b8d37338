// Activation: wiring only. The language server does the work (diagnostics, completion, hovers,
// code lenses, the workspace totals); this file creates the pieces that talk to it and to people,
// and connects them. Nothing here parses a plan.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { CoverageViews } from './coverage/views';
import { DrillViews } from './drill/panel';
import { Server } from './languageClient';
import { ServerStatusItem, WorkspaceStatusItem } from './statusBar';
import { Trust } from './trust';

let server: Server | undefined;

/**
 * What activate returns: the coverage views, for the end-to-end tests (which cannot read another
 * extension's tree items through the vscode API) and for other extensions that want the numbers.
 */
export interface IrplanApi {
  coverage: CoverageViews;
}

export function activate(context: vscode.ExtensionContext): IrplanApi {
  const output = vscode.window.createOutputChannel('irplan', { log: true });
  const trust = new Trust();
  server = new Server(context, output);
  const workspaceItem = new WorkspaceStatusItem();
  const serverItem = new ServerStatusItem();
  const current = server;
  const coverage = new CoverageViews(current, context.extensionUri);
  const drillViews = new DrillViews(context.extensionUri, current, trust, output);

  context.subscriptions.push(
    output,
    trust,
    current,
    drillViews,
    workspaceItem,
    serverItem,
    coverage,
    current.onDidChangeWorkspaceStatus((status) => workspaceItem.update(status)),
    current.onDidChangeState((state) => serverItem.update(state, trust.isTrusted)),
    // Restricted mode is shown in the language status item; granting trust clears it.
    trust.onDidGrant(() => serverItem.update(current.state, trust.isTrusted)),
    // Commands first, so they exist even if the server never starts.
    ...registerCommands({ extension: context, server: current, trust, drillViews, coverage }),
  );
  serverItem.update(current.state, trust.isTrusted);
  // Not awaited: activation must not wait for the server; the language status item shows progress.
  void current.start();
  return { coverage };
}

export function deactivate(): Promise<void> | undefined {
  // VS Code awaits this before disposing the subscriptions: shut the server down cleanly.
  return server?.stop();
}
