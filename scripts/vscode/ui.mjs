#!/usr/bin/env node
// The UI tests (test/ui/*.test.mjs): what a person sees in a real VS Code, checked in the
// workbench's DOM by playwright-core driving Debian's chromium. The extension is the packaged
// VSIX (scripts/package.mjs), installed into a fresh profile with the VS Code server's
// --install-extension, which proves the package itself works. The folder is a copy of
// test/e2e/workspace. One VS Code per process (mocha loads test files as ES modules, once per
// process): runUi() runs this file as a child for each version.
//
//   node scripts/vscode/ui.mjs [--code-server <version>] [--vsix <file>] [--grep <regexp>]
//                              [--results <file>] [--docs-images] [--verbose]
//     --docs-images  afterwards, copy the screenshots the README shows into docs/images/
//
// Every step saves a screenshot into .vscode-test/screenshots/<VS Code version>/ (overwritten each
// run); a failing test adds FAILED-<title>.png and the logs stay in .vscode-test/ui-logs/.
//
// Adding a check: a new test/ui/<name>.test.mjs using the helpers of test/ui/workbench.mjs. Each
// test starts from a window with no editor and no panel open (a root beforeEach).
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_VERSION, REPO, vscodeVersionOf } from './install.mjs';
import { launchChromium, startServer, withTimeout } from './workbench.mjs';

const TESTS = path.join(REPO, 'test', 'ui');
const WORKSPACE = path.join(REPO, 'test', 'e2e', 'workspace');
const SCREENSHOTS = path.join(REPO, '.vscode-test', 'screenshots');
const LOGS = path.join(REPO, '.vscode-test', 'ui-logs');
const VSIX_CACHE = path.join(REPO, '.vscode-test', 'ui-vsix');
const THIS = fileURLToPath(import.meta.url);

/** Screenshots the README and docs show: <screenshot name> → docs/images/<file>. */
const DOCS_IMAGES = {
  'coverage-tree': 'coverage-tree.png',
  'coverage-matrix': 'coverage-matrix.png',
  'drill-live': 'drill-view.png',
  'findings-hover': 'hover.png',
  'findings-problems': 'problems.png',
  'quickfix-menu': 'quick-fix.png',
  'welcome-walkthrough': 'walkthrough.png',
};

function testFiles() {
  return readdirSync(TESTS)
    .filter((f) => f.endsWith('.test.mjs'))
    .sort()
    .map((f) => path.join(TESTS, f));
}

