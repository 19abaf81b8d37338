// The command table: every command the manifest contributes is registered, whether or not the
// server is running. (The status bar item cannot be read through the vscode API: the UI tests
// check it, test/ui/statusbar.test.mjs.)
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, waitFor } from './helpers';

describe('e2e: commands', () => {
  it('every command contributed in package.json is registered', async () => {
    const ext = extension();
    await waitFor(() => ext.isActive, 'the extension to be active');
    const contributed = ((ext.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length >= 5, `contributes.commands: ${JSON.stringify(contributed)}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
    // VS Code registers <view id>.focus, .open, .removeView… for each contributed view: those are its own.
    const views = Object.values((ext.packageJSON as { contributes?: { views?: Record<string, { id: string }[]> } }).contributes?.views ?? {}).flatMap((vs) => vs.map((v) => v.id));
    const ours = [...registered].filter((c) => c.startsWith('irplan.') && !views.some((v) => c.startsWith(`${v}.`)));
    assert.deepEqual(ours.filter((c) => !contributed.includes(c)), [], 'registered irplan.* commands the manifest does not list');
  });

  it('irplan.showOutput runs', async () => {
    await vscode.commands.executeCommand('irplan.showOutput');
  });
});
