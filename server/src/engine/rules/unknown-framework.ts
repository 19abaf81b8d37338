import { frameworkSuccessor, lookupFramework, suggestFramework } from '../frameworks';
import { quote } from '../quote';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'unknown-framework',
  defaultSeverity: 'error',
  description: 'Framework tags are OWASP NHI Top 10 (2025), NIST CSF 2.0 or MITRE ATLAS ids from the catalogue.',
  check(ctx) {
    const m = ctx.doc.model;
    const tagged = [...[...m.classes.values()].flatMap((c) => c.frameworks), ...[...m.drills.values()].flatMap((d) => d.frameworks)];
    for (const ref of tagged) {
      if (lookupFramework(ref.value)) continue;
      const successor = frameworkSuccessor(ref.value);
      if (successor) {
        ctx.report(ref.node, `${quote(ref.value)} is not a current tag (${successor.reason}): use ${successor.successors.join(' or ')}`);
        continue;
      }
      const near = suggestFramework(ref.value);
      const hint = near.length > 0 ? `did you mean ${near.join(' or ')}?` : 'use OWASP-NHI1..OWASP-NHI10, CSF-<CSF 2.0 subcategory> or ATLAS-<technique>';
      ctx.report(ref.node, `unknown framework tag ${quote(ref.value)}: ${hint}`);
    }
  },
};
