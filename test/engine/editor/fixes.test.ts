// Quick fixes (editor/fixes.ts): every fix is applied to the text and the result validated again
// with PlanSet. A fix must leave valid YAML (no yaml-syntax or schema finding), remove the finding
// it fixes, and add no finding that was not there before; it writes the document's own
// indentation and line endings.
import assert from 'node:assert/strict';
import path from 'node:path';
import { PlanSet, parseDate, type Finding } from '../../../server/src/engine';
import { quickFixes } from '../../../server/src/engine/editor/fixes';
import type { PlanIndex, QuickFix, TextEdit } from '../../../server/src/engine/editor/types';

const TODAY = parseDate('2026-11-25')!;
const URI = '/plans/main.irplan.yaml';

/** A PlanIndex over PlanSet and a map of texts, as the language server's index is. */
function memoryIndex(files: Map<string, string>): PlanIndex {
  const set = new PlanSet({
    read: (uri) => files.get(uri),
    resolve: (from, rel) => path.posix.normalize(path.posix.join(path.posix.dirname(from), rel)),
  });
  return { get: (uri) => set.get(uri), scopeOf: (doc) => set.scopeOf(doc), allUris: () => files.keys() };
}

function validate(text: string, others: Record<string, string> = {}): Finding[] {
  const files = new Map([[URI, text], ...Object.entries(others)]);
  const set = new PlanSet({ read: (uri) => files.get(uri), resolve: (from, rel) => path.posix.join(path.posix.dirname(from), rel) });
  return set.validate(URI, { today: TODAY })!;
}

function fixesFor(text: string, finding: Finding): QuickFix[] {
  return quickFixes(memoryIndex(new Map([[URI, text]])), finding);
}

/** Apply non-overlapping edits (checked) from the end of the text backwards. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].range.end <= sorted[i].range.start, 'edits overlap');
  let out = text;
  for (const e of sorted.reverse()) {
    assert.equal(e.uri, URI);
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  }
  return out;
}

/** Replace `from` (which must occur exactly once) with `to`. */
function edit(text: string, ...pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    assert.equal(out.split(from).length, 2, `edit: ${JSON.stringify(from)} must occur once`);
    out = out.replace(from, () => to);
  }
  return out;
}

const key = (f: Finding) => `${f.ruleId}: ${f.message}`;

interface Applied {
  fix: QuickFix;
  fixes: QuickFix[];
  before: Finding[];
  after: Finding[];
  text: string;
}

/**
 * Validate, take the finding of `ruleId` (the first one `where` accepts), apply its preferred fix
 * and validate again: no syntax or schema finding, none of `ruleId` left at that place, nothing new.
 */
function applyPreferred(text: string, ruleId: string, where: (f: Finding, text: string) => boolean = () => true): Applied {
  const before = validate(text);
  const finding = before.find((f) => f.ruleId === ruleId && where(f, text));
  assert.ok(finding, `no ${ruleId} finding to fix in:\n${before.map(key).join('\n')}`);
  const fixes = fixesFor(text, finding);
  const fix = fixes[0];
  assert.ok(fix, 'no fix offered');
  assert.equal(fix.isPreferred, true, `the first fix is the preferred one: ${fix.title}`);
  assert.equal(fixes.filter((f) => f.isPreferred).length, 1);
  assert.equal(fix.ruleId, ruleId);
  const next = applyEdits(text, fix.edits);
  const after = validate(next);
  const broken = after.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema');
  assert.deepEqual(broken.map(key), [], `the fix broke the document:\n${next}`);
  const lineText = (t: string, f: Finding) => t.slice(t.lastIndexOf('\n', f.range.start) + 1, f.range.end);
  const same = after.filter((f) => f.ruleId === ruleId && f.message === finding.message && lineText(next, f) === lineText(text, finding));
  assert.deepEqual(same.map(key), [], `the finding is still there after "${fix.title}":\n${next}`);
  const was = new Map<string, number>();
  for (const f of before) was.set(key(f), (was.get(key(f)) ?? 0) + 1);
  const added = after.filter((f) => {
    const n = was.get(key(f)) ?? 0;
    was.set(key(f), n - 1);
    return n <= 0;
  });
  assert.deepEqual(added.map(key), [], `the fix added findings:\n${next}`);
  return { fix, fixes, before, after, text: next };
}

