import { quote } from '../quote';
import type { Rule } from './rule';
import { stepsOf } from './helpers';

export const rule: Rule = {
  id: 'high-impact-unapproved',
  defaultSeverity: 'warning',
  description: 'A step with impact: high has an approval gate (its own, or the revocation approval).',
  checkClass(ctx, cls) {
    const revocationApproval = cls.revocation?.approval?.value ?? 'none';
    for (const { step } of stepsOf(cls)) {
      if (step.impact?.value !== 'high') continue;
      const own = step.approval?.value ?? 'none';
      if (own !== 'none' || revocationApproval !== 'none') continue;
      const id = step.id ? ` ${quote(step.id.value)}` : '';
      ctx.report(
        step.impact.node,
        `step${id} of class ${quote(cls.id)} has high impact but no approval gate: add approval: owner, deputy or incident-lead to the step (or to the revocation)`,
      );
    }
  },
};
