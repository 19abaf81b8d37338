#!/usr/bin/env node
// A real VS Code for extension-host tests, launched the way @vscode/test-electron launches its
// download: the bare VS Code server inside code-server (.vscode-test/code-server-<version>/, see
// install.mjs) and its web workbench opened in Debian's chromium by playwright-core. The workbench
// loads the extension under development and `require`s the tests entry in the Node extension host;
// when its run() settles, the workbench calls window.codeAutomationExit(code) and this process
// exits with that code. See /work/shared/guides/vscode.md.
//
// It takes test-electron's arguments, so it can be runTests' `vscodeExecutablePath`:
//   launch.mjs [<folder>] --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [options]
// Options of its own:
//   --restricted              keep workspace trust on: the folder opens in restricted mode
//                             (wins over --disable-workspace-trust, which test-electron always passes)
//   --code-server=<version>   default 4.100.3
//   --timeout=<seconds>       default 300 (IRPLAN_E2E_TIMEOUT); on expiry: a screenshot, exit 124
//   --logs=<dir>              default .vscode-test/e2e-logs (overwritten each run)
//   --verbose                 also print the server's and the browser's own output
//   --screenshots=<dir>       (or IRPLAN_E2E_SCREENSHOTS) opt-in: when the extension host logs
//                             "[irplan-screenshot] <name> [<css selector>]", wait until the selector
//                             matches in the workbench or one of its frames (a webview), then save
//                             the workbench as <dir>/<name>.png (written whole, then renamed: a test
//                             may wait for the file)
// Every other flag (--no-sandbox, --user-data-dir, …) is accepted and ignored: each run gets
// fresh data folders under a temporary folder, removed at the end.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { CHROMIUM, DEFAULT_VERSION, REPO, describeMissing, ensureCodeServer, missingFromSystem } from './install.mjs';

const EXIT_TIMEOUT = 124;

const USER_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

