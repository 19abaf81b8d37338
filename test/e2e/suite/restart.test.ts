// The language server dies (killed, as an out-of-memory kill would) and the client restarts it,
// saying so once; diagnostics come back. Runs last (file order): it replaces the server.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FINDINGS, codes, isAlive, openPlan, revertAll, settledDiagnostics, waitFor, waitForOneServer } from './helpers';

const RESTART_MESSAGE = /language server stopped and was restarted/;

describe('e2e: server restart', function () {
  this.timeout(60_000);
  const shown: string[] = [];
  let original: typeof vscode.window.showInformationMessage | undefined;

  before(() => {
    // The tests share the extension's `vscode` API object (they live in its folder): watching
    // showInformationMessage sees the client's messages. The message is still shown.
    original = vscode.window.showInformationMessage;
    const spy = (message: string, ...rest: unknown[]) => {
      shown.push(message);
      return (original as (...a: unknown[]) => Thenable<unknown>).call(vscode.window, message, ...rest);
    };
    (vscode.window as { showInformationMessage: unknown }).showInformationMessage = spy;
  });
  after(async () => {
    if (original) (vscode.window as { showInformationMessage: unknown }).showInformationMessage = original;
    await revertAll();
  });

  it('a killed server is restarted, diagnostics come back after an edit, and the restart is announced once', async () => {
    const spying = vscode.window.showInformationMessage !== original;
    const doc = await openPlan(FINDINGS);
    const expected = ['class-deputy', 'undrilled-class', 'unknown-framework'];
    let pid = await waitForOneServer('the language server process');
    for (const round of [1, 2]) {
      process.kill(pid, 'SIGKILL');
      await waitFor(() => !isAlive(pid), `server ${pid} to die`);
      const next = await waitForOneServer(`a new language server after kill #${round}`, pid);
      assert.notEqual(next, pid);
      pid = next;
      assert.deepEqual(codes(await settledDiagnostics(doc, 20_000)), expected, `diagnostics after restart #${round}`);
    }
    if (spying) assert.deepEqual(shown.filter((m) => RESTART_MESSAGE.test(m)).length, 1, `messages shown: ${JSON.stringify(shown)}`);
    else console.log('      (could not watch showInformationMessage: the "once" is not checked)');
  });

  it('irplan.restartServer starts a fresh server without announcing a crash', async () => {
    const doc = await openPlan(FINDINGS);
    const before = await waitForOneServer('the language server process');
    const announced = shown.length;
    await vscode.commands.executeCommand('irplan.restartServer');
    const after = await waitForOneServer('the restarted language server', before);
    assert.notEqual(after, before);
    assert.ok(!isAlive(before), `the old server ${before} is still running`);
    assert.deepEqual(codes(await settledDiagnostics(doc)), ['class-deputy', 'undrilled-class', 'unknown-framework']);
    assert.deepEqual(shown.slice(announced), [], 'a manual restart is not a crash');
  });
});
