// The whole test run: every mocha suite of the project in one process (engine, client and the
// VSIX, CLI as a process, language server over LSP), then the end-to-end tests in real VS Code on
// the minimum supported and the current version (extension host suite, trusted and restricted;
// UI tests in chromium), then one plain "N passed, N failed" line for all of it, which CI reads.
// `npm test` builds first (pretest).
import Mocha from 'mocha';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// webview: pages in headless Chromium (skipped, loudly, where chromium is missing).
const suites = ['out/test/engine', 'out/test/client', 'out/test/cli', 'out/test/lsp', 'out/test/webview'];
const files = suites.flatMap((dir) => testFilesUnder(path.join(root, dir))).sort();
if (files.length === 0) {
  console.error('no compiled tests found under out/test: run `npm test` (it builds first)');
  process.exit(1);
}

const mocha = new Mocha({ reporter: 'spec', timeout: 20000 });
for (const f of files) mocha.addFile(f);

const runner = mocha.run(async (failures) => {
  const { passes = 0, pending = 0 } = runner.stats ?? {};
  // Then the end-to-end tests (the extension in real VS Code, scripts/vscode/e2e.mjs), whose
  // counts join the closing line. Where it cannot run it says so loudly and its tests count as
  // skipped, never passed (IRPLAN_E2E_REQUIRED=1, as in CI, counts them as failed).
  const e2e = await runEndToEnd();
  const passed = passes + e2e.passed;
  const failed = failures + e2e.failed;
  const skipped = pending + e2e.skipped;
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed > 0 ? 1 : 0;
});

async function runEndToEnd() {
  const dir = mkdtempSync(path.join(tmpdir(), 'irplan-e2e-results-'));
  const results = path.join(dir, 'results.json');
  console.log('\n== end-to-end: the extension in real VS Code, extension host and UI (scripts/vscode/e2e.mjs)');
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'vscode', 'e2e.mjs'), '--results', results], { cwd: root, stdio: 'inherit' });
    child.on('error', () => resolve(-1));
    child.on('close', (c) => resolve(c));
  });
  try {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    return { passed: r.passed ?? 0, failed: r.failed ?? 0, skipped: r.skipped ?? 0 };
  } catch {
    console.error(`e2e: scripts/vscode/e2e.mjs exited with ${code} and no results: counted as 1 failure`);
    return { passed: 0, failed: 1, skipped: 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function testFilesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return testFilesUnder(full);
    return e.name.endsWith('.test.js') ? [full] : [];
  });
}
