// Helpers of the end-to-end suite, which runs inside the extension host of a real VS Code: the
// workspace (a temporary copy of test/e2e/workspace), documents and edits through the `vscode`
// API, and waitFor, which polls for what the language server produced: never a fixed sleep.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'irplan.irplan';
export const LIBRARY = 'lib/contacts.irplan.yaml';
export const CI = 'ci.irplan.yaml';
export const FINDINGS = 'findings.irplan.yaml';

/** How long a test waits for VS Code and the server (they answer in milliseconds; CI machines are slow). */
export const WAIT_MS = 15_000;

/** Times of the run (epoch ms), written to the results file for the report. */
export const timings: Record<string, number> = {};

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `the extension ${EXTENSION_ID} is not loaded: is extensionDevelopmentPath the repository?`);
  return ext;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it returns something other than undefined/false (and does not throw), and
 * returns that. On timeout it fails with `what` and the last value or error seen.
 */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last seen: ${seen})`);
    }
    await sleep(delay);
  }
}

/** Opens a workspace plan in an editor. */
export async function openPlan(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The rule id of a diagnostic (`code` is `{ value, target }` when the server links the docs). */
export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function irplanDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'irplan');
}

export function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(codeOf).sort();
}

/** Waits until the irplan diagnostics of `uri` satisfy `accept`; returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  try {
    return await waitFor(() => {
      const d = irplanDiagnostics(uri);
      return accept(d) ? d : undefined;
    }, what, timeoutMs);
  } catch (error) {
    const now = irplanDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
    throw new Error(`${(error as Error).message}; the diagnostics of ${uri.path.split('/').pop()} now: ${JSON.stringify(now)}`, { cause: error });
  }
}

/**
 * The position of `needle` in `doc` (the first after `after`, when given), `offset` characters
 * into it.
 */
export function positionOf(doc: vscode.TextDocument, needle: string, options: { after?: string; offset?: number } = {}): vscode.Position {
  return doc.positionAt(offsetOf(doc.getText(), needle, options.after) + (options.offset ?? 0));
}

export function rangeOf(doc: vscode.TextDocument, needle: string, options: { after?: string } = {}): vscode.Range {
  const start = offsetOf(doc.getText(), needle, options.after);
  return new vscode.Range(doc.positionAt(start), doc.positionAt(start + needle.length));
}

function offsetOf(text: string, needle: string, after?: string): number {
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from >= 0, `no ${JSON.stringify(after)} in the document`);
  const at = text.indexOf(needle, from + (after?.length ?? 0));
  assert.ok(at >= 0, `no ${JSON.stringify(needle)}${after === undefined ? '' : ` after ${JSON.stringify(after)}`} in the document`);
  return at;
}

/** Replaces the first `needle` (after `after`) with `replacement`, as a person's edit would. */
export async function replace(doc: vscode.TextDocument, needle: string, replacement: string, options: { after?: string } = {}): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, rangeOf(doc, needle, options), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit of ${doc.uri.path} was refused`);
}

export async function appendLine(doc: vscode.TextDocument, line: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const text = doc.getText();
  edit.insert(doc.uri, doc.positionAt(text.length), `${text.endsWith('\n') ? '' : '\n'}${line}\n`);
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit of ${doc.uri.path} was refused`);
}

const BARRIER_KEY = 'irplan-e2e-barrier';

/**
 * The diagnostics of `doc` once the server has seen every edit made so far: a line the server
 * must report (an unknown top-level key) is appended, awaited, removed, and its absence awaited.
 * The server handles a document's changes in order, so what it publishes then is up to date;
 * absence of a finding can be asserted without sleeping.
 */
export async function settledDiagnostics(doc: vscode.TextDocument, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  const isBarrier = (d: vscode.Diagnostic) => d.message.includes(BARRIER_KEY);
  await appendLine(doc, `${BARRIER_KEY}: 1`);
  await waitForDiagnostics(doc.uri, (ds) => ds.some(isBarrier), `the server's finding on the "${BARRIER_KEY}" line`, timeoutMs);
  const edit = new vscode.WorkspaceEdit();
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith(`${BARRIER_KEY}:`));
  edit.delete(doc.uri, new vscode.Range(line, 0, line + 1, 0));
  assert.ok(await vscode.workspace.applyEdit(edit));
  return waitForDiagnostics(doc.uri, (ds) => !ds.some(isBarrier), `the "${BARRIER_KEY}" finding to go`, timeoutMs);
}

/** Reverts every modified document to its text on disk and closes the editors: each test starts clean. */
export async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !doc.isDirty, `${doc.uri.path} to be reverted`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The text of a hover, of whatever shape its contents are. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/**
 * The processes of the irplan language server this extension host started (vscode-languageclient
 * forks dist/server.js with --clientProcessId=<the extension host's pid>), from /proc.
 */
export function languageServerPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (args.some((a) => /[/\\]dist[/\\]server\.js$/.test(a)) && args.includes(`--clientProcessId=${process.pid}`)) pids.push(Number(entry));
  }
  return pids;
}

/** The one running language server's pid. */
export function waitForOneServer(what: string, not?: number): Promise<number> {
  return waitFor(() => {
    const pids = languageServerPids().filter((p) => p !== not && isAlive(p));
    return pids.length === 1 ? pids[0] : undefined;
  }, what);
}

export function isAlive(pid: number): boolean {
  try {
    // A zombie (killed, not yet reaped by the extension host) still has a /proc entry.
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** The tabs of irplan drill views (webview panels), in every editor group. */
export function drillViewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('irplan.drill'));
}
