// A fast reader for the block-YAML subset that plans are written in: block mappings and
// sequences, one-line plain and quoted scalars, one-line flow lists and mappings of scalars,
// comments. It builds exactly the tree the `yaml` package path builds (a differential property
// test holds it to that) at a fraction of the cost, which is what lets a 320,000-line plan be
// validated faster than the library alone parses it.
//
// It accepts only what it fully understands. Anything else — anchors, aliases, tags, block
// scalars, multi-line scalars, tabs, directives, a byte-order mark, a second document, any
// indentation it cannot place — returns undefined, and the caller reads the text with the `yaml`
// package instead, which also owns every syntax error message.
import type { Assembler } from './assemble';
import { MAX_DEPTH } from './limits';
import type { YNode, YPair, YScalar } from './tree';

export interface Line {
  /** Column of the first content character (it may be moved right for `- key: value`). */
  indent: number;
  /** Offset of the first content character. */
  start: number;
  /** Offset of the end of the content (before the line break). */
  end: number;
  /** Offset just past the line break. */
  next: number;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

export function readBlockYaml(text: string, build: Assembler): YNode | null | undefined {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  const lines = contentLines(text);
  if (lines === undefined) return undefined;
  if (lines.length === 0) return null;
  const reader = new BlockReader(text, lines, build);
  try {
    return reader.document();
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

/** Whether the text is one the fast reader may take at all (no tabs, BOM or lone CR). */
export function fastReadable(text: string): boolean {
  return !(text.includes('\t') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text));
}

/**
 * One mapping entry (`key: ...` at `indent` with everything nested under it) from the content
 * lines [from, to), as the whole-document reader would build it at that nesting depth; undefined
 * when the lines are not exactly one such entry. Lets unchanged entries be reused between
 * versions of a document (yaml/chunked.ts).
 */
export function readEntry(text: string, lines: Line[], from: number, to: number, indent: number, depth: number, build: Assembler): YPair | undefined {
  const part = lines.slice(from, to);
  if (part.length === 0 || part[0].indent !== indent) return undefined;
  const reader = new BlockReader(text, part, build, depth);
  try {
    const map = reader.entryMap(indent);
    return map.kind === 'map' && map.pairs.length === 1 ? map.pairs[0] : undefined;
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

/**
 * The content lines of a text in flat arrays (blank and comment-only lines skipped, one leading
 * `---` allowed; undefined for other document markers and directives). Flat, because a large plan
 * has hundreds of thousands of lines and only the parts being read need line objects.
 */
export interface LineTable {
  count: number;
  indent: Int32Array;
  start: Int32Array;
  end: Int32Array;
  next: Int32Array;
}

export function scanLines(text: string): LineTable | undefined {
  let capacity = 1;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) capacity++;
  const table: LineTable = { count: 0, indent: new Int32Array(capacity), start: new Int32Array(capacity), end: new Int32Array(capacity), next: new Int32Array(capacity) };
  let offset = 0;
  let first = true;
  while (offset < text.length) {
    let lineEnd = text.indexOf('\n', offset);
    const next = lineEnd < 0 ? text.length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = text.length;
    let end = lineEnd;
    if (end > offset && text.charCodeAt(end - 1) === 13) end--;
    let start = offset;
    while (start < end && text.charCodeAt(start) === 32) start++;
    if (start < end && text.charCodeAt(start) !== 35 /* # */) {
      const c = text.charCodeAt(start);
      if (start === offset && (c === 37 /* % */ || text.startsWith('---', start) || text.startsWith('...', start))) {
        const marker = text.slice(start, end).replace(/\s+#.*$/, '').trimEnd();
        if (!(first && marker === '---')) return undefined;
      } else {
        const n = table.count++;
        table.indent[n] = start - offset;
        table.start[n] = start;
        table.end[n] = end;
        table.next[n] = next;
      }
      first = false;
    }
    offset = next;
  }
  return table;
}

/** Line objects for the content lines [from, to) of a table. */
export function lineObjects(lines: LineTable, from = 0, to = lines.count): Line[] {
  const result: Line[] = [];
  for (let k = from; k < to; k++) result.push({ indent: lines.indent[k], start: lines.start[k], end: lines.end[k], next: lines.next[k] });
  return result;
}

/** Lines with content, skipping blank and comment-only lines and one leading `---`. */
export function contentLines(text: string): Line[] | undefined {
  const table = scanLines(text);
  return table && lineObjects(table);
}

const INDICATOR = new Set('&*!|>%@`#,[]{}\'"?:'.split(''));

class BlockReader {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
    private readonly build: Assembler,
    /** Nesting depth of the first line, when reading a part of a document. */
    private depth = 0,
  ) {}

  /** The lines as one mapping at `indent`, all of them consumed. */
  entryMap(indent: number): YNode {
    const map = this.map(indent);
    if (this.i < this.lines.length) bail();
    return map;
  }

  document(): YNode {
    if (this.lines[0].indent !== 0) bail();
    const root = this.node(this.lines[0]);
    if (this.i < this.lines.length) bail(); // something the structure does not account for
    return root;
  }

  /** Deep nesting is for the library path, which measures it before recursing and reports it. */
  private node(line: Line): YNode {
    if (++this.depth > MAX_DEPTH) bail();
    const node = this.isSeqItem(line) ? this.seq(line.indent) : this.map(line.indent);
    this.depth--;
    return node;
  }

  private isSeqItem(line: Line): boolean {
    if (this.text.charCodeAt(line.start) !== 45 /* - */) return false;
    const after = line.start + 1;
    return after === line.end || this.text.charCodeAt(after) === 32;
  }

  private map(indent: number): YNode {
    const pairs: YPair[] = [];
    const start = this.lines[this.i].start;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent || this.isSeqItem(line)) bail();
      const { key, valueStart } = this.keyOf(line);
      this.i++;
      let value: YNode | null;
      if (valueStart === undefined) {
        const next = this.lines[this.i];
        if (next && next.indent > indent) value = this.node(next);
        else if (next && next.indent === indent && this.isSeqItem(next)) value = this.seq(indent);
        else value = null;
      } else {
        value = this.inlineValue(valueStart, line.end);
      }
      pairs.push({ key, value });
    }
    return this.build.map(start, pairs);
  }

  private seq(indent: number): YNode {
    const items: YNode[] = [];
    const start = this.lines[this.i].start;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent || !this.isSeqItem(line)) {
        if (line.indent === indent) break; // a key of the parent mapping after `key:\n- item` lists
        bail();
      }
      const dash = line.start;
      let content = dash + 1;
      while (content < line.end && this.text.charCodeAt(content) === 32) content++;
      if (content === line.end || this.text.charCodeAt(content) === 35 /* # */) {
        this.i++;
        const next = this.lines[this.i];
        items.push(next && next.indent > indent ? this.node(next) : this.build.emptyItem(dash));
        continue;
      }
      if (this.isSeqItemAt(content, line.end)) bail(); // `- - x`: compact nested lists
      if (this.looksLikeKey(content, line.end)) {
        // `- key: value`: a mapping whose keys sit at this column; re-read the line from there.
        const column = line.indent + (content - dash);
        this.lines[this.i] = { indent: column, start: content, end: line.end, next: line.next };
        items.push(this.map(column));
        continue;
      }
      this.i++;
      items.push(this.inlineValue(content, line.end));
    }
    return this.build.seq(start, items);
  }

  private isSeqItemAt(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 45 && (at + 1 === end || this.text.charCodeAt(at + 1) === 32);
  }

  /** A plain key followed by `:` and a space or the end of the line, before any comment. */
  private looksLikeKey(at: number, end: number): boolean {
    if (INDICATOR.has(this.text[at]) || this.isSeqItemAt(at, end)) return false; // inlineValue decides
    return this.keyColon(at, end) >= 0;
  }

  /** Offset of the `:` that ends a plain key on this line, or -1. */
  private keyColon(at: number, end: number): number {
    const t = this.text;
    for (let k = at; k < end; k++) {
      const c = t.charCodeAt(k);
      if (c === 58 /* : */ && (k + 1 === end || t.charCodeAt(k + 1) === 32)) return k;
      if (c === 35 /* # */ && t.charCodeAt(k - 1) === 32) return -1;
    }
    return -1;
  }

  private keyOf(line: Line): { key: YScalar; valueStart?: number } {
    const t = this.text;
    const first = t[line.start];
    if (INDICATOR.has(first) || (first === '-' && this.isSeqItem(line))) bail();
    const colon = this.keyColon(line.start, line.end);
    if (colon < 0) bail();
    let keyEnd = colon;
    while (keyEnd > line.start && t.charCodeAt(keyEnd - 1) === 32) keyEnd--;
    if (keyEnd === line.start) bail();
    const raw = t.slice(line.start, keyEnd);
    if (!plainInBlock(raw)) bail();
    const key = this.build.key(resolvePlain(raw), line.start, keyEnd);
    let v = colon + 1;
    while (v < line.end && t.charCodeAt(v) === 32) v++;
    if (v === line.end || (t.charCodeAt(v) === 35 && v > colon + 1)) return { key };
    return { key, valueStart: v };
  }

  /** A value written on the key's (or dash's) line: a scalar or a one-line flow collection. */
  private inlineValue(at: number, end: number): YNode {
    const t = this.text;
    const c = t[at];
    if (c === '[' || c === '{') {
      const flow = new FlowReader(t, at, end, this.build);
      const node = flow.collection();
      flow.expectEnd();
      return node;
    }
    if (c === '"' || c === "'") {
      const q = quoted(t, at, end, this.build);
      trailingCommentOnly(t, q.end, end);
      return q;
    }
    if (INDICATOR.has(c) || (c === '-' && (at + 1 === end || t.charCodeAt(at + 1) === 32))) bail();
    let stop = end;
    for (let k = at + 1; k < end; k++) {
      if (t.charCodeAt(k) === 35 && t.charCodeAt(k - 1) === 32) {
        stop = k;
        break;
      }
    }
    while (stop > at && t.charCodeAt(stop - 1) === 32) stop--;
    const raw = t.slice(at, stop);
    if (!plainInBlock(raw)) bail();
    return this.build.scalar(resolvePlain(raw), at, stop);
  }
}