/** How many UI tests there are (it(), skipped ones too), for counting them as skipped without running them. */
export function declaredUiTests() {
  return testFiles().reduce((n, f) => n + (readFileSync(f, 'utf8').match(/^\s*it(\.skip|\.only)?\(/gm) ?? []).length, 0);
}

let vsixBuilt;
/** The VSIX the UI tests install, built once per process into .vscode-test/ui-vsix/. */
async function testVsix() {
  vsixBuilt ??= (async () => {
    const { buildVsix } = await import('../package.mjs');
    mkdirSync(VSIX_CACHE, { recursive: true });
    const started = Date.now();
    const built = buildVsix(path.join(VSIX_CACHE, 'irplan.vsix'));
    console.log(`ui: packaged ${path.relative(REPO, built.vsix)} (${(built.bytes / 1024).toFixed(0)} KB, ${built.files.length} files) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return built.vsix;
  })();
  return vsixBuilt;
}

/**
 * Runs the UI tests on code-server `version` in a child process; resolves with
 * { passed, failed, skipped, failures, runMs }.
 */
export async function runUi({ version = DEFAULT_VERSION, grep, verbose } = {}) {
  const started = Date.now();
  const declared = declaredUiTests();
  const label = `UI tests on VS Code ${vscodeVersionOf(version)}`;
  console.log(`\n-- ${label}`);
  let vsix;
  try {
    vsix = await testVsix();
  } catch (error) {
    const reason = `the VSIX could not be built: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`ui: ${reason}`);
    return { passed: 0, failed: declared, skipped: 0, failures: [{ title: label, error: reason }], runMs: Date.now() - started };
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'irplan-ui-results-'));
  const resultsFile = path.join(tmp, 'results.json');
  const args = [THIS, '--code-server', version, '--vsix', vsix, '--results', resultsFile, ...(grep ? ['--grep', grep] : []), ...(verbose ? ['--verbose'] : [])];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: 'inherit' });
    child.on('error', () => resolve(-1));
    child.on('close', resolve);
  });
  try {
    const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
    return { ...r, runMs: Date.now() - started };
  } catch {
    const reason = `scripts/vscode/ui.mjs exited with ${code} and no results: see ${path.relative(REPO, LOGS)}/`;
    console.error(`ui: ${reason}`);
    return { passed: 0, failed: Math.max(1, declared), skipped: 0, failures: [{ title: label, error: reason }], runMs: Date.now() - started };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** This process's run: one VS Code, every test file; resolves with the results. */
async function runHere(options) {
  const version = options.version ?? DEFAULT_VERSION;
  const vscodeVersion = vscodeVersionOf(version);
  const logs = path.join(LOGS, vscodeVersion);
  const screenshots = path.join(SCREENSHOTS, vscodeVersion);
  rmSync(logs, { recursive: true, force: true });
  rmSync(screenshots, { recursive: true, force: true });
  const vsix = options.vsix ?? (await testVsix());
  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'irplan-ui-')));
  const workspace = path.join(tmp, 'workspace');
  cpSync(WORKSPACE, workspace, { recursive: true });
  const results = { passed: 0, failed: 0, skipped: 0, failures: [] };
  let browser;
  let server;
  try {
    browser = await launchChromium();
    server = await startServer({ version, vsix, logs, verbose: options.verbose, say: (line) => console.log(`[ui] ${line}`) });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.workbenchUrl({ folder: workspace }));
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });

    const { session, reset } = await import(pathToFileURL(path.join(TESTS, 'workbench.mjs')).href);
    Object.assign(session, { page, context, server, workspace, vscodeVersion, screenshots });
    const { default: Mocha } = await import('mocha');
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 90_000, slow: 10_000 });
    if (options.grep) mocha.grep(options.grep);
    mocha.suite.title = `VS Code ${vscodeVersion} (UI)`;
    mocha.suite.beforeEach('a window with no editor or panel open', reset);
    mocha.suite.afterEach('a screenshot of a failure (of every open page)', async function () {
      if (this.currentTest?.state !== 'failed') return;
      mkdirSync(screenshots, { recursive: true });
      const name = `FAILED-${this.currentTest.title.replace(/[^\w.-]+/g, '_').slice(0, 80)}`;
      for (const [i, p] of context.pages().entries()) await withTimeout(p.screenshot({ path: path.join(screenshots, `${name}${i === 0 ? '' : `-${i + 1}`}.png`) }).catch(() => undefined), 10_000);
    });
    for (const f of testFiles()) mocha.addFile(f);
    await mocha.loadFilesAsync();
    await new Promise((resolve) => {
      const runner = mocha.run(() => {
        // A failed hook skips the rest of its suite without a word: those tests count as failed.
        results.failed = Math.max(runner.total - results.passed - results.skipped, results.failures.length > 0 ? 1 : 0);
        resolve();
      });
      runner.on('pass', () => results.passed++);
      runner.on('pending', () => results.skipped++);
      runner.on('fail', (test, error) => results.failures.push({ title: test.fullTitle(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`ui: ${reason}`);
    results.failed = Math.max(1, declaredUiTests() - results.passed - results.skipped);
    results.failures.push({ title: `UI tests on VS Code ${vscodeVersion}`, error: reason });
  } finally {
    await withTimeout(browser?.close().catch(() => undefined), 10_000);
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`ui (VS Code ${vscodeVersion}): ${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}; screenshots in ${path.relative(REPO, screenshots)}/`);
  if (options.docsImages) copyDocsImages(screenshots);
  return results;
}

function copyDocsImages(screenshots) {
  const shots = existsSync(screenshots) ? readdirSync(screenshots) : [];
  const target = path.join(REPO, 'docs', 'images');
  mkdirSync(target, { recursive: true });
  for (const [name, file] of Object.entries(DOCS_IMAGES)) {
    const found = shots.find((s) => s.replace(/^\d+-/, '') === `${name}.png`);
    if (found === undefined) {
      console.error(`ui: no screenshot "${name}" to copy to docs/images/${file}`);
      continue;
    }
    copyFileSync(path.join(screenshots, found), path.join(target, file));
    console.log(`ui: docs/images/${file} ← ${path.relative(REPO, path.join(screenshots, found))}`);
  }
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--code-server') options.version = argv[++i];
    else if (a === '--vsix') options.vsix = path.resolve(argv[++i]);
    else if (a === '--grep') options.grep = argv[++i];
    else if (a === '--results') options.results = path.resolve(argv[++i]);
    else if (a === '--docs-images') options.docsImages = true;
    else if (a === '--verbose') options.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS) {
  const options = parseArgs(process.argv.slice(2));
  const results = await runHere(options);
  if (options.results) writeFileSync(options.results, `${JSON.stringify(results, null, 2)}\n`);
  // Playwright and stray handles must not keep the process alive once the tests are done.
  process.exit(results.failed > 0 ? 1 : 0);
}
