import type { Rule } from './rule';
import { quote } from '../quote';

export const rule: Rule = {
  id: 'class-owner',
  defaultSeverity: 'error',
  description: 'A credential class names an owner: the contact accountable for revoking it.',
  checkClass(ctx, cls) {
    if (cls.owner) return;
    ctx.report(
      cls.key,
      `class ${quote(cls.id)} has no owner: add owner: <contact id> (the team that can revoke it; without one, responders lose the first minutes finding out who may act)`,
    );
  },
};
