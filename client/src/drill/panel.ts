// The drill views: one webview panel per plan and drill. The server simulates (irplan/runDrill)
// and writes the after-action report (irplan/afterActionReport); this file shows the page, keeps
// the latest record the view posted, re-asks the server when a plan changes, and saves the report
// as a new file, never over another and never into the plan.
import * as vscode from 'vscode';
import {
  AFTER_ACTION_REPORT,
  RUN_DRILL,
  type AfterActionReportParams,
  type AfterActionReportResult,
  type DrillRecord,
  type DrillSimulation,
  type RunDrillParams,
  type RunDrillResult,
} from '../../../server/src/protocol';
import { ServerNotRunningError, type Server } from '../languageClient';
import type { Trust } from '../trust';
import { besidePanel } from '../webview/columns';
import { newNonce } from '../webview/page';
import { writeNewFile } from '../files';
import { drillPageHtml, drillTitle } from './drillPage';
import { drillKey, parseDrillKey } from './key';
import { parseViewMessage } from './messages';
import { localDay, pickReportName, REPORTS_FOLDER } from './reportName';

export const DRILL_VIEW_TYPE = 'irplan.drill';

/** How long the plan must be still before the open views are simulated again. */
const REFRESH_DELAY_MS = 400;

interface OpenDrill {
  panel: vscode.WebviewPanel;
  uri: string;
  drillId: string;
  /** The latest record the view posted (checked by parseViewMessage; read fully by the server). */
  record: Record<string, unknown>;
}

