// `irplan validate` as a process: exit codes, every output format against golden files, SARIF
// against the OASIS schema, --today, configuration, suppressions, imports, the folder walk,
// secrets and colour.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANSI, assertGolden, assertNoStrayConfig, copyFixtures, irplan, readJson, REPO, removeTemp, ruleIds, stripAnsi, TODAY, type JsonReport } from './helpers';

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
const GOLDEN_FILES: Record<(typeof FORMATS)[number], string> = {
  stylish: 'findings/expected/stylish.txt',
  json: 'findings/expected/json.json',
  sarif: 'findings/expected/sarif.json',
  junit: 'findings/expected/junit.xml',
  github: 'findings/expected/github.txt',
};

describe('irplan validate', function () {
  this.timeout(20_000);
  let root: string;
  const at = (...parts: string[]) => path.join(root, ...parts);

  before(() => {
    assertNoStrayConfig();
    root = copyFixtures();
  });
  after(() => removeTemp(root));

  describe('exit status', () => {
    it('is 0 with no output for a clean plan', () => {
      const r = irplan(['validate', '--today', TODAY], at('clean'));
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
    });

    it('is 1 when a plan has errors', () => {
      const r = irplan(['validate', '--today', TODAY], at('findings'));
      assert.equal(r.status, 1);
      assert.match(r.stdout, /✖ 8 problems \(4 errors, 3 warnings, 1 info\)/);
    });

    it('is 0 for warnings only, and 1 when they are over --max-warnings', () => {
      // Reviewed 2026-10-01 every 90d: stale from 2026-12-31 on.
      const late = ['validate', '--today', '2027-06-01'];
      const plain = irplan(late, at('clean'));
      assert.equal(plain.status, 0);
      assert.match(plain.stdout, /stale-review/);
      assert.match(plain.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 infos\)/);

      const zero = irplan([...late, '--max-warnings', '0'], at('clean'));
      assert.equal(zero.status, 1);
      assert.match(zero.stderr, /^irplan: too many warnings \(1, --max-warnings is 0\)$/m);

      assert.equal(irplan([...late, '--max-warnings=1'], at('clean')).status, 0);
    });

    it('does not count infos', () => {
      // Every rule that fires on findings/plan.irplan.yaml switched off except undrilled-class.
      fs.writeFileSync(
        at('findings', 'only-infos.yaml'),
        'rules:\n  stale-review: off\n  contact-unreachable: off\n  class-deputy: off\n  schema: off\n  unresolved-reference: off\n  unvalidated-dependent: off\n  unknown-framework: off\n',
      );
      const r = irplan(['validate', '--today', TODAY, '--config', 'only-infos.yaml', '--max-warnings', '0'], at('findings'));
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /undrilled-class/);
      assert.match(r.stdout, /✖ 1 problem \(0 errors, 0 warnings, 1 info\)/);
    });

    it('is 2 for a path that cannot be read, after validating the others', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'json', 'missing.irplan.yaml', 'plan.irplan.yaml'], at('clean'));
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'irplan: cannot read missing.irplan.yaml: no such file or folder\n');
      const report = readJson<JsonReport>(r.stdout);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['plan.irplan.yaml'],
      );
    });

    it('is 2 for a dangling link to a plan in a folder', () => {
      const folder = at('dangling');
      fs.mkdirSync(folder);
      fs.copyFileSync(at('clean', 'plan.irplan.yaml'), path.join(folder, 'good.irplan.yaml'));
      fs.symlinkSync(path.join(folder, 'gone.yaml'), path.join(folder, 'broken.irplan.yaml'));
      const r = irplan(['validate', '--today', TODAY, 'dangling'], root);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'irplan: cannot read dangling/broken.irplan.yaml: no such file or folder\n');
    });

    const usage: Array<[string, string[], RegExp]> = [
      ['an unknown option', ['--fromat', 'json'], /^irplan: unknown option "--fromat" \(did you mean "--format"\?\) for irplan validate\nusage: irplan validate /],
      ['a bad --format', ['--format', 'xml'], /^irplan: --format must be one of stylish, json, sarif, junit, github, not "xml"/],
      ['a --format without a value', ['--format'], /^irplan: option --format needs a value/],
      ['an impossible --today', ['--today', '2026-02-30'], /^irplan: --today must be a real date written YYYY-MM-DD .*not "2026-02-30"/],
      ['a --today that is not a date', ['--today=tomorrow'], /^irplan: --today must be a real date/],
      ['a negative --max-warnings', ['--max-warnings', '-1'], /^irplan: --max-warnings must be a whole number/],
      ['a --max-warnings that is not a number', ['--max-warnings', 'lots'], /^irplan: --max-warnings must be a whole number of 0 or more, not "lots"/],
      ['a value given to a flag', ['--help=yes'], /^irplan: option --help takes no value/],
    ];
    for (const [what, args, message] of usage) {
      it(`is 2 for ${what}`, () => {
        const r = irplan(['validate', ...args], at('clean'));
        assert.equal(r.status, 2);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      });
    }
  });

  describe('formats', () => {
    for (const format of FORMATS) {
      it(`${format} matches ${GOLDEN_FILES[format]}`, () => {
        const r = irplan(['validate', '--today', TODAY, '--format', format], at('findings'));
        assert.equal(r.status, 1, r.stderr);
        assert.equal(r.stderr, '');
        assert.doesNotMatch(r.stdout, ANSI);
        assertGolden(format === 'sarif' ? normaliseSarif(r.stdout) : r.stdout, GOLDEN_FILES[format]);
      });
    }

    it('json has the documented shape and positions', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'json'], at('findings'));
      const report = readJson<JsonReport>(r.stdout);
      assert.equal(report.version, 1);
      assert.deepEqual(report.summary, { files: 2, errors: 4, warnings: 3, infos: 1 });
      const plan = report.files.find((f) => f.path === 'plan.irplan.yaml')!;
      const deputy = plan.findings.find((f) => f.ruleId === 'class-deputy')!;
      // The class key `github-pat` on line 35: columns 3 to 13, end exclusive.
      assert.deepEqual(
        { line: deputy.line, column: deputy.column, endLine: deputy.endLine, endColumn: deputy.endColumn, docs: deputy.docs },
        { line: 35, column: 3, endLine: 35, endColumn: 13, docs: 'docs/rules/class-deputy.md' },
      );
      // `"ç€🔑"` spans 6 UTF-16 code units (the key is two): columns 15 to 21.
      const odd = plan.findings.find((f) => f.ruleId === 'schema' && f.line === 39)!;
      assert.deepEqual([odd.column, odd.endColumn], [15, 21]);
    });

    it('sarif is valid SARIF 2.1.0 with the whole rule catalogue', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'sarif'], at('findings'));
      const log = readJson<SarifLog>(r.stdout);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Ajv = require('ajv-draft-04');
      const ajv = new Ajv({ strict: false, validateFormats: false });
      const schema = JSON.parse(fs.readFileSync(path.resolve(REPO, '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
      const valid = ajv.validate(schema, log);
      assert.ok(valid, JSON.stringify(ajv.errors, null, 2));

      const run = log.runs[0];
      const { rules } = run.tool.driver;
      assert.equal(rules.length, 26);
      assert.equal(new Set(rules.map((rule) => rule.id)).size, 26);
      const catalogue = fs.readdirSync(path.join(REPO, 'docs', 'rules')).filter((f) => f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
      assert.deepEqual([...rules.map((rule) => rule.id)].sort(), catalogue.sort());
      for (const rule of rules) {
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
        assert.ok(rule.helpUri.startsWith('file:///') && rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`), rule.helpUri);
        assert.ok(fs.existsSync(new URL(rule.helpUri)), `${rule.helpUri} does not exist`);
        assert.ok(rule.shortDescription.text.length > 0 && rule.fullDescription.text.length > 0 && rule.help.text.length > 0);
      }
      assert.equal(run.results.length, 8);
      for (const result of run.results) {
        assert.equal(rules[result.ruleIndex].id, result.ruleId);
        assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      }
      assert.deepEqual(
        run.results.map((x) => x.level).filter((l, i, all) => all.indexOf(l) === i).sort(),
        ['error', 'note', 'warning'],
      );
      const srcroot = run.originalUriBaseIds['%SRCROOT%'].uri;
      assert.ok(srcroot.startsWith('file:///') && srcroot.endsWith('/'), srcroot);
      assert.equal(fs.realpathSync(new URL(srcroot)), fs.realpathSync(at('findings')));
      const version = (readJson<{ version: string }>(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'))).version;
      assert.equal(run.tool.driver.version, version);
    });

    it('sarif uses URI references for paths with spaces', () => {
      fs.mkdirSync(at('with space'));
      fs.copyFileSync(at('clean', 'plan.irplan.yaml'), at('with space', 'my plan.irplan.yaml'));
      const r = irplan(['validate', '--today', '2027-06-01', '--format', 'sarif', 'with space'], root);
      const log = readJson<SarifLog>(r.stdout);
      assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'with%20space/my%20plan.irplan.yaml');
    });

    it('paths are relative to the working folder, with forward slashes', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'json', '../findings/plan.irplan.yaml'], at('clean'));
      assert.deepEqual(
        readJson<JsonReport>(r.stdout).files.map((f) => f.path),
        ['../findings/plan.irplan.yaml'],
      );
    });
  });

  describe('--today', () => {
    it('decides stale-review: due today is not overdue, the day after is', () => {
      // Reviewed 2026-10-01 every 90d: due 2026-12-30.
      const due = irplan(['validate', '--today', '2026-12-30', '--format', 'json'], at('clean'));
      assert.deepEqual(ruleIds(readJson<JsonReport>(due.stdout)), []);
      const overdue = irplan(['validate', '--today', '2026-12-31', '--format', 'json'], at('clean'));
      const report = readJson<JsonReport>(overdue.stdout);
      assert.deepEqual(ruleIds(report), ['stale-review']);
      assert.equal(report.files[0].findings[0].line, 8);
    });
  });

  describe('configuration', () => {
    it('uses .irplan.yaml in the working folder (a rule off, a rule raised to error)', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'json'], at('config'));
      assert.equal(r.status, 1);
      const findings = readJson<JsonReport>(r.stdout).files[0].findings;
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.severity]),
        [['unvalidated-dependent', 'error']],
      );
    });

    it('finds .irplan.yaml in a parent folder', () => {
      fs.mkdirSync(at('config', 'nested'));
      const r = irplan(['validate', '--today', TODAY, '--format', 'json', '../plan.irplan.yaml'], at('config', 'nested'));
      assert.deepEqual(ruleIds(readJson<JsonReport>(r.stdout)), ['unvalidated-dependent']);
    });

    it('--config replaces the one found', () => {
      const r = irplan(['validate', '--today', '2027-06-01', '--format', 'json', '--config', 'strict.yaml'], at('config'));
      const findings = readJson<JsonReport>(r.stdout).files[0].findings;
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.severity]),
        [
          ['stale-review', 'error'],
          ['contact-unreachable', 'warning'],
          ['unvalidated-dependent', 'warning'],
        ],
      );
    });

    it('a configuration with problems prints them and exits 2', () => {
      const r = irplan(['validate', '--today', TODAY], at('bad-config'));
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /\n\.irplan\.yaml\n {2}2:3 +error {2}unknown rule "stale-reveiw" \(did you mean "stale-review"\?\)/);
      assert.match(r.stderr, / {2}3:24 {2}error {2}rule "contact-unreachable" must be set to one of off, info, warning, error/);
      assert.match(r.stderr, /^irplan: the configuration \.irplan\.yaml has 2 problems: fix them/m);
    });

    it('a --config that cannot be read exits 2', () => {
      const r = irplan(['validate', '--config', 'nope.yaml'], at('clean'));
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'irplan: cannot read the configuration nope.yaml: no such file or folder\n');
    });
  });

  describe('suppression comments', () => {
    it('silence findings on the next line and for the whole file', () => {
      // The same plan without the comments (and without the configuration beside it) has three
      // findings on that day.
      fs.writeFileSync(at('clean', 'none.yaml'), 'rules: {}\n');
      const control = irplan(['validate', '--today', '2027-06-01', '--format', 'json', '--config', '../clean/none.yaml', '../config/plan.irplan.yaml'], at('suppress'));
      assert.deepEqual(ruleIds(readJson<JsonReport>(control.stdout)), ['stale-review', 'contact-unreachable', 'unvalidated-dependent']);

      const r = irplan(['validate', '--today', '2027-06-01', '--format', 'json'], at('suppress'));
      assert.equal(r.status, 0);
      assert.deepEqual(ruleIds(readJson<JsonReport>(r.stdout)), []);
    });
  });

  describe('imports', () => {
    it('resolve contacts from an imported library', () => {
      const r = irplan(['validate', '--today', TODAY, 'plan.irplan.yaml'], at('imports'));
      assert.equal(r.status, 0, r.stdout);
      assert.equal(r.stdout, '');
    });

    it('report an import that does not exist on its entry', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'json'], at('imports'));
      assert.equal(r.status, 1);
      const report = readJson<JsonReport>(r.stdout);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['lib/contacts.irplan.yaml', 'missing-import.irplan.yaml', 'plan.irplan.yaml'],
      );
      const [finding, ...others] = report.files[1].findings;
      assert.equal(others.length, 0);
      assert.equal(finding.ruleId, 'unresolved-reference');
      assert.match(finding.message, /lib\/nope\.irplan\.yaml/);
      // `  - lib/nope.irplan.yaml` on line 12: the entry's value.
      assert.deepEqual([finding.line, finding.column, finding.endLine, finding.endColumn], [12, 5, 12, 25]);
    });
  });

  describe('folder walk', () => {
    before(() => {
      // Made here: git would not keep a .git folder or node_modules in the fixtures.
      const broken = 'irplan: [not a plan\n';
      fs.mkdirSync(at('walk', 'node_modules', 'pkg'), { recursive: true });
      fs.writeFileSync(at('walk', 'node_modules', 'pkg', 'bad.irplan.yaml'), broken);
      fs.mkdirSync(at('walk', '.git'));
      fs.writeFileSync(at('walk', '.git', 'bad.irplan.yaml'), broken);
      // A link back up the tree, and a second path to the same folder.
      fs.symlinkSync('..', at('walk', 'sub', 'zz-loop'));
      fs.symlinkSync('sub', at('walk', 'zz-again'));
    });

    it('finds .yaml and .yml plans once each, skipping .irplan.yaml, other YAML, node_modules and .git', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'json'], at('walk'));
      assert.equal(r.status, 0, r.stderr + r.stdout);
      assert.deepEqual(
        readJson<JsonReport>(r.stdout).files.map((f) => f.path),
        ['a.irplan.yaml', 'sub/b.irplan.yml'],
      );
    });

    it('walks overlapping folders once, without calling either empty', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'json', 'sub', '.'], at('walk'));
      assert.equal(r.stderr, '');
      assert.deepEqual(
        readJson<JsonReport>(r.stdout).files.map((f) => f.path),
        ['a.irplan.yaml', 'sub/b.irplan.yml'],
      );
    });

    it('validates a file named explicitly whatever its name', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'json', 'other.yaml'], at('walk'));
      assert.equal(r.status, 1);
      const report = readJson<JsonReport>(r.stdout);
      assert.deepEqual(report.files.map((f) => f.path), ['other.yaml']);
      assert.ok(ruleIds(report).includes('yaml-syntax'));
    });

    it('says so when a folder holds no plans', () => {
      fs.mkdirSync(at('empty-folder'));
      const r = irplan(['validate', 'empty-folder'], root);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, 'irplan: no plans (*.irplan.yaml, *.irplan.yml) in empty-folder\n');
    });
  });

  describe('text encoding', () => {
    it('reports bytes that are not UTF-8 and counts columns after a byte-order mark as an editor does', () => {
      fs.mkdirSync(at('bytes'));
      fs.writeFileSync(at('bytes', 'odd.irplan.yaml'), Buffer.from('\ufeffirplan: 2\nplan: {id: x, title: "bad \u0000', 'utf8'));
      // Replace the NUL written above by a lone 0xff byte (not UTF-8).
      const bytes = fs.readFileSync(at('bytes', 'odd.irplan.yaml'));
      bytes[bytes.length - 1] = 0xff;
      fs.writeFileSync(at('bytes', 'odd.irplan.yaml'), Buffer.concat([bytes, Buffer.from(' byte", library: true}\n')]));
      const r = irplan(['validate', '--today', TODAY, '--format', 'json'], at('bytes'));
      const findings = readJson<JsonReport>(r.stdout).files[0].findings;
      const version = findings.find((f) => f.ruleId === 'schema' && f.line === 1)!;
      assert.equal(version.column, 9); // `irplan: 2`: the 2 is the ninth character after the BOM
      const utf8 = findings.find((f) => f.ruleId === 'yaml-syntax')!;
      assert.match(utf8.message, /UTF-8/);
      assert.equal(utf8.line, 2);
    });
  });

  describe('secrets', () => {
    // Built here so that no token-shaped string is committed: a fake GitHub token (ghp_ and 36
    // letters and digits) and a fake AWS access key id (AKIA and 16 capitals and digits).
    const token = ['ghp', '_', 'Zq8Rt3Lm9Xw2Vb7Nc4Kd6Pf1Hj5Gs0Ya2Ue8'].join('');
    const keyId = ['AK', 'IA', 'Q7ZK4M2N8P3R5T6V'].join('');

    before(() => {
      assert.match(token, /^ghp_[A-Za-z0-9]{36}$/);
      assert.match(keyId, /^AKIA[A-Z0-9]{16}$/);
      fs.mkdirSync(at('secrets'));
      const plan = fs
        .readFileSync(at('clean', 'plan.irplan.yaml'), 'utf8')
        .replace('title: ACME non-human identity incident response plan', `title: ACME plan ${keyId}`)
        .replace('    description: GitHub Actions on the monorepo', `    description: "GitHub Actions, token ${token}"`)
        .replace('    title: GitHub token leaked in a public repository', `    title: Leak of ${token}`);
      assert.ok(plan.includes(token) && plan.includes(keyId));
      fs.writeFileSync(at('secrets', 'plan.irplan.yaml'), plan);
    });

    for (const format of FORMATS) {
      it(`never appear in ${format} output, and inline-secret is reported`, () => {
        const r = irplan(['validate', '--today', TODAY, '--format', format], at('secrets'));
        assert.equal(r.status, 1);
        for (const secret of [token, keyId, token.slice(4, 20), keyId.slice(4)]) {
          assert.ok(!r.stdout.includes(secret), `${format} stdout holds the secret`);
          assert.ok(!r.stderr.includes(secret), `${format} stderr holds the secret`);
        }
        assert.match(r.stdout, /inline-secret/);
      });
    }

    it('are reported three times, by kind', () => {
      const r = irplan(['validate', '--today', TODAY, '--format', 'json'], at('secrets'));
      const findings = readJson<JsonReport>(r.stdout).files[0].findings.filter((f) => f.ruleId === 'inline-secret');
      assert.deepEqual(
        findings.map((f) => [f.line, f.severity]),
        [
          [5, 'error'],
          [36, 'error'],
          [70, 'error'],
        ],
      );
      assert.match(findings[0].message, /AWS access key id/);
      assert.match(findings[1].message, /GitHub token/);
    });

    it('never appear in drill output, even with inline-secret switched off', () => {
      const refused = irplan(['drill', 'plan.irplan.yaml', '--today', TODAY], at('secrets'));
      assert.equal(refused.status, 2);
      assert.ok(!refused.stderr.includes(token) && !refused.stdout.includes(token));
      fs.writeFileSync(at('secrets', 'off.yaml'), 'rules:\n  inline-secret: off\n');
      for (const format of ['text', 'json', 'markdown']) {
        const r = irplan(['drill', 'plan.irplan.yaml', '--today', TODAY, '--config', 'off.yaml', '--format', format], at('secrets'));
        assert.equal(r.status, 0, r.stderr);
        assert.ok(!r.stdout.includes(token) && !r.stderr.includes(token), `drill ${format} holds the secret`);
        // Markdown escapes the brackets (no link syntax from a plan), which render as written.
        assert.match(r.stdout, format === 'markdown' ? /Leak of \\\[redacted GitHub token\\\]/ : /Leak of \[redacted GitHub token\]/);
      }
    });
  });

  describe('colour', () => {
    it('is off when stdout is not a terminal', () => {
      const r = irplan(['validate', '--today', TODAY], at('findings'));
      assert.doesNotMatch(r.stdout, ANSI);
    });

    it('is on with FORCE_COLOR, and off with FORCE_COLOR=0', () => {
      const forced = irplan(['validate', '--today', TODAY], at('findings'), { FORCE_COLOR: '1' });
      assert.match(forced.stdout, ANSI);
      assert.ok(forced.stdout.includes('\u001b[4mplan.irplan.yaml\u001b[24m'), forced.stdout);
      const off = irplan(['validate', '--today', TODAY], at('findings'), { FORCE_COLOR: '0' });
      assert.doesNotMatch(off.stdout, ANSI);
    });

    it('keeps the columns aligned when coloured', () => {
      const plain = irplan(['validate', '--today', TODAY], at('findings'));
      const forced = irplan(['validate', '--today', TODAY], at('findings'), { FORCE_COLOR: '1' });
      assert.equal(stripAnsi(forced.stdout), plain.stdout);
    });

    it('never colours machine formats', () => {
      for (const format of ['json', 'sarif', 'junit', 'github']) {
        const r = irplan(['validate', '--today', TODAY, '--format', format], at('findings'), { FORCE_COLOR: '1' });
        assert.doesNotMatch(r.stdout, ANSI, format);
      }
    });
  });
});

interface SarifLog {
  runs: {
    tool: {
      driver: {
        version: string;
        rules: {
          id: string;
          helpUri: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[];
    }[];
  }[];
}

/**
 * SARIF without what depends on the machine or on other files: the working folder's URI, the
 * package version, and the rule catalogue (its texts come from docs/rules; the test above checks
 * it), which is reduced to the rule ids.
 */
function normaliseSarif(text: string): string {
  const log = JSON.parse(text);
  const run = log.runs[0];
  run.originalUriBaseIds['%SRCROOT%'].uri = 'file:///SRCROOT/';
  run.tool.driver.version = '<version>';
  run.tool.driver.rules = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
  return `${JSON.stringify(log, null, 2)}\n`;
}
