import { quote } from '../quote';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'undrilled-class',
  defaultSeverity: 'info',
  description: 'A class of the first (most severe) declared severity has a drill.',
  checkClass(ctx, cls) {
    const first = ctx.scope.firstSeverity;
    if (!first || cls.severity?.value !== first || ctx.drilledClasses().has(cls.id)) return;
    ctx.report(cls.key, `class ${quote(cls.id)} has severity ${quote(first)} but no drill: add a drill (drills: <id>: class: ${cls.id}) to measure its revocation before an attacker does`);
  },
};
