// `irplan coverage` as a process: every format (goldens for table, JSON and Markdown; the SVG parsed
// and its structure checked), --min-coverage as a CI gate, and exit 2 for bad usage and unreadable
// paths.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { ANSI, assertGolden, assertNoStrayConfig, copyFixtures, irplan, readJson, removeTemp, stripAnsi } from './helpers';

interface CoverageJson {
  version: number;
  summary: { plans: number; classes: number; fully_covered: number; share: number; percent: number | null; frameworks: number; frameworks_tagged: number };
  plans: {
    path: string;
    id: string | null;
    title: string | null;
    summary: { classes: number; fully_covered: number; share: number; percent: number | null };
    classes: {
      id: string;
      line: number;
      column: number;
      covered: number;
      total: number;
      fully_covered: boolean;
      controls: Record<string, { ok: boolean; missing?: string }>;
      drilled: boolean;
      drills: string[];
      last_drill_verdict: 'pass' | 'fail' | null;
    }[];
  }[];
  frameworks: { tag: string; id: string; title: string; family: string; group: string; classes: { path: string; class: string }[]; drills: { path: string; drill: string; class: string | null }[] }[];
}

function parseSvg(svg: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
}

const elements = (doc: Document, tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));
const withClass = (doc: Document, tag: string, cls: string) => elements(doc, tag).filter((e) => (e.getAttribute('class') ?? '').split(' ').includes(cls));

