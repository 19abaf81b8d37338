import type { Rule } from './rule';

export const rule: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The text is well-formed YAML (one finding per parser error, at its position).',
  check(ctx) {
    for (const issue of ctx.doc.parsed.issues) ctx.report(issue, issue.message);
  },
};