/** One-line flow collections of scalars: `[a, "b", c]`, `{owner: x, description: y}`. */
class FlowReader {
  private k: number;

  constructor(
    private readonly t: string,
    at: number,
    private readonly end: number,
    private readonly build: Assembler,
  ) {
    this.k = at;
  }

  collection(): YNode {
    const open = this.t[this.k];
    const start = this.k;
    this.k++;
    const closing = open === '[' ? ']' : '}';
    const items: YNode[] = [];
    const pairs: YPair[] = [];
    this.skipSpaces();
    while (this.t[this.k] !== closing) {
      if (this.k >= this.end) bail();
      if (open === '[') {
        items.push(this.scalar());
      } else {
        const key = this.scalar();
        if (key.kind !== 'scalar' || this.t[this.k] !== ':' || this.t[this.k + 1] !== ' ') bail();
        this.k += 2;
        this.skipSpaces();
        if (this.t[this.k] === ',' || this.t[this.k] === '}') bail();
        pairs.push({ key: this.build.key(key.value, key.start, key.end), value: this.scalar() });
      }
      this.skipSpaces();
      if (this.t[this.k] === ',') {
        this.k++;
        this.skipSpaces();
        if (this.t[this.k] === ',') bail();
      } else if (this.t[this.k] !== closing) {
        bail();
      }
    }
    this.k++;
    return open === '[' ? this.build.seq(start, items, this.k) : this.build.map(start, pairs, this.k);
  }

