#!/usr/bin/env node
// `npm run test:e2e`: the extension's end-to-end suite (test/e2e, compiled to out/test/e2e) in a
// real VS Code, on every tested version (the minimum supported and the current one, install.mjs)
// one after the other. Installs code-server into .vscode-test/ when missing, copies the workspace
// fixture to a temporary folder, and runs the suite through @vscode/test-electron's runTests with
// scripts/vscode/launch.mjs as the VS Code executable. Per version there are two runs:
//   trusted     test/e2e/workspace, trusted: every *.test.ts but *.restricted.test.ts
//   restricted  an empty folder in restricted mode (workspace trust on): *.restricted.test.ts,
//               which opens a plan itself (activation on a plan file, not on the workspace)
// Then the UI tests (scripts/vscode/ui.mjs): the workbench as a person sees it, in chromium.
//
//   node scripts/vscode/e2e.mjs [--results <file>] [--grep <regexp>] [--code-server <version>]...
//                               [--only host|ui] [--verbose]
//
// Exit status: 0 all passed, 1 something failed, 2 skipped: this machine cannot run them (no
// chromium, or code-server cannot be installed), with a loud warning saying what to install.
// IRPLAN_E2E_REQUIRED=1 (CI) turns a skip into a failure. --results writes
// { status, passed, failed, skipped, reason?, timings } for scripts/run-tests.mjs.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO, TESTED_VERSIONS, describeMissing, ensureCodeServer, missingToRun, vscodeVersionOf } from './install.mjs';
import { declaredUiTests, runUi } from './ui.mjs';

const LAUNCHER = path.join(REPO, 'scripts', 'vscode', 'launch.mjs');
const SUITE_SOURCES = path.join(REPO, 'test', 'e2e', 'suite');
const TESTS_ENTRY = path.join(REPO, 'out', 'test', 'e2e', 'suite', 'index.js');
const WORKSPACE = path.join(REPO, 'test', 'e2e', 'workspace');
const LOGS = path.join(REPO, '.vscode-test', 'e2e-logs');
const EXTENSION_ID = 'irplan.irplan';

/** The two runs per version: which test files, which folder, trusted or not. */
const RUNS = [
  { mode: 'trusted', files: (f) => !f.endsWith('.restricted.test.ts'), restricted: false },
  { mode: 'restricted', files: (f) => f.endsWith('.restricted.test.ts'), restricted: true },
];

