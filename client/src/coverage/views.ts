// The coverage views in VS Code: the Coverage tree (plan → class → control) and the Frameworks
// tree (group → risk or subcategory → class or drill) in the irplan activity-bar container, the
// coverage matrix webview, and the command that takes the author to a class or to where a missing
// key belongs. The server computes everything (irplan/coverage); this file asks again when it says
// coverage changed (irplan/coverageChanged), and puts model.ts's nodes on screen.
import * as vscode from 'vscode';
import { COVERAGE, REVEAL_COVERAGE_COMMAND, type CoverageParams, type CoverageResult } from '../../../server/src/protocol';
import type { Server } from '../languageClient';
import { CoverageMatrixPanel } from './matrixPanel';
import { coverageSummary, coverageTree, frameworkTree, isRange, parseCoverageResult, type RevealTarget, type TreeNode } from './model';

export const COVERAGE_VIEW = 'irplan.coverage';
export const FRAMEWORKS_VIEW = 'irplan.frameworks';
/** A context key for the views' welcome content: loading, empty (no plans), ready or stopped. */
const STATE_KEY = 'irplan.coverageState';

/** A tree of model.ts nodes. */
export class NodeTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] = [];

  set(roots: TreeNode[]): void {
    this.roots = roots;
    this.changed.fire();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.accessibilityInformation = { label: [node.label, node.description].filter(Boolean).join(', ') };
    if (node.target) item.command = { title: 'Go to', command: REVEAL_COVERAGE_COMMAND, arguments: [node.target] };
    item.contextValue = node.id.slice(0, node.id.indexOf(':'));
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class CoverageViews implements vscode.Disposable {
  readonly coverage = new NodeTreeProvider();
  readonly frameworks = new NodeTreeProvider();
  readonly matrix: CoverageMatrixPanel;
  private result: CoverageResult | undefined;
  /** The answer on screen, as JSON, to tell a changed answer from the same one again. */
  private shownJson: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly treeViews: vscode.TreeView<TreeNode>[];
  private refreshing: Promise<void> | undefined;
  private again = false;
  private readonly refreshed = new vscode.EventEmitter<CoverageResult | undefined>();
  /** After each refresh, with what the views now show (for tests and the matrix). */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly server: Server,
    extensionUri: vscode.Uri,
  ) {
    this.matrix = new CoverageMatrixPanel(extensionUri, () => this.result, (target, column) => revealTarget(target, column), () => this.refresh());
    this.treeViews = [
      vscode.window.createTreeView(COVERAGE_VIEW, { treeDataProvider: this.coverage, showCollapseAll: true }),
      vscode.window.createTreeView(FRAMEWORKS_VIEW, { treeDataProvider: this.frameworks, showCollapseAll: true }),
    ];
    this.disposables.push(
      ...this.treeViews,
      this.coverage,
      this.frameworks,
      this.matrix,
      this.refreshed,
      server.onDidChangeCoverage(() => void this.refresh()),
      server.onDidChangeState((state) => (state === 'running' ? void this.refresh() : this.show(undefined, state === 'starting' ? 'loading' : 'stopped'))),
    );
    this.show(undefined, server.state === 'running' || server.state === 'starting' ? 'loading' : 'stopped');
    if (server.state === 'running') void this.refresh();
  }

  /** Asks the server for the coverage (one request at a time; a change meanwhile asks once more). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        await this.load();
      } while (this.again);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    if (this.server.state !== 'running') return;
    const params: CoverageParams = { matrix: this.matrix.isOpen };
    let result: CoverageResult | undefined;
    try {
      result = parseCoverageResult(await this.server.request<unknown>(COVERAGE, params));
      if (!result) this.server.output.warn(`ignored a malformed ${COVERAGE} answer`);
    } catch (error) {
      this.server.output.warn(`${COVERAGE} failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!result) return;
    // The server says coverage *may* have changed (a plan opened or closed says so too). Drawing
    // the same trees again would replace every item, and VS Code forgets the commands of replaced
    // items: a click on a row at that moment would do nothing. A matrix just opened still needs
    // drawing (update() redraws only what it does not show yet).
    const json = JSON.stringify(result);
    if (json === this.shownJson) {
      this.matrix.update(result);
      this.refreshed.fire(result);
      return;
    }
    this.show(result, result.plans.length === 0 ? 'empty' : 'ready', json);
  }

  private show(result: CoverageResult | undefined, state: 'loading' | 'empty' | 'ready' | 'stopped', json?: string): void {
    this.result = result;
    this.shownJson = json;
    void vscode.commands.executeCommand('setContext', STATE_KEY, state);
    const ready = result !== undefined && state === 'ready';
    this.coverage.set(ready ? coverageTree(result) : []);
    this.frameworks.set(ready ? frameworkTree(result) : []);
    for (const view of this.treeViews) view.message = ready ? coverageSummary(result) : undefined;
    this.matrix.update(result);
    this.refreshed.fire(result);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The reveal command's argument, checked: it can come from a tree item or a webview message. */
export function isRevealTarget(value: unknown): value is RevealTarget {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.uri === 'string' && isRange(v.range);
}

/**
 * Opens the document (in `column`, by default the active editor group) and selects the target (an
 * empty range puts the cursor where the key belongs).
 */
export async function revealTarget(target: unknown, column?: vscode.ViewColumn): Promise<void> {
  if (!isRevealTarget(target)) throw new Error('nothing to go to');
  const uri = vscode.Uri.parse(target.uri, true);
  const { start, end } = target.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preview: true, viewColumn: column });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