export function parseArgs(argv) {
  const options = { folder: undefined, extensionDevelopmentPath: [], extensionTestsPath: undefined, restricted: false, version: DEFAULT_VERSION, timeout: Number(process.env.IRPLAN_E2E_TIMEOUT || 300), screenshots: process.env.IRPLAN_E2E_SCREENSHOTS ? path.resolve(process.env.IRPLAN_E2E_SCREENSHOTS) : undefined, logs: path.join(REPO, '.vscode-test', 'e2e-logs'), verbose: !!process.env.IRPLAN_E2E_VERBOSE, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const [name, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (name) {
      case '--extensionDevelopmentPath': options.extensionDevelopmentPath.push(path.resolve(value())); break;
      case '--extensionTestsPath': options.extensionTestsPath = path.resolve(value()); break;
      case '--restricted': options.restricted = true; break;
      case '--code-server': options.version = value(); break;
      case '--timeout': options.timeout = Number(value()); break;
      case '--logs': options.logs = path.resolve(value()); break;
      case '--verbose': options.verbose = true; break;
      case '--screenshots': options.screenshots = path.resolve(value()); break;
      case '--folder-uri': options.folder = fileURLToPath(value()); break;
      default:
        if (!arg.startsWith('-') && options.folder === undefined) options.folder = path.resolve(arg);
        else options.ignored.push(arg);
    }
  }
  return options;
}

/** Runs the tests; resolves with the exit code (the tests', or 124 on timeout, or 1 when VS Code could not start). */
export async function launch(options) {
  const started = Date.now();
  const say = (line) => console.log(`[launch] ${line}`);
  if (options.extensionDevelopmentPath.length === 0 || options.extensionTestsPath === undefined) throw new Error('--extensionDevelopmentPath and --extensionTestsPath are required');
  const missing = missingFromSystem({ for: 'run' });
  if (missing.length > 0) throw new Error(describeMissing(missing));
  const cs = await ensureCodeServer({ version: options.version, log: say });

  rmSync(options.logs, { recursive: true, force: true });
  mkdirSync(options.logs, { recursive: true });
  const serverLog = createWriteStream(path.join(options.logs, 'server.log'));
  const workbenchLog = createWriteStream(path.join(options.logs, 'workbench.log'));
  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'irplan-vscode-')));
  const dirs = Object.fromEntries(['server-data', 'user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache'].map((d) => [d, path.join(tmp, d)]));
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  // The user settings of a desktop VS Code where the web workbench differs: a web workbench saves
  // edits after a delay by default, which would write the tests' edits into the workspace.
  mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);

  let server;
  let browser;
  let finished = false;
  const cleanup = async () => {
    if (finished) return;
    finished = true;
    // Bounded: a browser or server that will not go away must not hang the test run.
    await withTimeout(browser?.close().catch(() => undefined), 10_000);
    if (server?.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      // The server leads its own process group: the extension host and the language servers go too.
      killGroup(server.pid, 'SIGTERM');
      if ((await withTimeout(exited, 5_000)) === TIMED_OUT) killGroup(server.pid, 'SIGKILL');
    }
    killGroup(server?.pid, 'SIGKILL'); // stragglers of the group (a language server that ignored SIGTERM)
    try {
      // The server's logs (extension host, the irplan output channel) outlive the temporary folder.
      cpSync(path.join(dirs['user-data'], 'logs'), path.join(options.logs, 'vscode-logs'), { recursive: true });
    } catch {
      // no logs yet
    }
    await Promise.all([new Promise((r) => serverLog.end(r)), new Promise((r) => workbenchLog.end(r))]);
    if (!process.env.IRPLAN_E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    say(`${signal}: closing VS Code`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const args = [
      cs.serverMain,
      '--host', '127.0.0.1',
      '--port', '0',
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      ...(options.restricted ? [] : ['--disable-workspace-trust']),
      '--server-data-dir', dirs['server-data'],
      '--user-data-dir', dirs['user-data'],
      '--extensions-dir', dirs.extensions,
    ];
    server = spawn(process.execPath, args, {
      cwd: options.folder ?? tmp,
      detached: true, // its own process group, killed as one
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'] },
    });
    const port = await new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`the VS Code server did not start listening within 30 s; see ${path.join(options.logs, 'server.log')}`)), 30_000);
      const onData = (chunk) => {
        const text = chunk.toString();
        serverLog.write(text);
        if (options.verbose) process.stdout.write(prefixLines('[server] ', text));
        seen += text;
        const m = /Extension host agent listening on (\d+)/.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the VS Code server exited (${code ?? signal}) before listening; see ${path.join(options.logs, 'server.log')}:\n${seen.slice(-2000)}`));
      });
    });
    say(`VS Code server ${cs.version} on 127.0.0.1:${port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();

    let resolveExit;
    const exit = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = formatLog(args);
      workbenchLog.write(`[${type}] ${text}\n`);
      if (process.env.IRPLAN_E2E_RAW) workbenchLog.write(`[raw] ${safeJson(args)}\n`);
      // The extension host's console (the tests' output) arrives here as info/warn/error entries,
      // mixed with the workbench's own: print all but the workbench's known chatter.
      if (options.verbose || (PRINTED_TYPES.has(type) && !WORKBENCH_NOISE.some((re) => re.test(text)))) process.stdout.write(`${text}\n`);
      const shot = SCREENSHOT_REQUEST.exec(text);
      if (shot && options.screenshots) void screenshot(page, options.screenshots, shot[1], shot[2]).catch((error) => say(`screenshot ${shot[1]} failed: ${error.message}`));
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      resolveExit(typeof code === 'number' ? code : 1);
    });
    page.on('pageerror', (error) => workbenchLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
    page.on('crash', () => {
      if (!finished) resolveExit(crashed('the workbench page crashed'));
    });
    page.on('console', (m) => {
      workbenchLog.write(`[console.${m.type()}] ${m.text()}\n`);
      if (options.verbose) process.stdout.write(`[browser ${m.type()}] ${m.text()}\n`);
    });
    server.once('exit', (code, signal) => {
      if (!finished) resolveExit(crashed(`the VS Code server exited (${code ?? signal}) during the tests`));
    });

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${encodeURI(p.split(path.sep).join('/'))}`;
    const payload = [
      ...options.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(options.extensionTestsPath)],
    ];
    const query = new URLSearchParams();
    if (options.folder !== undefined) query.set('folder', options.folder);
    else query.set('ew', 'true');
    query.set('payload', JSON.stringify(payload));
    const url = `http://127.0.0.1:${port}/?${query}`;
    say(`opening the workbench${options.folder ? ` on ${options.folder}` : ''}${options.restricted ? ' (restricted mode)' : ''}`);
    await page.goto(url);

    const timedOut = Symbol('timeout');
    const code = await Promise.race([exit, delay(options.timeout * 1000).then(() => timedOut)]);
    if (code === timedOut) {
      const shot = path.join(options.logs, 'timeout.png');
      await withTimeout(page.screenshot({ path: shot }).catch(() => undefined), 10_000);
      say(`TIMEOUT: the tests did not finish within ${options.timeout} s; screenshot ${shot}, logs in ${options.logs}`);
      return EXIT_TIMEOUT;
    }
    say(`tests exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  function crashed(message) {
    say(`ERROR: ${message}; logs in ${options.logs}`);
    return 1;
  }
}

const PRINTED_TYPES = new Set(['info', 'warn', 'warning', 'error', 'log']);

/** What the extension host logs to have the workbench photographed (see --screenshots). */
const SCREENSHOT_REQUEST = /\[irplan-screenshot\] ([a-z0-9-]+)(?: (.+?))?\s*$/;

async function screenshot(page, dir, name, selector) {
  if (selector) {
    // The workbench paints trees and webviews (nested frames) after the API call returns.
    const deadline = Date.now() + 15_000;
    const found = async () => (await Promise.all(page.frames().map((f) => f.$(selector).catch(() => null)))).some(Boolean);
    while (!(await found())) {
      if (Date.now() > deadline) throw new Error(`nothing matched ${selector} in 15 s`);
      await delay(100);
    }
    await delay(500); // the last frame's paint
  }
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  const partial = `${file}.partial`;
  await page.screenshot({ path: partial, type: 'png' });
  renameSync(partial, file);
}

/**
 * What the workbench itself logs in an offline test run: harmless, kept in workbench.log only.
 * Everything else of type info/warn/error is printed (the extension host's console has no mark of
 * its own: it arrives as plain info entries, printf-style).
 */
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^\[Service Worker\]/,
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|net::ERR_/,
  /open-vsx\.org|marketplace|gallery/i,
  /^CodeExpectedError\b/, // VS Code's errors for people (no file system provider for a content-provider document…)
  /^Extension host \(Remote\) is unresponsive|^Extension host \(Remote\) is responsive/,
];

/** An entry's arguments as one line: they are console arguments, printf-style (`'  %d passing (%s)', 5, '2s'`). */
function formatLog(args) {
  if (!Array.isArray(args)) return String(args);
  return format(...args);
}

function safeJson(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

function prefixLines(prefix, text) {
  return text.replace(/^(?=.)/gm, prefix);
}

function killGroup(pid, signal) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

const TIMED_OUT = Symbol('timed out');
function withTimeout(promise, ms) {
  if (promise === undefined) return Promise.resolve(undefined);
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)))]).finally(() => clearTimeout(timer));
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  if (options.verbose && options.ignored.length > 0) console.log(`[launch] ignored: ${options.ignored.join(' ')}`);
  let code;
  try {
    code = await launch(options);
  } catch (error) {
    console.error(`[launch] ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  // Playwright and stray handles must not keep the process alive once the tests are done.
  process.exit(code);
}
