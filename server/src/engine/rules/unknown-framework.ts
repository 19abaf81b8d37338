import { frameworkSuccessor, lookupFramework, suggestFramework } from '../frameworks';
import { quote } from '../quote';
import type { Ref } from '../model';
import type { Rule, RuleContext } from './rule';

export const rule: Rule = {
  id: 'unknown-framework',
  defaultSeverity: 'error',
  description: 'Framework tags are OWASP NHI Top 10 (2025), NIST CSF 2.0 or MITRE ATLAS ids from the catalogue.',
  checkClass(ctx, cls) {
    cls.frameworks.forEach((ref) => checkTag(ctx, ref));
  },
  check(ctx) {
    for (const drill of ctx.doc.model.drills.values()) drill.frameworks.forEach((ref) => checkTag(ctx, ref));
  },
};

function checkTag(ctx: RuleContext, ref: Ref): void {
  if (lookupFramework(ref.value)) return;
  const successor = frameworkSuccessor(ref.value);
  if (successor) {
    ctx.report(ref.node, `${quote(ref.value)} is not a current tag (${successor.reason}): use ${successor.successors.join(' or ')}`);
    return;
  }
  const near = suggestFramework(ref.value);
  const hint = near.length > 0 ? `did you mean ${near.join(' or ')}?` : 'use OWASP-NHI1..OWASP-NHI10, CSF-<CSF 2.0 subcategory> or ATLAS-<technique>';
  ctx.report(ref.node, `unknown framework tag ${quote(ref.value)}: ${hint}`);
}
