// The engine's own view of a YAML document: small nodes with UTF-16 offset ranges, shared by
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

/**
 * A scalar as the readers build it. What every scalar has alike (its kind, a false `block`) lives
 * on the prototype, not in each of the hundreds of thousands of scalars of a large plan; and a
 * string scalar is its own model Text (`node` is itself), so references need no wrapper object.
 */
export class Scalar implements YScalar {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly value: string | number | boolean | null,
  ) {}

  get kind(): 'scalar' {
    return 'scalar';
  }

  get block(): boolean {
    return false;
  }

  get node(): YScalar {
    return this;
  }
}

export class BlockScalar extends Scalar {
  override get block(): boolean {
    return true;
  }
}

/** A string scalar seen as a model Text: `{ value, node }` where node is the scalar itself. */
export function asText(node: YScalar): { value: string; node: YScalar } | undefined {
  return typeof node.value === 'string' && node instanceof Scalar ? (node as Scalar & { value: string }) : undefined;
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
  /** First pair for each key; duplicates are reported at parse time. */
  readonly byKey: KeyIndex;
}

/** Above this many keys a mapping gets a hash map; below, a scan over its pairs is as fast. */
const SCAN_LIMIT = 8;

/**
 * The first pair of each key of a mapping. Most mappings of a plan are small (a step, a contact,
 * an evidence item): they are looked up by scanning their pairs, and only large ones (a section
 * with hundreds of classes) get a Map. A Map per mapping was about a tenth of a large plan's
 * memory.
 */
export class KeyIndex implements Iterable<[string, YPair]> {
  private readonly index: Map<string, YPair> | undefined;

  /** `firsts`: the pairs in order, each key once (the first occurrence). */
  constructor(private readonly firsts: readonly YPair[]) {
    if (firsts.length > SCAN_LIMIT) this.index = new Map(firsts.map((p) => [p.key.value as string, p]));
  }

  get(key: string): YPair | undefined {
    if (this.index) return this.index.get(key);
    for (const pair of this.firsts) if (pair.key.value === key) return pair;
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.firsts.length;
  }

  *[Symbol.iterator](): Iterator<[string, YPair]> {
    for (const pair of this.firsts) yield [pair.key.value as string, pair];
  }
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
