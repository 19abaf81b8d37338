// The harness itself: the clean base plan, the markers, the in-memory host.
import assert from 'node:assert/strict';
import { RULES } from '../../../server/src/engine';
import { BASE, MAIN_URI, SECOND_CLASS, addClass, checkCase, edit, memoryHost, onlyRules, parseMarkers, replaceLines, resolveUri, runEngine } from './harness';

describe('rule harness', () => {
  it('the base plan produces no finding of any rule (all rules on, today 2026-11-25)', () => {
    assert.deepEqual(
      runEngine(BASE).map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  it('the base plan produces no finding with every rule at error level either', () => {
    const config = { rules: Object.fromEntries(RULES.map((r) => [r.id, 'error' as const])) };
    assert.deepEqual(runEngine(BASE, { config }), []);
  });

  it('the base plan with the second class is clean too', () => {
    assert.deepEqual(
      runEngine(addClass(BASE, SECOND_CLASS)).map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  it('the base plan has what the tables rely on', () => {
    for (const part of [
      '  secops:\n    kind: team',
      '  iam-team:\n    kind: team',
      '  revoker-bot:\n    kind: automation\n    name: Token revocation bot\n    credential_ttl: 1h',
      '  sev1:\n',
      '    contain_within: 1h',
      '  sev2:\n',
      '  github-pat:\n',
      'drills:\n  leaked-pat:\n',
      '    class: github-pat\n',
    ]) {
      assert.ok(BASE.includes(part), `base plan lacks ${JSON.stringify(part)}`);
    }
    // sev1 is the first severity, and the only class uses it.
    assert.ok(BASE.indexOf('  sev1:') < BASE.indexOf('  sev2:'));
  });

  it('markers are stripped and give [start, end) offsets, with labels and groups', () => {
    const { text, marks } = parseMarkers('a: ⟦x⟧\nb: [⟦{class-owner}yy⟧, ⟦{#g}z⟧, ⟦{step-cycle#g}w⟧]\n', 'schema');
    assert.equal(text, 'a: x\nb: [yy, z, w]\n');
    assert.deepEqual(marks, [
      { ruleId: 'schema', start: 3, end: 4 },
      { ruleId: 'class-owner', start: 9, end: 11 },
      { ruleId: 'schema', start: 13, end: 14, group: 'schema#g' },
      { ruleId: 'step-cycle', start: 16, end: 17, group: 'step-cycle#g' },
    ]);
    assert.equal(text.slice(9, 11), 'yy');
  });

  it('nested markers expect two findings on one range', () => {
    const { marks } = parseMarkers('⟦⟦ab⟧⟧', 'schema');
    assert.deepEqual(marks, [
      { ruleId: 'schema', start: 0, end: 2 },
      { ruleId: 'schema', start: 0, end: 2 },
    ]);
  });

  it('unbalanced markers and unknown labels are fixture errors', () => {
    assert.throws(() => parseMarkers('⟦a', 'schema'));
    assert.throws(() => parseMarkers('a⟧', 'schema'));
    assert.throws(() => parseMarkers('⟦{no-such-rule}a⟧', 'schema'));
  });

  it('edit replaces a text that occurs exactly once, and refuses otherwise', () => {
    assert.equal(edit('a b c', ['b', 'x']), 'a x c');
    assert.throws(() => edit('a b b', ['b', 'x']));
    assert.throws(() => edit('a b', ['z', 'x']));
  });

  it('replaceLines replaces a block of whole lines', () => {
    assert.equal(replaceLines('a\nb\nc\nd\n', 'b', 'd', 'x\n'), 'a\nx\nd\n');
    assert.equal(replaceLines('a\nb\nc\n', 'b', null, ''), 'a\n');
  });

  it('the in-memory host resolves imports relative to the importing folder', () => {
    assert.equal(resolveUri('/plans/main.irplan.yaml', 'lib/a.irplan.yaml'), '/plans/lib/a.irplan.yaml');
    assert.equal(resolveUri('/plans/lib/a.irplan.yaml', '../shared/b.irplan.yaml'), '/plans/shared/b.irplan.yaml');
    assert.equal(resolveUri('/plans/lib/a.irplan.yaml', './b.irplan.yaml'), '/plans/lib/b.irplan.yaml');
    const host = memoryHost(new Map([[MAIN_URI, 'x']]));
    assert.equal(host.read(MAIN_URI), 'x');
    assert.equal(host.read('/plans/none.yaml'), undefined);
  });

  it('onlyRules switches every other rule off', () => {
    const config = onlyRules(['schema'], { schema: 'info' });
    assert.equal(config.rules.schema, 'info');
    assert.equal(config.rules['class-owner'], 'off');
    assert.equal(Object.keys(config.rules).length, RULES.length);
  });

  it('a case fails when the engine reports a finding the markers do not expect', () => {
    assert.throws(() => checkCase('deputy-is-owner', { name: 'x', yaml: edit(BASE, ['deputy: secops', 'deputy: iam-team']) }), /differ from the markers/);
  });

  it('a group of alternatives is met by one finding on any of its ranges, and only there', () => {
    const both = edit(BASE, ['    owner: iam-team\n    deputy: secops\n', '    owner: ⟦{#g}iam-team⟧\n    deputy: ⟦{#g}iam-team⟧\n']);
    checkCase('deputy-is-owner', { name: 'x', yaml: both });
    const wrong = edit(BASE, ['    owner: iam-team\n    deputy: secops\n', '    owner: ⟦{#g}iam-team⟧\n    deputy: iam-team\n']);
    assert.throws(() => checkCase('deputy-is-owner', { name: 'x', yaml: wrong }), /differ from the markers/);
  });

  it('a finding range outside the text fails the case', () => {
    assert.throws(() => checkCase('yaml-syntax', { name: 'x', yaml: 'irplan: "1"\nplan: [a' }), /not inside the text|differ/);
  });

  it('a case fails when a marked finding is missing', () => {
    assert.throws(() => checkCase('deputy-is-owner', { name: 'x', yaml: edit(BASE, ['deputy: secops', 'deputy: ⟦secops⟧']) }), /differ from the markers/);
  });
});