describe('irplan coverage', function () {
  this.timeout(20_000);
  let root: string;
  const at = (...parts: string[]) => path.join(root, ...parts);
  const coverage = (args: string[], cwd = at('coverage')) => irplan(['coverage', ...args], cwd);

  before(() => {
    assertNoStrayConfig();
    root = copyFixtures();
  });
  after(() => removeTemp(root));

  for (const [format, golden] of [
    ['table', 'table.txt'],
    ['json', 'json.json'],
    ['markdown', 'markdown.md'],
  ] as const) {
    it(`prints the ${format} report (golden coverage/expected/${golden})`, () => {
      const r = coverage(format === 'table' ? [] : ['--format', format]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assertGolden(r.stdout, `coverage/expected/${golden}`);
    });
  }

  it('JSON: the plans (not the library), each class with every control, the verdict, and the totals', () => {
    const r = coverage(['--format', 'json']);
    const out = readJson<CoverageJson>(r.stdout);
    assert.equal(out.version, 1);
    assert.deepEqual(out.plans.map((p) => p.path), ['ci.irplan.yaml', 'deploy.irplan.yaml']);
    assert.deepEqual(out.summary, { plans: 2, classes: 3, fully_covered: 1, share: 1 / 3, percent: 33, frameworks: 31, frameworks_tagged: 4 });
    const [pat, deploy, bare] = out.plans.flatMap((p) => p.classes);
    assert.deepEqual([pat.id, pat.covered, pat.fully_covered, pat.drills, pat.last_drill_verdict], ['github-pat', 7, true, ['leaked-pat'], 'pass']);
    assert.deepEqual(Object.keys(pat.controls), ['owner', 'deputy', 'revocation', 'rollback', 'evidence', 'validation', 'drilled']);
    assert.deepEqual([deploy.line, deploy.column, deploy.last_drill_verdict], [16, 3, 'fail']);
    assert.deepEqual(Object.entries(deploy.controls).filter(([, c]) => !c.ok).map(([k]) => k), ['deputy', 'validation']);
    assert.match(deploy.controls.validation.missing!, /"deploy-bot"/);
    assert.deepEqual([bare.covered, bare.drilled, bare.last_drill_verdict], [1, false, null]);
    const nhi2 = out.frameworks.find((f) => f.tag === 'OWASP-NHI2')!;
    assert.deepEqual(nhi2, {
      tag: 'OWASP-NHI2',
      id: 'NHI2:2025',
      title: 'Secret Leakage',
      family: 'OWASP-NHI',
      group: 'owasp-nhi',
      classes: [
        { path: 'ci.irplan.yaml', class: 'github-pat' },
        { path: 'deploy.irplan.yaml', class: 'deploy-key' },
      ],
      drills: [],
    });
    assert.deepEqual(out.frameworks.find((f) => f.tag === 'CSF-RS.MA-01')!.drills, [{ path: 'ci.irplan.yaml', drill: 'leaked-pat', class: 'github-pat' }]);
    assert.equal(out.frameworks.filter((f) => f.group === 'owasp-nhi').length, 10);
    assert.equal(out.frameworks.filter((f) => f.group === 'csf-respond' || f.group === 'csf-recover').length, 21);
  });

  it('SVG: well-formed, a row per class with a cell per control, a row per framework entry with a cell per class', () => {
    const r = coverage(['--format', 'svg']);
    assert.equal(r.status, 0, r.stderr);
    const doc = parseSvg(r.stdout);
    const svg = doc.documentElement!;
    assert.equal(svg.tagName, 'svg');
    assert.ok(Number(svg.getAttribute('width')) > 400 && Number(svg.getAttribute('height')) > 400);
    assert.match(svg.getAttribute('viewBox')!, /^0 0 \d+ \d+(\.\d+)?$/);
    // Panel 1: three classes, each with seven control cells (legend swatches aside).
    const rowLabels = withClass(doc, 'g', 'row-label');
    const classRows = rowLabels.filter((g) => /^(github-pat|deploy-key|bare)$/.test(g.getElementsByTagName('text')[0]?.textContent ?? ''));
    assert.deepEqual(classRows.map((g) => g.getElementsByTagName('text')[0].textContent), ['github-pat', 'deploy-key', 'bare']);
    const cells = withClass(doc, 'g', 'cell').filter((g) => g.getElementsByTagName('title')[0]?.textContent?.includes(' · '));
    assert.equal(cells.length, 3 * 7);
    assert.equal(cells.filter((g) => g.getAttribute('class')!.includes('fail')).length, 2 + 6);
    // Panel 2: 31 framework rows plus the ATLAS tag in use, each with one cell per class.
    const frameworkRows = rowLabels.length - classRows.length;
    assert.equal(frameworkRows, 32);
    assert.equal(withClass(doc, 'g', 'tag').length, 32 * 3 + 2);
    // Tagged on a class: NHI2 twice, NHI7, RS.MI-01; on a drill only: RS.MA-01 and the ATLAS tag (plus a legend swatch each).
    assert.equal(withClass(doc, 'g', 'tag-class').length, 4 + 1);
    assert.equal(withClass(doc, 'g', 'tag-drill').length, 2 + 1);
    assert.equal(withClass(doc, 'g', 'tag-both').length, 0);
    // A standalone image: light and dark colours, no scripts, nothing interactive.
    assert.match(elements(doc, 'style')[0].textContent!, /@media \(prefers-color-scheme: dark\)/);
    assert.equal(elements(doc, 'script').length, 0);
    assert.equal(elements(doc, 'g').filter((g) => g.getAttribute('tabindex') !== null).length, 0);
  });

  it('--min-coverage: exit 0 at or above, 1 below (compared exactly), with the share on stderr', () => {
    const met = coverage(['--min-coverage', '33', '--format', 'json']);
    assert.equal(met.status, 0, met.stderr);
    const exact = coverage(['--min-coverage', '33.4%']);
    assert.equal(exact.status, 1);
    assert.equal(exact.stderr, 'irplan: coverage below --min-coverage 33.4%: 1 of 3 credential classes fully covered (33%)\n');
    assert.match(exact.stdout, /^2 plans: 1 of 3 credential classes fully covered \(33%\)/m, 'the report is printed all the same');
    assert.equal(coverage(['ci.irplan.yaml', '--min-coverage', '100']).status, 0);
    assert.equal(coverage(['--min-coverage=0']).status, 0);
  });

  it('--min-coverage with no class at all fails: a gate does not pass on an empty plan set', () => {
    const r = coverage(['lib', '--min-coverage', '1']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^no plans$/m);
    assert.match(r.stderr, /below --min-coverage 1%: 0 of 0 credential classes/);
  });

  for (const [args, message] of [
    [['--min-coverage', 'lots'], /--min-coverage must be a percentage from 0 to 100 \(for example 80\), not "lots"/],
    [['--min-coverage', '101'], /not "101"/],
    [['--min-coverage', '-5'], /--min-coverage needs a value|not "-5"/],
    [['--format', 'html'], /--format must be one of table, json, markdown, svg, not "html"/],
    [['--today', '2026-01-01'], /unknown option "--today"/],
  ] as const) {
    it(`exits 2 for ${args.join(' ')}`, () => {
      const r = coverage([...args]);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.match(r.stderr, /usage: irplan coverage \[PATH\.\.\.\]/);
    });
  }

  it('exits 2 for a path that cannot be read, after reporting the others', () => {
    const r = coverage(['ci.irplan.yaml', 'missing.irplan.yaml', '--format', 'json']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'irplan: cannot read missing.irplan.yaml: no such file or folder\n');
    assert.deepEqual(readJson<CoverageJson>(r.stdout).plans.map((p) => p.path), ['ci.irplan.yaml']);
  });

  it('prints only the error, no empty report, when no path could be read', () => {
    const r = coverage(['missing.irplan.yaml']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'irplan: cannot read missing.irplan.yaml: no such file or folder\n');
    assert.equal(r.stdout, '');
  });

  it('reports coverage of a plan with errors, even a YAML syntax error (coverage is what is missing)', () => {
    fs.writeFileSync(at('coverage', 'broken.irplan.yaml'), 'irplan: "1"\ncredential_classes:\n  half:\n    owner: [unclosed\n');
    try {
      const r = coverage(['broken.irplan.yaml', '--format', 'json']);
      assert.equal(r.status, 0, r.stderr);
      const out = readJson<CoverageJson>(r.stdout);
      assert.equal(out.plans[0].path, 'broken.irplan.yaml');
    } finally {
      fs.rmSync(at('coverage', 'broken.irplan.yaml'));
    }
  });

  it('colours marks and verdicts on a terminal (FORCE_COLOR), with the columns still aligned', () => {
    const plain = coverage([]);
    const coloured = irplan(['coverage'], at('coverage'), { FORCE_COLOR: '1' });
    assert.match(coloured.stdout, ANSI);
    assert.equal(stripAnsi(coloured.stdout), plain.stdout);
  });

  it('never prints a secret found in a plan, and keeps hostile text inert in the SVG', () => {
    const token = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
    const hostile = '<script>alert(1)</script>';
    const text = fs
      .readFileSync(at('coverage', 'ci.irplan.yaml'), 'utf8')
      .replace('title: ACME CI credentials', `title: "${hostile} leaked ${token}"`)
      .replace('  github-pat:\n', `  "${hostile}":\n`);
    fs.mkdirSync(at('hostile'));
    fs.cpSync(at('coverage', 'lib'), at('hostile', 'lib'), { recursive: true });
    fs.writeFileSync(at('hostile', 'plan.irplan.yaml'), text);
    for (const format of ['table', 'json', 'markdown', 'svg']) {
      const r = coverage(['--format', format], at('hostile'));
      assert.equal(r.status, 0, r.stderr);
      assert.ok(!r.stdout.includes(token), `${format} repeats the secret`);
    }
    const svg = coverage(['--format', 'svg'], at('hostile')).stdout;
    assert.equal(elements(parseSvg(svg), 'script').length, 0);
    assert.ok(svg.includes('&lt;script&gt;'));
    const markdown = coverage(['--format', 'markdown'], at('hostile')).stdout;
    assert.ok(!markdown.includes('<script>'));
  });

  it('is listed in --help, with its own help', () => {
    assert.match(irplan(['--help'], root).stdout, /irplan coverage \[PATH\.\.\.\] \[--format table\|json\|markdown\|svg\] \[--min-coverage PERCENT\]/);
    const help = irplan(['coverage', '--help'], root);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--min-coverage PERCENT {2}exit 1 when less than PERCENT/);
    assert.equal(irplan(['help', 'coverage'], root).stdout, help.stdout);
  });
});
