#!/usr/bin/env node
// `npm run test:e2e`: the extension's end-to-end suite (test/e2e, compiled to out/test/e2e) in a
// real VS Code. Installs code-server into .vscode-test/ when missing (install.mjs), copies the
// workspace fixture to a temporary folder, and runs the suite through @vscode/test-electron's
// runTests with scripts/vscode/launch.mjs as the VS Code executable.
//
//   node scripts/vscode/e2e.mjs [--results <file>] [--grep <regexp>] [--restricted] [--verbose]
//
// Exit status: 0 all passed, 1 something failed, 2 skipped: this machine cannot run them (no
// chromium, or code-server cannot be installed), with a loud warning saying what to install.
// IRPLAN_E2E_REQUIRED=1 (CI) turns a skip into a failure. --results writes
// { status, passed, failed, skipped, reason?, timings } for scripts/run-tests.mjs.
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_VERSION, REPO, describeMissing, ensureCodeServer, isInstalled, missingFromSystem } from './install.mjs';

const LAUNCHER = path.join(REPO, 'scripts', 'vscode', 'launch.mjs');
const SUITE_SOURCES = path.join(REPO, 'test', 'e2e', 'suite');
const TESTS_ENTRY = path.join(REPO, 'out', 'test', 'e2e', 'suite', 'index.js');
const WORKSPACE = path.join(REPO, 'test', 'e2e', 'workspace');
const LOGS = path.join(REPO, '.vscode-test', 'e2e-logs');
const EXTENSION_ID = 'irplan.irplan';

