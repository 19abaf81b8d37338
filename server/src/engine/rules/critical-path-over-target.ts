import { quote } from '../quote';
import { simulateRevocation } from '../simulate';
import { formatMinutes, parseDuration } from '../time';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'critical-path-over-target',
  defaultSeverity: 'warning',
  description: 'With everyone available, the revocation steps finish within revocation.target.',
  checkClass(ctx, cls) {
    const incidentLead = ctx.doc.model.plan?.incidentLead?.value;
    const target = cls.revocation?.target;
    const t = target && parseDuration(target.value);
    if (!target || t === undefined) return;
    // Everyone available: no handoffs, approvals cost nothing (section 9).
    const schedule = simulateRevocation({ cls, incidentLead, unavailable: new Set(), handoff: 0 });
    const ttc = schedule.timeToContain;
    if (ttc === null || ttc <= t) return;
    const last = schedule.steps.reduce((a, b) => ((b.end ?? 0) > (a.end ?? 0) ? b : a));
    ctx.report(
      target.node,
      `the revocation steps of class ${quote(cls.id)} take ${formatMinutes(ttc)} even with everyone available (ending with ${quote(last.id)}), over the target ${formatMinutes(t)}: run steps in parallel (after: [...]), automate one, or raise the target`,
    );
  },
};
