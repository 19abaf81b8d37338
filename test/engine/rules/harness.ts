// The shared harness of the per-rule fixture tests (spec section 7: rule ids, default severities
// and where each finding's range goes).
//
// A case writes its document with range markers around the exact text each finding must cover:
//
//     deputy: ⟦iam-team⟧                    a finding of the rule under test on `iam-team`
//     ⟦{class-owner}github-pat⟧:            a finding of another rule that the case switches on
//     after: [⟦{#c}b⟧]  …  after: [⟦{#c}a⟧]  alternatives: ONE finding on one of the ranges
//                                            marked with the same group (`{rule#group}` too)
//
// The markers are stripped before validation and their [start, end) offsets become the
// expected ranges. The engine runs through PlanSet over an in-memory DocumentHost, with only the
// rule under test switched on (plus any the case names in `also`), today 2026-11-25 unless the
// case says otherwise. Every finding of the rules switched on must be expected, with the rule's
// default severity (or the level the case configures), and its message must be non-empty, say
// what to do (contain ':'), and never repeat a secret written in the input.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  PlanSet,
  RULES,
  RULES_BY_ID,
  parseDate,
  type DocumentHost,
  type Finding,
  type RuleConfig,
  type RuleLevel,
  type Severity,
} from '../../../server/src/engine';
import { findSecret } from '../../../server/src/engine/secrets';

/** The repository root, from the compiled test in out/test/engine/rules/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');

export const TODAY_TEXT = '2026-11-25';
export const TODAY: number = parseDate(TODAY_TEXT)!;

/** Where the document under test lives; `files` keys are relative to its folder. */
export const MAIN_URI = '/plans/main.irplan.yaml';
const MAIN_DIR = path.posix.dirname(MAIN_URI);

/**
 * The clean base plan: two team contacts with channels, the automation contact revoker-bot
 * (credential_ttl 1h), severities sev1 (contain_within 1h) and sev2, two services, one class
 * github-pat with every control, and a drill for it (sev1 is the first severity). It produces no
 * finding of any rule with today = 2026-11-25 (base.test.ts checks it).
 */
export const BASE: string = fs.readFileSync(path.join(FIXTURES, 'base.irplan.yaml'), 'utf8');

export const OPEN = '⟦';
export const CLOSE = '⟧';

export const ALL_RULE_IDS: readonly string[] = RULES.map((r) => r.id);

// ---------------------------------------------------------------------------------------------
// Editing the base plan.

function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
  return count;
}

/**
 * Replace each `from` (which must occur exactly once, so a case never edits the wrong place)
 * with `to`. `from` is matched against the text as it is after the earlier edits.
 */
export function edit(text: string, ...edits: [from: string, to: string][]): string {
  let out = text;
  for (const [from, to] of edits) {
    const n = countOf(out, from);
    if (n !== 1) throw new Error(`edit: ${JSON.stringify(from)} occurs ${n} times (it must occur once)`);
    out = out.replace(from, () => to);
  }
  return out;
}

/** Split into lines, keeping each line's newline. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A line as it reads without its newline and without range markers. */
function plain(line: string): string {
  return line.replace(/⟦\{[^}]*\}/g, '').replace(/[⟦⟧]/g, '').replace(/\n$/, '');
}

function lineIndex(lines: string[], line: string, from = 0): number {
  const found: number[] = [];
  lines.forEach((l, i) => {
    if (i >= from && plain(l) === line) found.push(i);
  });
  if (found.length !== 1) throw new Error(`replaceLines: the line ${JSON.stringify(line)} occurs ${found.length} times after line ${from + 1} (it must occur once)`);
  return found[0];
}

/**
 * Replace the lines from the line `first` up to, not including, the line `until` (the first
 * such line after `first`; null: to the end of the text) with `replacement`. `first` must be
 * unique, or, with `after`, the first such line after the (unique) line `after`.
 */
export function replaceLines(text: string, first: string, until: string | null, replacement: string, after?: string): string {
  const lines = linesOf(text);
  let a: number;
  if (after === undefined) {
    a = lineIndex(lines, first);
  } else {
    const anchor = lineIndex(lines, after);
    a = lines.findIndex((l, i) => i >= anchor && plain(l) === first);
    if (a < 0) throw new Error(`replaceLines: no line ${JSON.stringify(first)} after ${JSON.stringify(after)}`);
  }
  let b = lines.length;
  if (until !== null) {
    b = lines.findIndex((l, i) => i > a && plain(l) === until);
    if (b < 0) throw new Error(`replaceLines: no line ${JSON.stringify(until)} after ${JSON.stringify(first)}`);
  }
  return [...lines.slice(0, a), replacement, ...lines.slice(b)].join('');
}

