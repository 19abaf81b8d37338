import { checkClassSchema, checkSchemaOutsideClasses } from '../schema';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'Every value fits the JSON Schema: types, known keys, enums, durations, dates and ids.',
  check(ctx) {
    const root = ctx.doc.parsed.root;
    if (root === null && ctx.doc.parsed.issues.length === 0) {
      ctx.report({ start: 0, end: 0 }, 'the document is empty: a plan starts with irplan: "1", plan: and credential_classes: (irplan init writes a complete example)');
      return;
    }
    const json = root === null ? null : root.kind === 'scalar' ? root.value : root.json;
    if (root !== null && root.kind !== 'map') {
      ctx.report({ start: root.start, end: root.start + 1 }, 'the top level of a plan must be a mapping (irplan: "1", plan: …, credential_classes: …), not a list or a single value');
      return;
    }
    for (const problem of checkSchemaOutsideClasses(root, json)) ctx.report(problem, problem.message);
  },
  checkClass(ctx, cls) {
    const root = ctx.doc.parsed.root;
    if (!root || !cls.node) return;
    for (const problem of checkClassSchema(root, cls.id, cls.node.json)) ctx.report(problem, problem.message);
  },
};
