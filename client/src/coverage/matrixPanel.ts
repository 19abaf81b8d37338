// The coverage matrix webview: one panel, drawn from the server's heat map (matrixPage.ts), redrawn
// when coverage changes, and a message channel whose only message — reveal a cell's class or
// missing control — is checked against the coverage the page was drawn from before anything opens.
import * as vscode from 'vscode';
import type { CoverageResult } from '../../../server/src/protocol';
import { besidePanel } from '../webview/columns';
import { newNonce } from '../webview/page';
import { MATRIX_TITLE, renderMatrixPage } from './matrixPage';
import { coverageSummary, matrixTarget, parseMatrixMessage, type RevealTarget } from './model';

export const MATRIX_VIEW_TYPE = 'irplan.coverageMatrix';

export class CoverageMatrixPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The heat map the page shows, to redraw only when it changed. */
  private shown: string | undefined;
  private readonly messages = new vscode.EventEmitter<unknown>();
  /** Every message the page posted, valid or not (tests watch this). */
  readonly onDidReceiveMessage = this.messages.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    /** The coverage the views hold now. */
    private readonly current: () => CoverageResult | undefined,
    /** Opens the target in `column`. */
    private readonly reveal: (target: RevealTarget, column: vscode.ViewColumn) => Promise<void>,
    /** Asks the server again (the panel needs the heat map, which is sent only while it is open). */
    private readonly refresh: () => Promise<void>,
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The page's HTML now (for tests), or undefined when the panel is closed. */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  async open(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(MATRIX_VIEW_TYPE, MATRIX_TITLE, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'irplan.svg');
    this.panel = panel;
    this.shown = undefined;
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.shown = undefined;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.handle(message));
    panel.webview.html = this.page(panel.webview, 'Asking the irplan language server…', '');
    await this.refresh();
  }

  /** Redraws the page from the coverage, if it is open and the heat map changed. */
  update(result: CoverageResult | undefined): void {
    const panel = this.panel;
    if (!panel || result?.matrix === undefined || result.matrix === this.shown) return;
    this.shown = result.matrix;
    panel.webview.html = this.page(panel.webview, coverageSummary(result), result.matrix);
  }

  /** A message from the page: a reveal of a plan and class the coverage holds, or nothing. */
  async handle(message: unknown): Promise<void> {
    this.messages.fire(message);
    const parsed = parseMatrixMessage(message);
    const result = this.current();
    const target = parsed && result ? matrixTarget(result, parsed) : undefined;
    // Beside the matrix, which stays in sight for the next click.
    if (target) await this.reveal(target, besidePanel(this.panel));
  }

  private page(webview: vscode.Webview, summary: string, svg: string): string {
    const media = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', ...parts)).toString();
    return renderMatrixPage({
      summary,
      svg,
      cspSource: webview.cspSource,
      nonce: newNonce(),
      codicons: media('dist', 'codicons', 'codicon.css'),
      stylesheet: media('coverage-matrix.css'),
      script: media('coverage-matrix.js'),
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.messages.dispose();
  }
}