/** Replace the revocation's steps block of the base class (up to `validate:`). */
export function replaceRevocationSteps(text: string, replacement: string): string {
  return replaceLines(text, '      steps:', '      validate:', replacement, '    revocation:');
}

/** Insert a second (or further) credential class just before `drills:`. */
export function addClass(text: string, classYaml: string): string {
  return edit(text, ['\ndrills:\n', `\n${classYaml.replace(/\n?$/, '\n')}drills:\n`]);
}

/** Insert contacts at the end of the `contacts:` mapping (just before `severities:`). */
export function addContacts(text: string, contactsYaml: string): string {
  return edit(text, ['\nseverities:\n', `\n${contactsYaml.replace(/\n?$/, '\n')}severities:\n`]);
}

/** The base plan without its `drills:` section. */
export function withoutDrills(text: string): string {
  return replaceLines(text, 'drills:', null, '');
}

/** The base class key with markers, for the rules whose finding goes on the class id's key. */
export const CLASS_KEY: [string, string] = ['\n  github-pat:\n', `\n  ${OPEN}github-pat${CLOSE}:\n`];

/** A library document (plan.library: true) with the given sections. */
export function library(id: string, body: string): string {
  return `irplan: "1"\nplan:\n  id: ${id}\n  title: Shared definitions ${id}\n  library: true\n${body.replace(/\n?$/, '\n')}`;
}

/**
 * A second complete class (severity sev2, so it needs no drill), for cases about several classes.
 * base.test.ts checks that the base plan with it is still clean.
 */
export const SECOND_CLASS = `  deploy-key:
    kind: ssh-key
    description: The deploy bot's SSH key for the production hosts
    owner: secops
    deputy: iam-team
    severity: sev2
    used_by: [deploy-bot]
    revocation:
      target: 30m
      steps:
        - id: remove
          action: Remove the key from the production hosts' authorized_keys
          actor: secops
          duration: 5m
      validate:
        - service: deploy-bot
          check: The deploy bot connects with the new key
    rollback:
      criteria:
        - Deploys fail for more than 30 minutes after removal
    evidence:
      - id: auth-log
        source: The production hosts' sshd logs
        action: Export the key's logins for the last 30 days
        actor: secops
        retain: 1y
`;

/** A top-level section of the base plan (`contacts`, `severities`, `services`, …), as written. */
export function baseSection(name: string): string {
  const lines = linesOf(BASE);
  const a = lines.findIndex((l) => l === `${name}:\n`);
  if (a < 0) throw new Error(`the base plan has no section ${name}`);
  let b = a + 1;
  while (b < lines.length && (lines[b].startsWith(' ') || lines[b] === '\n')) b++;
  return lines.slice(a, b).join('');
}

/** The base plan without the named top-level sections. */
export function withoutSections(text: string, ...names: string[]): string {
  let out = text;
  for (const name of names) out = edit(out, [baseSection(name), '']);
  return out;
}

/** The document with `imports:` (a list of paths, as written) right after its plan block. */
export function withImports(text: string, ...paths: string[]): string {
  const lines = linesOf(text);
  const a = lines.findIndex((l) => l === 'plan:\n');
  if (a < 0) throw new Error('withImports: no plan block');
  let b = a + 1;
  while (b < lines.length && lines[b].startsWith(' ')) b++;
  const block = `imports:\n${paths.map((p) => `  - ${p}\n`).join('')}`;
  return [...lines.slice(0, b), block, ...lines.slice(b)].join('');
}

// ---------------------------------------------------------------------------------------------
// Markers.

export interface Expected {
  ruleId: string;
  start: number;
  end: number;
  /** Markers of one group are alternatives: exactly one finding on one of them. */
  group?: string;
}

export interface Marked {
  text: string;
  marks: Expected[];
}

/** Strip ⟦…⟧ markers; `{rule}`, `{#group}` or `{rule#group}` right after ⟦ labels a marker. */
export function parseMarkers(source: string, defaultRule: string): Marked {
  let text = '';
  const open: { start: number; ruleId: string; group?: string }[] = [];
  const marks: Expected[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === OPEN) {
      let ruleId = defaultRule;
      let group: string | undefined;
      if (source[i + 1] === '{') {
        const close = source.indexOf('}', i);
        if (close < 0) throw new Error(`unterminated marker label at offset ${i}`);
        const label = source.slice(i + 2, close);
        const [r, g] = label.split('#');
        if (r) ruleId = r;
        if (g !== undefined) group = `${ruleId}#${g}`;
        if (!RULES_BY_ID.has(ruleId)) throw new Error(`marker label names no rule: ${label}`);
        i = close;
      }
      open.push({ start: text.length, ruleId, group });
    } else if (c === CLOSE) {
      const m = open.pop();
      if (!m) throw new Error(`${CLOSE} without ${OPEN} at offset ${i}`);
      marks.push({ ruleId: m.ruleId, start: m.start, end: text.length, ...(m.group ? { group: m.group } : {}) });
    } else {
      text += c;
    }
  }
  if (open.length > 0) throw new Error(`${open.length} unclosed ${OPEN} marker(s)`);
  return { text, marks };
}