/** How many tests the suite declares (it/test, skipped ones too), for counting them as skipped without running them. */
export function declaredTests() {
  let n = 0;
  for (const f of readdirSync(SUITE_SOURCES).filter((f) => f.endsWith('.test.ts'))) {
    n += (readFileSync(path.join(SUITE_SOURCES, f), 'utf8').match(/^\s*(it|test)(\.skip|\.only)?\(/gm) ?? []).length;
  }
  return n;
}

function banner(lines) {
  const bar = '!'.repeat(100);
  console.error(['', bar, ...lines.map((l) => `!! ${l}`), bar, ''].join('\n'));
}

/** Runs the suite; resolves with the results object (also written to `options.results`). */
export async function runE2e(options = {}) {
  const started = Date.now();
  const declared = declaredTests();
  const required = process.env.IRPLAN_E2E_REQUIRED === '1' || process.env.IRPLAN_E2E_REQUIRED === 'true';
  const finish = (results) => {
    results.durationMs = Date.now() - started;
    if (options.results) writeFileSync(options.results, `${JSON.stringify(results, null, 2)}\n`);
    return results;
  };
  const skip = (reason) => {
    banner([
      `WARNING: the ${declared} end-to-end tests (the extension in a real VS Code, code-server ${DEFAULT_VERSION}) did NOT run.`,
      ...reason.split('\n'),
      required ? 'IRPLAN_E2E_REQUIRED is set: they count as FAILED.' : 'They count as skipped, not passed. (IRPLAN_E2E_REQUIRED=1 makes this a failure, as in CI.)',
    ]);
    return finish(required ? { status: 'failed', passed: 0, failed: declared, skipped: 0, reason } : { status: 'skipped', passed: 0, failed: 0, skipped: declared, reason });
  };

  if (process.env.IRPLAN_E2E === 'off' || process.env.IRPLAN_E2E === '0') return skip('IRPLAN_E2E=off: not run on request.');
  for (const built of [path.join(REPO, 'dist', 'client.js'), path.join(REPO, 'dist', 'server.js'), TESTS_ENTRY]) {
    if (!existsSync(built)) {
      console.error(`e2e: ${path.relative(REPO, built)} is missing: build first (npm run build && npx tsc -p tsconfig.test.json), as npm run test:e2e does`);
      return finish({ status: 'failed', passed: 0, failed: declared, skipped: 0, reason: `${path.relative(REPO, built)} is missing` });
    }
  }
  const missing = missingFromSystem({ for: isInstalled() ? 'run' : 'install' });
  if (missing.length > 0) return skip(describeMissing(missing));
  const installStarted = Date.now();
  try {
    await ensureCodeServer({ log: (line) => console.log(line) });
  } catch (error) {
    return skip(`code-server ${DEFAULT_VERSION} could not be installed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const installMs = Date.now() - installStarted;

  // launch.mjs is test-electron's "VS Code executable": it must be executable (a checkout or a
  // copy may have lost the bit).
  if ((statSync(LAUNCHER).mode & 0o111) === 0) chmodSync(LAUNCHER, 0o755);
  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'irplan-e2e-')));
  const workspace = path.join(tmp, 'workspace');
  cpSync(WORKSPACE, workspace, { recursive: true });
  const resultsFromHost = path.join(tmp, 'results.json');
  let exitCode;
  const runStarted = Date.now();
  try {
    const { runTests } = await import('@vscode/test-electron');
    exitCode = await runTests({
      vscodeExecutablePath: LAUNCHER,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: TESTS_ENTRY,
      launchArgs: [workspace, ...(options.restricted ? ['--restricted'] : []), ...(options.verbose ? ['--verbose'] : []), `--logs=${LOGS}`],
      extensionTestsEnv: { IRPLAN_E2E_RESULTS: resultsFromHost, ...(options.grep ? { IRPLAN_E2E_GREP: options.grep } : {}) },
      // The launcher gives every run fresh profile folders of its own.
      reuseMachineInstall: true,
    });
  } catch (error) {
    exitCode = typeof error?.code === 'number' ? error.code : 1;
  }
  const runMs = Date.now() - runStarted;
  let host;
  try {
    host = JSON.parse(readFileSync(resultsFromHost, 'utf8'));
  } catch {
    host = undefined;
  }
  rmSync(tmp, { recursive: true, force: true });

  if (host === undefined) {
    const reason = `the VS Code run ended (exit ${exitCode}) without results: see ${path.relative(REPO, LOGS)}/ (server.log, workbench.log, timeout.png)`;
    console.error(`e2e: ${reason}`);
    return finish({ status: 'failed', passed: 0, failed: Math.max(1, declared), skipped: 0, reason, timings: { installMs, runMs } });
  }
  const timings = { installMs, runMs, ...activationTimings(host.timings ?? {}) };
  const failed = host.failed + (exitCode !== 0 && host.failed === 0 ? 1 : 0); // a run() that threw outside mocha
  const results = finish({ status: failed > 0 ? 'failed' : 'passed', passed: host.passed, failed, skipped: host.skipped, vscodeVersion: host.vscodeVersion, failures: host.failures, timings });
  const t = (ms) => (ms === undefined ? '?' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`);
  console.log(
    `e2e timings: install check ${t(installMs)}, VS Code run ${t(runMs)}` +
      (timings.activationToFirstDiagnosticsMs === undefined ? '' : `, activation (${timings.activationEvent}) to the server's first diagnostics ${t(timings.activationToFirstDiagnosticsMs)}`) +
      (timings.openToFirstDiagnosticsMs === undefined ? '' : `, opening the first plan to its diagnostics ${t(timings.openToFirstDiagnosticsMs)}`),
  );
  console.log(`e2e (VS Code ${host.vscodeVersion}): ${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
  return results;
}

/**
 * The extension's activation time, from the extension host's log (VS Code writes
 * "ExtensionService#_doActivateExtension <id>, startup: …, activationEvent: '…'" with a local
 * timestamp), against the times the suite recorded (epoch ms, the same clock).
 */
function activationTimings(hostTimings) {
  const out = {};
  if (hostTimings.firstPlanOpenedAt && hostTimings.firstPlanDiagnosticsAt) out.openToFirstDiagnosticsMs = hostTimings.firstPlanDiagnosticsAt - hostTimings.firstPlanOpenedAt;
  try {
    const logsRoot = path.join(LOGS, 'vscode-logs');
    for (const session of readdirSync(logsRoot)) {
      const log = path.join(logsRoot, session, 'exthost1', 'remoteexthost.log');
      if (!existsSync(log)) continue;
      const line = readFileSync(log, 'utf8')
        .split('\n')
        .find((l) => l.includes(`_doActivateExtension ${EXTENSION_ID},`));
      const m = line && /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) .*activationEvent: '([^']*)'/.exec(line);
      if (!m) continue;
      out.activatedAt = new Date(`${m[1]}T${m[2]}`).getTime(); // local time, as logged
      out.activationEvent = m[3];
      if (hostTimings.firstDiagnosticsAt) out.activationToFirstDiagnosticsMs = hostTimings.firstDiagnosticsAt - out.activatedAt;
    }
  } catch {
    // no logs: no activation timing
  }
  return out;
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--results') options.results = path.resolve(argv[++i]);
    else if (a === '--grep') options.grep = argv[++i];
    else if (a === '--restricted') options.restricted = true;
    else if (a === '--verbose') options.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await runE2e(parseArgs(process.argv.slice(2)));
  process.exit(results.status === 'passed' ? 0 : results.status === 'skipped' ? 2 : 1);
}