/** How many tests a run declares (it/test, skipped ones too), for counting them as skipped without running them. */
function declaredTests(run) {
  let n = 0;
  for (const f of readdirSync(SUITE_SOURCES).filter((f) => f.endsWith('.test.ts') && run.files(f))) {
    n += (readFileSync(path.join(SUITE_SOURCES, f), 'utf8').match(/^\s*(it|test|knownBug)(\.skip|\.only)?\(/gm) ?? []).length;
  }
  return n;
}

export function banner(lines) {
  const bar = '!'.repeat(100);
  console.error(['', bar, ...lines.map((l) => `!! ${l}`), bar, ''].join('\n'));
}

const isRequired = () => process.env.IRPLAN_E2E_REQUIRED === '1' || process.env.IRPLAN_E2E_REQUIRED === 'true';

/** Runs everything; resolves with the results object (also written to `options.results`). */
export async function runE2e(options = {}) {
  const started = Date.now();
  const versions = options.versions?.length ? options.versions : TESTED_VERSIONS;
  const parts = options.only ? [options.only] : ['host', 'ui'];
  const declaredPerVersion = (parts.includes('host') ? RUNS.reduce((n, run) => n + declaredTests(run), 0) : 0) + (parts.includes('ui') ? declaredUiTests() : 0);
  const declared = declaredPerVersion * versions.length;
  const required = isRequired();
  const finish = (results) => {
    results.durationMs = Date.now() - started;
    if (options.results) writeFileSync(options.results, `${JSON.stringify(results, null, 2)}\n`);
    return results;
  };
  const skip = (reason, count = declared, what = `the ${count} end-to-end tests (the extension in real VS Code ${versions.map(vscodeVersionOf).join(' and ')})`) => {
    banner([
      `WARNING: ${what} did NOT run.`,
      ...reason.split('\n'),
      required ? 'IRPLAN_E2E_REQUIRED is set: they count as FAILED.' : 'They count as skipped, not passed. (IRPLAN_E2E_REQUIRED=1 makes this a failure, as in CI.)',
    ]);
    return required ? { status: 'failed', passed: 0, failed: count, skipped: 0, reason } : { status: 'skipped', passed: 0, failed: 0, skipped: count, reason };
  };

  if (process.env.IRPLAN_E2E === 'off' || process.env.IRPLAN_E2E === '0') return finish(skip('IRPLAN_E2E=off: not run on request.'));
  for (const built of [path.join(REPO, 'dist', 'client.js'), path.join(REPO, 'dist', 'server.js'), ...(parts.includes('host') ? [TESTS_ENTRY] : [])]) {
    if (!existsSync(built)) {
      console.error(`e2e: ${path.relative(REPO, built)} is missing: build first (npm run build && npx tsc -p tsconfig.test.json), as npm run test:e2e does`);
      return finish({ status: 'failed', passed: 0, failed: declared, skipped: 0, reason: `${path.relative(REPO, built)} is missing` });
    }
  }
  const missing = missingToRun(versions);
  if (missing.length > 0) return finish(skip(describeMissing(missing)));

  const total = { passed: 0, failed: 0, skipped: 0, failures: [], timings: {} };
  const add = (r) => {
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
    total.failures.push(...(r.failures ?? []));
  };
  for (const version of versions) {
    const vscodeVersion = vscodeVersionOf(version);
    console.log(`\n== VS Code ${vscodeVersion} (code-server ${version})`);
    const installStarted = Date.now();
    try {
      await ensureCodeServer({ version, log: (line) => console.log(line) });
    } catch (error) {
      add(skip(`code-server ${version} could not be installed: ${error instanceof Error ? error.message : String(error)}`, declaredPerVersion, `the ${declaredPerVersion} end-to-end tests on VS Code ${vscodeVersion}`));
      continue;
    }
    const timings = (total.timings[vscodeVersion] = { installCheckMs: Date.now() - installStarted });
    if (parts.includes('host')) {
      for (const run of RUNS) {
        const r = await runHostSuite(version, run, options);
        add(r);
        timings[`${run.mode}RunMs`] = r.runMs;
        Object.assign(timings, r.activation);
      }
    }
    if (parts.includes('ui')) {
      const r = await runUi({ version, grep: options.grep, verbose: options.verbose });
      add(r);
      timings.uiRunMs = r.runMs;
    }
    printTimings(vscodeVersion, timings);
  }
  const status = total.failed > 0 ? 'failed' : total.passed === 0 && total.skipped > 0 ? 'skipped' : 'passed';
  const results = finish({ status, ...total });
  console.log(`\ne2e (VS Code ${versions.map(vscodeVersionOf).join(' and ')}): ${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''} in ${(results.durationMs / 1000).toFixed(1)} s`);
  return results;
}

/** One extension-host run: `run` (from RUNS) of the suite on code-server `version`. */
async function runHostSuite(version, run, options) {
  const vscodeVersion = vscodeVersionOf(version);
  const label = `VS Code ${vscodeVersion}, ${run.mode}`;
  const declared = declaredTests(run);
  const logs = path.join(LOGS, `${vscodeVersion}-${run.mode}`);
  // launch.mjs is test-electron's "VS Code executable": it must be executable (a checkout or a
  // copy may have lost the bit).
  if ((statSync(LAUNCHER).mode & 0o111) === 0) chmodSync(LAUNCHER, 0o755);
  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'irplan-e2e-')));
  const workspace = path.join(tmp, 'workspace');
  if (run.restricted) mkdirSync(workspace);
  else cpSync(WORKSPACE, workspace, { recursive: true });
  const resultsFromHost = path.join(tmp, 'results.json');
  let exitCode;
  const runStarted = Date.now();
  console.log(`\n-- extension host: ${label}`);
  try {
    const { runTests } = await import('@vscode/test-electron');
    exitCode = await runTests({
      vscodeExecutablePath: LAUNCHER,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: TESTS_ENTRY,
      launchArgs: [workspace, `--code-server=${version}`, ...(run.restricted ? ['--restricted'] : []), ...(options.verbose ? ['--verbose'] : []), `--logs=${logs}`],
      extensionTestsEnv: { IRPLAN_E2E_RESULTS: resultsFromHost, IRPLAN_E2E_MODE: run.mode, ...(options.grep ? { IRPLAN_E2E_GREP: options.grep } : {}) },
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
    const reason = `the VS Code run (${label}) ended (exit ${exitCode}) without results: see ${path.relative(REPO, logs)}/ (server.log, workbench.log, timeout.png)`;
    console.error(`e2e: ${reason}`);
    return { passed: 0, failed: Math.max(1, declared), skipped: 0, failures: [{ title: label, error: reason }], runMs };
  }
  const failed = host.failed + (exitCode !== 0 && host.failed === 0 ? 1 : 0); // a run() that threw outside mocha
  return { passed: host.passed, failed, skipped: host.skipped, failures: host.failures, runMs, activation: activationTimings(logs, host.timings ?? {}, run.mode) };
}

/**
 * The extension's activation time, from the extension host's log (VS Code writes
 * "ExtensionService#_doActivateExtension <id>, startup: …, activationEvent: '…'" with a local
 * timestamp), against the time the suite saw the server's first diagnostics (epoch ms, the same
 * clock). The server is ready when it has validated the workspace and published diagnostics.
 */
function activationTimings(logs, hostTimings, mode) {
  const out = {};
  if (mode === 'trusted' && hostTimings.firstPlanOpenedAt && hostTimings.firstPlanDiagnosticsAt) out.openToFirstDiagnosticsMs = hostTimings.firstPlanDiagnosticsAt - hostTimings.firstPlanOpenedAt;
  try {
    const logsRoot = path.join(logs, 'vscode-logs');
    for (const session of readdirSync(logsRoot)) {
      const log = path.join(logsRoot, session, 'exthost1', 'remoteexthost.log');
      if (!existsSync(log)) continue;
      const line = readFileSync(log, 'utf8')
        .split('\n')
        .find((l) => l.includes(`_doActivateExtension ${EXTENSION_ID},`));
      const m = line && /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) .*activationEvent: '([^']*)'/.exec(line);
      if (!m) continue;
      const activatedAt = new Date(`${m[1]}T${m[2]}`).getTime(); // local time, as logged
      if (hostTimings.firstDiagnosticsAt) out[`${mode}Activation`] = { event: m[3], toFirstDiagnosticsMs: hostTimings.firstDiagnosticsAt - activatedAt };
    }
  } catch {
    // no logs: no activation timing
  }
  return out;
}

