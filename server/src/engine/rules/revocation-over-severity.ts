import { quote } from '../quote';
import { formatMinutes, parseDuration } from '../time';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'revocation-over-severity',
  defaultSeverity: 'error',
  description: "A class's revocation target fits inside its severity's contain_within.",
  checkClass(ctx, cls) {
    const target = cls.revocation?.target;
    const severity = cls.severity && ctx.scope.severities.get(cls.severity.value)?.def;
    const limit = severity?.containWithin;
    if (!target || !limit) return;
    const t = parseDuration(target.value);
    const l = parseDuration(limit.value);
    if (t === undefined || l === undefined || t <= l) return;
    ctx.report(
      target.node,
      `revocation target ${formatMinutes(t)} of class ${quote(cls.id)} is longer than severity ${quote(severity.id)}'s contain_within ${formatMinutes(l)}: shorten the revocation path or choose a severity that allows it`,
    );
  },
};
