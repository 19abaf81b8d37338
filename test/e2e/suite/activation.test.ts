// Activation: a workspace with plans activates the extension by itself; a plan opens with the
// irplan language, and the language server answers with the plan's first diagnostics. Runs first
// (file order): its timing is the one a person waits for after opening a workspace.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FINDINGS, LIBRARY, extension, irplanDiagnostics, openPlan, timings, waitFor, workspaceUri } from './helpers';

describe('e2e: activation', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  // Activation on a plan file in a workspace without plans is in trust.restricted.test.ts.
  it('a workspace with plans activates the extension before any plan is opened (workspaceContains)', async () => {
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.languageId === 'irplan').map((d) => d.uri.path), [], 'no plan is open yet');
    const ext = extension();
    await waitFor(() => ext.isActive, `the extension ${ext.id} to be active`);
  });

  it('opening a plan gives it the irplan language, activates the extension and brings its first diagnostics', async () => {
    const ext = extension();
    const uri = workspaceUri(FINDINGS);
    let firstDiagnosticsAt: number | undefined;
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (firstDiagnosticsAt === undefined && e.uris.some((u) => u.toString() === uri.toString()) && irplanDiagnostics(uri).length > 0) firstDiagnosticsAt = Date.now();
    });
    try {
      timings.firstPlanOpenedAt = Date.now();
      const doc = await openPlan(FINDINGS);
      assert.equal(doc.languageId, 'irplan', `${FINDINGS} opened as ${doc.languageId}`);
      await waitFor(() => ext.isActive, `the extension ${ext.id} to be active`);
      await waitFor(() => firstDiagnosticsAt ?? (irplanDiagnostics(uri).length > 0 ? Date.now() : undefined), `the first diagnostics of ${FINDINGS}`);
      timings.firstPlanDiagnosticsAt = firstDiagnosticsAt ?? Date.now();
      console.log(`      (opening ${FINDINGS} to its first diagnostics: ${timings.firstPlanDiagnosticsAt - timings.firstPlanOpenedAt} ms)`);
    } finally {
      listener.dispose();
    }
  });

  it('the test profile does not save edits by itself (the web workbench\'s default would write the tests\' edits to disk)', () => {
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });

  it('a library plan opens as irplan too', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri(LIBRARY));
    assert.equal(doc.languageId, 'irplan');
  });
});
