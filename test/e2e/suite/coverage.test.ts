// The coverage views in a real VS Code: the Coverage and Frameworks trees built from the server's
// irplan/coverage answer for the fixture workspace, a click that goes to where a missing key
// belongs, a live update after an edit, and the coverage matrix webview. The trees are read
// through the extension's exports (the vscode API cannot read another extension's tree items).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IrplanApi } from '../../../client/src/extension';
import type { TreeNode } from '../../../client/src/coverage/model';
import { CI, FINDINGS, extension, openPlan, positionOf, revertAll, waitFor, workspaceUri } from './helpers';

async function api(): Promise<IrplanApi> {
  const ext = extension();
  await waitFor(() => ext.isActive, 'the extension to be active');
  return ext.exports as IrplanApi;
}

/** The tree's nodes once the server has answered with what `accept` wants. */
async function tree(provider: IrplanApi['coverage']['coverage'], accept: (roots: TreeNode[]) => boolean, what: string): Promise<TreeNode[]> {
  return waitFor(() => {
    const roots = provider.getChildren();
    return accept(roots) ? roots : undefined;
  }, what);
}

const find = (nodes: TreeNode[], label: string) => nodes.find((n) => n.label === label);

describe('e2e: coverage views', () => {
  afterEach(revertAll);

  it('the Coverage tree: plan → class → each control, with counts, icons and what is missing', async () => {
    const { coverage } = await api();
    const roots = await tree(coverage.coverage, (r) => r.length === 2, 'the two plans of the workspace (the library is not one)');
    const items = roots.map((n) => coverage.coverage.getTreeItem(n));
    assert.deepEqual(items.map((i) => [i.label, i.description, (i.iconPath as vscode.ThemeIcon).id]), [
      [CI, '1/1', 'pass'],
      [FINDINGS, '0/1', 'error'],
    ]);
    const deploy = find(find(roots, FINDINGS)!.children, 'deploy-key')!;
    const classItem = coverage.coverage.getTreeItem(deploy);
    assert.equal(classItem.description, '5/7');
    assert.equal(classItem.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const controls = coverage.coverage.getChildren(deploy).map((n) => coverage.coverage.getTreeItem(n));
    assert.deepEqual(controls.map((i) => [i.label, (i.iconPath as vscode.ThemeIcon).id]), [
      ['owner', 'pass'],
      ['deputy', 'error'],
      ['revocation path', 'pass'],
      ['rollback criteria', 'pass'],
      ['evidence', 'pass'],
      ['dependent validation', 'pass'],
      ['drilled', 'error'],
      ['last drill', 'circle-slash'],
    ]);
    assert.equal(((controls[1].iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'testing.iconFailed');
    assert.match(String(controls[1].tooltip), /no deputy: add deputy: <contact id>/);
    assert.equal(controls[1].command?.command, 'irplan.revealCoverageTarget');
  });

  it('a click on a missing control goes to where the key belongs', async () => {
    const { coverage } = await api();
    const roots = await tree(coverage.coverage, (r) => r.length === 2, 'the plans');
    const deputy = find(find(find(roots, FINDINGS)!.children, 'deploy-key')!.children, 'deputy')!;
    const command = coverage.coverage.getTreeItem(deputy).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith(FINDINGS) && vscode.window.activeTextEditor, `${FINDINGS} in the editor`);
    // Under the owner, before severity: where the quick fix writes `deputy:`.
    assert.deepEqual(editor.selection.active, positionOf(editor.document, '    severity: high'));
    assert.ok(editor.selection.isEmpty);
  });

  it('the Frameworks tree: each OWASP NHI risk and CSF subcategory → the classes tagged with it', async () => {
    const { coverage } = await api();
    const groups = await tree(coverage.frameworks, (r) => r.length >= 3, 'the framework groups');
    assert.deepEqual(groups.slice(0, 3).map((g) => g.label), ['OWASP Top 10 Non-Human Identities Risks (2025)', 'NIST CSF 2.0 Respond (RS)', 'NIST CSF 2.0 Recover (RC)']);
    const owasp = groups[0].children;
    assert.equal(owasp.length, 10);
    const nhi7 = coverage.frameworks.getTreeItem(owasp[6]);
    assert.deepEqual([nhi7.label, nhi7.description], ['NHI7 Long-Lived Secrets', '1 class']);
    assert.deepEqual(owasp[6].children.map((c) => [c.label, c.description]), [['deploy-key', FINDINGS]]);
    assert.deepEqual(coverage.frameworks.getTreeItem(owasp[3]).description, 'gap');
    assert.deepEqual(groups[1].children.find((f) => f.label.startsWith('RS.MI-01'))!.children.map((c) => c.label), ['github-pat']);
  });

  it('updates live when a plan changes, without saving it', async () => {
    const { coverage } = await api();
    await tree(coverage.coverage, (r) => r.length === 2, 'the plans');
    const doc = await openPlan(FINDINGS);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, positionOf(doc, '    severity: high'), '    deputy: backup-team\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const roots = await tree(
      coverage.coverage,
      (r) => find(find(r, FINDINGS)?.children ?? [], 'deploy-key')?.description === '6/7',
      'deploy-key at 6/7 once its deputy is written',
    );
    const deputy = find(find(find(roots, FINDINGS)!.children, 'deploy-key')!.children, 'deputy')!;
    assert.equal(deputy.icon.id, 'pass');
  });

  it('the coverage matrix opens as a webview with the heat map, and its cells lead to the plan', async () => {
    const { coverage } = await api();
    await tree(coverage.coverage, (r) => r.length === 2, 'the plans');
    // The page says it runs, with how many cells it offers: the script ran under the page's CSP.
    let readyCells: number | undefined;
    const listener = coverage.matrix.onDidReceiveMessage((m) => {
      const message = m as { type?: string; cells?: number } | null;
      if (message?.type === 'ready' && typeof message.cells === 'number' && message.cells > 0) readyCells = message.cells;
    });
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('irplan.showCoverageMatrix');
    const html = await waitFor(() => coverage.matrix.html?.includes('data-control="deputy"') && coverage.matrix.html, 'the matrix page with its cells');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    assert.match(html, /class="irplan-coverage"/);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const tab = await waitFor(() => tabs().find((t) => t.label === 'irplan: Coverage Matrix'), 'the matrix tab').catch((error: Error) => {
      throw new Error(`${error.message}; tabs: ${JSON.stringify(tabs().map((t) => [t.label, t.input?.constructor?.name]))}`);
    });
    assert.ok(tab.input instanceof vscode.TabInputWebview, `the tab's input: ${tab.input?.constructor?.name}`);
    assert.match(tab.input.viewType, /irplan\.coverageMatrix$/);
    const cells = await waitFor(() => readyCells, 'the page to run its script and count its cells');
    listener.dispose();
    assert.equal(cells, (html.match(/role="button"/g) ?? []).length);

    // What the page posts for a click on deploy-key's "drilled" cell: a drill belongs at the end of the plan.
    const uri = workspaceUri(FINDINGS).toString();
    await coverage.matrix.handle({ type: 'reveal', uri, classId: 'deploy-key', control: 'drilled' });
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith(FINDINGS) && vscode.window.activeTextEditor, `${FINDINGS} in the editor`);
    assert.equal(editor.selection.active.line, editor.document.lineCount - 1);
    // A message that names anything the coverage does not hold opens nothing.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await coverage.matrix.handle({ type: 'reveal', uri: workspaceUri('lib/contacts.irplan.yaml').toString(), classId: 'deploy-key' });
    await coverage.matrix.handle({ type: 'open', uri });
    assert.equal(vscode.window.activeTextEditor, undefined);
  });
});
