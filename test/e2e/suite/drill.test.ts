// The drill view in a real VS Code: the drill code lens's command opens a webview panel titled by
// the drill, an edit of the plan re-simulates it, and its after-action report is saved as a new
// file under drills/reports/ (a second save gets a suffix) without touching the plan.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localDay } from '../../../client/src/drill/reportName';
import { CI, drillViewTabs, openPlan, replace, revertAll, settledDiagnostics, waitFor, workspaceUri } from './helpers';

const TITLE = 'Drill: GitHub token leaked in a public repository';

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

describe('e2e: the drill view', () => {
  // The commands ask the language server: wait until it answers for the plan.
  before(async () => {
    await settledDiagnostics(await openPlan(CI));
    await revertAll();
  });
  afterEach(revertAll);

  it('irplan.runDrill with (uri, drill id), as the code lens runs it, opens a webview panel titled by the drill', async () => {
    await vscode.commands.executeCommand('irplan.runDrill', workspaceUri(CI).toString(), 'leaked-pat');
    const tab = await waitFor(() => drillViewTabs().find((t) => t.label === TITLE), `a drill view tab "${TITLE}"`);
    assert.ok(tab);
    // Running it again reveals the same view rather than opening a second one.
    await vscode.commands.executeCommand('irplan.runDrill', workspaceUri(CI).toString(), 'leaked-pat');
    assert.equal(drillViewTabs().length, 1);
  });

  it('follows the plan: an edit of the drill re-simulates it and retitles the view', async () => {
    const doc = await openPlan(CI);
    await vscode.commands.executeCommand('irplan.runDrill', doc.uri.toString(), 'leaked-pat');
    await waitFor(() => drillViewTabs().find((t) => t.label === TITLE), 'the drill view');
    await replace(doc, 'title: GitHub token leaked in a public repository', 'title: GitHub token leaked in a gist');
    await waitFor(() => drillViewTabs().find((t) => t.label === 'Drill: GitHub token leaked in a gist'), 'the view retitled after the edit');
  });

  it('saves the after-action report to drills/reports/<drill>-<date>.md, then -2, never touching the plan (restricted mode: refuses)', async () => {
    const plan = workspaceUri(CI);
    const planBefore = await readText(plan);
    await vscode.commands.executeCommand('irplan.runDrill', plan.toString(), 'leaked-pat');
    await waitFor(() => drillViewTabs().length === 1, 'the drill view');
    const day = localDay(new Date());
    const first = workspaceUri(`drills/reports/leaked-pat-${day}.md`);
    const second = workspaceUri(`drills/reports/leaked-pat-${day}-2.md`);

    await vscode.commands.executeCommand('irplan.saveAfterActionReport', plan.toString(), 'leaked-pat');
    if (!vscode.workspace.isTrusted) {
      // Restricted mode (e2e.mjs --restricted): refused with a message before anything is written.
      assert.equal(await exists(workspaceUri('drills')), false, 'restricted mode wrote into the workspace');
      return;
    }
    await waitFor(() => exists(first), `${first.path} to be written`);
    const report = await readText(first);
    assert.match(report, /^# After-action report: GitHub token leaked in a public repository\n/);
    assert.match(report, /^## Improvement plan$/m);
    assert.match(report, /^\| reissue \| platform-team \(for iam-team\) \| 12m to 22m \| not recorded \|/m);
    // It opens the report.
    await waitFor(() => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === first.toString()), 'the report open in an editor');

    await vscode.commands.executeCommand('irplan.saveAfterActionReport', plan.toString(), 'leaked-pat');
    await waitFor(() => exists(second), `${second.path} to be written`);
    assert.equal(await readText(first), report, 'the first report is not overwritten');
    const leftovers = (await vscode.workspace.fs.readDirectory(workspaceUri('drills/reports'))).map(([name]) => name).filter((n) => n.endsWith('.tmp'));
    assert.deepEqual(leftovers, [], 'temporary files left behind');
    assert.equal(await readText(plan), planBefore, 'the plan file changed');
  });
});
