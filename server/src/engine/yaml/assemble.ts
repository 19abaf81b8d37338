// Builds YMap/YSeq/YScalar nodes the same way for both readers (the fast block scanner and the
// `yaml` package's document), so the two produce identical trees: duplicate keys reported once
// at the second key, keys turned into strings, `__proto__` stored as data, and collection ends
// taken from their last child (or the closing bracket of a flow collection).
import { LineIndex } from '../text/lineIndex';
import { quote } from '../quote';
import { BlockScalar, KeyIndex, Scalar, type YMap, type YNode, type YPair, type YScalar, type YSeq } from './tree';

export interface SyntaxIssue {
  message: string;
  start: number;
  end: number;
}

/** Strings up to this length are shared between nodes (keys, ids, durations, actors). */
const INTERN_LENGTH = 32;

export class Assembler {
  private lines: LineIndex | undefined;
  /**
   * One copy of each short string: a plan repeats the same keys and ids thousands of times, and a
   * short slice of the text is a fresh copy each time (a tenth of a large plan's memory).
   */
  private readonly strings = new Map<string, string>();

  constructor(
    private readonly text: string,
    readonly issues: SyntaxIssue[],
  ) {}

  scalar(value: YScalar['value'], start: number, end: number, block = false): YScalar {
    const v = typeof value === 'string' ? this.intern(value) : value;
    return block ? new BlockScalar(start, Math.max(start, end), v) : new Scalar(start, Math.max(start, end), v);
  }

  private intern(value: string): string {
    if (value.length > INTERN_LENGTH) return value;
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared;
    this.strings.set(value, value);
    return value;
  }

  /** An empty value (`- ` with nothing after it): a null scalar just after its dash. */
  emptyItem(dashOffset: number): YScalar {
    return this.scalar(null, dashOffset + 1, dashOffset + 1);
  }

  /** Keys are strings: `1:` is "1", `true:` is "true", `null:` and `~:` are "". */
  key(value: YScalar['value'], start: number, end: number): YScalar {
    return this.scalar(value === null ? '' : String(value), start, end);
  }

  map(start: number, pairs: YPair[], flowEnd?: number): YMap {
    // The first pair of each key; a later duplicate is reported. Small mappings are checked by a
    // scan, large ones with a set, so that reading a big plan makes no garbage per mapping.
    let firsts: YPair[] = pairs;
    const seen = pairs.length > 8 ? new Map<string, YPair>() : undefined;
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i];
      const name = pair.key.value as string;
      const first = seen ? seen.get(name) : firstWithKey(pairs, name, i);
      if (first) {
        this.issues.push({
          message: `duplicate key ${quote(name)} (first on line ${this.lineOf(first.key.start)}): YAML keeps only one of them; remove or rename this one`,
          start: pair.key.start,
          end: pair.key.end,
        });
        if (firsts === pairs) firsts = pairs.slice(0, i);
        continue;
      }
      seen?.set(name, pair);
      if (firsts !== pairs) firsts.push(pair);
    }
    const last = pairs[pairs.length - 1];
    const end = flowEnd ?? (last ? (last.value ?? last.key).end : start);
    return { kind: 'map', start, end, pairs, byKey: new KeyIndex(firsts) };
  }

  seq(start: number, items: YNode[], flowEnd?: number): YSeq {
    const end = flowEnd ?? (items.length > 0 ? items[items.length - 1].end : start);
    return { kind: 'seq', start, end, items };
  }

  lineOf(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset).line + 1;
  }
}

/** The first of `pairs[0..before)` whose key is `name`. */
function firstWithKey(pairs: readonly YPair[], name: string, before: number): YPair | undefined {
  for (let j = 0; j < before; j++) if (pairs[j].key.value === name) return pairs[j];
  return undefined;
}
