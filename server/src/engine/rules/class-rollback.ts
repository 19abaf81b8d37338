import type { Rule } from './rule';
import type { YNode } from '../yaml/tree';
import { quote } from '../quote';

export const rule: Rule = {
  id: 'class-rollback',
  defaultSeverity: 'error',
  description: 'A credential class has rollback criteria: when to undo the revocation.',
  checkClass(ctx, cls) {
    const name = quote(cls.id);
    const r = cls.rollback;
    if (!r) {
      ctx.report(cls.key, `class ${name} has no rollback: add rollback: with criteria (when revoking breaks more than it protects) and the steps to undo it`);
      return;
    }
    if (!r.criteriaKey) {
      ctx.report(r.key, `the rollback of class ${name} has no criteria: add criteria: with at least one condition, e.g. "Production deploys fail for more than 10 minutes"`);
    } else if (r.criteria.length === 0 && emptyValue(r.node?.byKey.get('criteria')?.value)) {
      ctx.report(r.criteriaKey, `the rollback criteria of class ${name} are empty: add at least one condition that triggers a rollback`);
    }
  },
};

/** No value (`key:`, `key: ~`) or an empty list. */
function emptyValue(value: YNode | null | undefined): boolean {
  if (!value) return true;
  if (value.kind === 'scalar') return value.value === null;
  return value.kind === 'seq' && value.items.length === 0;
}
