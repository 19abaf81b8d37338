// The engine's own view of a YAML document: plain nodes with UTF-16 offset ranges, shared by
// every later step (schema, model, rules, editor features). The plain JavaScript value that the
// JSON Schema validates is made on demand (toJson), for the part that needs it, and not kept:
// a large plan would otherwise hold its whole content twice.

export type YNode = YScalar | YMap | YSeq;

export interface YScalar {
  readonly kind: 'scalar';
  readonly start: number;
  readonly end: number;
  /** The resolved value (YAML 1.2 core schema: strings, numbers, booleans, null). */
  readonly value: string | number | boolean | null;
  /** A block scalar (`|` or `>`) spans several lines; findings in it point at a line. */
  readonly block: boolean;
}

export interface YPair {
  readonly key: YScalar;
  /** null for `key:` with nothing after it. */
  readonly value: YNode | null;
}

export interface YMap {
  readonly kind: 'map';
  readonly start: number;
  readonly end: number;
  readonly pairs: YPair[];
  /** First pair for each key, in a map for O(1) look-ups; duplicates are reported at parse time. */
  readonly byKey: Map<string, YPair>;
}

export interface YSeq {
  readonly kind: 'seq';
  readonly start: number;
  readonly end: number;
  readonly items: YNode[];
}

/**
 * The plain value of a node, as JSON Schema sees it: maps become objects (first occurrence of a
 * duplicate key wins; `__proto__` is stored as data, never as a prototype), lists arrays.
 * `replace` may stand in for a subtree (e.g. a class checked on its own).
 */
export function toJson(node: YNode | null | undefined, replace?: (node: YNode) => unknown): unknown {
  if (!node) return null;
  if (replace) {
    const stand = replace(node);
    if (stand !== undefined) return stand;
  }
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map((item) => toJson(item, replace));
  const json: Record<string, unknown> = {};
  for (const [key, pair] of node.byKey) {
    Object.defineProperty(json, key, { value: toJson(pair.value, replace), enumerable: true, writable: true, configurable: true });
  }
  return json;
}

/** @deprecated name kept for callers: the plain value of a node. */
export const jsonOf = (node: YNode | null | undefined): unknown => toJson(node);

export function isMap(node: YNode | null | undefined): node is YMap {
  return node?.kind === 'map';
}

export function isSeq(node: YNode | null | undefined): node is YSeq {
  return node?.kind === 'seq';
}

export function isScalar(node: YNode | null | undefined): node is YScalar {
  return node?.kind === 'scalar';
}

export function pairOf(map: YMap | null | undefined, key: string): YPair | undefined {
  return map?.byKey.get(key);
}

export function valueOf(map: YMap | null | undefined, key: string): YNode | null | undefined {
  return map?.byKey.get(key)?.value;
}

/** The value of `key` when it is a string scalar. */
export function stringAt(map: YMap | null | undefined, key: string): YScalar | undefined {
  const value = valueOf(map, key);
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value : undefined;
}

/**
 * The node at a JSON pointer's segments (as ajv reports instancePath), with the pair whose value
 * it is when it sits in a map, so callers can point at the key of a mapping that lacks something.
 */
export function nodeAtPath(root: YNode | null, segments: readonly string[]): { node: YNode | null; pair?: YPair } {
  let node: YNode | null = root;
  let pair: YPair | undefined;
  for (const segment of segments) {
    if (!node) break;
    if (node.kind === 'map') {
      pair = node.byKey.get(segment);
      if (!pair) return { node: null };
      node = pair.value;
    } else if (node.kind === 'seq') {
      const item: YNode | undefined = node.items[Number(segment)];
      if (!item) return { node: null };
      node = item;
      pair = undefined;
    } else {
      return { node: null };
    }
  }
  return { node, pair };
}
