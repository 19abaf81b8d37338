import { quote } from '../quote';
import type { Rule } from './rule';
import { stepsOf } from './helpers';

const WORDS = /vendor|consent/i;

export const rule: Rule = {
  id: 'kind-oauth-consent',
  defaultSeverity: 'warning',
  description: 'A third-party OAuth grant has a step that reviews consent or notifies the vendor.',
  checkClass(ctx, cls) {
    if (cls.kind?.value !== 'oauth-grant' || !cls.thirdParty) return;
    if (stepsOf(cls).some(({ step }) => step.action && WORDS.test(step.action.value))) return;
    ctx.report(
      cls.key,
      `third-party OAuth grant ${quote(cls.id)} has no step that reviews consent or notifies the vendor: add one, e.g. "Review the app's consent grants and notify the vendor"`,
    );
  },
};