function printTimings(vscodeVersion, t) {
  const s = (ms) => (ms === undefined ? '?' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`);
  const parts = [`install check ${s(t.installCheckMs)}`];
  for (const run of RUNS) if (t[`${run.mode}RunMs`] !== undefined) parts.push(`${run.mode} run ${s(t[`${run.mode}RunMs`])}`);
  if (t.uiRunMs !== undefined) parts.push(`UI run ${s(t.uiRunMs)}`);
  for (const run of RUNS) {
    const a = t[`${run.mode}Activation`];
    if (a) parts.push(`activation (${a.event}) to the server's first diagnostics ${s(a.toFirstDiagnosticsMs)}`);
  }
  if (t.openToFirstDiagnosticsMs !== undefined) parts.push(`opening the first plan to its diagnostics ${s(t.openToFirstDiagnosticsMs)}`);
  console.log(`e2e timings, VS Code ${vscodeVersion}: ${parts.join(', ')}`);
}

function parseArgs(argv) {
  const options = { versions: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--results') options.results = path.resolve(argv[++i]);
    else if (a === '--grep') options.grep = argv[++i];
    else if (a === '--code-server') options.versions.push(argv[++i]);
    else if (a === '--only' && ['host', 'ui'].includes(argv[i + 1])) options.only = argv[++i];
    else if (a === '--verbose') options.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await runE2e(parseArgs(process.argv.slice(2)));
  process.exit(results.status === 'passed' ? 0 : results.status === 'skipped' ? 2 : 1);
}