// ---------------------------------------------------------------------------------------------
// Running the engine.

export function resolveUri(fromUri: string, relativePath: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromUri), relativePath));
}

export function memoryHost(files: ReadonlyMap<string, string>): DocumentHost {
  return { read: (uri) => files.get(uri), resolve: resolveUri };
}

/** Config: every rule off except `on` (at its default, or at `levels`' level). */
export function onlyRules(on: readonly string[], levels: Partial<Record<string, RuleLevel>> = {}): RuleConfig {
  const rules: Partial<Record<string, RuleLevel>> = {};
  for (const id of ALL_RULE_IDS) if (!on.includes(id)) rules[id] = 'off';
  for (const [id, level] of Object.entries(levels)) rules[id] = level;
  return { rules };
}

export interface RunOptions {
  /** Other documents, by path relative to the main document's folder (or absolute uri). */
  files?: Record<string, string>;
  config?: RuleConfig;
  today?: string;
}

export function fileMap(main: string, files: Record<string, string> = {}): Map<string, string> {
  const map = new Map<string, string>([[MAIN_URI, main]]);
  for (const [name, text] of Object.entries(files)) {
    if (text.includes(OPEN) || text.includes(CLOSE)) throw new Error(`markers are only read in the main document, not in ${name}`);
    map.set(name.startsWith('/') ? name : path.posix.join(MAIN_DIR, name), text);
  }
  return map;
}

