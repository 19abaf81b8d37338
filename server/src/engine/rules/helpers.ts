// Small helpers the rules share: iterating classes and steps, and "did you mean" suggestions.
import type { CredentialClass, Step } from '../model';
import type { RuleContext } from './rule';

/** Classes whose value is a mapping (a class written as something else is a schema finding). */
export function forEachClassNode(ctx: RuleContext, visit: (cls: CredentialClass) => void): void {
  for (const cls of ctx.doc.model.classes.values()) if (cls.node) visit(cls);
}

/** Revocation and rollback steps of a class, with the list each comes from. */
export function stepsOf(cls: CredentialClass): { step: Step; list: 'revocation' | 'rollback' }[] {
  return [
    ...(cls.revocation?.steps ?? []).map((step) => ({ step, list: 'revocation' as const })),
    ...(cls.rollback?.steps ?? []).map((step) => ({ step, list: 'rollback' as const })),
  ];
}

const ID = /^[a-z][a-z0-9-]{0,63}$/;

/** Whether a value is written as an id (section 1); other values are schema findings. */
export function isId(value: string): boolean {
  return ID.test(value);
}

/** The closest candidates by edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(word, c);
    if (d <= limit) scored.push({ c, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c)).slice(0, max).map((s) => s.c);
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const near = closest(word, candidates);
  return near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : '';
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
