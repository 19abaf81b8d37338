import { quote } from '../quote';
import type { Rule } from './rule';
import { forEachClassNode } from './helpers';

export const rule: Rule = {
  id: 'undrilled-class',
  defaultSeverity: 'info',
  description: 'A class of the first (most severe) declared severity has a drill.',
  check(ctx) {
    const first = ctx.scope.firstSeverity;
    if (!first) return;
    const drilled = new Set([...ctx.doc.model.drills.values()].flatMap((d) => (d.class ? [d.class.value] : [])));
    forEachClassNode(ctx, (cls) => {
      if (cls.severity?.value !== first || drilled.has(cls.id)) return;
      ctx.report(cls.key, `class ${quote(cls.id)} has severity ${quote(first)} but no drill: add a drill (drills: <id>: class: ${cls.id}) to measure its revocation before an attacker does`);
    });
  },
};