/** Validate the main document (no markers) and return every finding. */
export function runEngine(main: string, options: RunOptions = {}): Finding[] {
  const today = parseDate(options.today ?? TODAY_TEXT);
  if (today === undefined) throw new Error(`bad today ${options.today}`);
  const set = new PlanSet(memoryHost(fileMap(main, options.files)));
  const findings = set.validate(MAIN_URI, { today, ...(options.config ? { config: options.config } : {}) });
  if (!findings) throw new Error('the main document could not be read');
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Secrets written in the input, so messages can be checked never to repeat them.

function secretsIn(text: string): string[] {
  const found = new Set<string>();
  const add = (s: string, ctx?: { key: string }) => {
    let rest = s;
    for (let i = 0; i < 10; i++) {
      const m = findSecret(rest, ctx);
      if (!m) break;
      found.add(rest.slice(m.start, m.end));
      rest = rest.slice(m.end);
    }
  };
  for (const line of text.split(/\r?\n/)) {
    add(line);
    const kv = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s*(.+)$/.exec(line);
    if (kv) add(kv[2], { key: kv[1] });
  }
  return [...found];
}

export function assertMessage(f: Finding, secrets: readonly string[]): void {
  assert.ok(f.message.trim().length > 0, `${f.ruleId}: empty message`);
  assert.ok(f.message.includes(':'), `${f.ruleId}: the message does not say what to do (no ':'): ${f.message}`);
  const leaked = findSecret(f.message);
  assert.equal(leaked, undefined, `${f.ruleId}: the message contains a ${leaked?.kind}: ${f.message}`);
  for (const s of secrets) {
    assert.ok(!f.message.includes(s), `${f.ruleId}: the message repeats a secret from the input: ${f.message}`);
    const head = s.slice(0, 12);
    if (head.length >= 12) assert.ok(!f.message.includes(head), `${f.ruleId}: the message repeats the start of a secret from the input: ${f.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Cases and tables.

export interface RuleCase {
  /** What the case shows; the case name says what it shows. */
  name: string;
  /** The main document, with ⟦…⟧ around each expected finding's range. */
  yaml: string;
  /** Other documents by path relative to the main document's folder (no markers). */
  files?: Record<string, string>;
  /** The configured level of the rule under test (default: its default severity). */
  level?: Severity;
  /** Other rules switched on; their findings must be marked with `{rule}` labels too. */
  also?: string[];
  /** Configured levels of the rules in `also`. */
  alsoLevels?: Partial<Record<string, Severity>>;
  today?: string;
  /** Text every finding of the rule under test must contain in its message. */
  messageIncludes?: string | string[];
  /** Text no finding's message may contain. */
  messageExcludes?: string | string[];
}

interface Norm {
  ruleId: string;
  severity: string;
  start: number;
  end: number;
  text: string;
}

function norm(text: string, f: { ruleId: string; severity: string; start: number; end: number }): Norm {
  return { ruleId: f.ruleId, severity: f.severity, start: f.start, end: f.end, text: text.slice(f.start, f.end) };
}

const byPlace = (a: Norm, b: Norm) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);

/** Run one case for `ruleId` and assert its findings; returns them for extra checks. */
export function checkCase(ruleId: string, c: RuleCase): Finding[] {
  const rule = RULES_BY_ID.get(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const { text, marks } = parseMarkers(c.yaml, ruleId);
  const also = c.also ?? [];
  const on = [ruleId, ...also];
  for (const m of marks) if (!on.includes(m.ruleId)) throw new Error(`a marker expects ${m.ruleId}, which the case does not switch on`);
  const levels: Partial<Record<string, RuleLevel>> = { ...(c.alsoLevels ?? {}) };
  if (c.level) levels[ruleId] = c.level;
  const findings = runEngine(text, { files: c.files, config: onlyRules(on, levels), today: c.today });

  for (const f of findings) {
    assert.ok(0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length, `${f.ruleId}: range [${f.range.start}, ${f.range.end}) is not inside the text (length ${text.length})`);
  }
  const severityOf = (id: string): string => levels[id] ?? RULES_BY_ID.get(id)!.defaultSeverity;
  const actual = findings.map((f) => norm(text, { ruleId: f.ruleId, severity: f.severity, ...f.range })).sort(byPlace);

  // Fixed expectations claim their findings first; each group of alternatives then claims one
  // remaining finding on one of its ranges (or stands for its first alternative, so that a missing
  // finding shows in the diff).
  const remaining = [...actual];
  const same = (a: Norm, b: Norm) => a.ruleId === b.ruleId && a.start === b.start && a.end === b.end;
  const claim = (n: Norm) => {
    const i = remaining.findIndex((a) => same(a, n));
    if (i >= 0) remaining.splice(i, 1);
  };
  const toNorm = (m: Expected) => norm(text, { ruleId: m.ruleId, severity: severityOf(m.ruleId), start: m.start, end: m.end });
  const expected: Norm[] = [];
  const groups = new Map<string, Expected[]>();
  for (const m of marks) {
    if (m.group) {
      groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
    } else {
      const n = toNorm(m);
      claim(n);
      expected.push(n);
    }
  }
  for (const alternatives of groups.values()) {
    const options = alternatives.map(toNorm);
    const n = options.find((o) => remaining.some((a) => same(a, o))) ?? options[0];
    claim(n);
    expected.push(n);
  }
  expected.sort(byPlace);
  assert.deepEqual(actual, expected, `findings of ${on.join(', ')} differ from the markers`);

  const secrets = [text, ...Object.values(c.files ?? {})].flatMap(secretsIn);
  const includes = c.messageIncludes === undefined ? [] : ([] as string[]).concat(c.messageIncludes);
  const excludes = c.messageExcludes === undefined ? [] : ([] as string[]).concat(c.messageExcludes);
  for (const f of findings) {
    assertMessage(f, secrets);
    assert.equal(f.uri, MAIN_URI);
    assert.equal(f.docs, `docs/rules/${f.ruleId}.md`);
    if (f.ruleId !== ruleId) continue;
    for (const s of includes) assert.ok(f.message.includes(s), `the message should contain ${JSON.stringify(s)}: ${f.message}`);
    for (const s of excludes) assert.ok(!f.message.includes(s), `the message should not contain ${JSON.stringify(s)}: ${f.message}`);
  }
  return findings;
}

/** Per rule: how many cases make it fire and how many must stay quiet (coverage.test.ts). */
export const REGISTRY = new Map<string, { fires: number; quiet: number; levels: number }>();

function register(ruleId: string, c: RuleCase): void {
  const { marks } = parseMarkers(c.yaml, ruleId);
  const entry = REGISTRY.get(ruleId) ?? { fires: 0, quiet: 0, levels: 0 };
  if (marks.some((m) => m.ruleId === ruleId)) entry.fires++;
  else entry.quiet++;
  if (c.level) entry.levels++;
  REGISTRY.set(ruleId, entry);
}

/** A mocha table: describe(ruleId) with one test per case. */
export function ruleTable(ruleId: string, cases: RuleCase[]): void {
  const rule = RULES_BY_ID.get(ruleId);
  describe(`${ruleId} (default ${rule?.defaultSeverity ?? '?'})`, () => {
    it('is a rule of the engine', () => assert.ok(rule, `RULES has no ${ruleId}`));
    for (const c of cases) {
      register(ruleId, c);
      it(c.name, () => {
        checkCase(ruleId, c);
      });
    }
  });
}
