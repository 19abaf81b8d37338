// Meta: every rule has a documentation page, docs/rules/<id>.md, whose examples are fixtures: the
// first yaml block (under "## Bad") makes the rule fire, the second (under "## Good") produces no
// finding of any rule (all rules on, today 2026-11-25). No page documents a rule that does not
// exist (README.md is the index, not a rule page).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PlanSet, RULES, RULES_BY_ID } from '../../../server/src/engine';
import { REPO_ROOT, TODAY, memoryHost } from './harness';

const DOCS = path.join(REPO_ROOT, 'docs', 'rules');

interface YamlBlock {
  /** The nearest `## ` heading above the block. */
  heading: string | undefined;
  text: string;
}

/** The ```yaml fenced blocks of a markdown page, with the section heading each sits under. */
function yamlBlocks(markdown: string): YamlBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: YamlBlock[] = [];
  let heading: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^## /.test(line)) heading = line.slice(3).trim();
    const fence = /^(```+|~~~+)\s*(\S*)/.exec(line);
    if (!fence) continue;
    const close = lines.findIndex((l, j) => j > i && l.startsWith(fence[1]));
    if (close < 0) throw new Error(`unclosed code fence at line ${i + 1}`);
    if (fence[2] === 'yaml' || fence[2] === 'yml') blocks.push({ heading, text: `${lines.slice(i + 1, close).join('\n')}\n` });
    i = close;
  }
  return blocks;
}

function validate(ruleId: string, text: string) {
  const uri = `/docs/rules/${ruleId}.irplan.yaml`;
  const findings = new PlanSet(memoryHost(new Map([[uri, text]]))).validate(uri, { today: TODAY });
  if (!findings) throw new Error('the example could not be read');
  return findings;
}

describe('rule documentation pages', () => {
  for (const rule of RULES) {
    describe(`docs/rules/${rule.id}.md`, () => {
      const file = path.join(DOCS, `${rule.id}.md`);
      const read = () => fs.readFileSync(file, 'utf8');

      it('exists', () => assert.ok(fs.existsSync(file), `missing ${path.relative(REPO_ROOT, file)}`));

      it(`starts with "# ${rule.id}"`, () => {
        assert.equal(read().split(/\r?\n/)[0], `# ${rule.id}`);
      });

      it(`states the default severity ${rule.defaultSeverity}`, () => {
        const lines = read().split(/\r?\n/);
        const stated = lines.filter((l) => l.startsWith('**Default severity:**'));
        assert.deepEqual(stated, [`**Default severity:** ${rule.defaultSeverity}`]);
      });

      it('has a Bad example, then a Good example', () => {
        const blocks = yamlBlocks(read());
        assert.ok(blocks.length >= 2, `expected two yaml blocks, found ${blocks.length}`);
        assert.equal(blocks[0].heading, 'Bad', 'the first yaml block is not under "## Bad"');
        assert.equal(blocks[1].heading, 'Good', 'the second yaml block is not under "## Good"');
      });

      it(`the Bad example makes ${rule.id} fire`, () => {
        const [bad] = yamlBlocks(read());
        const findings = validate(rule.id, bad.text);
        assert.ok(
          findings.some((f) => f.ruleId === rule.id && f.severity === rule.defaultSeverity),
          `${rule.id} does not fire on the Bad example; findings: ${JSON.stringify(findings.map((f) => `${f.ruleId}: ${f.message}`))}`,
        );
      });

      it('the Good example produces no finding of any rule', () => {
        const [, good] = yamlBlocks(read());
        assert.deepEqual(
          validate(rule.id, good.text).map((f) => `${f.ruleId}: ${f.message}`),
          [],
        );
      });
    });
  }

  it('there is no page for a rule that does not exist', () => {
    const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.deepEqual(
      pages.map((f) => f.slice(0, -3)).filter((id) => !RULES_BY_ID.has(id)),
      [],
    );
  });
});
