// The response's own robots are non-human identities too (seed 002): a revocation bot holding a
// standing week-long token is exactly the kind of credential the plan exists to contain.
import type { Ref } from '../model';
import { quote } from '../quote';
import { formatMinutes, parseDuration } from '../time';
import type { Rule } from './rule';
import { forEachClassNode, stepsOf } from './helpers';

const MAX_MINUTES = 24 * 60;

export const rule: Rule = {
  id: 'automation-long-lived',
  defaultSeverity: 'warning',
  description: 'An automation contact that acts in a step holds a credential that lives at most 24h.',
  check(ctx) {
    const firstUse = new Map<string, Ref>();
    forEachClassNode(ctx, (cls) => {
      for (const { step } of stepsOf(cls)) {
        if (step.actor && !firstUse.has(step.actor.value)) firstUse.set(step.actor.value, step.actor);
      }
    });
    for (const [id, use] of firstUse) {
      const visible = ctx.scope.contacts.get(id);
      const contact = visible?.def;
      if (!visible || contact?.kind?.value !== 'automation' || !contact.credentialTtl) continue;
      const ttl = parseDuration(contact.credentialTtl.value);
      if (ttl === undefined || ttl <= MAX_MINUTES) continue;
      const message = `automation contact ${quote(id)} acts in revocation steps with a credential that lives ${formatMinutes(ttl)}: issue it short-lived credentials (credential_ttl of 24h or less), so the responder's own identity is not a standing secret`;
      // Defined here: point at its credential_ttl; imported: at its first use here.
      ctx.report(visible.uri === ctx.doc.uri ? contact.credentialTtl.node : use.node, message);
    }
  },
};
