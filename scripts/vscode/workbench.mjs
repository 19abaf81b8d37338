// A real VS Code in pieces, shared by the extension-host tests' launcher (launch.mjs), the UI
// tests (ui.mjs) and `npm start` (try.mjs): the bare VS Code server inside code-server
// (.vscode-test/code-server-<version>/, see install.mjs) run on that version's node, and Debian's
// chromium driven by playwright-core to open its web workbench. See /work/shared/guides/vscode.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { URLSearchParams } from 'node:url';
import { format } from 'node:util';
import { CHROMIUM, describeMissing, ensureCodeServer, missingFromSystem, nodeEnv } from './install.mjs';

/**
 * The user settings of a test profile, where the web workbench differs from a desktop VS Code or
 * would reach for the network: a web workbench saves edits after a delay by default, which would
 * write the tests' edits into the workspace.
 */
export const TEST_USER_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  // Restricted-mode runs open the folder untrusted without the modal question.
  'security.workspace.trust.startupPrompt': 'never',
  // The chat and AI features of recent versions open panels and ask to sign in.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const SERVER_START_MS = 30_000;

/**
 * Starts the VS Code server of code-server `version` on 127.0.0.1 and resolves once it listens.
 *
 * options:
 *   version      code-server version (install.mjs installs it when missing)
 *   logs         folder for server.log (created)
 *   dataDir      the profile's folders (user data, extensions, server data, XDG); a fresh temporary
 *                folder, removed by stop(), when not given
 *   port         a port or a range "8000-8100" (the first free one); default any free port
 *   restricted   keep workspace trust on (the folder opens in restricted mode)
 *   smokeTestDriver  the workbench honours a test payload (extensionTestsPath); tests only
 *   userSettings written to the profile's settings.json when it has none yet
 *   vsix         install this VSIX into the profile's extensions folder before starting
 *   link         { id, dir }: link the extension folder `dir` into the extensions folder as `id`
 *   cwd, verbose, say
 *
 * Resolves with { cs, port, base, dirs, remoteUri(p), workbenchUrl(q), stop(), onExit(cb) }.
 */
