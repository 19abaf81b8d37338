// Coverage (section 10, coverage.ts): the seven controls of each class in order, the drill state
// and the last drill's verdict by the simulator, and the plan's totals.
import assert from 'node:assert/strict';
import type { PlanDocument } from '../../server/src/engine';
import { COVERAGE_CONTROLS, classCoverage, planCoverage, type ClassCoverage } from '../../server/src/engine/coverage';
import type { Scope } from '../../server/src/engine/scope';
import { COVERAGE_HEAD, COVERED_CLASS, MemoryIndex } from './editor/fixture';

const URI = '/plans/main.irplan.yaml';

function load(text: string, others: Record<string, string> = {}): { doc: PlanDocument; scope: Scope } {
  const index = new MemoryIndex({ [URI]: text, ...others });
  const doc = index.get(URI)!;
  return { doc, scope: index.scopeOf(doc) };
}

const HEAD = COVERAGE_HEAD;

// Every control in place; its drill is the worked example of section 9 (contained in 22m).
const FULL = COVERED_CLASS;

// Nothing but a kind and a severity.
const BARE = `  bare:
    kind: other
    severity: sev2
`;

// Complete except the validate check of deploy-bot; drilled twice.
const DEPLOY = `  deploy-key:
    kind: ssh-key
    owner: iam-team
    deputy: secops
    severity: sev2
    used_by: [deploy-bot]
    revocation:
      target: 1h
      steps:
        - id: remove
          action: Remove the key from authorized_keys
          actor: iam-team
          duration: 5m
    rollback:
      criteria:
        - Deploys fail for 30 minutes
    evidence:
      - id: auth-log
        source: sshd logs
        action: Export the key's logins
        actor: iam-team
        retain: 1y
`;

const LEAKED_PAT = `  leaked-pat:
    class: github-pat
    unavailable: [iam-team]
    objectives:
      - contain_within: 30m
`;
// Owner, deputy and incident lead all unavailable: the only step is blocked.
const EVERYONE_OUT = `  everyone-out:
    class: deploy-key
    unavailable: [iam-team, secops]
    objectives:
      - contain_within: 1h
`;
const OWNER_OUT = `  owner-out:
    class: deploy-key
    unavailable: [iam-team]
    objectives:
      - contain_within: 1h
`;

function plan(classes: string[], drills: string[] = []): string {
  return `${HEAD}credential_classes:\n${classes.join('')}${drills.length > 0 ? `drills:\n${drills.join('')}` : ''}`;
}

const okMap = (c: ClassCoverage) => Object.fromEntries(c.controls.map((k) => [k.name, k.ok]));