// A clean plan written with two-space indentation (it has no finding at all on 2026-11-25).
const PLAN = `irplan: "1"
plan:
  id: acme-nhi
  title: ACME non-human identity incident response plan
  owner: secops
  incident_lead: secops
  last_reviewed: 2026-10-01
  review_interval: 90d
contacts:
  secops:
    kind: team
    name: Security operations on-call
    page: pagerduty:PSECOPS
  iam-team:
    kind: team
    name: IAM engineering
    email: iam@acme.example
  revoker-bot:
    kind: automation
    name: Token revocation bot
    credential_ttl: 1h
severities:
  sev1:
    description: Production write access exposed publicly
    acknowledge_within: 15m
    contain_within: 1h
    notify: [secops]
  sev2:
    description: Read access to internal data exposed
    acknowledge_within: 1h
    contain_within: 1d
services:
  ci-pipeline:
    owner: iam-team
    description: GitHub Actions on the monorepo
  deploy-bot:
    owner: secops
    description: The deploy bot that ships main to production
credential_classes:
  github-pat:
    kind: api-key
    description: Fine-grained GitHub tokens used by automation
    owner: iam-team
    deputy: secops
    severity: sev1
    used_by: [ci-pipeline, deploy-bot]
    revocation:
      target: 15m
      steps:
        - id: revoke
          action: Revoke the token in the GitHub organisation settings
          actor: revoker-bot
          duration: 2m
        - id: reissue
          action: Issue a replacement token from the vault
          actor: iam-team
          duration: 10m
          after: [revoke]
      validate:
        - service: ci-pipeline
          check: A CI run on main succeeds with the new token
        - service: deploy-bot
          check: The deploy bot's next dry run authenticates with the new token
    rollback:
      criteria:
        - Production deploys fail for more than 10 minutes after revocation
      steps:
        - action: Re-enable the previous token for 30 minutes
          actor: iam-team
          duration: 5m
          approval: incident-lead
    evidence:
      - id: audit-log
        source: GitHub organisation audit log
        action: Export the token's audit events for the last 90 days
        actor: secops
        retain: 1y
drills:
  leaked-pat:
    title: GitHub token leaked in a public repository
    class: github-pat
    unavailable: [iam-team]
    objectives:
      - contain_within: 30m
      - evidence: [audit-log]
    injects:
      - at: 5m
        message: Audit log shows the token used from an unknown network
        expect: [revoke]
`;

const REVOCATION = `    revocation:
      target: 15m
      steps:
        - id: revoke
          action: Revoke the token in the GitHub organisation settings
          actor: revoker-bot
          duration: 2m
        - id: reissue
          action: Issue a replacement token from the vault
          actor: iam-team
          duration: 10m
          after: [revoke]
      validate:
        - service: ci-pipeline
          check: A CI run on main succeeds with the new token
        - service: deploy-bot
          check: The deploy bot's next dry run authenticates with the new token
`;
const ROLLBACK = `    rollback:
      criteria:
        - Production deploys fail for more than 10 minutes after revocation
      steps:
        - action: Re-enable the previous token for 30 minutes
          actor: iam-team
          duration: 5m
          approval: incident-lead
`;
const EVIDENCE = `    evidence:
      - id: audit-log
        source: GitHub organisation audit log
        action: Export the token's audit events for the last 90 days
        actor: secops
        retain: 1y
`;

/**
 * The text re-indented with four spaces per level (a list item's own keys stay two columns after
 * its dash, as people write them).
 */
function fourSpaces(text: string): string {
  const stack: [old: number, now: number][] = [[0, 0]];
  return text.replace(/^( *)(.*)$/gm, (_, spaces: string, rest: string) => {
    if (rest === '') return rest;
    const indent = spaces.length;
    while (stack[stack.length - 1][0] > indent) stack.pop();
    let [old, now] = stack[stack.length - 1];
    if (old < indent) {
      [old, now] = [indent, now + 4];
      stack.push([old, now]);
    }
    if (rest.startsWith('- ')) stack.push([indent + 2, now + 2]);
    return ' '.repeat(now) + rest;
  });
}

const PLAN4 = fourSpaces(PLAN);

const onClass = (id: string) => (f: Finding, text: string) => text.slice(f.range.start, f.range.end) === id;

