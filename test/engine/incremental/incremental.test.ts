// Re-validating after an edit reuses the entries and class findings that did not change; the
// result must be exactly what a fresh analysis of the new text gives. Checked on scripted edits
// and on random edits (fast-check) of realistic plans.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeDocument, parseDate, validateDocument, type Finding, type PlanDocument } from '../../../server/src/engine';
import { buildScope } from '../../../server/src/engine/scope';
import { readChunked } from '../../../server/src/engine/yaml/chunked';
import { toJson } from '../../../server/src/engine/yaml/tree';

const root = path.resolve(__dirname, '../../../..');
const TODAY = parseDate('2026-11-25')!;
const examples = ['fintech/payments.irplan.yaml', 'ai-lab/agents.irplan.yaml'].map((f) => fs.readFileSync(path.join(root, 'examples', f), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generatePlan } = require(path.join(root, 'bench', 'generate-plan.mjs')) as { generatePlan: (n: number) => string };

function findingsOf(doc: PlanDocument): Finding[] {
  const scope = buildScope(doc, () => undefined, (_from, p) => p);
  return validateDocument(doc, scope, { today: TODAY });
}

function project(f: Finding[]): unknown[] {
  return f.map((x) => [x.ruleId, x.severity, x.range.start, x.range.end, x.message]);
}

/** Applies the edits one after another, incrementally, checking each version against a fresh run. */
function checkEdits(base: string, edits: ((text: string) => string)[]): number {
  let text = base;
  let doc = analyzeDocument('plan', text);
  assert.deepEqual(project(findingsOf(doc)), project(findingsOf(analyzeDocument('fresh', text))).map((x) => x));
  let reused = 0;
  for (const edit of edits) {
    text = edit(text);
    const next = analyzeDocument('plan', text, doc);
    const incremental = findingsOf(next);
    const fresh = analyzeDocument('plan', text);
    assert.deepEqual(project(incremental), project(findingsOf(fresh)), `after an edit:\n${text.slice(0, 400)}`);
    assert.deepEqual(toJson(next.parsed.root), toJson(fresh.parsed.root));
    if (next.parsed.reader === 'block' && doc.parsed.cache) reused++;
    doc = next;
  }
  return reused;
}

const replaceOnce = (from: string, to: string) => (t: string) => (t.includes(from) ? t.replace(from, to) : t);

describe('incremental re-validation', function () {
  this.timeout(120_000);
  it('gives the findings of a fresh run after scripted edits of an example plan', () => {
    const base = examples[0];
    checkEdits(base, [
      replaceOnce('    deputy:', '    deputy_typo:'), // class-deputy + schema
      replaceOnce('    deputy_typo:', '    deputy:'),
      (t) => `# a comment at the top\n${t}`, // every entry moves
      replaceOnce('contain_within: 1h', 'contain_within: 5m'), // severity change: classes re-checked
      replaceOnce('contain_within: 5m', 'contain_within: 1h'),
      replaceOnce('kind: team', 'kind: vendor'), // contact kind: vendor-owner may change
      (t) => t.replace(/\n/, '\n\n\n'),
      replaceOnce('last_rotated: 2026-11', 'last_rotated: 2025-11'),
      (t) => t.slice(0, Math.floor(t.length / 2)), // cut in half
      () => base,
    ]);
  });

  it('reads an edited document by re-reading only the changed entry', () => {
    const text = generatePlan(50);
    const first = readChunked(text)!;
    assert.ok(first.read > 100, `${first.read} entries on first read`);
    const edited = text.replace('Generated credential class number 7\n', 'Generated credential class number seven\n');
    const second = readChunked(edited, first.cache)!;
    assert.equal(second.read, 1, 'only the edited class is read again');
  });

  it('gives the findings of a fresh run after random edits (fast-check)', () => {
    const base = generatePlan(6).replace('owner: team-1\n', 'owner: team-9\n').replace('    deputy: team-3\n', '');
    const pieces = ['', '\n', ' ', 'x', ': ', '- ', '#', 'owner: team-0\n', '    deputy: team-2\n', '  class-new:\n    kind: api-key\n', 'credential_ttl: 48h', 'after: [x]', '"', '[', '  '];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 6 }),
        (edits) => {
          checkEdits(
            base,
            edits.map(([at, remove, insert]) => (t: string) => {
              const i = at % (t.length + 1);
              return t.slice(0, i) + insert + t.slice(Math.min(t.length, i + remove));
            }),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the findings of a fresh run when edits keep the document in the fast subset (fast-check)', () => {
    const base = generatePlan(8);
    const lines = base.split('\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'duplicate', 'rename', 'retime')), { minLength: 1, maxLength: 5 }), (ops) => {
        checkEdits(
          base,
          ops.map(([n, op]) => (t: string) => {
            const ls = t.split('\n');
            const i = n % ls.length;
            if (op === 'delete') ls.splice(i, 1);
            else if (op === 'duplicate') ls.splice(i, 0, ls[i]);
            else if (op === 'rename') ls[i] = ls[i].replace(/team-\d+/, 'team-77');
            else ls[i] = ls[i].replace(/\d+m\b/, '90m');
            return ls.join('\n');
          }),
        );
        void lines;
      }),
      { numRuns: 250 },
    );
  });
});