export async function startServer(options) {
  const say = options.say ?? (() => undefined);
  const cs = await ensureCodeServer({ version: options.version, log: say });
  mkdirSync(options.logs, { recursive: true });
  const serverLog = createWriteStream(path.join(options.logs, 'server.log'));
  const temporary = options.dataDir === undefined;
  const root = temporary ? realpathSync(mkdtempSync(path.join(os.tmpdir(), 'irplan-vscode-'))) : path.resolve(options.dataDir);
  const dirs = Object.fromEntries(['server-data', 'user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache'].map((d) => [d, path.join(root, d)]));
  dirs.root = root;
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const settings = path.join(dirs['user-data'], 'User', 'settings.json');
  if (!existsSync(settings)) {
    mkdirSync(path.dirname(settings), { recursive: true });
    writeFileSync(settings, `${JSON.stringify(options.userSettings ?? TEST_USER_SETTINGS, null, 2)}\n`);
  }
  // Every call of code-server writes to ~/.config and ~/.local/share unless XDG says otherwise.
  const env = nodeEnv(cs.node, { ...process.env, XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'] });
  const profile = ['--server-data-dir', dirs['server-data'], '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions];

  if (options.vsix !== undefined) installVsix(cs, options.vsix, profile, env);
  if (options.link !== undefined) linkExtension(dirs.extensions, options.link);

  const args = [
    cs.serverMain,
    '--host', '127.0.0.1',
    '--port', String(options.port ?? 0),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    ...(options.smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
    ...(options.restricted ? [] : ['--disable-workspace-trust']),
    ...profile,
  ];
  const server = spawn(cs.node.bin, args, {
    cwd: options.cwd ?? root,
    detached: true, // its own process group, killed as one: the extension host and language servers go too
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const port = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the VS Code server did not start listening within ${SERVER_START_MS / 1000} s; see ${path.join(options.logs, 'server.log')}`)), SERVER_START_MS);
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
  }).catch(async (error) => {
    await stopProcessGroup(server);
    await new Promise((r) => serverLog.end(r));
    if (temporary) rmSync(root, { recursive: true, force: true });
    throw error;
  });
  const base = `http://127.0.0.1:${port}`;

  let stopped = false;
  return {
    cs,
    port,
    base,
    dirs,
    /** The vscode-remote URI of a path on this machine, as the workbench's payload wants it. */
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${encodeURI(p.split(path.sep).join('/'))}`,
    /** The workbench's address: `folder` opens a folder (else an empty window); `payload` for tests. */
    workbenchUrl({ folder, payload } = {}) {
      const query = new URLSearchParams();
      if (folder !== undefined) query.set('folder', folder);
      else query.set('ew', 'true');
      if (payload !== undefined) query.set('payload', JSON.stringify(payload));
      return `${base}/?${query}`;
    },
    /** Calls `listener(code, signal)` if the server exits before stop(). */
    onExit(listener) {
      server.once('exit', (code, signal) => {
        if (!stopped) listener(code, signal);
      });
    },
    /** Stops the server and its process group; keeps the VS Code logs in `logs`/vscode-logs. */
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopProcessGroup(server);
      try {
        cpSync(path.join(dirs['user-data'], 'logs'), path.join(options.logs, 'vscode-logs'), { recursive: true });
      } catch {
        // no logs yet
      }
      await new Promise((r) => serverLog.end(r));
      if (temporary && !process.env.IRPLAN_E2E_KEEP) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** `--install-extension` of the VS Code server's own command line, into the profile's folders. */
function installVsix(cs, vsix, profile, env) {
  const result = spawnSync(cs.node.bin, [cs.serverMain, ...profile, '--accept-server-license-terms', '--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} into VS Code ${cs.vscodeVersion} failed (exit ${result.status ?? result.signal}):\n${output.trim().slice(-2000)}`);
  }
}

/** An extension folder linked into the extensions folder, as VS Code finds an installed one. */
function linkExtension(extensionsDir, { id, dir }) {
  const target = path.join(extensionsDir, id);
  rmSync(target, { recursive: true, force: true });
  symlinkSync(dir, target, 'dir');
}

/** Debian's chromium, headless, as root allows (no sandbox), quiet (no network of its own). */
export async function launchChromium() {
  const missing = missingFromSystem({ for: 'run' });
  if (missing.length > 0) throw new Error(describeMissing(missing));
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * What the workbench itself logs in an offline run: harmless, kept in the log file only.
 * Everything else of type info/warn/error is printed (the extension host's console has no mark of
 * its own: it arrives as plain info entries, printf-style).
 */
export const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^\[Service Worker\]/,
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|net::ERR_/,
  /open-vsx\.org|marketplace|gallery/i,
  /^CodeExpectedError\b/, // VS Code's errors for people (no file system provider for a content-provider document…)
  /^Extension host \(Remote\) is unresponsive|^Extension host \(Remote\) is responsive/,
  // VS Code 1.139: remote agents, account policies and the GitHub sign-in it cannot reach offline.
  /^\[(reconnection-grace-time|AgentHost:remote|AccountPolicyGate)\]/,
  /^Timed out waiting for authentication provider 'github'/,
];

/** A workbench log entry's arguments as one line: console arguments, printf-style (`'  %d passing (%s)', 5, '2s'`). */
export function formatLog(args) {
  if (!Array.isArray(args)) return String(args);
  return format(...args);
}

export function prefixLines(prefix, text) {
  return text.replace(/^(?=.)/gm, prefix);
}

/** Ends a detached process and its group: SIGTERM, then SIGKILL after 5 s, then the stragglers. */
export async function stopProcessGroup(child) {
  if (child === undefined) return;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child.pid, 'SIGTERM');
    if ((await withTimeout(exited, 5_000)) === TIMED_OUT) killGroup(child.pid, 'SIGKILL');
  }
  killGroup(child.pid, 'SIGKILL'); // stragglers of the group (a language server that ignored SIGTERM)
}

function killGroup(pid, signal) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export const TIMED_OUT = Symbol('timed out');

/** `promise`, or TIMED_OUT after `ms`. */
export function withTimeout(promise, ms) {
  if (promise === undefined) return Promise.resolve(undefined);
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)))]).finally(() => clearTimeout(timer));
}
