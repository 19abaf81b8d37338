// The engine's own view of a YAML document: plain nodes with UTF-16 offset ranges and, on each
// node, the plain JavaScript value that the JSON Schema validates. Built in one pass from the
// `yaml` package's document so every later step (schema, model, rules, editor features) shares it.

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
  readonly json: Record<string, unknown>;
}

export interface YSeq {
  readonly kind: 'seq';
  readonly start: number;
  readonly end: number;
  readonly items: YNode[];
  readonly json: unknown[];
}

export function jsonOf(node: YNode | null | undefined): unknown {
  if (!node) return null;
  return node.kind === 'scalar' ? node.value : node.json;
}

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
