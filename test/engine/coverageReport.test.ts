// The coverage of a set of plans (coverageReport.ts), where each missing control belongs
// (editor/coverageTargets.ts), and the heat map (coverageSvg.ts): parsed as XML, its rows and cells
// counted, plan text escaped.
import assert from 'node:assert/strict';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { coverageReport, FRAMEWORK_ROWS, renderCoverageSvg, type CoverageInput } from '../../server/src/engine';
import { classCoverage } from '../../server/src/engine/coverage';
import { coverageTargets } from '../../server/src/engine/editor/coverageTargets';
import { COVERAGE_HEAD, COVERED_CLASS, MemoryIndex, edit } from './editor/fixture';

const A = '/ws/a.irplan.yaml';
const B = '/ws/b.irplan.yaml';
const LIB = '/ws/lib.irplan.yaml';

const LIBRARY = `irplan: "1"
plan:
  id: lib
  title: Shared
  library: true
contacts:
  platform:
    kind: team
    chat: "#platform"
credential_classes: {}
`;

// Every control but the validate check of deploy-bot, and no drill; tagged twice with NHI2.
const PARTIAL = `  deploy-key:
    kind: ssh-key
    owner: iam-team
    deputy: platform
    severity: sev2
    used_by: [deploy-bot]
    revocation:
      target: 1h
      steps:
        - id: remove
          action: Remove the key
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
    frameworks: [OWASP-NHI2, OWASP-NHI2, CSF-PR.AA-01, OWASP-NHI99]
`;

const BARE = `  bare:
    kind: other
    severity: sev2
`;

const DRILL = `drills:
  leaked-pat:
    title: Token leaked
    class: github-pat
    unavailable: [iam-team]
    objectives:
      - contain_within: 30m
    frameworks: [CSF-RS.MI-01, ATLAS-AML.T0055]
`;

function planText(id: string, classes: string, drills = ''): string {
  return `${edit(COVERAGE_HEAD, ['  id: acme-nhi\n', `  id: ${id}\n`], ['services:\n', 'imports:\n  - lib.irplan.yaml\nservices:\n'])}credential_classes:\n${classes}${drills}`;
}

function inputs(files: Record<string, string>): { index: MemoryIndex; inputs: CoverageInput[] } {
  const index = new MemoryIndex({ [LIB]: LIBRARY, ...files });
  return {
    index,
    inputs: [LIB, ...Object.keys(files)].map((uri) => {
      const doc = index.get(uri)!;
      return { uri, doc, scope: index.scopeOf(doc) };
    }),
  };
}

const FULL = `${COVERED_CLASS.replace('used_by: [ci-pipeline]', 'used_by: [ci-pipeline]\n    frameworks: [OWASP-NHI2, CSF-RS.MI-01]')}`;

