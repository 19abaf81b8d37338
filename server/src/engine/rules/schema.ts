import { checkClassSchema, checkSchemaOutsideClasses } from '../schema';
import type { Rule } from './rule';
import { toJson, type YNode } from '../yaml/tree';

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
    // Classes are checked one by one (checkClass): here each stands in as an empty mapping.
    const classNodes = new Set<YNode>();
    for (const cls of ctx.doc.model.classes.values()) if (cls.node) classNodes.add(cls.node);
    const json = toJson(root, (node) => (classNodes.has(node) ? {} : undefined));
    if (root !== null && root.kind !== 'map') {
      ctx.report({ start: root.start, end: root.start + 1 }, 'the top level of a plan must be a mapping (irplan: "1", plan: …, credential_classes: …), not a list or a single value');
      return;
    }
    for (const problem of checkSchemaOutsideClasses(root, json)) ctx.report(problem, problem.message);
  },
  checkClass(ctx, cls) {
    const root = ctx.doc.parsed.root;
    if (!root || !cls.node) return;
    for (const problem of checkClassSchema(root, cls.id, toJson(cls.node))) ctx.report(problem, problem.message);
  },
};
