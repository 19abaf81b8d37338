import { formatDay, isOverdue, parseDate, parseDuration } from '../time';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'stale-review',
  defaultSeverity: 'warning',
  description: 'The plan was reviewed within its review_interval.',
  check(ctx) {
    const plan = ctx.doc.model.plan;
    if (!plan?.lastReviewed || !plan.reviewInterval) return;
    const day = parseDate(plan.lastReviewed.value);
    const interval = parseDuration(plan.reviewInterval.value);
    if (day === undefined || interval === undefined || !isOverdue(day, interval, ctx.today)) return;
    ctx.report(
      plan.lastReviewed.node,
      `the plan's review was due ${formatDay(day + Math.floor(interval / 1440))} (last reviewed ${plan.lastReviewed.value}, every ${plan.reviewInterval.value}): review owners, contacts and targets, then update last_reviewed`,
    );
  },
};
