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
// Every other flag (--no-sandbox, --user-data-dir, …) is accepted and ignored: each run gets
// fresh data folders under a temporary folder, removed at the end.
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_VERSION, REPO } from './install.mjs';
import { WORKBENCH_NOISE, formatLog, launchChromium, startServer, withTimeout } from './workbench.mjs';

const EXIT_TIMEOUT = 124;

export function parseArgs(argv) {
  const options = { folder: undefined, extensionDevelopmentPath: [], extensionTestsPath: undefined, restricted: false, version: DEFAULT_VERSION, timeout: Number(process.env.IRPLAN_E2E_TIMEOUT || 300), logs: path.join(REPO, '.vscode-test', 'e2e-logs'), verbose: !!process.env.IRPLAN_E2E_VERBOSE, ignored: [] };
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

  rmSync(options.logs, { recursive: true, force: true });
  mkdirSync(options.logs, { recursive: true });
  const workbenchLog = createWriteStream(path.join(options.logs, 'workbench.log'));
  let server;
  let browser;
  let finished = false;
  const cleanup = async () => {
    if (finished) return;
    finished = true;
    // Bounded: a browser that will not go away must not hang the test run.
    await withTimeout(browser?.close().catch(() => undefined), 10_000);
    await server?.stop();
    await new Promise((r) => workbenchLog.end(r));
  };
  const onSignal = (signal) => {
    say(`${signal}: closing VS Code`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    browser = await launchChromium();
    server = await startServer({ version: options.version, logs: options.logs, cwd: options.folder, restricted: options.restricted, smokeTestDriver: true, verbose: options.verbose, say });
    say(`VS Code ${server.cs.vscodeVersion} (code-server ${server.cs.version}) on ${server.base} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

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
    server.onExit((code, signal) => {
      if (!finished) resolveExit(crashed(`the VS Code server exited (${code ?? signal}) during the tests`));
    });

    const payload = [
      ...options.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', server.remoteUri(p)]),
      ['extensionTestsPath', server.remoteUri(options.extensionTestsPath)],
    ];
    say(`opening the workbench${options.folder ? ` on ${options.folder}` : ''}${options.restricted ? ' (restricted mode)' : ''}`);
    await page.goto(server.workbenchUrl({ folder: options.folder, payload }));

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

function safeJson(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
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
