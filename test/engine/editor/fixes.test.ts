// Quick fixes (editor/fixes.ts): every fix is applied to the text and the result validated again
// with PlanSet. A fix must leave valid YAML (no yaml-syntax or schema finding), remove the finding
// it fixes, and add no finding that was not there before; it writes the document's own
// indentation and line endings.
import assert from 'node:assert/strict';
import { parseDate, type Finding } from '../../../server/src/engine';
import { quickFixes } from '../../../server/src/engine/editor/fixes';
import type { QuickFix, TextEdit } from '../../../server/src/engine/editor/types';
import { MemoryIndex, applyEdits as applyTextEdits, edit } from './fixture';

const TODAY = parseDate('2026-11-25')!;
const URI = '/plans/main.irplan.yaml';

function validate(text: string, others: Record<string, string> = {}): Finding[] {
  return new MemoryIndex({ [URI]: text, ...others }).set.validate(URI, { today: TODAY })!;
}

function fixesFor(text: string, finding: Finding): QuickFix[] {
  return quickFixes(new MemoryIndex({ [URI]: text }), finding);
}

/** Apply non-overlapping edits (checked) of the document. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  for (const e of edits) assert.equal(e.uri, URI);
  return applyTextEdits(text, edits);
}

/** The part of `text` from `start` up to `end` (each must occur once). */
function section(text: string, start: string, end: string): string {
  for (const s of [start, end]) assert.equal(text.split(s).length, 2, `section: ${JSON.stringify(s)} must occur once`);
  return text.slice(text.indexOf(start), text.indexOf(end));
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

// Parts of the plan, to take out or replace.
const REVOCATION = section(PLAN, '    revocation:\n', '    rollback:\n');
const ROLLBACK = section(PLAN, '    rollback:\n', '    evidence:\n');
const EVIDENCE = section(PLAN, '    evidence:\n', 'drills:\n');
const CONTACTS = section(PLAN, 'contacts:\n', 'severities:\n');
const SERVICES = section(PLAN, 'services:\n', 'credential_classes:\n');

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

/** Accepts the finding whose range covers exactly the text `id`. */
const onText = (id: string) => (f: Finding, text: string) => text.slice(f.range.start, f.range.end) === id;

/** What a fixed text must hold: each check given is made. */
interface TextCheck {
  includes?: string;
  startsWith?: string;
  endsWith?: string;
  matches?: RegExp;
}

function assertText(text: string, check: TextCheck): void {
  if (check.includes !== undefined) assert.ok(text.includes(check.includes), text);
  if (check.startsWith !== undefined) assert.ok(text.startsWith(check.startsWith), text);
  if (check.endsWith !== undefined) assert.ok(text.endsWith(check.endsWith), text);
  if (check.matches !== undefined) assert.ok(check.matches.test(text), text);
}

interface FixCase extends TextCheck {
  name: string;
  /** The document with the finding (made in the test, so a fixture that does not apply fails that test). */
  text: () => string;
  /** Which finding of `ruleId` to fix; the first by default. */
  where?: (f: Finding, text: string) => boolean;
  /** Checks of the document before the fix. */
  before?: (text: string) => void;
  /** The preferred fix's title. */
  title?: string;
  /** Further checks after the fix. */
  then?: (applied: Applied) => void;
}

/** One test per case: the preferred fix of a `ruleId` finding applied (see applyPreferred), its title and the fixed text checked. */
function fixCases(ruleId: string, cases: FixCase[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const text = c.text();
      c.before?.(text);
      const applied = applyPreferred(text, ruleId, c.where);
      if (c.title !== undefined) assert.equal(applied.fix.title, c.title);
      assertText(applied.text, c);
      c.then?.(applied);
    });
  }
}

const countOf = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId).length;

