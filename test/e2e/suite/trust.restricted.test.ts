// Restricted mode, in a run of its own (scripts/vscode/e2e.mjs): an untrusted folder that held no
// plan when VS Code started. Opening a plan file activates the extension (onLanguage, since
// workspaceContains found nothing), the server still validates (it only reads plans), and a
// command that writes files refuses: it says why, offers the trust editor, asks for no file name
// and writes nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FINDINGS, codes, extension, openPlan, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

describe('e2e: restricted mode (an untrusted folder without plans)', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('the folder is untrusted, and the extension waits for a plan to be opened', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the launcher keeps workspace trust on in this run');
    assert.equal(extension().isActive, false, 'nothing in this folder should have activated the extension');
  });

  it('opening a plan file activates the extension, and the server reports its findings', async () => {
    // The fixture plan, written as any tool outside VS Code would write it.
    const source = path.join(extension().extensionPath, 'test', 'e2e', 'workspace', FINDINGS);
    fs.copyFileSync(source, workspaceUri(FINDINGS).fsPath);
    const doc = await openPlan(FINDINGS);
    assert.equal(doc.languageId, 'irplan');
    await waitFor(() => extension().isActive, 'the extension to activate on the opened plan');
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length >= 3, 'the three findings, in restricted mode');
    assert.deepEqual(codes(diagnostics), ['class-deputy', 'undrilled-class', 'unknown-framework']);
  });

  it('New Plan refuses to write: it says why and offers the trust editor, asks for no file name, writes nothing', async () => {
    const window = vscode.window as { showWarningMessage: unknown; showSaveDialog: unknown };
    const originals = { showWarningMessage: window.showWarningMessage, showSaveDialog: window.showSaveDialog };
    const warnings: { message: string; items: unknown[] }[] = [];
    let saveDialogs = 0;
    // The tests share the extension's `vscode` API object (they live in its folder): replacing
    // these functions sees the extension's calls. The warning is still shown.
    window.showWarningMessage = (message: string, ...items: unknown[]) => {
      warnings.push({ message, items });
      return (originals.showWarningMessage as (...a: unknown[]) => Thenable<unknown>).call(vscode.window, message, ...items);
    };
    window.showSaveDialog = () => {
      saveDialogs++;
      return Promise.resolve(undefined);
    };
    const folder = workspaceUri('.').fsPath;
    const before = fs.readdirSync(folder).sort();
    try {
      await vscode.commands.executeCommand('irplan.newPlan');
      await vscode.commands.executeCommand('irplan.newPlan', vscode.Uri.file(folder)); // as from the explorer's context menu
    } finally {
      Object.assign(window, originals);
    }
    assert.equal(warnings.length, 2, `warnings: ${JSON.stringify(warnings)}`);
    for (const w of warnings) {
      assert.match(w.message, /New Plan writes files, which restricted mode does not allow/);
      assert.deepEqual(w.items, ['Manage Workspace Trust']);
    }
    assert.equal(saveDialogs, 0, 'no file name is asked for');
    assert.deepEqual(fs.readdirSync(folder).sort(), before, 'nothing was written');
  });
});
