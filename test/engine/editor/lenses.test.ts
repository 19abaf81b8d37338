// Lens data (editor/lenses.ts): a coverage lens on each class key, a "Run drill" lens with the
// simulated verdict on each drill key.
import assert from 'node:assert/strict';
import { codeLenses } from '../../../server/src/engine/editor/lenses';
import { COVERAGE_HEAD, COVERED_CLASS, MemoryIndex } from './fixture';

const URI = '/plans/main.irplan.yaml';

const PLAN = `${COVERAGE_HEAD}credential_classes:
${COVERED_CLASS}  deploy-key:
    kind: ssh-key
    owner: iam-team
    deputy: secops
    severity: sev1
    revocation:
      target: 1h
      steps:
        - id: remove
          action: Remove the key
          actor: iam-team
          duration: 5m
  bare:
    kind: other
    owner: secops
    deputy: iam-team
    severity: sev1
    used_by: [ci-pipeline]
drills:
  leaked-pat:
    class: github-pat
    unavailable: [iam-team]
    objectives:
      - contain_within: 30m
  slow-pat:
    class: github-pat
    objectives:
      - contain_within: 10m
  everyone-out:
    class: deploy-key
    unavailable: [iam-team, secops]
    objectives:
      - contain_within: 1h
  ghost:
    class: no-such-class
`;

describe('code lenses', () => {
  const lenses = codeLenses(new MemoryIndex({ [URI]: PLAN }), URI);
  const text = (r: { start: number; end: number }) => PLAN.slice(r.start, r.end);

  it('one class lens per class, on its key', () => {
    assert.deepEqual(lenses.classLenses.map((l) => l.classId), ['github-pat', 'deploy-key', 'bare']);
    for (const l of lenses.classLenses) assert.equal(text(l.range), l.classId);
  });

  it('class titles: controls covered, drilled or not, and the last drill verdict', () => {
    assert.deepEqual(
      lenses.classLenses.map((l) => l.title),
      ['7/7 controls · drilled · last drill fail', '5/7 controls · drilled · last drill fail', '2/7 controls · not drilled'],
    );
  });

  it('a class lens lists what is missing', () => {
    assert.deepEqual(lenses.classLenses[0].missing, []);
    const deploy = lenses.classLenses[1].missing;
    assert.equal(deploy.length, 2);
    assert.match(deploy[0], /^no rollback criteria: /);
    assert.match(deploy[1], /^no evidence to preserve: /);
    const bare = lenses.classLenses[2].missing;
    assert.equal(bare.length, 5);
    assert.match(bare[0], /^no revocation path: /);
    assert.match(bare[3], /"ci-pipeline" in used_by has no revocation.validate check/);
    assert.match(bare[4], /no drill exercises it: add a drill with class: bare/);
  });

  it('one drill lens per drill, on its key, with the simulated verdict', () => {
    assert.deepEqual(lenses.drillLenses.map((l) => l.drillId), ['leaked-pat', 'slow-pat', 'everyone-out', 'ghost']);
    for (const l of lenses.drillLenses) {
      assert.equal(text(l.range), l.drillId);
      assert.equal(l.title, '▶ Run drill');
    }
    const [leaked, slow, out, ghost] = lenses.drillLenses;
    assert.deepEqual([leaked.verdict, leaked.classId, leaked.summary], ['pass', 'github-pat', '▶ Run drill · pass, contained in 22m']);
    assert.deepEqual([slow.verdict, slow.summary], ['fail', '▶ Run drill · fail, contained in 12m · 1 objective missed']);
    assert.deepEqual([out.verdict, out.summary], ['fail', '▶ Run drill · fail, never contained (step "remove" blocked) · 1 objective missed']);
    assert.deepEqual([ghost.verdict, ghost.classId, ghost.summary], [undefined, undefined, '▶ Run drill']);
  });

  it('a passing last drill shows in the class title', () => {
    const text = PLAN.replace(/ {2}slow-pat:\n[\s\S]*?(?= {2}everyone-out:)/, '');
    const [first] = codeLenses(new MemoryIndex({ [URI]: text }), URI).classLenses;
    assert.equal(first.title, '7/7 controls · drilled · last drill pass');
  });

  it('a document the index cannot read has no lenses', () => {
    assert.deepEqual(codeLenses(new MemoryIndex(), URI), { classLenses: [], drillLenses: [] });
  });
});
