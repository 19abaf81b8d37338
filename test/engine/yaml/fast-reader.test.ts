// The fast block reader must build exactly the tree the `yaml` package path builds, and must
// never accept a text the library rejects. Checked on the project's own plans and by fast-check
// on generated documents and on random YAML-like text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { Assembler, type SyntaxIssue } from '../../../server/src/engine/yaml/assemble';
import { readBlockYaml } from '../../../server/src/engine/yaml/fastBlock';
import { parseWithLibrary, parseYaml } from '../../../server/src/engine/yaml/parse';
import { toJson, type YNode } from '../../../server/src/engine/yaml/tree';

const root = path.resolve(__dirname, '../../../..');

function project(node: YNode | null): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return ['s', node.start, node.end, node.value, node.block];
  if (node.kind === 'seq') return ['q', node.start, node.end, node.items.map(project)];
  return ['m', node.start, node.end, node.pairs.map((p) => [project(p.key), project(p.value)])];
}

/** Returns whether the fast reader took the text (and asserts it agrees with the library). */
function agree(text: string): boolean {
  const fastIssues: SyntaxIssue[] = [];
  const fast = readBlockYaml(text, new Assembler(text, fastIssues));
  if (fast === undefined) return false;
  const slow = parseWithLibrary(text);
  const libraryErrors = slow.issues.filter((i) => !i.message.startsWith('duplicate key'));
  assert.deepEqual(libraryErrors, [], `the fast reader accepted a text the library rejects:\n${text}`);
  assert.deepEqual(project(fast), project(slow.root), `trees differ for:\n${text}`);
  assert.deepEqual(fastIssues, slow.issues, `duplicate-key issues differ for:\n${text}`);
  assert.deepEqual(toJson(fast), toJson(slow.root));
  return true;
}

function planFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return planFiles(full);
    return /\.irplan\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

describe('fast block reader', () => {
  it('reads every example plan exactly as the yaml package does', () => {
    const files = planFiles(path.join(root, 'examples'));
    assert.ok(files.length >= 3);
    for (const f of files) assert.ok(agree(fs.readFileSync(f, 'utf8')), `${f} should be in the fast subset`);
  });

  it('agrees with the library on every YAML example of the rule docs', () => {
    const docs = path.join(root, 'docs', 'rules');
    let taken = 0;
    for (const f of fs.readdirSync(docs).filter((n) => n.endsWith('.md'))) {
      for (const m of fs.readFileSync(path.join(docs, f), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)) if (agree(m[1])) taken++;
    }
    assert.ok(taken > 20, `only ${taken} docs examples took the fast path`);
  });

  it('handles the shapes authors write', () => {
    const cases = [
      'a: 1\nb: true\nc: ~\nd: "q"\ne: \'it\'\'s\'\nf: -5\ng: 1.5e3\nh: 2026-06-23\n',
      'k:\n- a\n- b\nnext: c\n',
      'k:\n  - id: x\n    after: []\n  -\n  - [a, "b", c]\n  - {owner: x, description: y z}\n',
      '---\n# comment\na:   x   # trailing\n\n  # indented comment\nb:\n',
      'a: x\r\nb:\r\n  c: "d"\r\n',
      'a: x\na: y\n',
      '__proto__: {polluted: true}\nconstructor: 1\n',
      'url: https://example.com/a#b\nchat: "#iam"\nplain: a#b\n',
    ];
    for (const text of cases) assert.ok(agree(text), `should take the fast path:\n${text}`);
  });

  it('hands everything else to the library', () => {
    const cases = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a: multi\n  line\n',
      'a:\n\tb: 1\n',
      '\ufeffa: 1\n',
      'a: 1\n---\nb: 2\n',
      'a: [1,\n  2]\n',
      'a: "esc\\n"\n',
      '  a: 1\n b: 2\n',
      'a: b: c\n',
      '[a, b\n',
      'a:\n  b: 1\n   c: 2\n',
      '- - a\n',
      '? a\n: b\n',
      'a: 0x1F\n',
    ];
    for (const text of cases) assert.equal(readBlockYaml(text, new Assembler(text, [])), undefined, `should defer:\n${JSON.stringify(text)}`);
  });

  it('is used for generated plans (the fast path is what parseYaml takes)', () => {
    const text = fs.readFileSync(planFiles(path.join(root, 'examples'))[0], 'utf8');
    assert.equal(parseYaml(text).reader, 'block');
  });

  const scalar = fc.oneof(
    { arbitrary: fc.stringMatching(/^[a-z][a-z0-9 .:/#-]{0,15}$/), weight: 4 },
    { arbitrary: fc.constantFrom('owner', 'iam-team', '15m', '2026-06-23', 'true', 'null', '~', '12', '-3', '1.5', 'a b', 'x: y', '#x', 'a #b', "it's", 'q"q', '', ' lead', 'trail ', '- x', '[a]', '{b}', 'é ü', '0x1F', '.inf'), weight: 4 },
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const keyArb = fc.oneof(
    { arbitrary: fc.constantFrom('owner', 'deputy', 'steps', 'after', 'id', 'a b', '1', 'true', '__proto__'), weight: 3 },
    { arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_-]{0,10}$/), weight: 3 },
    { arbitrary: fc.string({ minLength: 1, maxLength: 8 }), weight: 1 },
  );
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(keyArb, tie('node'), { maxKeys: 4 }),
  })).node;

  it('agrees with the library on generated documents (fast-check)', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.dictionary(keyArb, value, { minKeys: 1, maxKeys: 5 }), fc.constantFrom(0, 1, 2, 3), fc.boolean(), (doc, flowLevel, crlf) => {
        let text = stringify(doc, { flowCollectionPadding: false, indentSeq: flowLevel % 2 === 0, ...(flowLevel === 3 ? { collectionStyle: 'flow' as const } : {}) });
        if (crlf) text = text.replace(/\n/g, '\r\n');
        if (agree(text)) taken++;
      }),
      { numRuns: 400 },
    );
    assert.ok(taken > 50, `only ${taken} generated documents took the fast path`);
  });

  it('never accepts random YAML-like text the library rejects (fast-check)', () => {
    const alphabet = fc.constantFrom(...'ab -:#[]{},\'"\n\n\n    &*!|>?%@`~01.'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((cs) => cs.join('')), (text) => {
        agree(text);
      }),
      { numRuns: 3000 },
    );
  });
});