describe('quick fixes', () => {
  it('the fixture plans are clean', () => {
    assert.deepEqual(validate(PLAN).map(key), []);
    assert.deepEqual(validate(PLAN4).map(key), []);
  });

  describe('class-owner', () => {
    it('adds an owner before the deputy, naming a team contact other than the deputy', () => {
      const text = edit(PLAN, ['    owner: iam-team\n    deputy: secops\n', '    deputy: secops\n']);
      const { fix, text: fixed } = applyPreferred(text, 'class-owner');
      assert.equal(fix.title, 'Add an owner to class "github-pat"');
      // The plan owner secops is the deputy already, so the first other team contact is chosen.
      assert.ok(fixed.includes('    description: Fine-grained GitHub tokens used by automation\n    owner: iam-team\n    deputy: secops\n'), fixed);
    });

    it('names the plan owner when it is free, and fills an `owner:` written without a value', () => {
      const text = edit(PLAN, ['    owner: iam-team\n    deputy: secops\n', '    owner:\n    deputy: iam-team\n']);
      const { text: fixed } = applyPreferred(text, 'class-owner');
      assert.ok(fixed.includes('    owner: secops\n    deputy: iam-team\n'), fixed);
    });
  });

  describe('class-deputy', () => {
    it('adds a deputy right after the owner, a team contact other than the owner', () => {
      const text = edit(PLAN, ['    deputy: secops\n', '']);
      const { fix, text: fixed } = applyPreferred(text, 'class-deputy');
      assert.equal(fix.title, 'Add a deputy to class "github-pat"');
      assert.ok(fixed.includes('    owner: iam-team\n    deputy: secops\n    severity: sev1\n'), fixed);
    });

    it('adds a deputy in spec order when the class has no owner either', () => {
      const text = edit(PLAN, ['    owner: iam-team\n    deputy: secops\n', '']);
      const { text: fixed } = applyPreferred(text, 'class-deputy');
      assert.ok(/ {4}description: .*\n {4}deputy: (secops|iam-team)\n {4}severity: sev1\n/.test(fixed), fixed);
    });
  });

  describe('class-revocation', () => {
    it('adds a whole revocation path before rollback, with the severity target and validate checks', () => {
      const text = edit(PLAN, [REVOCATION, '']);
      const { fix, text: fixed } = applyPreferred(text, 'class-revocation');
      assert.equal(fix.title, 'Add a revocation path to class "github-pat"');
      const expected = [
        '    used_by: [ci-pipeline, deploy-bot]',
        '    revocation:',
        '      target: 1h',
        '      steps:',
        '        - id: revoke',
        '          action: Revoke the credential at its issuer',
        '          actor: iam-team',
        '          duration: 5m',
        '      validate:',
        '        - service: ci-pipeline',
        '          check: ci-pipeline works with the new credential',
        '        - service: deploy-bot',
        '          check: deploy-bot works with the new credential',
        '    rollback:',
      ].join('\n');
      assert.ok(fixed.includes(expected), fixed);
    });

    it('uses 15m when the class severity has no contain_within', () => {
      const text = edit(PLAN, [REVOCATION, ''], ['    contain_within: 1h\n', '']);
      const { text: fixed } = applyPreferred(text, 'class-revocation');
      assert.ok(fixed.includes('    revocation:\n      target: 15m\n'), fixed);
    });

    it('adds only the target when the steps are there', () => {
      const text = edit(PLAN, ['      target: 15m\n', '']);
      const { fix, text: fixed } = applyPreferred(text, 'class-revocation');
      assert.equal(fix.title, 'Complete the revocation of class "github-pat"');
      assert.ok(fixed.includes('    revocation:\n      target: 1h\n      steps:\n        - id: revoke\n          action: Revoke the token'), fixed);
    });

    it('adds only the steps, before validate, when the target is there', () => {
      const text = edit(PLAN, [REVOCATION, REVOCATION.replace(/ {6}steps:\n[\s\S]*?(?= {6}validate:)/, '')]);
      const { text: fixed } = applyPreferred(text, 'class-revocation');
      assert.ok(fixed.includes('      target: 15m\n      steps:\n        - id: revoke\n          action: Revoke the credential at its issuer\n          actor: iam-team\n          duration: 5m\n      validate:\n'), fixed);
    });

    it('adds both the target and the steps around an existing approval', () => {
      const text = edit(PLAN, [REVOCATION, '    revocation:\n      approval: none\n']);
      assert.equal(validate(text).filter((f) => f.ruleId === 'class-revocation').length, 2);
      const { after, text: fixed } = applyPreferred(text, 'class-revocation');
      assert.equal(after.filter((f) => f.ruleId === 'class-revocation').length, 0);
      assert.ok(fixed.includes('    revocation:\n      target: 1h\n      approval: none\n      steps:\n        - id: revoke\n'), fixed);
    });

    it('fills an empty `revocation:`', () => {
      const text = edit(PLAN, [REVOCATION, '    revocation:\n']);
      const { text: fixed } = applyPreferred(text, 'class-revocation');
      assert.ok(fixed.includes('    revocation:\n      target: 1h\n      steps:\n        - id: revoke\n'), fixed);
    });

    it('fills an empty steps list written as []', () => {
      const text = edit(PLAN, [REVOCATION, '    revocation:\n      target: 15m\n      steps: []\n']);
      const { text: fixed } = applyPreferred(text, 'class-revocation');
      assert.ok(fixed.includes('      target: 15m\n      steps:\n        - id: revoke\n          action: Revoke the credential at its issuer\n'), fixed);
    });

    it('writes a consent and vendor step for a third-party OAuth grant', () => {
      const text = edit(PLAN, [REVOCATION, ''], ['    kind: api-key\n', '    kind: oauth-grant\n    third_party: true\n']);
      const { text: fixed, after } = applyPreferred(text, 'class-revocation');
      assert.ok(fixed.includes('review the consent grants and notify the vendor'), fixed);
      assert.equal(after.filter((f) => f.ruleId === 'kind-oauth-consent').length, 0);
    });
  });

  describe('class-rollback', () => {
    it('adds rollback criteria naming the first dependent service, before evidence', () => {
      const text = edit(PLAN, [ROLLBACK, '']);
      const { fix, text: fixed } = applyPreferred(text, 'class-rollback');
      assert.equal(fix.title, 'Add rollback criteria to class "github-pat"');
      assert.ok(fixed.includes('    rollback:\n      criteria:\n        - ci-pipeline fails for more than 15 minutes after revocation\n    evidence:\n'), fixed);
    });

    it('adds criteria inside a rollback that has only steps', () => {
      const text = edit(PLAN, ['      criteria:\n        - Production deploys fail for more than 10 minutes after revocation\n', '']);
      const { text: fixed } = applyPreferred(text, 'class-rollback');
      assert.ok(fixed.includes('    rollback:\n      criteria:\n        - ci-pipeline fails for more than 15 minutes after revocation\n      steps:\n'), fixed);
    });

    it('fills empty criteria', () => {
      const text = edit(PLAN, ['      criteria:\n        - Production deploys fail for more than 10 minutes after revocation\n', '      criteria: []\n']);
      applyPreferred(text, 'class-rollback');
    });
  });

  describe('class-evidence', () => {
    it('adds an audit-log item collected by the owner', () => {
      const text = edit(PLAN, [EVIDENCE, '']);
      const { fix, text: fixed } = applyPreferred(text, 'class-evidence');
      assert.equal(fix.title, 'Add an evidence item to class "github-pat"');
      assert.ok(
        fixed.includes("    evidence:\n      - id: audit-log\n        source: The issuer's audit log\n        action: Export the credential's audit events for the last 90 days\n        actor: iam-team\n        retain: 1y\ndrills:\n"),
        fixed,
      );
    });

    it('fills `evidence: []`', () => {
      const text = edit(PLAN, [EVIDENCE, '    evidence: []\n']);
      const { text: fixed } = applyPreferred(text, 'class-evidence');
      assert.ok(fixed.includes('    evidence:\n      - id: audit-log\n'), fixed);
    });

    it("covers prompts, tool logs and authorization traces for an AI agent's credential", () => {
      const text = edit(PLAN, [EVIDENCE, ''], ['    kind: api-key\n', '    kind: ai-agent-credential\n'], ['      - evidence: [audit-log]\n', '']);
      const { after } = applyPreferred(text, 'class-evidence');
      assert.equal(after.filter((f) => f.ruleId === 'kind-ai-agent-evidence').length, 0);
    });

    it('appends to a class that ends the file without a final line break', () => {
      const text = edit(PLAN, [EVIDENCE, '']).replace(/\ndrills:\n[\s\S]*$/, '').replace(/\n$/, '');
      const { text: fixed } = applyPreferred(text, 'class-evidence');
      assert.ok(fixed.endsWith('          approval: incident-lead\n    evidence:\n      - id: audit-log\n        source: The issuer\'s audit log\n        action: Export the credential\'s audit events for the last 90 days\n        actor: iam-team\n        retain: 1y'), fixed);
    });
  });

  describe('indentation', () => {
    it('writes a class indented with four spaces in four spaces', () => {
      const text = edit(PLAN4, ['        deputy: secops\n', '']);
      const { text: fixed } = applyPreferred(text, 'class-deputy');
      assert.ok(fixed.includes('        owner: iam-team\n        deputy: secops\n        severity: sev1\n'), fixed);
    });

    it('writes a four-space revocation skeleton with four-space levels', () => {
      const revocation4 = fourSpaces(PLAN).slice(fourSpaces(PLAN).indexOf('        revocation:\n'), fourSpaces(PLAN).indexOf('        rollback:\n'));
      const text = edit(PLAN4, [revocation4, '']);
      const { text: fixed } = applyPreferred(text, 'class-revocation');
      const expected = [
        '        revocation:',
        '            target: 1h',
        '            steps:',
        '                - id: revoke',
        '                  action: Revoke the credential at its issuer',
        '                  actor: iam-team',
        '                  duration: 5m',
        '            validate:',
        '                - service: ci-pipeline',
      ].join('\n');
      assert.ok(fixed.includes(expected), fixed);
    });

    it('reads a class written with four spaces inside a two-space document', () => {
      const cls = `  bare-key:
      kind: other
      description: A key with nothing else yet
      owner: iam-team
      deputy: secops
      severity: sev2
`;
      const text = edit(PLAN, ['drills:\n', `${cls}drills:\n`]);
      const first = applyPreferred(text, 'class-evidence', onClass('bare-key'));
      assert.ok(first.text.includes('      severity: sev2\n      evidence:\n          - id: audit-log\n            source: '), first.text);
      const second = applyPreferred(first.text, 'class-rollback', onClass('bare-key'));
      assert.ok(second.text.includes('      severity: sev2\n      rollback:\n          criteria:\n              - A service that uses the credential fails'), second.text);
      const third = applyPreferred(second.text, 'class-revocation', onClass('bare-key'));
      assert.ok(third.text.includes('      severity: sev2\n      revocation:\n          target: 1d\n          steps:\n              - id: revoke\n                action: '), third.text);
      assert.deepEqual(third.after.map(key), []);
    });
  });

  describe('CRLF documents', () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');

    for (const [name, ruleId, from] of [
      ['revocation', 'class-revocation', REVOCATION],
      ['evidence', 'class-evidence', EVIDENCE],
      ['deputy', 'class-deputy', '    deputy: secops\n'],
    ] as const) {
      it(`writes the ${name} skeleton with CRLF line endings`, () => {
        const text = crlf(edit(PLAN, [from, '']));
        const { fix, text: fixed } = applyPreferred(text, ruleId);
        for (const e of fix.edits) assert.ok(!/(^|[^\r])\n/.test(e.newText), `a bare LF in ${JSON.stringify(e.newText)}`);
        assert.ok(!/(^|[^\r])\n/.test(fixed), 'the document has a bare LF');
      });
    }

    it('creates a contact and disables a rule with CRLF line endings', () => {
      const text = crlf(edit(PLAN, ['    deputy: secops\n', '    deputy: platform-team\n']));
      const created = applyPreferred(text, 'unresolved-reference');
      assert.ok(!/(^|[^\r])\n/.test(created.text));
      const finding = validate(text).find((f) => f.ruleId === 'unresolved-reference')!;
      for (const fix of fixesFor(text, finding).filter((f) => f.title.startsWith('Disable'))) {
        const next = applyEdits(text, fix.edits);
        assert.ok(!/(^|[^\r])\n/.test(next), fix.title);
        assert.equal(validate(next).filter((f) => f.ruleId === 'unresolved-reference').length, 0, fix.title);
      }
    });
  });

  describe('unresolved-reference', () => {
    it('creates a missing contact at the end of contacts', () => {
      const text = edit(PLAN, ['    deputy: secops\n', '    deputy: platform-team\n']);
      const { fix, text: fixed } = applyPreferred(text, 'unresolved-reference');
      assert.equal(fix.title, 'Create contact "platform-team"');
      assert.ok(fixed.includes('    credential_ttl: 1h\n  platform-team:\n    kind: team\n    name: Platform team\n    chat: "#platform-team"\nseverities:\n'), fixed);
    });

    it('creates a missing contact named as a step actor, in a four-space document', () => {
      const text = edit(PLAN4, ['                  actor: revoker-bot\n', '                  actor: token-robot\n']);
      const { fix, text: fixed } = applyPreferred(text, 'unresolved-reference');
      assert.equal(fix.title, 'Create contact "token-robot"');
      assert.ok(fixed.includes('\n    token-robot:\n        kind: team\n        name: Token robot\n        chat: "#token-robot"\nseverities:\n'), fixed);
    });

    it('creates a missing service at the end of services, owned by the plan owner', () => {
      const text = edit(PLAN, ['    used_by: [ci-pipeline, deploy-bot]\n', '    used_by: [ci-pipeline, deploy-bot, billing-api]\n']);
      const { fix, text: fixed } = applyPreferred(text, 'unresolved-reference');
      assert.equal(fix.title, 'Create service "billing-api"');
      assert.ok(fixed.includes('    description: The deploy bot that ships main to production\n  billing-api:\n    owner: secops\n    description: What billing-api is and where it runs\ncredential_classes:\n'), fixed);
    });

    it('creates the contacts section, in spec order, when the document has none', () => {
      const contacts = PLAN.slice(PLAN.indexOf('contacts:\n'), PLAN.indexOf('severities:\n'));
      const text = edit(PLAN, [contacts, '']);
      const { text: fixed } = applyPreferred(text, 'unresolved-reference', (f, t) => t.slice(f.range.start, f.range.end) === 'secops');
      assert.ok(fixed.includes('  review_interval: 90d\ncontacts:\n  secops:\n    kind: team\n    name: Secops\n    chat: "#secops"\nseverities:\n'), fixed);
      assert.ok(!validate(fixed).some((f) => f.message.includes('"secops"') && f.ruleId === 'unresolved-reference'));
    });

    it('creates the services section before credential_classes when the document has none', () => {
      const services = PLAN.slice(PLAN.indexOf('services:\n'), PLAN.indexOf('credential_classes:\n'));
      const text = edit(PLAN, [services, '']);
      const { text: fixed } = applyPreferred(text, 'unresolved-reference', (f, t) => t.slice(f.range.start, f.range.end) === 'ci-pipeline');
      assert.ok(fixed.includes('    contain_within: 1d\nservices:\n  ci-pipeline:\n    owner: secops\n    description: What ci-pipeline is and where it runs\ncredential_classes:\n'), fixed);
    });

    it('creates a section above the first key without moving the file directives below it', () => {
      const services = PLAN.slice(PLAN.indexOf('services:\n'), PLAN.indexOf('credential_classes:\n'));
      const contacts = PLAN.slice(PLAN.indexOf('contacts:\n'), PLAN.indexOf('severities:\n'));
      const text = `# irplan-disable stale-review\n${services}${edit(PLAN, [services, ''], [contacts, ''])}`;
      const { text: fixed } = applyPreferred(text, 'unresolved-reference', (f, t) => t.slice(f.range.start, f.range.end) === 'iam-team');
      assert.ok(fixed.startsWith('# irplan-disable stale-review\ncontacts:\n  iam-team:\n    kind: team\n    name: Iam team\n    chat: "#iam-team"\nservices:\n'), fixed);
    });

    it('fills an empty `contacts:` section', () => {
      const contacts = PLAN.slice(PLAN.indexOf('contacts:\n'), PLAN.indexOf('severities:\n'));
      const text = edit(PLAN, [contacts, 'contacts: {}\n']);
      const { text: fixed } = applyPreferred(text, 'unresolved-reference', (f, t) => t.slice(f.range.start, f.range.end) === 'secops');
      assert.ok(fixed.includes('contacts:\n  secops:\n    kind: team\n'), fixed);
    });

    it('offers no create fix for a severity, a step or a class reference', () => {
      const text = edit(PLAN, ['    severity: sev1\n', '    severity: sev9\n'], ['        expect: [revoke]\n', '        expect: [revok]\n']);
      const refs = validate(text).filter((f) => f.ruleId === 'unresolved-reference');
      assert.equal(refs.length, 2);
      for (const f of refs) {
        const fixes = fixesFor(text, f);
        assert.deepEqual(fixes.map((x) => x.title), ['Disable unresolved-reference for this line', 'Disable unresolved-reference for this file']);
        assert.ok(fixes.every((x) => !x.isPreferred));
      }
    });
  });

  describe('disable comments', () => {
    /** Apply the named disable fix to `finding` and check the finding is gone. */
    function disable(text: string, finding: Finding, which: 'line' | 'file'): string {
      const fix = fixesFor(text, finding).find((f) => f.title === `Disable ${finding.ruleId} for this ${which}`);
      assert.ok(fix, `no "for this ${which}" fix`);
      assert.ok(!fix.isPreferred);
      const next = applyEdits(text, fix.edits);
      const after = validate(next);
      assert.deepEqual(after.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema').map(key), []);
      return next;
    }

    const DEPUTY_IS_OWNER = edit(PLAN, ['    deputy: secops\n', '    deputy: iam-team\n']);

    it('inserts a next-line directive above the finding, at that line\'s indentation', () => {
      const finding = validate(DEPUTY_IS_OWNER).find((f) => f.ruleId === 'deputy-is-owner')!;
      const next = disable(DEPUTY_IS_OWNER, finding, 'line');
      assert.ok(next.includes('    owner: iam-team\n    # irplan-disable-next-line deputy-is-owner\n    deputy: iam-team\n'), next);
      assert.deepEqual(validate(next).map(key), []);
    });

    it('orders the fixes: concrete fix (preferred), this line, this file', () => {
      const text = edit(PLAN, ['    deputy: secops\n', '']);
      const finding = validate(text).find((f) => f.ruleId === 'class-deputy')!;
      const fixes = fixesFor(text, finding);
      assert.deepEqual(fixes.map((f) => f.title), ['Add a deputy to class "github-pat"', 'Disable class-deputy for this line', 'Disable class-deputy for this file']);
      assert.deepEqual(fixes.map((f) => f.isPreferred ?? false), [true, false, false]);
      const next = disable(text, finding, 'line');
      assert.ok(next.includes('  # irplan-disable-next-line class-deputy\n  github-pat:\n'), next);
      assert.deepEqual(validate(next).map(key), []);
    });

    it('disables a finding on a list item line at the item\'s indentation', () => {
      const text = edit(PLAN, ['          approval: incident-lead\n', '          impact: high\n']);
      const finding = validate(text).find((f) => f.ruleId === 'high-impact-unapproved')!;
      const next = disable(text, finding, 'line');
      assert.ok(next.includes('          duration: 5m\n          # irplan-disable-next-line high-impact-unapproved\n          impact: high\n'), next);
      assert.deepEqual(validate(next).map(key), []);
    });

    it('extends a next-line directive that is already above the line', () => {
      const text = edit(DEPUTY_IS_OWNER, ['    deputy: iam-team\n', '    # irplan-disable-next-line vendor-owner\n    deputy: iam-team\n']);
      const finding = validate(text).find((f) => f.ruleId === 'deputy-is-owner')!;
      const next = disable(text, finding, 'line');
      assert.ok(next.includes('    # irplan-disable-next-line vendor-owner, deputy-is-owner\n    deputy: iam-team\n'), next);
      assert.deepEqual(validate(next).map(key), []);
    });

    it('inserts a file directive at the top, after the leading comments', () => {
      const text = `# ACME plan\n# owned by secops\n\n${DEPUTY_IS_OWNER}`;
      const finding = validate(text).find((f) => f.ruleId === 'deputy-is-owner')!;
      const next = disable(text, finding, 'file');
      assert.ok(next.startsWith('# ACME plan\n# owned by secops\n# irplan-disable deputy-is-owner\n\nirplan: "1"\n'), next);
      assert.deepEqual(validate(next).map(key), []);
    });

    it('inserts a file directive on the first line of a document without comments', () => {
      const finding = validate(DEPUTY_IS_OWNER).find((f) => f.ruleId === 'deputy-is-owner')!;
      const next = disable(DEPUTY_IS_OWNER, finding, 'file');
      assert.ok(next.startsWith('# irplan-disable deputy-is-owner\nirplan: "1"\n'), next);
      assert.deepEqual(validate(next).map(key), []);
    });

    it('extends a file directive that is already at the top', () => {
      const text = `# irplan-disable stale-review\n${DEPUTY_IS_OWNER}`;
      const finding = validate(text).find((f) => f.ruleId === 'deputy-is-owner')!;
      const next = disable(text, finding, 'file');
      assert.ok(next.startsWith('# irplan-disable stale-review, deputy-is-owner\nirplan: "1"\n'), next);
      assert.deepEqual(validate(next).map(key), []);
    });

    it('keeps a next-line directive at the top next to its line, and a byte-order mark first', () => {
      const text = `\uFEFF# irplan-disable-next-line stale-review\n${DEPUTY_IS_OWNER}`;
      const finding = validate(text).find((f) => f.ruleId === 'deputy-is-owner')!;
      const next = disable(text, finding, 'file');
      assert.ok(next.startsWith('\uFEFF# irplan-disable deputy-is-owner\n# irplan-disable-next-line stale-review\nirplan: "1"\n'), next);
      assert.deepEqual(validate(next).map(key), []);
    });

    it('offers no line directive inside a block scalar, where it would become text', () => {
      const token = `ghp_${'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'}`;
      const text = edit(PLAN, ['    description: Fine-grained GitHub tokens used by automation\n', `    description: |\n      Fine-grained GitHub tokens used by automation\n      e.g. ${token}\n`]);
      const finding = validate(text).find((f) => f.ruleId === 'inline-secret');
      assert.ok(finding, 'the fixture has an inline secret in a block scalar');
      const fixes = fixesFor(text, finding);
      assert.deepEqual(fixes.map((f) => f.title), ['Disable inline-secret for this file']);
      const next = disable(text, finding, 'file');
      assert.deepEqual(validate(next).map(key), []);
    });

    it('every finding of a broken plan can be disabled for its line and for the file', () => {
      const text = edit(
        PLAN,
        ['    deputy: secops\n', '    deputy: iam-team\n'],
        ['      target: 15m\n', '      target: 2h\n'],
        ['    used_by: [ci-pipeline, deploy-bot]\n', '    used_by: [ci-pipeline, deploy-bot, billing-api]\n'],
        ['    credential_ttl: 1h\n', '    credential_ttl: 30d\n'],
        ['  last_reviewed: 2026-10-01\n', '  last_reviewed: 2025-10-01\n'],
        ['    kind: api-key\n', '    kind: api-key\n    frameworks: [OWASP-NHI99]\n'],
        ['    page: pagerduty:PSECOPS\n', ''],
      );
      const before = validate(text);
      assert.ok(before.length >= 8, before.map(key).join('\n'));
      const lineOf = (t: string, offset: number) => t.slice(0, offset).split('\n').length - 1;
      for (const finding of before) {
        const count = (fs: Finding[], ruleId: string) => fs.filter((f) => f.ruleId === ruleId).length;
        const fileNext = disable(text, finding, 'file');
        assert.equal(count(validate(fileNext), finding.ruleId), 0, `file: ${key(finding)}`);
        const lineNext = disable(text, finding, 'line');
        const after = validate(lineNext);
        const onLine = before.filter((f) => f.ruleId === finding.ruleId && lineOf(text, f.range.start) === lineOf(text, finding.range.start)).length;
        assert.equal(count(after, finding.ruleId), count(before, finding.ruleId) - onLine, `line: ${key(finding)}\n${lineNext}`);
        assert.equal(after.length, before.length - onLine, `line: ${key(finding)}`);
      }
    });
  });

  it('returns no fix for a document the index cannot read', () => {
    const finding: Finding = { ruleId: 'class-owner', severity: 'error', message: 'x: y', uri: '/nowhere.irplan.yaml', range: { start: 0, end: 1 }, docs: 'docs/rules/class-owner.md' };
    assert.deepEqual(quickFixes(memoryIndex(new Map()), finding), []);
  });

  it('offers no skeleton for a class written in flow style, only the disable fixes', () => {
    const text = edit(PLAN, ['drills:\n', '  flowy: {kind: other, owner: iam-team, severity: sev2}\ndrills:\n']);
    const finding = validate(text).find((f) => f.ruleId === 'class-deputy' && text.slice(f.range.start, f.range.end) === 'flowy')!;
    assert.ok(finding);
    assert.deepEqual(fixesFor(text, finding).map((f) => f.title), ['Disable class-deputy for this line', 'Disable class-deputy for this file']);
  });
});