describe('coverage', () => {
  it('a class with every control: 7/7, drilled, last drill pass', () => {
    const { doc, scope } = load(plan([FULL], [LEAKED_PAT]));
    const [c] = classCoverage(doc, scope);
    assert.equal(c.classId, 'github-pat');
    assert.deepEqual(c.controls.map((k) => k.name), [...COVERAGE_CONTROLS]);
    assert.deepEqual(c.controls.map((k) => k.name), ['owner', 'deputy', 'revocation', 'rollback', 'evidence', 'validation', 'drilled']);
    assert.ok(c.controls.every((k) => k.ok && k.missing === undefined));
    assert.equal(c.covered, 7);
    assert.equal(c.total, 7);
    assert.equal(c.drilled, true);
    assert.deepEqual(c.drills, ['leaked-pat']);
    assert.equal(c.lastVerdict, 'pass');
    assert.equal(doc.text.slice(c.range.start, c.range.end), 'github-pat');
  });

  it('a bare class: only validation passes (no used_by), each missing control says what to do', () => {
    const { doc, scope } = load(plan([BARE]));
    const [c] = classCoverage(doc, scope);
    assert.deepEqual(okMap(c), { owner: false, deputy: false, revocation: false, rollback: false, evidence: false, validation: true, drilled: false });
    assert.equal(c.covered, 1);
    assert.equal(c.drilled, false);
    assert.deepEqual(c.drills, []);
    assert.equal(c.lastVerdict, undefined);
    for (const k of c.controls.filter((x) => !x.ok)) {
      assert.ok(k.missing && k.missing.includes(':') && !k.missing.includes('\n'), `${k.name}: ${k.missing}`);
    }
    assert.match(c.controls.find((k) => k.name === 'drilled')!.missing!, /class: bare/);
  });

  it('a drilled class whose last drill fails (owner, deputy and incident lead unavailable)', () => {
    const { doc, scope } = load(plan([DEPLOY], [OWNER_OUT, EVERYONE_OUT]));
    const [c] = classCoverage(doc, scope);
    assert.deepEqual(okMap(c), { owner: true, deputy: true, revocation: true, rollback: true, evidence: true, validation: false, drilled: true });
    assert.equal(c.covered, 6);
    assert.deepEqual(c.drills, ['owner-out', 'everyone-out']);
    assert.equal(c.lastVerdict, 'fail');
    assert.match(c.controls.find((k) => k.name === 'validation')!.missing!, /"deploy-bot"/);
  });

  it('the verdict is the last drill in document order', () => {
    const { doc, scope } = load(plan([DEPLOY], [EVERYONE_OUT, OWNER_OUT]));
    assert.equal(classCoverage(doc, scope)[0].lastVerdict, 'pass');
  });

  it('the incident lead can be given: an available lead takes over the blocked step', () => {
    const { doc, scope } = load(plan([DEPLOY], [EVERYONE_OUT]));
    assert.equal(classCoverage(doc, scope)[0].lastVerdict, 'fail');
    assert.equal(classCoverage(doc, scope, 'revoker-bot')[0].lastVerdict, 'pass');
  });

  it('owner and deputy must name defined contacts, and the deputy is not the owner', () => {
    const cls = DEPLOY.replace('owner: iam-team', 'owner: ghost-team').replace('deputy: secops', 'deputy: ghost-team');
    const { doc, scope } = load(plan([cls]));
    const [c] = classCoverage(doc, scope);
    assert.match(c.controls[0].missing!, /"ghost-team" is not a defined contact/);
    assert.match(c.controls[1].missing!, /the deputy is the owner/);
    const other = load(plan([DEPLOY.replace('owner: iam-team', 'owner: ghost-team')]));
    const [d] = classCoverage(other.doc, other.scope);
    assert.deepEqual([d.controls[0].ok, d.controls[1].ok], [false, true]);
  });

  it('contacts defined in an import count', () => {
    const lib = `irplan: "1"\nplan:\n  id: shared\n  title: Shared\n  library: true\ncontacts:\n  platform:\n    kind: team\n    chat: "#platform"\n`;
    const text = plan([DEPLOY.replace('deputy: secops', 'deputy: platform')]).replace('services:\n', 'imports:\n  - shared.irplan.yaml\nservices:\n');
    const { doc, scope } = load(text, { '/plans/shared.irplan.yaml': lib });
    assert.equal(classCoverage(doc, scope)[0].controls[1].ok, true);
  });

  it('a revocation needs a target and a step; rollback criteria and evidence must not be empty', () => {
    const cls = DEPLOY.replace('      target: 1h\n', '')
      .replace('      criteria:\n        - Deploys fail for 30 minutes\n', '      criteria: []\n')
      .replace(/ {4}evidence:\n[\s\S]*$/, '    evidence: []\n');
    const { doc, scope } = load(plan([cls]));
    const [c] = classCoverage(doc, scope);
    assert.deepEqual([c.controls[2].ok, c.controls[3].ok, c.controls[4].ok], [false, false, false]);
    assert.match(c.controls[2].missing!, /no target/);
    const noSteps = load(plan([DEPLOY.replace(/ {6}steps:\n[\s\S]*?(?= {4}rollback:)/, '')]));
    assert.match(classCoverage(noSteps.doc, noSteps.scope)[0].controls[2].missing!, /no steps/);
  });

  it('plan coverage counts fully covered classes', () => {
    const { doc, scope } = load(plan([FULL, BARE, DEPLOY], [LEAKED_PAT, EVERYONE_OUT]));
    const p = planCoverage(doc, scope);
    assert.deepEqual(p.classes.map((c) => c.classId), ['github-pat', 'bare', 'deploy-key']);
    assert.deepEqual(p.classes.map((c) => c.covered), [7, 1, 6]);
    assert.equal(p.fullyCovered, 1);
    assert.equal(p.total, 3);
    assert.equal(p.share, 1 / 3);
  });

  it('a document without classes has share 0', () => {
    const { doc, scope } = load(`irplan: "1"\nplan:\n  id: lib\n  title: Lib\n  library: true\n`);
    assert.deepEqual(planCoverage(doc, scope), { classes: [], fullyCovered: 0, total: 0, share: 0 });
  });
});
