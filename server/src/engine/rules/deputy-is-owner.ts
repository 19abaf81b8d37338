import type { Rule } from './rule';
import { quote } from '../quote';

export const rule: Rule = {
  id: 'deputy-is-owner',
  defaultSeverity: 'error',
  description: "A class's deputy is a different contact from its owner.",
  checkClass(ctx, cls) {
    if (!cls.owner || !cls.deputy || cls.owner.value !== cls.deputy.value) return;
    ctx.report(
      cls.deputy.node,
      `the deputy of class ${quote(cls.id)} is its owner ${quote(cls.owner.value)}: name a different contact, who can revoke when the owner is unreachable`,
    );
  },
};
