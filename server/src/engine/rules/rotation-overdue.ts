import { quote } from '../quote';
import { formatDay, isOverdue, parseDate, parseDuration } from '../time';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'rotation-overdue',
  defaultSeverity: 'warning',
  description: "A class's last rotation is within its rotation_interval.",
  checkClass(ctx, cls) {
    const lc = cls.lifecycle;
    if (!lc?.lastRotated || !lc.rotationInterval) return;
    const day = parseDate(lc.lastRotated.value);
    const interval = parseDuration(lc.rotationInterval.value);
    if (day === undefined || interval === undefined || !isOverdue(day, interval, ctx.today)) return;
    ctx.report(
      lc.lastRotated.node,
      `class ${quote(cls.id)} was due for rotation on ${formatDay(day + Math.floor(interval / 1440))} (last rotated ${lc.lastRotated.value}, every ${lc.rotationInterval.value}): rotate it and update last_rotated`,
    );
  },
};
