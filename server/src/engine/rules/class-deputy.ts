import type { Rule } from './rule';
import { quote } from '../quote';

export const rule: Rule = {
  id: 'class-deputy',
  defaultSeverity: 'error',
  description: 'A credential class names a deputy who can revoke it when the owner is unreachable.',
  checkClass(ctx, cls) {
    if (cls.deputy) return;
    const who = cls.owner ? quote(cls.owner.value) : 'the owner';
    ctx.report(cls.key, `class ${quote(cls.id)} has no deputy: add deputy: <contact id> (someone who can revoke when ${who} is unreachable)`);
  },
};