  expectEnd(): void {
    trailingCommentOnly(this.t, this.k, this.end);
  }

  private skipSpaces(): void {
    while (this.k < this.end && this.t.charCodeAt(this.k) === 32) this.k++;
  }

  private scalar(): YScalar {
    const c = this.t[this.k];
    if (c === '"' || c === "'") {
      const q = quoted(this.t, this.k, this.end, this.build);
      this.k = q.end;
      return q;
    }
    const start = this.k;
    while (this.k < this.end) {
      const ch = this.t[this.k];
      if (ch === ',' || ch === ']' || ch === '}' || ch === '[' || ch === '{') break;
      if (ch === ':' && (this.t[this.k + 1] === ' ' || this.t[this.k + 1] === ',' || this.t[this.k + 1] === '}' || this.t[this.k + 1] === ']')) break;
      if (ch === '#' && this.t[this.k - 1] === ' ') bail();
      this.k++;
    }
    let stop = this.k;
    while (stop > start && this.t.charCodeAt(stop - 1) === 32) stop--;
    if (stop === start) bail();
    const raw = this.t.slice(start, stop);
    if (INDICATOR.has(raw[0]) || raw[0] === '-' && (raw.length === 1 || raw[1] === ' ')) bail();
    return this.build.scalar(resolvePlain(raw), start, stop);
  }
}

/** A one-line quoted scalar; double quotes only without escapes (those go to the library). */
function quoted(t: string, at: number, end: number, build: Assembler): YScalar {
  const q = t[at];
  let k = at + 1;
  let value = '';
  for (;;) {
    const close = t.indexOf(q, k);
    if (close < 0 || close >= end) bail();
    if (q === '"') {
      if (t.indexOf('\\', k) >= 0 && t.indexOf('\\', k) < close) bail();
      value += t.slice(k, close);
      k = close + 1;
      break;
    }
    value += t.slice(k, close);
    if (t[close + 1] === "'") {
      value += "'";
      k = close + 2;
      continue;
    }
    k = close + 1;
    break;
  }
  return build.scalar(value, at, k);
}

function trailingCommentOnly(t: string, from: number, end: number): void {
  let k = from;
  while (k < end && t.charCodeAt(k) === 32) k++;
  if (k === end) return;
  if (t.charCodeAt(k) === 35 && k > from) return;
  bail();
}

/** A plain scalar the block context allows on one line: no `: ` inside, no trailing `:`. */
function plainInBlock(raw: string): boolean {
  return !raw.includes(': ') && !raw.endsWith(':') && !raw.includes(' #');
}

/** YAML 1.2 core schema, as the `yaml` package resolves it (null, booleans, numbers, strings). */
export function resolvePlain(raw: string): YScalar['value'] {
  const c = raw.charCodeAt(0);
  // Fast exit: most plan values start with a letter that cannot begin null, a boolean or a number.
  if (c > 57 && c !== 70 && c !== 78 && c !== 84 && c !== 102 && c !== 110 && c !== 116 && c !== 126) return raw;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(raw)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(raw)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(raw)) return false;
  if (/^[-+]?[0-9]+$/.test(raw)) return Number(raw);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(raw) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(raw)) return parseFloat(raw);
  if (/^0o[0-7]+$/.test(raw) || /^0x[0-9a-fA-F]+$/.test(raw) || /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(raw)) bail();
  return raw;
}
