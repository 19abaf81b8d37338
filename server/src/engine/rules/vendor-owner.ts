import { quote } from '../quote';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'vendor-owner',
  defaultSeverity: 'warning',
  description: "A class's owner is an internal contact, not a vendor: the internal owner still coordinates.",
  checkClass(ctx, cls) {
    if (!cls.owner) return;
    const contact = ctx.scope.contacts.get(cls.owner.value)?.def;
    if (contact?.kind?.value !== 'vendor') return;
    ctx.report(
      cls.owner.node,
      `class ${quote(cls.id)} is owned by vendor ${quote(contact.id)}: make an internal team the owner (the business impact sits with you) and involve the vendor in the steps`,
    );
  },
};