describe('coverage report', () => {
  const files = { [A]: planText('plan-a', FULL + BARE, DRILL), [B]: planText('plan-b', PARTIAL) };
  const { inputs: all } = inputs(files);
  const report = coverageReport(all);

  it('has each plan (libraries left out) with its classes, and the share fully covered per plan and overall', () => {
    assert.deepEqual(report.plans.map((p) => [p.uri, p.planId, p.coverage.classes.map((c) => `${c.classId} ${c.covered}/7`)]), [
      [A, 'plan-a', ['github-pat 7/7', 'bare 1/7']],
      [B, 'plan-b', ['deploy-key 5/7']],
    ]);
    assert.deepEqual(report.plans.map((p) => [p.coverage.fullyCovered, p.coverage.total]), [[1, 2], [0, 1]]);
    assert.deepEqual([report.fullyCovered, report.total, report.share], [1, 3, 1 / 3]);
  });

  it('lists every OWASP NHI risk and every CSF Respond/Recover subcategory, tagged or not, in catalogue order', () => {
    const fixed = report.frameworks.filter((f) => f.group !== 'other');
    assert.equal(fixed.length, 10 + 13 + 8);
    assert.deepEqual(fixed.map((f) => f.entry.tag), FRAMEWORK_ROWS.map((e) => e.tag));
    assert.deepEqual(fixed.slice(0, 10).map((f) => f.entry.tag), Array.from({ length: 10 }, (_, i) => `OWASP-NHI${i + 1}`));
    assert.ok(fixed.filter((f) => f.group === 'csf-respond').every((f) => /^RS\.[A-Z]{2}-\d\d$/.test(f.entry.id)));
    assert.ok(fixed.filter((f) => f.group === 'csf-recover').every((f) => /^RC\.[A-Z]{2}-\d\d$/.test(f.entry.id)));
    assert.equal(fixed.find((f) => f.entry.tag === 'OWASP-NHI4')!.classes.length, 0, 'an untagged risk stays, as a gap');
  });

  it('names the classes and drills tagged with each entry, each once; other catalogue tags get rows of their own; unknown tags none', () => {
    const row = (tag: string) => report.frameworks.find((f) => f.entry.tag === tag)!;
    assert.deepEqual(row('OWASP-NHI2').classes.map((c) => [c.uri, c.classId]), [[A, 'github-pat'], [B, 'deploy-key']]);
    assert.deepEqual(row('CSF-RS.MI-01').classes.map((c) => c.classId), ['github-pat']);
    assert.deepEqual(row('CSF-RS.MI-01').drills.map((d) => [d.uri, d.drillId, d.classId]), [[A, 'leaked-pat', 'github-pat']]);
    const other = report.frameworks.filter((f) => f.group === 'other').map((f) => f.entry.tag);
    assert.deepEqual(other, ['CSF-PR.AA-01', 'ATLAS-AML.T0055']);
    assert.ok(!report.frameworks.some((f) => f.entry.tag.includes('NHI99')));
    const range = row('OWASP-NHI2').classes[1].range;
    assert.equal(files[B].slice(range.start, range.end), 'deploy-key');
  });

  it('has no plan and no class for an empty set, share 0', () => {
    const empty = coverageReport([]);
    assert.deepEqual([empty.plans.length, empty.fullyCovered, empty.total, empty.share], [0, 0, 0, 0]);
    assert.equal(empty.frameworks.length, FRAMEWORK_ROWS.length);
  });
});

describe('coverage targets: where each missing control belongs', () => {
  const text = planText('plan-a', BARE + PARTIAL.replace('deputy: platform', 'deputy: ghost'));
  const { index } = inputs({ [A]: text });
  const doc = index.get(A)!;
  const scope = index.scopeOf(doc);
  const targets = coverageTargets(doc, scope, classCoverage(doc, scope));
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const lineText = (offset: number) => text.split('\n')[lineOf(offset) - 1];

  it('a wrong reference: the value to change', () => {
    const t = targets.get('deploy-key')!.get('deputy')!;
    assert.equal(t.kind, 'value');
    assert.equal(text.slice(t.range.start, t.range.end), 'ghost');
  });

  it('a missing key: where its quick fix writes it, as an empty range', () => {
    const bare = targets.get('bare')!;
    assert.deepEqual([...bare.keys()], ['owner', 'deputy', 'revocation', 'rollback', 'evidence', 'drilled']);
    for (const t of bare.values()) assert.equal(t.range.start, t.range.end);
    // owner and deputy go before severity (the spec's key order); the others after the class.
    assert.equal(lineText(bare.get('owner')!.range.start), '    severity: sev2');
    assert.equal(lineText(bare.get('revocation')!.range.start), '  deploy-key:');
    // A drill goes at the end of the document (there is no drills: yet).
    assert.equal(bare.get('drilled')!.range.start, text.length);
    const validation = targets.get('deploy-key')!.get('validation')!;
    assert.equal(validation.kind, 'insert');
    assert.equal(lineText(validation.range.start), '    rollback:');
  });

  it('no target for a control in place', () => {
    assert.equal(targets.get('deploy-key')!.has('owner'), false);
  });
});

/** Parses SVG strictly: any well-formedness error throws. */
function parseSvg(svg: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
}

function root(doc: Document): Element {
  assert.ok(doc.documentElement, 'no root element');
  return doc.documentElement;
}

function all(doc: Document, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag));
}

function byClass(doc: Document, tag: string, cls: string): Element[] {
  return all(doc, tag).filter((e) => (e.getAttribute('class') ?? '').split(' ').includes(cls));
}

