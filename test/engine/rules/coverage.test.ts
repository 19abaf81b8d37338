// Meta: every rule of the engine has fixture cases that make it fire and cases where it must not,
// and one that configures its level. The group files are imported so this holds however mocha
// is invoked (a module runs once, so their tables are not registered twice).
import assert from 'node:assert/strict';
import { RULES } from '../../../server/src/engine';
import { REGISTRY } from './harness';
import './classes.test';
import './references.test';
import './timing.test';
import './kinds.test';
import './hygiene.test';
import './syntax-schema.test';
import './suppressions.test';

describe('rule fixture coverage', () => {
  for (const rule of RULES) {
    it(`${rule.id} has cases that fire, cases that stay quiet, and a configured level`, () => {
      const entry = REGISTRY.get(rule.id);
      assert.ok(entry, `no fixture table for ${rule.id}`);
      assert.ok(entry.fires >= 1, `${rule.id}: no case makes it fire`);
      assert.ok(entry.quiet >= 1, `${rule.id}: no case where it must not fire`);
      assert.ok(entry.levels >= 1, `${rule.id}: no case with a configured level`);
    });
  }

  it('every table is for a rule of the engine', () => {
    const ids = new Set(RULES.map((r) => r.id));
    assert.deepEqual([...REGISTRY.keys()].filter((id) => !ids.has(id)), []);
  });
});
