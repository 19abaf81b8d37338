// Diagnostics as VS Code holds them: the rule id as code, a link to the rule's page as the code's
// target, source "irplan"; imports resolved across files; an edit re-validates.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CI, FINDINGS, codeOf, codes, irplanDiagnostics, openPlan, rangeOf, replace, revertAll, settledDiagnostics, waitFor, waitForDiagnostics } from './helpers';

describe('e2e: diagnostics', () => {
  afterEach(revertAll);

  it('the plan with findings has exactly its known findings, each with its rule id as code and a link to the rule page', async () => {
    const doc = await openPlan(FINDINGS);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length >= 3, 'the three findings');
    assert.deepEqual(codes(diagnostics), ['class-deputy', 'undrilled-class', 'unknown-framework']);
    const byId = (id: string) => diagnostics.find((d) => codeOf(d) === id)!;

    const deputy = byId('class-deputy');
    assert.equal(deputy.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(deputy.range.isEqual(rangeOf(doc, 'deploy-key', { after: 'credential_classes:' })), `class-deputy at ${JSON.stringify(deputy.range)}`);
    assert.match(deputy.message, /class "deploy-key" has no deputy: add deputy:/);
    assert.equal(byId('undrilled-class').severity, vscode.DiagnosticSeverity.Information);
    const framework = byId('unknown-framework');
    assert.equal(framework.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(framework.range.isEqual(rangeOf(doc, 'OWASP-NHI42', { after: 'frameworks:' })), `unknown-framework at ${JSON.stringify(framework.range)}`);

    for (const d of diagnostics) {
      assert.equal(d.source, 'irplan');
      assert.ok(typeof d.code === 'object' && d.code !== null, `${codeOf(d)}: code ${JSON.stringify(d.code)} carries no link`);
      const target = d.code.target;
      assert.ok(target instanceof vscode.Uri, `${codeOf(d)}: the code's target is ${String(target)}`);
      assert.ok(target.path.endsWith(`/docs/rules/${codeOf(d)}.md`), `${codeOf(d)} links to ${target.toString()}`);
      // The page exists where the link points (the extension ships docs/rules).
      await vscode.workspace.fs.stat(target);
    }
  });

  it('the plan importing the library is clean; an unknown contact is reported where it is, and goes when fixed', async () => {
    const doc = await openPlan(CI);
    assert.deepEqual(codes(await settledDiagnostics(doc)), [], 'contacts and severities come from the imported library');

    await replace(doc, 'owner: iam-team', 'owner: nobody', { after: 'github-pat:' });
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => codes(d).includes('unresolved-reference'), 'unresolved-reference on "nobody"');
    const unresolved = diagnostics.find((d) => codeOf(d) === 'unresolved-reference')!;
    assert.ok(unresolved.range.isEqual(rangeOf(doc, 'nobody')), `reported at ${JSON.stringify(unresolved.range)}`);
    assert.match(unresolved.message, /"nobody"/);

    await replace(doc, 'owner: nobody', 'owner: iam-team');
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics once the owner is a known contact');
  });

  // vscode-languageclient pulls diagnostics for documents shown in tabs and drops them when the tab
  // closes; the document stays open in the extension host (no didClose), so the server, which
  // pushes diagnostics only for plans it believes closed, never sends them again.
  // VS Code drops a plan's pulled diagnostics when its tab closes; the workspace report keeps them.
  it('closing the tab of a plan with findings keeps its findings in the Problems panel', async () => {
    const doc = await openPlan(FINDINGS);
    await waitForDiagnostics(doc.uri, (d) => d.length === 3, 'the three findings');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => !vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString())), 'the tab to close');
    // A round trip through another plan: by then the client has handled the closed tab.
    await settledDiagnostics(await openPlan(CI));
    assert.deepEqual(codes(irplanDiagnostics(doc.uri)), ['class-deputy', 'undrilled-class', 'unknown-framework'], 'the findings of a plan whose tab was closed');
  });
});
