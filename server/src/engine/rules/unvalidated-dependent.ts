import { quote } from '../quote';
import type { Rule } from './rule';
import { isId } from './helpers';

export const rule: Rule = {
  id: 'unvalidated-dependent',
  defaultSeverity: 'warning',
  description: 'Every service in used_by has a revocation.validate check, so a rotation does not silently break it.',
  checkClass(ctx, cls) {
    const validated = new Set((cls.revocation?.validate ?? []).flatMap((v) => (v.service ? [v.service.value] : [])));
    for (const ref of cls.usedBy) {
      if (validated.has(ref.value) || !isId(ref.value)) continue;
      ctx.report(
        ref.node,
        `service ${quote(ref.value)} uses class ${quote(cls.id)} but nothing checks it after rotation: add a revocation.validate entry for it (service and the check that proves it works with the new credential)`,
      );
    }
  },
};
