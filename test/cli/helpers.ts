// Running the built CLI as a process, fixture copies in temporary folders, and golden files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root: this file runs from out/test/cli. */
export const REPO = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO, 'bin', 'irplan.js');
export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'cli');
export const TODAY = '2026-11-25';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `irplan ...args` in `cwd`, with an environment free of colour settings unless given. */
export function irplan(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): CliResult {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.FORCE_COLOR;
  delete childEnv.NO_COLOR;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: childEnv, encoding: 'utf8' });
  if (result.error) throw result.error;
  // No command may ever print a stack trace.
  assert.doesNotMatch(result.stderr, /^\s+at\s.*:\d+:\d+\)?$/m, `stack trace on stderr:\n${result.stderr}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh copy of test/fixtures/cli in a temporary folder; remove it with removeTemp. */
export function copyFixtures(): string {
  const root = makeTemp();
  fs.cpSync(FIXTURES, root, { recursive: true });
  return root;
}

export function makeTemp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'irplan-cli-'));
}

export function removeTemp(folder: string | undefined): void {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
}

/**
 * The CLI looks for .irplan.yaml in the working folder and its parents: one above the temporary
 * folder would change every result, so say so plainly instead of failing obscurely.
 */
export function assertNoStrayConfig(): void {
  let folder = fs.realpathSync(os.tmpdir());
  for (;;) {
    const candidate = path.join(folder, '.irplan.yaml');
    assert.ok(!fs.existsSync(candidate), `${candidate} exists and would configure every CLI test run in ${os.tmpdir()}: remove it`);
    const parent = path.dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
}

/** Compares with a golden file beside the fixtures; UPDATE_GOLDEN=1 rewrites it instead. */
export function assertGolden(actual: string, goldenPath: string): void {
  const file = path.join(FIXTURES, goldenPath);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${goldenPath} is missing: run the tests with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from ${goldenPath} (UPDATE_GOLDEN=1 to accept the new output)`);
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*m/;

export function stripAnsi(text: string): string {
  return text.replace(new RegExp(ANSI.source, 'g'), '');
}

export function readJson<T = unknown>(text: string): T {
  return JSON.parse(text) as T;
}

export interface JsonReport {
  version: number;
  files: { path: string; findings: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; docs: string }[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

export function ruleIds(report: JsonReport): string[] {
  return report.files.flatMap((f) => f.findings.map((x) => x.ruleId));
}