export class DrillViews implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly views = new Map<string, OpenDrill>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: Server,
    private readonly trust: Trust,
    private readonly output: vscode.LogOutputChannel,
  ) {
    // Any plan may be the drill's or one it imports: the client does not read plans, so any
    // change to one re-simulates the open drills (a few requests, after the typing pauses).
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.irplan.{yaml,yml}');
    const plan = (doc: vscode.TextDocument) => doc.languageId === 'irplan';
    this.subscriptions.push(
      watcher,
      watcher.onDidChange(() => this.refreshSoon()),
      watcher.onDidCreate(() => this.refreshSoon()),
      watcher.onDidDelete(() => this.refreshSoon()),
      vscode.workspace.onDidChangeTextDocument((e) => (plan(e.document) && e.contentChanges.length > 0 ? this.refreshSoon() : undefined)),
      vscode.workspace.onDidCloseTextDocument((doc) => (plan(doc) ? this.refreshSoon() : undefined)),
      vscode.window.registerWebviewPanelSerializer(DRILL_VIEW_TYPE, this),
    );
  }

  /** Opens (or reveals and refreshes) the view of a drill. */
  async open(uri: string, drillId: string): Promise<void> {
    const result = await this.simulate(uri, drillId);
    if (!result.simulation) {
      void vscode.window.showErrorMessage(`irplan: drill "${drillId}": ${result.error ?? 'the server sent no simulation'}`);
      return;
    }
    const existing = this.views.get(drillKey(uri, drillId));
    if (existing) {
      this.show(existing, result.simulation);
      existing.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DRILL_VIEW_TYPE, drillTitle(result.simulation), vscode.ViewColumn.Beside, this.webviewOptions());
    this.adopt(panel, uri, drillId, result.simulation);
  }

  /** After a window reload: the view comes back with the drill its state names. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const target = parseDrillKey((state as { key?: unknown } | undefined)?.key);
    const result = target && (await this.simulate(target.uri, target.drillId).catch(() => undefined));
    if (!target || !result?.simulation) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.adopt(panel, target.uri, target.drillId, result.simulation);
  }

  /**
   * Saves the after-action report of an open view: (uri, drillId) when given, else the active
   * view. Returns the file written, or undefined when nothing was saved.
   */
  async saveReport(uri?: string, drillId?: string): Promise<vscode.Uri | undefined> {
    const view = uri !== undefined && drillId !== undefined ? this.views.get(drillKey(uri, drillId)) : [...this.views.values()].find((v) => v.panel.active);
    if (!view) {
      void vscode.window.showInformationMessage('irplan: open a drill view first (irplan: Run Drill…), then save its after-action report.');
      return undefined;
    }
    try {
      return await this.save(view);
    } catch (error) {
      void view.panel.webview.postMessage({ type: 'status', level: 'error', text: `Not saved: ${error instanceof Error ? error.message : String(error)}` });
      throw error;
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const view of this.views.values()) view.panel.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // Scripts run (the clock, the recorder); the page may load only the extension's media folder.
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')], enableFindWidget: true };
  }

  private adopt(panel: vscode.WebviewPanel, uri: string, drillId: string, simulation: DrillSimulation): void {
    const key = drillKey(uri, drillId);
    const view: OpenDrill = { panel, uri, drillId, record: {} };
    this.views.set(key, view);
    const media = (...path: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', ...path)).toString();
    panel.webview.html = drillPageHtml({
      key,
      simulation,
      cspSource: panel.webview.cspSource,
      nonce: newNonce(),
      styles: [media('dist', 'codicons', 'codicon.css'), media('drill.css')],
      script: media('dist', 'drill.js'),
    });
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(view, message));
    panel.onDidDispose(() => {
      if (this.views.get(key) === view) this.views.delete(key);
    });
  }

  private show(view: OpenDrill, simulation: DrillSimulation): void {
    view.panel.title = drillTitle(simulation);
    void view.panel.webview.postMessage({ type: 'simulation', simulation });
  }

  private receive(view: OpenDrill, raw: unknown): void {
    const message = parseViewMessage(raw);
    if (!message) {
      this.output.warn('ignored a malformed message from a drill view');
      return;
    }
    view.record = message.record;
    if (message.type === 'save') {
      this.save(view).catch((error: unknown) => {
        const text = error instanceof ServerNotRunningError ? 'the irplan language server is not running (irplan: Restart Language Server)' : error instanceof Error ? error.message : String(error);
        this.output.error(`saving the after-action report of ${view.drillId} failed: ${text}`);
        void view.panel.webview.postMessage({ type: 'status', level: 'error', text: `Not saved: ${text}` });
      });
    }
  }

  private async save(view: OpenDrill): Promise<vscode.Uri | undefined> {
    if (!this.trust.allowWrite('Save After-Action Report')) {
      void view.panel.webview.postMessage({ type: 'status', level: 'error', text: 'Not saved: restricted mode does not allow writing files. Trust this workspace to save reports.' });
      return undefined;
    }
    const day = localDay(new Date());
    // The server reads the record field by field; a malformed one comes back as an error.
    const params: AfterActionReportParams = { uri: view.uri, drillId: view.drillId, date: day, record: view.record as unknown as DrillRecord };
    const result = await this.server.request<AfterActionReportResult>(AFTER_ACTION_REPORT, params);
    if (typeof result?.error === 'string' && result.error !== '') throw new Error(result.error);
    if (typeof result?.markdown !== 'string' || result.markdown === '') throw new Error(`${AFTER_ACTION_REPORT} returned no report`);
    const target = await writeNewFile(this.reportsFolder(view.uri), (taken) => pickReportName(view.drillId, day, taken), new TextEncoder().encode(result.markdown));
    const shown = vscode.workspace.asRelativePath(target, false);
    void view.panel.webview.postMessage({ type: 'status', level: 'info', text: `Saved ${shown}` });
    // Beside the view: the facilitator still sees it (and its "Saved" line) next to the report.
    await vscode.window.showTextDocument(target, { preview: false, viewColumn: besidePanel(view.panel) });
    return target;
  }

  /** drills/reports/ in the plan's workspace folder; beside the plan when it is in none. */
  private reportsFolder(planUri: string): vscode.Uri {
    const plan = vscode.Uri.parse(planUri, true);
    const root = vscode.workspace.getWorkspaceFolder(plan)?.uri ?? vscode.Uri.joinPath(plan, '..');
    return vscode.Uri.joinPath(root, ...REPORTS_FOLDER);
  }

  private simulate(uri: string, drillId: string): Promise<RunDrillResult> {
    const params: RunDrillParams = { uri, drillId };
    return this.server.request<RunDrillResult>(RUN_DRILL, params);
  }

  private refreshSoon(): void {
    if (this.views.size === 0) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    for (const view of [...this.views.values()]) {
      try {
        const result = await this.simulate(view.uri, view.drillId);
        if (result.simulation) this.show(view, result.simulation);
        else void view.panel.webview.postMessage({ type: 'status', level: 'error', text: `The drill cannot be simulated now: ${result.error ?? 'no simulation'}` });
      } catch (error) {
        // No server (it restarts): the view keeps the last simulation until the next change.
        if (!(error instanceof ServerNotRunningError)) this.output.error(`re-running drill ${view.drillId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
