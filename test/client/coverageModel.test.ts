// The coverage views' model (client/src/coverage/model.ts): the server's answer checked, the
// nodes of both trees, and the heat map's messages checked against the answer. The answer is a
// real one: the server's coverage of the LSP test workspace.
import assert from 'node:assert/strict';
import { coverageSummary, coverageTree, frameworkTree, matrixTarget, parseCoverageResult, parseMatrixMessage, type TreeNode } from '../../client/src/coverage/model';
import { workspaceCoverage } from './coverageFixture';

const result = workspaceCoverage();
/** A copy of the answer to break on purpose, field by field, as JSON from a confused server would be. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const flat = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

describe('client: coverage model', () => {
  it('accepts the server answer and rejects malformed ones', () => {
    assert.equal(parseCoverageResult(JSON.parse(JSON.stringify(result))) !== undefined, true);
    const broken = (edit: (r: Json) => void) => {
      const copy = JSON.parse(JSON.stringify(result));
      edit(copy);
      return parseCoverageResult(copy);
    };
    assert.equal(broken((r) => (r.coverage.covered = r.coverage.total + 1)), undefined);
    assert.equal(broken((r) => (r.plans[0].classes[0].controls[0].name = 'wizard')), undefined);
    assert.equal(broken((r) => r.plans[0].classes[0].controls.pop()), undefined);
    assert.equal(broken((r) => (r.plans[1].classes[0].controls[1].target.range.start.line = -1)), undefined);
    assert.equal(broken((r) => (r.frameworks[0].group = 'nope')), undefined);
    assert.equal(broken((r) => (r.matrix = 42)), undefined);
    assert.equal(parseCoverageResult(null), undefined);
    assert.equal(parseCoverageResult('{}'), undefined);
  });

  it('the coverage tree: plan → class → the seven controls and the last drill, with counts', () => {
    const tree = coverageTree(result);
    assert.deepEqual(tree.map((p) => [p.label, p.description, p.icon.id]), [
      ['ci.irplan.yaml', '1/1', 'pass'],
      ['findings.irplan.yaml', '0/1', 'error'],
      ['payments.irplan.yaml', '1/1', 'pass'],
    ]);
    const deploy = tree[1].children[0];
    assert.deepEqual([deploy.label, deploy.description, deploy.icon], ['deploy-key', '5/7', { id: 'error', color: 'testing.iconFailed' }]);
    assert.deepEqual(deploy.children.map((c) => [c.label, c.icon.id, c.description ?? '']), [
      ['owner', 'pass', ''],
      ['deputy', 'error', 'no deputy'],
      ['revocation path', 'pass', ''],
      ['rollback criteria', 'pass', ''],
      ['evidence', 'pass', ''],
      ['dependent validation', 'pass', ''],
      ['drilled', 'error', 'no drill exercises it'],
      ['last drill', 'circle-slash', 'none'],
    ]);
    const deputy = deploy.children[1];
    assert.match(deputy.tooltip, /^deploy-key · deputy: no deputy: add deputy: <contact id>, someone other than the owner/);
    assert.match(deputy.tooltip, /Click to go to where it belongs\.$/);
    const cls = result.plans[1].classes[0];
    assert.deepEqual(deputy.target, { uri: result.plans[1].uri, range: cls.controls[1].target!.range });
    assert.deepEqual(deploy.target, { uri: result.plans[1].uri, range: cls.range });
    const pat = tree[0].children[0];
    assert.deepEqual(pat.children[7].description, 'pass (leaked-pat)');
    assert.equal(tree[0].expanded, true);
    assert.equal(pat.expanded, false, 'a fully covered class starts collapsed');
    assert.equal(deploy.expanded, true, 'a class that lacks something starts open');
  });

  it('gives every node an id of its own, stable from one answer to the next', () => {
    const ids = flat([...coverageTree(result), ...frameworkTree(result)]).map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(flat(coverageTree(workspaceCoverage())).map((n) => n.id), flat(coverageTree(result)).map((n) => n.id));
  });

  it('the frameworks tree: group → risk or subcategory → the classes and drills tagged with it', () => {
    const tree = frameworkTree(result);
    assert.deepEqual(tree.map((g) => [g.label, g.description]), [
      ['OWASP Top 10 Non-Human Identities Risks (2025)', '3/10 tagged'],
      ['NIST CSF 2.0 Respond (RS)', '1/13 tagged'],
      ['NIST CSF 2.0 Recover (RC)', '0/8 tagged'],
    ]);
    const nhi2 = tree[0].children[1];
    assert.deepEqual([nhi2.label, nhi2.description, nhi2.icon.id], ['NHI2 Secret Leakage', '2 classes', 'pass']);
    assert.deepEqual(nhi2.children.map((c) => [c.label, c.description]), [
      ['github-pat', 'ci.irplan.yaml'],
      ['stripe-key', 'payments.irplan.yaml'],
    ]);
    assert.deepEqual(nhi2.children[0].target, { uri: result.plans[0].uri, range: result.plans[0].classes[0].range });
    const nhi4 = tree[0].children[3];
    assert.deepEqual([nhi4.label, nhi4.description, nhi4.children.length], ['NHI4 Insecure Authentication', 'gap', 0]);
    assert.equal(tree[1].children[0].label, 'RS.MA-01 The incident response plan is executed in coordination with relevant third parties once an incident is declared');
  });

  it('sums up the workspace, rounding down as the status bar does', () => {
    assert.equal(coverageSummary(result), '2 of 3 credential classes fully covered (66%)');
    assert.equal(coverageSummary({ ...result, plans: [] }), 'No plans in this workspace');
  });

  it('reveals only plans and classes of the answer: a missing control leads to where it belongs, anything else to the class', () => {
    const plan = result.plans[1];
    const cls = plan.classes[0];
    const message = parseMatrixMessage({ type: 'reveal', uri: plan.uri, classId: 'deploy-key', control: 'deputy', extra: 'ignored' });
    assert.deepEqual(message, { type: 'reveal', uri: plan.uri, classId: 'deploy-key', control: 'deputy', tag: undefined });
    assert.deepEqual(matrixTarget(result, message!), { uri: plan.uri, range: cls.controls[1].target!.range });
    assert.deepEqual(matrixTarget(result, { type: 'reveal', uri: plan.uri, classId: 'deploy-key', control: 'owner' }), { uri: plan.uri, range: cls.range });
    assert.deepEqual(matrixTarget(result, { type: 'reveal', uri: plan.uri, classId: 'deploy-key', tag: 'OWASP-NHI7' }), { uri: plan.uri, range: cls.range });
    assert.equal(matrixTarget(result, { type: 'reveal', uri: 'file:///etc/passwd', classId: 'deploy-key' }), undefined);
    assert.equal(matrixTarget(result, { type: 'reveal', uri: plan.uri, classId: 'nope' }), undefined);
    for (const bad of [null, 'reveal', { type: 'open', uri: plan.uri, classId: 'x' }, { type: 'reveal', uri: 1, classId: 'x' }, { type: 'reveal', uri: plan.uri, classId: 'deploy-key', control: 'wizard' }]) {
      assert.equal(parseMatrixMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
