import type { Rule } from './rule';
import { quote } from '../quote';

export const rule: Rule = {
  id: 'class-evidence',
  defaultSeverity: 'error',
  description: 'A credential class lists the evidence to preserve before it is lost.',
  checkClass(ctx, cls) {
    const name = quote(cls.id);
    if (!cls.evidenceKey) {
      ctx.report(cls.key, `class ${name} has no evidence to preserve: add evidence: with at least one item (id, source, action, actor, retain), e.g. the issuer's audit log`);
      return;
    }
    const value = cls.node?.byKey.get('evidence')?.value ?? null;
    if (value === null || (value.kind === 'scalar' && value.value === null) || (value.kind === 'seq' && value.items.length === 0)) {
      ctx.report(cls.evidenceKey, `the evidence list of class ${name} is empty: add at least one item to preserve (id, source, action, actor, retain)`);
    }
  },
};
