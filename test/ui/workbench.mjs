// Helpers of the UI tests: what a person does in the workbench (quick open, the command palette,
// go to line, keys) and what they see (the DOM, screenshots), on the session scripts/vscode/ui.mjs
// opened: the VSIX installed in a real VS Code, a copy of test/e2e/workspace as the folder.
// Everything polls (`until`): the workbench renders asynchronously and the language server
// answers a moment later. Never a fixed sleep.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set by ui.mjs before mocha loads the tests: { page, context, server, workspace, vscodeVersion, screenshots }. */
export const session = {};

/** How long a step waits for the workbench (it answers in well under a second; CI machines are slow). */
export const WAIT_MS = 20_000;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it returns something other than undefined/false/null (and does not throw),
 * and returns that. On timeout it fails with `what` and the last value or error seen.
 */
export async function until(probe, what, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false && value !== null) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const seen = last instanceof Error ? last.message.split('\n')[0] : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last seen: ${seen})`);
    }
    await sleep(delay);
  }
}

/** Waits until `locator` (its first match) is visible; returns it. */
export async function visible(locator, what, timeoutMs = WAIT_MS) {
  await until(() => locator.first().isVisible(), what, timeoutMs);
  return locator.first();
}

/** The text of `locator`'s first match, trimmed, or undefined when there is none. */
export async function textOf(locator) {
  if ((await locator.count()) === 0) return undefined;
  return (await locator.first().textContent())?.replace(/\s+/g, ' ').trim();
}

let shot = 0;
/**
 * Saves a PNG of the whole window (of `page`, the session's by default) as
 * .vscode-test/screenshots/<VS Code version>/<NN>-<name>.png (NN: the order of the run) and
 * returns its path.
 */
export async function screenshot(name, page = session.page) {
  mkdirSync(session.screenshots, { recursive: true });
  const file = path.join(session.screenshots, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

const quickInput = () => session.page.locator('.quick-input-widget');

/** Waits until an editor group's active tab is `name` (a file name or a webview's title); returns it. */
export function activeTab(name) {
  return visible(session.page.locator('.tabs-container .tab.active', { hasText: name }), `the active tab of ${name}`);
}

/** Opens `relative` (a path in the workspace) with Quick Open, as a person types it; waits for its editor tab. */
export async function openFile(relative) {
  const { page } = session;
  const name = path.posix.basename(relative);
  await page.keyboard.press('Control+P');
  const input = await visible(quickInput().locator('input'), 'the Quick Open box');
  await input.fill(relative);
  const row = await visible(quickInput().locator('.monaco-list-row', { hasText: name }), `${relative} among the Quick Open results`);
  await row.click();
  await activeTab(name);
  // The editor's text is there (not the placeholder a web workbench shows while loading).
  await visible(page.locator('.editor-instance .monaco-editor .view-lines .view-line'), `the text of ${name}`);
}

/**
 * Runs a command from the command palette by its title (`Category: Title`, as shown there). When
 * the command asks with a quick pick, `pick` is the label of the item to choose.
 */
export async function runCommand(title, { pick } = {}) {
  const { page } = session;
  await page.keyboard.press('F1');
  const input = await visible(quickInput().locator('input'), 'the command palette');
  await input.fill(`>${title}`);
  const row = await visible(quickInput().locator('.monaco-list-row').filter({ has: page.getByText(title, { exact: true }) }), `"${title}" in the command palette`);
  await row.click();
  if (pick !== undefined) {
    const item = quickInput().locator('.monaco-list-row').filter({ has: page.getByText(pick, { exact: true }) });
    await (await visible(item, `"${pick}" among the choices of "${title}"`)).click();
  }
  await until(async () => !(await quickInput().isVisible()), `the command palette to close after "${title}"`);
}

/** Moves the cursor with Go to Line (Ctrl+G), `line` and `column` 1-based, as the status bar counts. */
export async function goTo(line, column = 1) {
  const { page } = session;
  await page.keyboard.press('Control+G');
  const input = await visible(quickInput().locator('input'), 'the Go to Line box');
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await visible(page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }), `the cursor at line ${line}, column ${column}`);
}

/** The cursor as the status bar shows it, e.g. "Ln 26, Col 13 (10 selected)", or undefined without an editor. */
export async function cursorStatus() {
  return textOf(session.page.locator('.statusbar-item').filter({ hasText: /^\s*Ln \d+, Col \d+/ }));
}

/** Waits until the status bar shows the cursor as `expected` ("Ln 30, Col 1"; with a selection "Ln 26, Col 13 (10 selected)"). */
export function cursorAt(expected, what = `the cursor at ${expected}`) {
  return until(async () => (await cursorStatus()) === expected, `${what} (status bar "${expected}")`);
}

/**
 * Clicks the activity bar icon labelled `label` (a view container, as a person opens it) until the
 * side bar shows `shown`, a locator in the container. Only while the icon is not the checked one:
 * a click on the open container's icon would close it again.
 */
export async function openViewContainer(label, shown) {
  const { page } = session;
  const icon = `.action-label[aria-label=${JSON.stringify(label)}]`;
  const item = page.locator('.part.activitybar .action-item').filter({ has: page.locator(icon) });
  await until(async () => {
    if (await shown.first().isVisible()) return true;
    if (!/\bchecked\b/.test((await item.first().getAttribute('class', { timeout: 1000 })) ?? '')) await item.first().locator(icon).click({ timeout: 2000 });
    return false;
  }, `the "${label}" view container in the side bar`);
  return shown.first();
}

/** Shows or hides the side bar (Ctrl+B, View: Toggle Primary Side Bar Visibility). */
export async function setSideBarVisible(shown) {
  const { page } = session;
  const sideBar = page.locator('.part.sidebar');
  if ((await sideBar.isVisible()) !== shown) await page.keyboard.press('Control+B');
  await until(async () => (await sideBar.isVisible()) === shown, `the side bar ${shown ? 'shown' : 'hidden'}`);
}

/**
 * The frame of a webview whose document holds `selector`. A webview is an iframe in an iframe of
 * the workbench; which one holds which page is not named, so every frame is asked.
 */
export function webviewFrame(selector, what) {
  const { page } = session;
  return until(async () => {
    for (const frame of page.frames()) {
      if (frame !== page.mainFrame() && !frame.isDetached() && (await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
    }
    return undefined;
  }, `${what} in a webview (${selector})`);
}

/**
 * What colour the theme variable `variable` (e.g. --vscode-foreground) is in `frame` (the workbench
 * by default, or a webview's), as computed CSS (`rgb(…)`), so colours from either compare.
 */
export function themeColor(variable, frame = session.page.mainFrame()) {
  return frame.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    (document.querySelector('.monaco-workbench') ?? document.body).append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }, variable);
}

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'irplan.js');

/**
 * Runs the irplan command line in the session's workspace, for what the tests expect to see;
 * returns { status, stdout, json } (json: stdout parsed, when it is JSON).
 */
export function irplan(...args) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: session.workspace, encoding: 'utf8' });
  if (run.error) throw run.error;
  let json;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = undefined;
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, json };
}

/** The text of the lines the active editor renders (the visible ones), one string. */
export async function visibleEditorText() {
  const lines = await session.page.locator('.editor-instance .monaco-editor .view-lines .view-line').allTextContents();
  // The editor renders spaces as non-breaking ones.
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** The Problems status item's accessible text, e.g. "Errors: 2, Infos: 1" (VS Code's own count). */
export async function problemCounts() {
  return session.page.locator('.statusbar-item[id="status.problems"]').first().getAttribute('aria-label');
}

const tabCount = () => session.page.locator('.tabs-container .tab').count();

/**
 * Back to a known state between tests: no dialog, quick input or menu open, every editor
 * reverted and closed, the panel closed.
 */
export async function reset() {
  const { page } = session;
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  // One editor at a time: closing a changed editor otherwise asks whether to save it.
  for (let open = await tabCount(); open > 0; open = await tabCount()) {
    await runCommand('View: Revert and Close Editor');
    await until(async () => (await tabCount()) < open, 'the active editor to close');
  }
  if (await page.locator('.part.panel').isVisible()) {
    await page.keyboard.press('Control+J'); // View: Toggle Panel Visibility (its title differs between versions)
    await until(async () => !(await page.locator('.part.panel').isVisible()), 'the panel to close');
  }
}
