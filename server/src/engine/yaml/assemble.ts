// Builds YMap/YSeq/YScalar nodes the same way for both readers (the fast block scanner and the
// `yaml` package's document), so the two produce identical trees: duplicate keys reported once
// at the second key, keys turned into strings, `__proto__` stored as data, and collection ends
// taken from their last child (or the closing bracket of a flow collection).
import { LineIndex } from '../text/lineIndex';
import { quote } from '../quote';
import type { YMap, YNode, YPair, YScalar, YSeq } from './tree';

export interface SyntaxIssue {
  message: string;
  start: number;
  end: number;
}

export class Assembler {
  private lines: LineIndex | undefined;

  constructor(
    private readonly text: string,
    readonly issues: SyntaxIssue[],
  ) {}

  scalar(value: YScalar['value'], start: number, end: number, block = false): YScalar {
    return { kind: 'scalar', start, end: Math.max(start, end), value, block };
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
    const byKey = new Map<string, YPair>();
    const kept: YPair[] = [];
    for (const pair of pairs) {
      kept.push(pair);
      const name = pair.key.value as string;
      const first = byKey.get(name);
      if (first) {
        this.issues.push({
          message: `duplicate key ${quote(name)} (first on line ${this.lineOf(first.key.start)}): YAML keeps only one of them; remove or rename this one`,
          start: pair.key.start,
          end: pair.key.end,
        });
        continue;
      }
      byKey.set(name, pair);
    }
    const last = kept[kept.length - 1];
    const end = flowEnd ?? (last ? (last.value ?? last.key).end : start);
    return { kind: 'map', start, end, pairs: kept, byKey };
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

