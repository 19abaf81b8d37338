import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { documentSchemes, planFileName, ruleCatalogue, sanitizeRules } from '../../client/src/options';

/** The repository root: this file runs from out/test/client. */
const REPO = path.resolve(__dirname, '..', '..', '..');

describe('client options', () => {
  describe('sanitizeRules', () => {
    it('keeps rule ids with valid levels', () => {
      assert.deepEqual(sanitizeRules({ 'class-owner': 'warning', 'vendor-owner': 'off' }), { 'class-owner': 'warning', 'vendor-owner': 'off' });
    });

    it('drops bad levels, bad ids and prototype keys', () => {
      const value = JSON.parse('{"class-owner":"warn","Vendor-Owner":"off","__proto__":"off","stale-review":3,"inline-secret":"error"}');
      const rules = sanitizeRules(value);
      assert.deepEqual(rules, { 'inline-secret': 'error' });
      assert.equal(Object.getPrototypeOf(rules), Object.prototype);
    });

    for (const value of [undefined, null, 'error', 3, ['class-owner']]) {
      it(`turns ${JSON.stringify(value)} into no overrides`, () => assert.deepEqual(sanitizeRules(value), {}));
    }
  });

  describe('documentSchemes', () => {
    it('serves files and untitled buffers', () => {
      assert.deepEqual(documentSchemes([]), ['file', 'untitled']);
    });

    it("adds a virtual workspace's schemes once", () => {
      assert.deepEqual(documentSchemes(['file', 'vscode-vfs', 'vscode-vfs']), ['file', 'untitled', 'vscode-vfs']);
    });
  });

  describe('planFileName', () => {
    const cases: Array<[string, string | undefined]> = [
      ['nhi.irplan.yaml', 'nhi.irplan.yaml'],
      ['nhi.irplan.yml', 'nhi.irplan.yml'],
      ['NHI.IRPLAN.YAML', 'NHI.IRPLAN.YAML'],
      ['nhi', 'nhi.irplan.yaml'],
      ['nhi.yaml', 'nhi.irplan.yaml'],
      ['nhi.yml', 'nhi.irplan.yml'],
      ['payments.plan', 'payments.plan.irplan.yaml'],
      ['  nhi  ', 'nhi.irplan.yaml'],
      ['.irplan.yaml', undefined], // the configuration file, not a plan
      ['.irplan.yml', undefined],
      ['.yaml', undefined],
      ['', undefined],
      ['a/b.irplan.yaml', undefined],
    ];
    for (const [name, expected] of cases) {
      it(`${JSON.stringify(name)} → ${JSON.stringify(expected)}`, () => assert.equal(planFileName(name), expected));
    }
  });

  describe('ruleCatalogue', () => {
    const manifest: unknown = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

    it("reads the rule ids of the manifest's irplan.rules setting", () => {
      const ids = ruleCatalogue(manifest).map((r) => r.id);
      assert.ok(ids.includes('class-owner'));
      assert.ok(ids.includes('yaml-syntax'));
      assert.equal(new Set(ids).size, ids.length);
    });

    it('gives every rule a description', () => {
      for (const rule of ruleCatalogue(manifest)) assert.notEqual(rule.description, '', rule.id);
    });

    it('copes with a manifest without the setting', () => {
      assert.deepEqual(ruleCatalogue({}), []);
      assert.deepEqual(ruleCatalogue(null), []);
      assert.deepEqual(ruleCatalogue({ contributes: { configuration: [{ properties: {} }] } }), []);
    });
  });
});