describe('coverage heat map (SVG)', () => {
  const files = { [A]: planText('plan-a', FULL + BARE, DRILL), [B]: planText('plan-b', PARTIAL) };
  const report = coverageReport(inputs(files).inputs);
  const label = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

  it('is well-formed SVG: a control cell per class and control, a tag cell per framework row and class', () => {
    const doc = parseSvg(renderCoverageSvg(report, { planLabel: label }));
    assert.equal(root(doc).tagName, 'svg');
    assert.equal(root(doc).getAttribute('xmlns'), 'http://www.w3.org/2000/svg');
    assert.equal(root(doc).getAttribute('role'), 'img');
    const cells = byClass(doc, 'g', 'cell');
    // 3 classes × 7 controls, plus the two legend swatches.
    assert.equal(cells.length, 3 * 7 + 2);
    assert.equal(byClass(doc, 'g', 'fail').length - 1, 6 + 2, 'bare lacks 6 controls, deploy-key 2');
    const tags = byClass(doc, 'g', 'tag');
    assert.equal(tags.length, report.frameworks.length * 3 + 2);
    // github-pat: tagged on the class for NHI2, on the class and a drill for RS.MI-01.
    const titles = tags.map((t) => all(t as unknown as Document, 'title')[0]?.textContent);
    assert.ok(titles.includes('github-pat and a drill of it: tagged CSF-RS.MI-01'), titles.join('\n'));
    assert.ok(titles.includes('deploy-key: tagged OWASP-NHI2'));
    assert.ok(byClass(doc, 'g', 'verdict').some((v) => v.textContent?.includes('pass')));
    assert.equal(all(doc, 'style').length, 1);
    assert.match(all(doc, 'style')[0].textContent!, /prefers-color-scheme: dark/);
  });

  it('in host style has no stylesheet; interactive cells are focusable buttons that name their node', () => {
    const doc = parseSvg(renderCoverageSvg(report, { planLabel: label, style: 'host', interactive: true }));
    assert.equal(all(doc, 'style').length, 0);
    const buttons = all(doc, 'g').filter((g) => g.getAttribute('role') === 'button');
    assert.ok(buttons.every((b) => b.getAttribute('tabindex') === '0' && b.getAttribute('aria-label') && b.getAttribute('data-uri') && b.getAttribute('data-class')));
    const control = buttons.filter((b) => b.getAttribute('data-control'));
    assert.equal(control.length, 3 * 7);
    const bareOwner = control.find((b) => b.getAttribute('data-class') === 'bare' && b.getAttribute('data-control') === 'owner')!;
    assert.equal(bareOwner.getAttribute('data-uri'), A);
    assert.match(bareOwner.getAttribute('aria-label')!, /^bare · owner: no owner/);
    assert.ok(buttons.some((b) => b.getAttribute('data-tag') === 'OWASP-NHI2' && b.getAttribute('data-class') === 'deploy-key'));
    // Untagged cells are not targets.
    assert.equal(buttons.filter((b) => b.getAttribute('data-tag')).length, report.frameworks.reduce((n, f) => n + new Set([...f.classes.map((c) => c.classId), ...f.drills.map((d) => d.classId)]).size, 0));
  });

  it('escapes plan text and masks secrets', () => {
    const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(2)>&`;
    const secret = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const text = planText('plan-a', BARE.replace('  bare:', `  "${hostile.replace(/"/g, '\\"')}":`)).replace('  title: ACME plan', `  title: "Plan ${secret}"`);
    const r = coverageReport(inputs({ [A]: text }).inputs);
    const svg = renderCoverageSvg(r, { planLabel: () => `<b>"${hostile}"</b>`, interactive: true });
    const doc = parseSvg(svg);
    assert.equal(all(doc, 'script').length, 0);
    assert.equal(all(doc, 'img').length, 0);
    assert.equal(all(doc, 'b').length, 0);
    assert.ok(!svg.includes(secret), 'the secret is masked');
    assert.ok(byClass(doc, 'g', 'row-label').some((g) => g.textContent?.includes(hostile.slice(0, 30))), 'the hostile id is shown as text');
    assert.ok(all(doc, 'g').some((g) => g.getAttribute('data-class') === hostile));
  });

  it('says so when there is no plan', () => {
    const doc = parseSvg(renderCoverageSvg(coverageReport([]), { planLabel: label }));
    assert.match(root(doc).textContent!, /Coverage: no plans/);
    assert.equal(byClass(doc, 'g', 'cell').length, 2);
  });
});
