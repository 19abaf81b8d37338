// Shared by the robustness suites: one call that runs the full validation the way the CLI and the
// language server do (PlanSet over an in-memory DocumentHost), and the properties every result
// must have whatever the input (known rule, valid severity, a range inside the text and on one
// line), plus a check that nothing was added to or replaced on Object.prototype.
// Only the engine's public API is used.
import assert from 'node:assert/strict';
import { LineIndex, PlanSet, RULES, parseDate, type Finding, type Position } from '../../../server/src/engine';
import { edit as editText, memoryHost } from '../editor/fixture';

export const TODAY: number = (() => {
  const day = parseDate('2026-11-25');
  assert.ok(day !== undefined);
  return day;
})();

export const URI = '/mem/plans/test.irplan.yaml';
export const KNOWN_RULES: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info']);

/** Full validation of one document held in memory, as the CLI runs it. */
export function validateText(text: string): Finding[] {
  const set = new PlanSet(memoryHost(new Map([[URI, text]])));
  const findings = set.validate(URI, { today: TODAY });
  assert.ok(Array.isArray(findings), 'the host can read the document, so validate must return an array');
  return findings;
}

/** Properties every finding has, for any input text. */
export function assertWellFormed(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    const label = `${f.ruleId} ${JSON.stringify(f.range)} ${JSON.stringify(f.message)}`;
    assert.ok(KNOWN_RULES.has(f.ruleId), `unknown rule id: ${label}`);
    assert.ok(SEVERITIES.has(f.severity), `bad severity ${f.severity}: ${label}`);
    assert.equal(typeof f.message, 'string', label);
    assert.ok(f.message.length > 0, `empty message: ${label}`);
    assert.ok(Number.isInteger(f.range.start) && Number.isInteger(f.range.end), `non-integer range: ${label}`);
    assert.ok(0 <= f.range.start, `range starts before the text: ${label}`);
    assert.ok(f.range.start <= f.range.end, `range ends before it starts: ${label}`);
    assert.ok(f.range.end <= text.length, `range ends past the end of the text (length ${text.length}): ${label}`);
    const covered = text.slice(f.range.start, f.range.end);
    assert.ok(!/[\r\n]/.test(covered), `range spans a line break: ${label} covers ${JSON.stringify(covered)}`);
  }
}

type ProtoSnapshot = Map<string | symbol, PropertyDescriptor | undefined>;

function prototypeSnapshot(): ProtoSnapshot {
  const snap: ProtoSnapshot = new Map();
  for (const key of Reflect.ownKeys(Object.prototype)) snap.set(key, Object.getOwnPropertyDescriptor(Object.prototype, key));
  return snap;
}

function assertPrototypeUnchanged(before: ProtoSnapshot): void {
  assert.equal((({}) as Record<string, unknown>).polluted, undefined, 'Object.prototype.polluted was set');
  assert.equal(Object.getPrototypeOf({}), Object.prototype);
  const after = prototypeSnapshot();
  assert.deepEqual([...after.keys()].map(String).sort(), [...before.keys()].map(String).sort(), 'Object.prototype gained or lost keys');
  for (const [key, descriptor] of before) {
    const now = after.get(key);
    assert.equal(now?.value, descriptor?.value, `Object.prototype.${String(key)} was replaced`);
    assert.equal(now?.get, descriptor?.get, `Object.prototype.${String(key)} getter was replaced`);
    assert.equal(now?.set, descriptor?.set, `Object.prototype.${String(key)} setter was replaced`);
  }
}

/**
 * The one entry point of the bad-input tests: validation returns (does not throw), its findings
 * are well formed, and Object.prototype is exactly as it was.
 */
export function check(text: string): Finding[] {
  const before = prototypeSnapshot();
  let findings: Finding[] = [];
  assert.doesNotThrow(() => {
    findings = validateText(text);
  }, 'validation threw');
  assertWellFormed(text, findings);
  assertPrototypeUnchanged(before);
  return findings;
}

export function positionOf(text: string, offset: number): Position {
  return new LineIndex(text).position(offset);
}

/** One line per finding, for assertion messages. */
export function describeFindings(text: string, findings: readonly Finding[]): string {
  const lines = new LineIndex(text);
  return findings
    .map((f) => {
      const p = lines.position(f.range.start);
      return `  ${f.ruleId} ${p.line + 1}:${p.character + 1} ${JSON.stringify(text.slice(f.range.start, Math.min(f.range.end, f.range.start + 40)))} ${f.message}`;
    })
    .join('\n');
}

/**
 * A complete plan that validates with no finding at all on 2026-11-25. Every line is a distinct
 * place to break: tests replace one line or value and assert where the finding lands.
 */
export const VALID_PLAN = `irplan: "1"
plan:
  id: acme-nhi
  title: ACME plan
  owner: secops
  incident_lead: secops
  last_reviewed: 2026-11-01
  review_interval: 90d
contacts:
  secops:
    kind: team
    name: Security operations
    page: pagerduty:PSEC
  iam-team:
    kind: team
    name: IAM engineering
    chat: "#iam"
severities:
  sev1:
    description: Production write access exposed
    acknowledge_within: 15m
    contain_within: 1h
    notify: [secops]
services:
  ci-pipeline:
    owner: iam-team
    description: CI
credential_classes:
  github-pat:
    kind: api-key
    description: GitHub tokens
    owner: iam-team
    deputy: secops
    severity: sev1
    used_by: [ci-pipeline]
    revocation:
      target: 15m
      steps:
        - id: revoke
          action: Revoke the token
          actor: iam-team
          duration: 2m
      validate:
        - service: ci-pipeline
          check: A CI run succeeds
    rollback:
      criteria:
        - Deploys fail
    evidence:
      - id: audit-log
        source: GitHub audit log
        action: Export the events
        actor: secops
        retain: 1y
drills:
  leaked-pat:
    title: Leaked token
    class: github-pat
    objectives:
      - contain_within: 30m
`;

/** VALID_PLAN with exactly one occurrence of `from` replaced (fails loudly if it is not there once). */
export function edit(from: string, to: string, text: string = VALID_PLAN): string {
  return editText(text, [from, to]);
}

/** A small deterministic generator (mulberry32) so generated inputs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
