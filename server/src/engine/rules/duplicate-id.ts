// Ids are how responders and the simulator find things: two steps of one class with the same id,
// or a document that redefines an id its imports already define, make every reference ambiguous.
import type { Text } from '../model';
import { quote } from '../quote';
import type { Rule } from './rule';
import { stepsOf } from './helpers';

export const rule: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'Step ids are unique within a class, evidence ids too, and no document redefines an id its imports define.',
  checkClass(ctx, cls) {
    const name = quote(cls.id);
    const seen = new Map<string, string>();
    for (const { step, list } of stepsOf(cls)) {
      if (!step.id) continue;
      reportRepeat(seen, step.id, list === 'revocation' ? 'a revocation step' : 'a rollback step', (first) =>
        ctx.report(step.id!.node, `class ${name} already has a step ${quote(step.id!.value)} (${first}): give each step of a class its own id`),
      );
    }
    const evidence = new Map<string, string>();
    for (const item of cls.evidence ?? []) {
      if (!item.id) continue;
      reportRepeat(evidence, item.id, 'an evidence item', () =>
        ctx.report(item.id!.node, `class ${name} already has an evidence item ${quote(item.id!.value)}: give each evidence item its own id`),
      );
    }
  },
  check(ctx) {
    for (const r of ctx.scope.redefinitions) {
      ctx.report(r.at, `${r.kind} ${quote(r.id)} is defined both here and in ${quote(baseName(r.otherUri))}: keep one definition (imports share one set of ids)`);
    }
  },
};

function reportRepeat(seen: Map<string, string>, id: Text, what: string, report: (first: string) => void): void {
  const first = seen.get(id.value);
  if (first) report(first);
  else seen.set(id.value, what);
}

function baseName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
