// The tests entry of the extension host, in @vscode/test-electron's contract: VS Code `require`s
// this file inside the extension host of a real VS Code (scripts/vscode/launch.mjs) and calls
// run(); the tests pass when it resolves. Mocha runs every *.test.js beside it, prints the spec
// reporter's lines (the launcher forwards the extension host's console), and writes its counts to
// the file IRPLAN_E2E_RESULTS names, for scripts/run-tests.mjs's closing line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { timings } from './helpers';

export interface E2eResults {
  passed: number;
  failed: number;
  skipped: number;
  failures: { title: string; error: string }[];
  durationMs: number;
  vscodeVersion: string;
  /** Epoch ms: when run() started, the first irplan diagnostics anywhere, the first plan opened and its diagnostics. */
  timings: Record<string, number>;
}

export async function run(): Promise<void> {
  timings.runStartedAt = Date.now();
  timings.extensionHostStartedAt = Math.round(Date.now() - process.uptime() * 1000);
  // The server's first diagnostics (any plan: it validates the whole workspace once it starts),
  // against the activation time in the extension host's log (scripts/vscode/e2e.mjs compares them).
  const hasIrplanDiagnostics = () => vscode.languages.getDiagnostics().some(([, ds]) => ds.some((d) => d.source === 'irplan'));
  if (hasIrplanDiagnostics()) timings.firstDiagnosticsAt = Date.now();
  const firstDiagnostics = vscode.languages.onDidChangeDiagnostics(() => {
    if (timings.firstDiagnosticsAt === undefined && hasIrplanDiagnostics()) {
      timings.firstDiagnosticsAt = Date.now();
      firstDiagnostics.dispose();
    }
  });
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, slow: 5_000 });
  if (process.env.IRPLAN_E2E_GREP) mocha.grep(process.env.IRPLAN_E2E_GREP);
  // scripts/vscode/e2e.mjs runs the suite twice per version: on the trusted fixture workspace, and
  // in restricted mode on an empty folder (only *.restricted.test.js there). The root suite's title
  // names both, so every test's full title says where it ran.
  const mode = process.env.IRPLAN_E2E_MODE === 'restricted' ? 'restricted' : 'trusted';
  mocha.suite.title = `VS Code ${vscode.version} (${mode})`;
  const inMode = (f: string) => f.endsWith('.restricted.test.js') === (mode === 'restricted');
  // Only compiled files whose source still exists: out/ keeps the output of deleted tests.
  const sources = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'e2e', 'suite');
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && inMode(f) && fs.existsSync(path.join(sources, f.replace(/\.js$/, '.ts'))))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const results: E2eResults = { passed: 0, failed: 0, skipped: 0, failures: [], durationMs: 0, vscodeVersion: vscode.version, timings };
  const started = Date.now();
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run(resolve);
      runner.on('pass', () => results.passed++);
      runner.on('pending', () => results.skipped++);
      runner.on('fail', (test, error: unknown) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      });
    } catch (error) {
      // A test file that does not load (a syntax error, a bad import) fails the whole run.
      reject(error);
    }
  });
  results.durationMs = Date.now() - started;
  firstDiagnostics.dispose();
  const out = process.env.IRPLAN_E2E_RESULTS;
  if (out) fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`e2e (VS Code ${vscode.version}, ${mode}): ${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
  if (failures > 0) throw new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed`);
}
