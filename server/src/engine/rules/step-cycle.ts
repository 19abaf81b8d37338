import { quote } from '../quote';
import { buildStepGraph, findCycles } from '../stepGraph';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'step-cycle',
  defaultSeverity: 'error',
  description: 'The `after` order of a revocation has no cycle: otherwise no step of it can ever start.',
  checkClass(ctx, cls) {
    const steps = cls.revocation?.steps ?? [];
    for (const ref of findCycles(buildStepGraph(steps))) {
      ctx.report(
        ref.node,
        `the revocation steps of class ${quote(cls.id)} wait on each other in a cycle through ${quote(ref.value)}: remove this "after" entry or reorder the steps so one can start first`,
      );
    }
  },
};
