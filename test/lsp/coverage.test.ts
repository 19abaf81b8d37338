// irplan/coverage and irplan/coverageChanged over the protocol: the workspace's plans, classes and
// controls with LSP ranges (the class, and where each missing key belongs), the framework view,
// the heat map on request, and a fresh answer after an edit of a plan or of a library it imports.
import assert from 'node:assert/strict';
import { COVERAGE, COVERAGE_CHANGED, type CoverageResult } from '../../server/src/protocol';
import { useSession, type LspSession } from './harness';

const changes = (s: LspSession) => s.log.filter((l) => l.startsWith(`notification ${COVERAGE_CHANGED}:`)).length;

function control(result: CoverageResult, label: string, classId: string, name: string) {
  const cls = result.plans.find((p) => p.label === label)?.classes.find((c) => c.classId === classId);
  assert.ok(cls, `no class ${classId} in ${label}`);
  return cls.controls.find((k) => k.name === name)!;
}

describe('lsp: coverage', function () {
  this.timeout(20_000);
  const session = useSession({});

  it('answers with every plan (not the library), its classes and controls, and the workspace total', async () => {
    const s = session();
    const result = await s.request<CoverageResult>(COVERAGE, {});
    assert.deepEqual(result.plans.map((p) => [p.label, p.uri, p.covered, p.total]), [
      ['ci.irplan.yaml', s.uri('ci.irplan.yaml'), 1, 1],
      ['findings.irplan.yaml', s.uri('findings.irplan.yaml'), 0, 1],
      ['payments.irplan.yaml', s.uri('payments.irplan.yaml'), 1, 1],
    ]);
    assert.deepEqual(result.coverage, { covered: 2, total: 3 });
    const ci = result.plans[0];
    assert.equal(ci.planId, 'acme-ci');
    const pat = ci.classes[0];
    assert.deepEqual([pat.classId, pat.covered, pat.total, pat.drills, pat.lastVerdict], ['github-pat', 7, 7, ['leaked-pat'], 'pass']);
    assert.deepEqual(pat.range, s.rangeOf('ci.irplan.yaml', 'github-pat'));
    assert.deepEqual(pat.controls.map((k) => k.name), ['owner', 'deputy', 'revocation', 'rollback', 'evidence', 'validation', 'drilled']);
    assert.ok(pat.controls.every((k) => k.ok && k.target === undefined && k.missing === undefined));
    assert.equal(result.matrix, undefined, 'no heat map unless asked for');
  });

  it('says what is missing and where it belongs: a missing deputy goes under the owner', async () => {
    const s = session();
    const result = await s.request<CoverageResult>(COVERAGE, {});
    const deputy = control(result, 'findings.irplan.yaml', 'deploy-key', 'deputy');
    assert.equal(deputy.ok, false);
    assert.match(deputy.missing!, /^no deputy: add deputy:/);
    const at = s.positionOf('findings.irplan.yaml', '    severity: high');
    assert.deepEqual(deputy.target, { kind: 'insert', range: { start: at, end: at } });
    const drilled = control(result, 'findings.irplan.yaml', 'deploy-key', 'drilled');
    assert.equal(drilled.target?.kind, 'insert');
    assert.equal(drilled.target?.range.start.line, s.text('findings.irplan.yaml').split('\n').length - 1, 'a drill goes at the end of the document');
  });

  it('lists each OWASP NHI risk and CSF Respond/Recover subcategory with the classes and drills tagged with it', async () => {
    const s = session();
    const { frameworks } = await s.request<CoverageResult>(COVERAGE, {});
    assert.equal(frameworks.filter((f) => f.group !== 'other').length, 31);
    const nhi2 = frameworks.find((f) => f.tag === 'OWASP-NHI2')!;
    assert.deepEqual([nhi2.id, nhi2.title, nhi2.groupTitle], ['NHI2:2025', 'Secret Leakage', 'OWASP Top 10 Non-Human Identities Risks (2025)']);
    assert.deepEqual(nhi2.classes.map((c) => [c.uri, c.classId]), [
      [s.uri('ci.irplan.yaml'), 'github-pat'],
      [s.uri('payments.irplan.yaml'), 'stripe-key'],
    ]);
    assert.deepEqual(nhi2.classes[0].range, s.rangeOf('ci.irplan.yaml', 'github-pat'));
    assert.deepEqual(frameworks.find((f) => f.tag === 'OWASP-NHI4')!.classes, []);
    assert.ok(!frameworks.some((f) => f.tag === 'OWASP-NHI42'), 'a tag the catalogue does not know has no row');
  });

  it('renders the heat map on request, its cells naming the plans as the answer does', async () => {
    const s = session();
    const { matrix, plans } = await s.request<CoverageResult>(COVERAGE, { matrix: true });
    assert.ok(matrix !== undefined, 'a heat map');
    assert.ok(matrix.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(!matrix.includes('<style>'), 'the page styles it with the theme');
    const uris = new Set([...matrix.matchAll(/data-uri="([^"]+)"/g)].map((m) => m[1]));
    assert.deepEqual([...uris].sort(), plans.map((p) => p.uri).sort());
    assert.match(matrix, /data-class="deploy-key" data-control="deputy"/);
  });

  it('announces a change after an edit, and answers with the new coverage', async () => {
    const s = session();
    await s.waitFor(() => changes(s) >= 1, `the first ${COVERAGE_CHANGED}`);
    await s.barrier();
    const before = changes(s);
    const uri = await s.open('findings.irplan.yaml');
    await s.insert(uri, s.positionOf(uri, '    severity: high'), '    deputy: backup-team\n');
    await s.waitFor(() => changes(s) > before, `${COVERAGE_CHANGED} after the edit`);
    const result = await s.request<CoverageResult>(COVERAGE, {});
    assert.equal(control(result, 'findings.irplan.yaml', 'deploy-key', 'deputy').ok, true);
    assert.equal(result.plans[1].classes[0].covered, 6);
  });

  it('a library edit changes the coverage of the plans importing it', async () => {
    const s = session();
    await s.waitFor(() => changes(s) >= 1, `the first ${COVERAGE_CHANGED}`);
    await s.barrier();
    const before = changes(s);
    const lib = await s.open('lib/contacts.irplan.yaml');
    await s.replace(lib, '  platform-team:', '  platform-crew:');
    await s.waitFor(() => changes(s) > before, `${COVERAGE_CHANGED} after the library edit`);
    const deputy = control(await s.request<CoverageResult>(COVERAGE, {}), 'ci.irplan.yaml', 'github-pat', 'deputy');
    assert.equal(deputy.ok, false);
    assert.match(deputy.missing!, /"platform-team" is not a defined contact/);
    assert.equal(deputy.target?.kind, 'value');
    assert.deepEqual(deputy.target?.range, s.rangeOf('ci.irplan.yaml', 'platform-team', { after: 'deputy: ' }));
  });

  it('is not announced again when nothing that coverage reads changed', async () => {
    const s = session();
    await s.waitFor(() => changes(s) >= 1, `the first ${COVERAGE_CHANGED}`);
    const statuses = s.statuses.length;
    const before = changes(s);
    // A configuration change re-validates every plan and sends the status again; coverage is the same.
    await s.configurationChanged({ rules: { 'vendor-owner': 'off' } });
    await s.waitFor(() => s.statuses.length > statuses, 'the status after the re-validation');
    await s.barrier();
    assert.equal(changes(s), before);
  });
});