describe('quick fixes', () => {
  it('the fixture plans are clean', () => {
    assert.deepEqual(validate(PLAN).map(key), []);
    assert.deepEqual(validate(PLAN4).map(key), []);
  });

  describe('class-owner', () => {
    fixCases('class-owner', [
      {
        name: 'adds an owner before the deputy, naming a team contact other than the deputy',
        text: () => edit(PLAN, ['    owner: iam-team\n    deputy: secops\n', '    deputy: secops\n']),
        title: 'Add an owner to class "github-pat"',
        // The plan owner secops is the deputy already, so the first other team contact is chosen.
        includes: '    description: Fine-grained GitHub tokens used by automation\n    owner: iam-team\n    deputy: secops\n',
      },
      {
        name: 'names the plan owner when it is free, and fills an `owner:` written without a value',
        text: () => edit(PLAN, ['    owner: iam-team\n    deputy: secops\n', '    owner:\n    deputy: iam-team\n']),
        includes: '    owner: secops\n    deputy: iam-team\n',
      },
    ]);
  });

  describe('class-deputy', () => {
    fixCases('class-deputy', [
      {
        name: 'adds a deputy right after the owner, a team contact other than the owner',
        text: () => edit(PLAN, ['    deputy: secops\n', '']),
        title: 'Add a deputy to class "github-pat"',
        includes: '    owner: iam-team\n    deputy: secops\n    severity: sev1\n',
      },
      {
        name: 'adds a deputy in spec order when the class has no owner either',
        text: () => edit(PLAN, ['    owner: iam-team\n    deputy: secops\n', '']),
        matches: / {4}description: .*\n {4}deputy: (secops|iam-team)\n {4}severity: sev1\n/,
      },
    ]);
  });

  describe('class-revocation', () => {
    fixCases('class-revocation', [
      {
        name: 'adds a whole revocation path before rollback, with the severity target and validate checks',
        text: () => edit(PLAN, [REVOCATION, '']),
        title: 'Add a revocation path to class "github-pat"',
        includes: [
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
        ].join('\n'),
      },
      {
        name: 'uses 15m when the class severity has no contain_within',
        text: () => edit(PLAN, [REVOCATION, ''], ['    contain_within: 1h\n', '']),
        includes: '    revocation:\n      target: 15m\n',
      },
      {
        name: 'adds only the target when the steps are there',
        text: () => edit(PLAN, ['      target: 15m\n', '']),
        title: 'Complete the revocation of class "github-pat"',
        includes: '    revocation:\n      target: 1h\n      steps:\n        - id: revoke\n          action: Revoke the token',
      },
      {
        name: 'adds only the steps, before validate, when the target is there',
        text: () => edit(PLAN, [REVOCATION, REVOCATION.replace(/ {6}steps:\n[\s\S]*?(?= {6}validate:)/, '')]),
        includes: '      target: 15m\n      steps:\n        - id: revoke\n          action: Revoke the credential at its issuer\n          actor: iam-team\n          duration: 5m\n      validate:\n',
      },
      {
        name: 'adds both the target and the steps around an existing approval',
        text: () => edit(PLAN, [REVOCATION, '    revocation:\n      approval: none\n']),
        before: (text) => assert.equal(countOf(validate(text), 'class-revocation'), 2),
        includes: '    revocation:\n      target: 1h\n      approval: none\n      steps:\n        - id: revoke\n',
        then: ({ after }) => assert.equal(countOf(after, 'class-revocation'), 0),
      },
      {
        name: 'fills an empty `revocation:`',
        text: () => edit(PLAN, [REVOCATION, '    revocation:\n']),
        includes: '    revocation:\n      target: 1h\n      steps:\n        - id: revoke\n',
      },
      {
        name: 'fills an empty steps list written as []',
        text: () => edit(PLAN, [REVOCATION, '    revocation:\n      target: 15m\n      steps: []\n']),
        includes: '      target: 15m\n      steps:\n        - id: revoke\n          action: Revoke the credential at its issuer\n',
      },
      {
        name: 'writes a consent and vendor step for a third-party OAuth grant',
        text: () => edit(PLAN, [REVOCATION, ''], ['    kind: api-key\n', '    kind: oauth-grant\n    third_party: true\n']),
        includes: 'review the consent grants and notify the vendor',
        then: ({ after }) => assert.equal(countOf(after, 'kind-oauth-consent'), 0),
      },
    ]);
  });

  describe('class-rollback', () => {
    const CRITERIA = '      criteria:\n        - Production deploys fail for more than 10 minutes after revocation\n';
    fixCases('class-rollback', [
      {
        name: 'adds rollback criteria naming the first dependent service, before evidence',
        text: () => edit(PLAN, [ROLLBACK, '']),
        title: 'Add rollback criteria to class "github-pat"',
        includes: '    rollback:\n      criteria:\n        - ci-pipeline fails for more than 15 minutes after revocation\n    evidence:\n',
      },
      {
        name: 'adds criteria inside a rollback that has only steps',
        text: () => edit(PLAN, [CRITERIA, '']),
        includes: '    rollback:\n      criteria:\n        - ci-pipeline fails for more than 15 minutes after revocation\n      steps:\n',
      },
      { name: 'fills empty criteria', text: () => edit(PLAN, [CRITERIA, '      criteria: []\n']) },
    ]);
  });

  describe('class-evidence', () => {
    const ITEM = "      - id: audit-log\n        source: The issuer's audit log\n        action: Export the credential's audit events for the last 90 days\n        actor: iam-team\n        retain: 1y";
    fixCases('class-evidence', [
      {
        name: 'adds an audit-log item collected by the owner',
        text: () => edit(PLAN, [EVIDENCE, '']),
        title: 'Add an evidence item to class "github-pat"',
        includes: `    evidence:\n${ITEM}\ndrills:\n`,
      },
      {
        name: 'fills `evidence: []`',
        text: () => edit(PLAN, [EVIDENCE, '    evidence: []\n']),
        includes: '    evidence:\n      - id: audit-log\n',
      },
      {
        name: "covers prompts, tool logs and authorization traces for an AI agent's credential",
        text: () => edit(PLAN, [EVIDENCE, ''], ['    kind: api-key\n', '    kind: ai-agent-credential\n'], ['      - evidence: [audit-log]\n', '']),
        then: ({ after }) => assert.equal(countOf(after, 'kind-ai-agent-evidence'), 0),
      },
      {
        name: 'appends to a class that ends the file without a final line break',
        text: () => edit(PLAN, [EVIDENCE, '']).replace(/\ndrills:\n[\s\S]*$/, '').replace(/\n$/, ''),
        endsWith: `          approval: incident-lead\n    evidence:\n${ITEM}`,
      },
    ]);
  });

  describe('unvalidated-dependent', () => {
    const DEPLOY_CHECK = "        - service: deploy-bot\n          check: The deploy bot's next dry run authenticates with the new token\n";
    const VALIDATE = section(PLAN, '      validate:\n', '    rollback:\n');
    fixCases('unvalidated-dependent', [
      {
        name: 'appends a check for the service under the existing ones',
        text: () => edit(PLAN, [DEPLOY_CHECK, '']),
        title: 'Add a revocation.validate check for service "deploy-bot" of class "github-pat"',
        includes: '          check: A CI run on main succeeds with the new token\n        - service: deploy-bot\n          check: deploy-bot works with the new credential\n    rollback:\n',
      },
      {
        name: 'writes `validate:` with a check per unchecked service when there is none',
        text: () => edit(PLAN, [VALIDATE, '']),
        title: 'Add a revocation.validate check for 2 services of class "github-pat"',
        includes: '          after: [revoke]\n      validate:\n        - service: ci-pipeline\n          check: ci-pipeline works with the new credential\n        - service: deploy-bot\n',
        then: ({ after }) => assert.equal(countOf(after, 'unvalidated-dependent'), 0),
      },
      {
        name: 'fills `validate: []`',
        text: () => edit(PLAN, [VALIDATE, '      validate: []\n']),
        includes: '      validate:\n        - service: ci-pipeline\n',
      },
      {
        name: 'writes four-space documents with their own indentation',
        text: () => edit(PLAN4, [fourSpaces(PLAN).slice(fourSpaces(PLAN).indexOf('            validate:\n'), fourSpaces(PLAN).indexOf('        rollback:\n')), '']),
        includes: '            validate:\n                - service: ci-pipeline\n                  check: ci-pipeline works with the new credential\n',
      },
    ]);

    it('offers no concrete fix when there is no revocation path (the class-revocation fix writes the checks)', () => {
      const text = edit(PLAN, [REVOCATION, '']);
      const finding = validate(text).find((f) => f.ruleId === 'unvalidated-dependent');
      assert.ok(finding);
      assert.deepEqual(fixesFor(text, finding).map((f) => f.title), ['Disable unvalidated-dependent for this line', 'Disable unvalidated-dependent for this file']);
    });
  });

  describe('undrilled-class', () => {
    const DRILLS = PLAN.slice(PLAN.indexOf('drills:\n'));
    fixCases('undrilled-class', [
      {
        name: 'adds a drill of the class, with its revocation target as the objective, creating `drills:`',
        text: () => edit(PLAN, [DRILLS, '']),
        title: 'Add a drill of class "github-pat"',
        endsWith: '        retain: 1y\ndrills:\n  github-pat-drill:\n    title: github-pat exposed\n    class: github-pat\n    objectives:\n      - contain_within: 15m\n',
        then: ({ after }) => assert.equal(countOf(after, 'undrilled-class'), 0),
      },
      {
        name: 'appends to the existing drills with a free id',
        text: () => edit(PLAN, ['    class: github-pat\n', '    class: github-pat-old\n'], ['  leaked-pat:\n', '  github-pat-drill:\n'], ['credential_classes:\n', 'credential_classes:\n  github-pat-old:\n    kind: other\n    owner: iam-team\n    deputy: secops\n    severity: sev2\n    revocation:\n      target: 1h\n      steps:\n        - id: revoke\n          action: Revoke it\n          actor: iam-team\n          duration: 5m\n    rollback:\n      criteria:\n        - Something breaks\n    evidence:\n      - id: log\n        source: The log\n        action: Export it\n        actor: iam-team\n        retain: 1y\n']),
        where: (f, text) => text.slice(f.range.start, f.range.end) === 'github-pat',
        includes: '  github-pat-drill-2:\n    title: github-pat exposed\n    class: github-pat\n',
      },
    ]);
  });

  describe('indentation', () => {
    fixCases('class-deputy', [
      {
        name: 'writes a class indented with four spaces in four spaces',
        text: () => edit(PLAN4, ['        deputy: secops\n', '']),
        includes: '        owner: iam-team\n        deputy: secops\n        severity: sev1\n',
      },
    ]);
    fixCases('class-revocation', [
      {
        name: 'writes a four-space revocation skeleton with four-space levels',
        text: () => edit(PLAN4, [section(PLAN4, '        revocation:\n', '        rollback:\n'), '']),
        includes: [
          '        revocation:',
          '            target: 1h',
          '            steps:',
          '                - id: revoke',
          '                  action: Revoke the credential at its issuer',
          '                  actor: iam-team',
          '                  duration: 5m',
          '            validate:',
          '                - service: ci-pipeline',
        ].join('\n'),
      },
    ]);

    it('reads a class written with four spaces inside a two-space document', () => {
      const cls = `  bare-key:
      kind: other
      description: A key with nothing else yet
      owner: iam-team
      deputy: secops
      severity: sev2
`;
      const text = edit(PLAN, ['drills:\n', `${cls}drills:\n`]);
      const first = applyPreferred(text, 'class-evidence', onText('bare-key'));
      assert.ok(first.text.includes('      severity: sev2\n      evidence:\n          - id: audit-log\n            source: '), first.text);
      const second = applyPreferred(first.text, 'class-rollback', onText('bare-key'));
      assert.ok(second.text.includes('      severity: sev2\n      rollback:\n          criteria:\n              - A service that uses the credential fails'), second.text);
      const third = applyPreferred(second.text, 'class-revocation', onText('bare-key'));
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
        assert.equal(countOf(validate(next), 'unresolved-reference'), 0, fix.title);
      }
    });
  });

  describe('unresolved-reference', () => {
    fixCases('unresolved-reference', [
      {
        name: 'creates a missing contact at the end of contacts',
        text: () => edit(PLAN, ['    deputy: secops\n', '    deputy: platform-team\n']),
        title: 'Create contact "platform-team"',
        includes: '    credential_ttl: 1h\n  platform-team:\n    kind: team\n    name: Platform team\n    chat: "#platform-team"\nseverities:\n',
      },
      {
        name: 'creates a missing contact named as a step actor, in a four-space document',
        text: () => edit(PLAN4, ['                  actor: revoker-bot\n', '                  actor: token-robot\n']),
        title: 'Create contact "token-robot"',
        includes: '\n    token-robot:\n        kind: team\n        name: Token robot\n        chat: "#token-robot"\nseverities:\n',
      },
      {
        name: 'creates a missing service at the end of services, owned by the plan owner',
        text: () => edit(PLAN, ['    used_by: [ci-pipeline, deploy-bot]\n', '    used_by: [ci-pipeline, deploy-bot, billing-api]\n']),
        title: 'Create service "billing-api"',
        includes: '    description: The deploy bot that ships main to production\n  billing-api:\n    owner: secops\n    description: What billing-api is and where it runs\ncredential_classes:\n',
      },
      {
        name: 'creates the contacts section, in spec order, when the document has none',
        text: () => edit(PLAN, [CONTACTS, '']),
        where: onText('secops'),
        includes: '  review_interval: 90d\ncontacts:\n  secops:\n    kind: team\n    name: Secops\n    chat: "#secops"\nseverities:\n',
        then: ({ text }) => assert.ok(!validate(text).some((f) => f.message.includes('"secops"') && f.ruleId === 'unresolved-reference')),
      },
      {
        name: 'creates the services section before credential_classes when the document has none',
        text: () => edit(PLAN, [SERVICES, '']),
        where: onText('ci-pipeline'),
        includes: '    contain_within: 1d\nservices:\n  ci-pipeline:\n    owner: secops\n    description: What ci-pipeline is and where it runs\ncredential_classes:\n',
      },
      {
        name: 'creates a section above the first key without moving the file directives below it',
        text: () => `# irplan-disable stale-review\n${SERVICES}${edit(PLAN, [SERVICES, ''], [CONTACTS, ''])}`,
        where: onText('iam-team'),
        startsWith: '# irplan-disable stale-review\ncontacts:\n  iam-team:\n    kind: team\n    name: Iam team\n    chat: "#iam-team"\nservices:\n',
      },
      {
        name: 'fills an empty `contacts:` section',
        text: () => edit(PLAN, [CONTACTS, 'contacts: {}\n']),
        where: onText('secops'),
        includes: 'contacts:\n  secops:\n    kind: team\n',
      },
    ]);

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

    interface DisableCase extends TextCheck {
      name: string;
      text: () => string;
      ruleId: string;
      which: 'line' | 'file';
      /** Checks of the finding's fixes before it is disabled. */
      before?: (text: string, finding: Finding) => void;
    }

    /** One test per case: the first finding of `ruleId`, disabled for its line or the file, leaves the text checked and no finding at all. */
    function disableCases(cases: DisableCase[]): void {
      for (const c of cases) {
        it(c.name, () => {
          const text = c.text();
          const finding = validate(text).find((f) => f.ruleId === c.ruleId)!;
          c.before?.(text, finding);
          const next = disable(text, finding, c.which);
          assertText(next, c);
          assert.deepEqual(validate(next).map(key), []);
        });
      }
    }

    disableCases([
      {
        name: 'inserts a next-line directive above the finding, at that line\'s indentation',
        text: () => DEPUTY_IS_OWNER,
        ruleId: 'deputy-is-owner',
        which: 'line',
        includes: '    owner: iam-team\n    # irplan-disable-next-line deputy-is-owner\n    deputy: iam-team\n',
      },
      {
        name: 'orders the fixes: concrete fix (preferred), this line, this file',
        text: () => edit(PLAN, ['    deputy: secops\n', '']),
        ruleId: 'class-deputy',
        which: 'line',
        before: (text, finding) => {
          const fixes = fixesFor(text, finding);
          assert.deepEqual(fixes.map((f) => f.title), ['Add a deputy to class "github-pat"', 'Disable class-deputy for this line', 'Disable class-deputy for this file']);
          assert.deepEqual(fixes.map((f) => f.isPreferred ?? false), [true, false, false]);
        },
        includes: '  # irplan-disable-next-line class-deputy\n  github-pat:\n',
      },
      {
        name: 'disables a finding on a list item line at the item\'s indentation',
        text: () => edit(PLAN, ['          approval: incident-lead\n', '          impact: high\n']),
        ruleId: 'high-impact-unapproved',
        which: 'line',
        includes: '          duration: 5m\n          # irplan-disable-next-line high-impact-unapproved\n          impact: high\n',
      },
      {
        name: 'extends a next-line directive that is already above the line',
        text: () => edit(DEPUTY_IS_OWNER, ['    deputy: iam-team\n', '    # irplan-disable-next-line vendor-owner\n    deputy: iam-team\n']),
        ruleId: 'deputy-is-owner',
        which: 'line',
        includes: '    # irplan-disable-next-line vendor-owner, deputy-is-owner\n    deputy: iam-team\n',
      },
      {
        name: 'inserts a file directive at the top, after the leading comments',
        text: () => `# ACME plan\n# owned by secops\n\n${DEPUTY_IS_OWNER}`,
        ruleId: 'deputy-is-owner',
        which: 'file',
        startsWith: '# ACME plan\n# owned by secops\n# irplan-disable deputy-is-owner\n\nirplan: "1"\n',
      },
      {
        name: 'inserts a file directive on the first line of a document without comments',
        text: () => DEPUTY_IS_OWNER,
        ruleId: 'deputy-is-owner',
        which: 'file',
        startsWith: '# irplan-disable deputy-is-owner\nirplan: "1"\n',
      },
      {
        name: 'extends a file directive that is already at the top',
        text: () => `# irplan-disable stale-review\n${DEPUTY_IS_OWNER}`,
        ruleId: 'deputy-is-owner',
        which: 'file',
        startsWith: '# irplan-disable stale-review, deputy-is-owner\nirplan: "1"\n',
      },
      {
        name: 'keeps a next-line directive at the top next to its line, and a byte-order mark first',
        text: () => `\uFEFF# irplan-disable-next-line stale-review\n${DEPUTY_IS_OWNER}`,
        ruleId: 'deputy-is-owner',
        which: 'file',
        startsWith: '\uFEFF# irplan-disable deputy-is-owner\n# irplan-disable-next-line stale-review\nirplan: "1"\n',
      },
    ]);

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
        const fileNext = disable(text, finding, 'file');
        assert.equal(countOf(validate(fileNext), finding.ruleId), 0, `file: ${key(finding)}`);
        const lineNext = disable(text, finding, 'line');
        const after = validate(lineNext);
        const onLine = before.filter((f) => f.ruleId === finding.ruleId && lineOf(text, f.range.start) === lineOf(text, finding.range.start)).length;
        assert.equal(countOf(after, finding.ruleId), countOf(before, finding.ruleId) - onLine, `line: ${key(finding)}\n${lineNext}`);
        assert.equal(after.length, before.length - onLine, `line: ${key(finding)}`);
      }
    });
  });

  it('returns no fix for a document the index cannot read', () => {
    const finding: Finding = { ruleId: 'class-owner', severity: 'error', message: 'x: y', uri: '/nowhere.irplan.yaml', range: { start: 0, end: 1 }, docs: 'docs/rules/class-owner.md' };
    assert.deepEqual(quickFixes(new MemoryIndex(), finding), []);
  });

  it('offers no skeleton for a class written in flow style, only the disable fixes', () => {
    const text = edit(PLAN, ['drills:\n', '  flowy: {kind: other, owner: iam-team, severity: sev2}\ndrills:\n']);
    const finding = validate(text).find((f) => f.ruleId === 'class-deputy' && onText('flowy')(f, text))!;
    assert.ok(finding);
    assert.deepEqual(fixesFor(text, finding).map((f) => f.title), ['Disable class-deputy for this line', 'Disable class-deputy for this file']);
  });
});
