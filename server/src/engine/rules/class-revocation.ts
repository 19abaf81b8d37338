import type { Rule } from './rule';
import type { YNode } from '../yaml/tree';
import { quote } from '../quote';

export const rule: Rule = {
  id: 'class-revocation',
  defaultSeverity: 'error',
  description: 'A credential class has a revocation path: a target time and at least one step.',
  checkClass(ctx, cls) {
    const name = quote(cls.id);
    const r = cls.revocation;
    if (!r) {
      ctx.report(cls.key, `class ${name} has no revocation path: add revocation: with a target (e.g. 15m) and the steps that revoke and replace the credential`);
      return;
    }
    if (!r.node) {
      ctx.report(r.key, `the revocation of class ${name} is empty: give it a target (e.g. 15m) and steps (id, action, actor, duration)`);
      return;
    }
    const target = r.node.byKey.get('target');
    if (!target) {
      ctx.report(r.key, `the revocation of class ${name} has no target: add target: <duration> (how fast it must be revoked, within the severity's contain_within)`);
    } else if (isEmpty(target.value)) {
      ctx.report(target.key, `the revocation target of class ${name} is empty: write a duration (how fast it must be revoked, within the severity's contain_within), e.g. 15m`);
    }
    if (!r.stepsKey) {
      ctx.report(r.key, `the revocation of class ${name} has no steps: add steps: with at least one step (id, action, actor, duration)`);
    } else if (r.steps.length === 0 && isEmpty(r.node.byKey.get('steps')?.value)) {
      ctx.report(r.stepsKey, `the revocation of class ${name} has an empty steps list: add at least one step (id, action, actor, duration)`);
    }
  },
};

/** No value (`key:`, `key: ~`) or an empty list. */
function isEmpty(value: YNode | null | undefined): boolean {
  if (!value) return true;
  if (value.kind === 'scalar') return value.value === null;
  return value.kind === 'seq' && value.items.length === 0;
}
