// The text-based cursor context: the path, key or value position, the word and its range, read
// from indentation and the current line only, so it holds while the document does not parse.
import assert from 'node:assert/strict';
import { cursorContext } from '../../../server/src/engine/editor/cursor';
import { CURSOR, cursorIn, edit } from './fixture';

function ctxOf(source: string) {
  const { text, offset } = cursorIn(source);
  return { ctx: cursorContext(text, offset), text, offset };
}

const PLAN = `irplan: "1"
plan:
  id: acme
  title: ACME
contacts:
  iam-team:
    kind: team
    name: IAM engineering
credential_classes:
  github-pat:
    kind: api-key
    owner: iam-team
    used_by: [ci-pipeline, deploy-bot]
    revocation:
      target: 15m
      steps:
        - id: revoke
          action: Revoke the token
          actor: revoker-bot
          duration: 2m
        - id: reissue
          action: |
            Issue a replacement token.
            Store it in the vault.
          actor: iam-team
          duration: 10m
          after: [revoke]
`;

/** The plan with `marker` (which must occur once) replaced by `replacement`. */
function place(marker: string, replacement: string): string {
  return edit(PLAN, [marker, replacement]);
}

describe('editor: cursorContext', () => {
  it('a blank line at column 0 is a top-level key, with the keys present above and below', () => {
    const { ctx } = ctxOf(`irplan: "1"\n${CURSOR}\nplan:\n  id: x\ncontacts: {}\n`);
    assert.equal(ctx.position, 'key');
    assert.deepEqual(ctx.path, []);
    assert.equal(ctx.indent, 0);
    assert.deepEqual([...ctx.presentKeys].sort(), ['contacts', 'irplan', 'plan']);
    assert.equal(ctx.word, '');
  });

  it('a half-typed key in a class: the class path, the word and its range', () => {
    const { ctx, offset } = ctxOf(place('    owner: iam-team\n', `    owner: iam-team\n    de${CURSOR}\n`));
    assert.equal(ctx.position, 'key');
    assert.deepEqual(ctx.path, ['credential_classes', 'github-pat']);
    assert.equal(ctx.word, 'de');
    assert.equal(ctx.prefix, 'de');
    assert.deepEqual(ctx.range, { start: offset - 2, end: offset });
    assert.equal(ctx.indent, 4);
    assert.ok(ctx.presentKeys.includes('kind') && ctx.presentKeys.includes('owner') && ctx.presentKeys.includes('revocation'));
    assert.ok(!ctx.presentKeys.includes('de'));
  });

  it('a value in a revocation step: the full path with the list index', () => {
    const { ctx } = ctxOf(place('actor: revoker-bot', `actor: rev${CURSOR}oker-bot`));
    assert.equal(ctx.position, 'value');
    assert.deepEqual(ctx.path, ['credential_classes', 'github-pat', 'revocation', 'steps', '0', 'actor']);
    assert.equal(ctx.key, 'actor');
    assert.equal(ctx.word, 'revoker-bot');
    assert.equal(ctx.prefix, 'rev');
  });

  it('the second list item counts the first, skipping its nested lines and a block scalar', () => {
    const { ctx } = ctxOf(place('          after: [revoke]\n', `          after: [revoke]\n          imp${CURSOR}\n`));
    assert.equal(ctx.position, 'key');
    assert.deepEqual(ctx.path, ['credential_classes', 'github-pat', 'revocation', 'steps', '1']);
    assert.deepEqual([...ctx.presentKeys].sort(), ['action', 'actor', 'after', 'duration', 'id']);
    assert.equal(ctx.indent, 10);
  });

  it('a `- ` item line: a key position in the new item, flagged as a bare item', () => {
    const { ctx } = ctxOf(place('          after: [revoke]\n', `          after: [revoke]\n        - ${CURSOR}\n`));
    assert.equal(ctx.position, 'key');
    assert.equal(ctx.bareItem, true);
    assert.deepEqual(ctx.path, ['credential_classes', 'github-pat', 'revocation', 'steps', '2']);
    assert.equal(ctx.indent, 10);
    assert.deepEqual(ctx.range, { start: ctx.range.start, end: ctx.range.start });
  });

  it('a key on the `- key: value` line itself', () => {
    const { ctx } = ctxOf(place('        - id: reissue', `        - i${CURSOR}d: reissue`));
    assert.equal(ctx.position, 'key');
    assert.equal(ctx.word, 'id');
    assert.equal(ctx.hasColon, true);
    assert.deepEqual(ctx.path, ['credential_classes', 'github-pat', 'revocation', 'steps', '1']);
  });

  it('inside a flow list: the item index, the other items, value position', () => {
    const { ctx } = ctxOf(place('used_by: [ci-pipeline, deploy-bot]', `used_by: [ci-pipeline, dep${CURSOR}]`));
    assert.equal(ctx.position, 'value');
    assert.equal(ctx.inFlow, true);
    assert.deepEqual(ctx.path, ['credential_classes', 'github-pat', 'used_by', '1']);
    assert.equal(ctx.word, 'dep');
    assert.deepEqual(ctx.flowItems, ['ci-pipeline']);
    const empty = ctxOf(place('used_by: [ci-pipeline, deploy-bot]', `used_by: [${CURSOR}]`)).ctx;
    assert.deepEqual(empty.path, ['credential_classes', 'github-pat', 'used_by', '0']);
    assert.equal(empty.word, '');
    const after = ctxOf(place('used_by: [ci-pipeline, deploy-bot]', `used_by: [ci-pipeline, deploy-bot]${CURSOR}`)).ctx;
    assert.equal(after.position, 'none');
  });

  it('a flow list opened on an earlier line and not closed yet', () => {
    const { ctx } = ctxOf(place('    used_by: [ci-pipeline, deploy-bot]\n', `    used_by: [ci-pipeline,\n      deploy-bot, ${CURSOR}\n`));
    assert.equal(ctx.position, 'value');
    assert.deepEqual(ctx.path, ['credential_classes', 'github-pat', 'used_by', '2']);
    assert.deepEqual(ctx.flowItems, ['ci-pipeline', 'deploy-bot']);
  });

  it('comments and blank lines between the cursor and its parents are skipped', () => {
    const source = `credential_classes:\n  # a comment at column 2\n\n  github-pat:\n# a comment at column 0\n    revocation:\n\n      # steps follow\n      steps:\n        - id: a\n          # note\n\n          act${CURSOR}\n`;
    const { ctx } = ctxOf(source);
    assert.equal(ctx.position, 'key');
    assert.deepEqual(ctx.path, ['credential_classes', 'github-pat', 'revocation', 'steps', '0']);
    assert.deepEqual(ctx.presentKeys, ['id']);
  });

  it('nothing to complete in a comment or a block scalar', () => {
    assert.equal(ctxOf(place('    kind: api-key', `    kind: api-key # a com${CURSOR}ment`)).ctx.position, 'none');
    assert.equal(ctxOf(place('Store it in the vault.', `Store it in ${CURSOR}the vault.`)).ctx.position, 'none');
    assert.equal(ctxOf(place('          action: |', `          action: |${CURSOR}`)).ctx.position, 'none');
  });

  it('a list at the column of its key (compact form)', () => {
    const { ctx } = ctxOf(`credential_classes:\n  c:\n    evidence:\n    - id: a\n      source: x\n    - id: b\n      so${CURSOR}\n`);
    assert.deepEqual(ctx.path, ['credential_classes', 'c', 'evidence', '1']);
    assert.deepEqual(ctx.presentKeys, ['id']);
    const next = ctxOf(`credential_classes:\n  c:\n    evidence:\n    - id: a\n    ro${CURSOR}\n`).ctx;
    assert.deepEqual(next.path, ['credential_classes', 'c']);
    assert.deepEqual(next.presentKeys, ['evidence']);
  });

  it('a scalar list item in block style, and nested `- - ` items', () => {
    const { ctx } = ctxOf(`drills:\n  d:\n    unavailable:\n      - iam-team\n      - sec${CURSOR}\n`);
    assert.equal(ctx.position, 'key');
    assert.equal(ctx.bareItem, true);
    assert.deepEqual(ctx.path, ['drills', 'd', 'unavailable', '1']);
    assert.equal(ctx.word, 'sec');
    const nested = ctxOf(`a:\n  - - x\n    - y${CURSOR}\n`).ctx;
    assert.deepEqual(nested.path, ['a', '0', '1']);
  });

  it('right after `key:` is a value position that needs a space', () => {
    const { ctx } = ctxOf(place('    owner: iam-team', `    owner:${CURSOR}`));
    assert.equal(ctx.position, 'value');
    assert.equal(ctx.needsSpace, true);
    assert.deepEqual(ctx.path, ['credential_classes', 'github-pat', 'owner']);
    assert.equal(ctx.word, '');
  });

  it('words keep inner colons and dots (tags, channels) but not a key-ending colon', () => {
    const { ctx } = ctxOf(`x:\n  frameworks: [CSF-RS.M${CURSOR}I-01, NHI2:2025]\n`);
    assert.equal(ctx.word, 'CSF-RS.MI-01');
    const colon = ctxOf(`x:\n  frameworks: [CSF-RS.MI-01, NHI2:20${CURSOR}25]\n`).ctx;
    assert.equal(colon.word, 'NHI2:2025');
    const key = ctxOf(`x:\n  own${CURSOR}er: a\n`).ctx;
    assert.equal(key.word, 'owner');
    assert.equal(key.position, 'key');
  });

  it('quoted keys, quoted values and CRLF line ends', () => {
    const { ctx } = ctxOf(`"contacts":\r\n  'iam-team':\r\n    kind: "te${CURSOR}am"\r\n`);
    assert.equal(ctx.position, 'value');
    assert.deepEqual(ctx.path, ['contacts', 'iam-team', 'kind']);
    assert.equal(ctx.word, 'team');
    const key = ctxOf(`contacts:\r\n  iam-team:\r\n    kind: team\r\n    na${CURSOR}\r\n`).ctx;
    assert.deepEqual(key.path, ['contacts', 'iam-team']);
    assert.deepEqual(key.presentKeys, ['kind']);
  });

  it('the cursor at the very start and end of the text', () => {
    assert.equal(cursorContext('', 0).position, 'key');
    assert.deepEqual(cursorContext('', 0).path, []);
    const end = cursorContext('plan:\n  id: x', 13);
    assert.deepEqual(end.path, ['plan', 'id']);
    assert.equal(end.word, 'x');
  });

  it('never throws, at every offset of a plan and of junk', () => {
    const texts = [PLAN, PLAN.replace(/\n/g, '\r\n'), '- [a, {b: [c, "d\n  - ]]\n\t\tkey: :\n"unclosed\n---\n...\n%YAML 1.2\n? x\n: y\n', ':\n-\n- -\n  :x\n#\n"a": [\n'];
    for (const text of texts) {
      for (let offset = -1; offset <= text.length + 1; offset++) {
        const ctx = cursorContext(text, offset);
        assert.ok(ctx.range.start <= ctx.range.end);
        assert.ok(Array.isArray(ctx.path));
      }
    }
    assert.equal(cursorContext(PLAN, Number.NaN).range.start, 0);
  });

  it('is fast on a 65,000-line plan: only the lines up to each parent are read', () => {
    const lines = ['irplan: "1"', 'credential_classes:'];
    let n = 0;
    while (lines.length < 65000) {
      lines.push(`  class-${n}:`, '    kind: api-key', '    owner: iam-team', '    revocation:', '      steps:');
      for (let s = 0; s < 5; s++) lines.push(`        - id: s${s}`, '          action: Revoke it', '          actor: iam-team', '          duration: 2m');
      n++;
    }
    lines.push('        - id: last', '          actor: ');
    const text = lines.join('\n');
    const offset = text.length;
    const t0 = performance.now();
    let ctx = cursorContext(text, offset);
    for (let i = 0; i < 20; i++) ctx = cursorContext(text, offset);
    const each = (performance.now() - t0) / 21;
    assert.deepEqual(ctx.path, ['credential_classes', `class-${n - 1}`, 'revocation', 'steps', '5', 'actor']);
    assert.ok(each < 20, `cursorContext took ${each.toFixed(2)} ms`);
    // A key at the root has to look at every top-level line, which is still quick.
    const t1 = performance.now();
    const root = cursorContext(`${text}\n`, text.length + 1);
    assert.deepEqual(root.path, []);
    assert.deepEqual(root.presentKeys.sort(), ['credential_classes', 'irplan']);
    assert.ok(performance.now() - t1 < 100);
  });
});
