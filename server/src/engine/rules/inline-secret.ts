// A plan is shared widely (repositories, CI logs, tickets): a real secret pasted into it is a leak
// of its own. The finding names the kind of secret and never repeats it.
import { findSecret } from '../secrets';
import type { YNode, YScalar } from '../yaml/tree';
import type { Rule, RuleContext } from './rule';

export const rule: Rule = {
  id: 'inline-secret',
  defaultSeverity: 'error',
  description: 'No string in the plan is a real secret: reference secrets by where they live (vault:…, a secrets-manager ARN).',
  checkClass(ctx, cls) {
    checkScalar(ctx, cls.key, undefined);
    if (cls.node) scan(ctx, cls.node, cls.id, new Set());
  },
  check(ctx) {
    const root = ctx.doc.parsed.root;
    if (!root) return;
    // Classes written as mappings are scanned by checkClass, class by class.
    const skip = new Set<YNode>();
    for (const cls of ctx.doc.model.classes.values()) if (cls.node) skip.add(cls.node);
    const classKeys = new Set<YNode>([...ctx.doc.model.classes.values()].filter((c) => c.node).map((c) => c.key));
    scan(ctx, root, undefined, skip, classKeys);
  },
};

/** Iterative walk: the tree may be deep, and aliases share subtrees (each node is visited once). */
function scan(ctx: RuleContext, root: YNode, rootKey: string | undefined, seen: Set<YNode>, skipKeys?: Set<YNode>): void {
  const stack: { node: YNode; key?: string }[] = [{ node: root, key: rootKey }];
  while (stack.length > 0) {
    const { node, key } = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'scalar') {
      if (typeof node.value === 'string') checkScalar(ctx, node, key);
    } else if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (typeof pair.key.value === 'string' && !skipKeys?.has(pair.key)) checkScalar(ctx, pair.key, undefined);
        if (pair.value) stack.push({ node: pair.value, key: String(pair.key.value) });
      }
    } else {
      for (const item of node.items) stack.push({ node: item, key });
    }
  }
}

function checkScalar(ctx: RuleContext, node: YScalar, key: string | undefined): void {
  const value = node.value as string;
  const match = findSecret(value, key === undefined ? undefined : { key });
  if (!match) return;
  ctx.report(secretLine(ctx, node, value.slice(match.start, match.end)), `this ${match.kind} looks like a real secret written into the plan: revoke and rotate it now (it is exposed wherever this file went), then reference it by location instead (e.g. vault:kv/path or an ARN)`);
}

/**
 * The range to report: the scalar itself when it sits on one line; in a block scalar (or any
 * multi-line value) the source line where the secret starts. A secret has no spaces, so folding
 * never splits it: its text appears verbatim in the source, and is only used here to find it.
 */
function secretLine(ctx: RuleContext, node: YScalar, secret: string): { start: number; end: number } {
  const text = ctx.doc.text;
  const newline = text.indexOf('\n', node.start);
  if (!node.block && (newline < 0 || newline >= node.end)) return node;
  const at = text.indexOf(secret, node.start);
  const start = at >= 0 && at < node.end ? at : node.start;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let contentStart = lineStart;
  while (text[contentStart] === ' ' || text[contentStart] === '\t') contentStart++;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0 || lineEnd > node.end) lineEnd = Math.min(node.end, lineEnd < 0 ? text.length : lineEnd);
  if (text[lineEnd - 1] === '\r') lineEnd--;
  return { start: contentStart, end: Math.max(lineEnd, contentStart + 1) };
}
