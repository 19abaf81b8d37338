import { CONTACT_CHANNELS } from '../model';
import { quote } from '../quote';
import type { Rule } from './rule';

const REACHABLE_KINDS = new Set(['team', 'person', 'vendor']);

export const rule: Rule = {
  id: 'contact-unreachable',
  defaultSeverity: 'warning',
  description: 'A team, person or vendor contact has at least one reach channel (page, email, chat, phone).',
  check(ctx) {
    for (const contact of ctx.doc.model.contacts.values()) {
      if (!contact.node || !contact.kind || !REACHABLE_KINDS.has(contact.kind.value) || contact.channels.length > 0) continue;
      ctx.report(contact.key, `${contact.kind.value} contact ${quote(contact.id)} has no way to reach it: add one of ${CONTACT_CHANNELS.join(', ')} (e.g. page: pagerduty:PXXXX)`);
    }
  },
};
