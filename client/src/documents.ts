// What the client shows as Markdown: drill reports and rule pages.
import * as vscode from 'vscode';

export const DRILL_SCHEME = 'irplan-drill';

/**
 * Opens `uri` rendered by VS Code's built-in Markdown preview. `locked` keeps the preview on this
 * document instead of following the active editor (a drill report has no editor of its own to
 * follow). Falls back to the plain text when the Markdown extension is disabled.
 */
export async function showMarkdown(uri: vscode.Uri, options: { locked: boolean }): Promise<void> {
  try {
    await vscode.commands.executeCommand(options.locked ? 'markdown.showLockedPreviewToSide' : 'markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true, viewColumn: options.locked ? vscode.ViewColumn.Beside : undefined });
  }
}

/**
 * Drill reports as read-only documents of the `irplan-drill:` scheme, one per plan and drill.
 * Not untitled documents: an untitled buffer with content is dirty, so VS Code would ask to save
 * every report when the window closes (or restore them all at the next start). Running a drill
 * again replaces its report, and the open preview follows. A richer drill view is a later issue.
 */
export class DrillReports implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly reports = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(DRILL_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    // After a window reload the preview may come back without the report: say how to get it.
    return this.reports.get(uri.toString()) ?? '# Drill report\n\nThis report is gone: run the drill again with **irplan: Run Drill…**.\n';
  }

  async show(planUri: string, drillId: string, markdown: string): Promise<void> {
    // The drill id names the preview tab; the plan's URI in the query tells two plans' drills apart.
    const uri = vscode.Uri.from({ scheme: DRILL_SCHEME, path: `/${drillId}.md`, query: planUri });
    const key = uri.toString();
    const known = this.reports.has(key);
    this.reports.set(key, markdown);
    if (known) this.changed.fire(uri);
    await showMarkdown(uri, { locked: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
