// Where the cursor is, read from the TEXT alone: the current line and the indentation of the
// lines above it. Completion and hover use this instead of the YAML tree, so they work while the
// author is typing and the document does not parse (a half-typed key, an unclosed `[` elsewhere).
//
// The reading follows YAML's block structure: every line has "anchors", the `- ` of a sequence
// item and the `key:` of a mapping entry, each at a column. The parent of an anchor at column c
// is the nearest anchor to its left on the same line (`- id: x`: the item holds the key), else
// the right-most anchor left of c on the nearest line above whose indentation is below c; lines
// indented deeper than c are the content of siblings, lines at c are siblings (counted, for the
// index of a list item). The compact form `steps:\n- id: x`, where the `- ` sits at the column of
// its key, is recognised too. Only the lines between the cursor and each parent are read, so the
// cost is the distance to the root, not the size of the document; nothing here throws.
import type { OffsetRange } from '../findings';

export type CursorPosition = 'key' | 'value' | 'none';

export interface CursorContext {
  /**
   * `key`: at the start of a line, after `- `, or on the key of a `key: value` line; `value`: after
   * `key: `, on the scalar of a `- item`, or inside a flow list; `none`: in a comment, a block
   * scalar, a multi-line plain scalar, a flow mapping or the indentation of a line with content.
   */
  position: CursorPosition;
  /**
   * Map keys and list indexes from the root. In key position: the mapping the cursor is in (for a
   * `- word` line, the list item itself). In value position: the value, e.g.
   * `['credential_classes', 'github-pat', 'revocation', 'steps', '0', 'actor']`, or
   * `[..., 'used_by', '1']` inside `used_by: [a, b‸]`.
   */
  path: string[];
  /** In value position, the key whose value this is (undefined for a list item). */
  key?: string;
  /** The whole word at the cursor ([A-Za-z0-9_.:-], a `:` only between word characters). */
  word: string;
  /** The word's range; empty, at the cursor, when there is no word. */
  range: OffsetRange;
  /** The part of the word before the cursor. */
  prefix: string;
  /**
   * The column of the mapping at the cursor: in key position the column where its keys start, in
   * value position the column of the key (a nested block under it goes at indent + 2).
   */
  indent: number;
  /**
   * The line is `- word` (or `- `) with no colon: the word is either a scalar list item or the
   * first key of a mapping item; the schema at `path` decides.
   */
  bareItem: boolean;
  /** Inside a flow list `[a, b]` (on this line, or opened on a line above and not closed). */
  inFlow: boolean;
  /** The other items of that flow list, as written (to leave out of completions). */
  flowItems: string[];
  /** Value position right after `key:` with no space: an inserted value needs one. */
  needsSpace: boolean;
  /** Key position: a `:` already follows the word on this line (insert the key name only). */
  hasColon: boolean;
  /** Key position: the keys of the same mapping on the other lines, above and below. */
  presentKeys: string[];
}

export interface CursorOptions {
  /** Read the sibling keys (`presentKeys`); default true. Hover does not need them. */
  presentKeys?: boolean;
}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;

interface Anchor {
  col: number;
  kind: 'dash' | 'key';
  key?: string;
  /** For a key: the column of its colon. */
  colon?: number;
}

interface LineShape {
  start: number;
  end: number;
  indent: number;
  anchors: Anchor[];
  /** Column where what follows the last anchor starts (a value, a scalar item, or a key's value). */
  contentCol: number;
  /** Column of a comment's `#`, or -1. */
  commentCol: number;
  /** Whitespace only, or a comment only. */
  blank: boolean;
  /** `---` or `...` at column 0, or a `%` directive: a document boundary. */
  boundary: boolean;
}

function isBlankChar(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isPlainWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || // 0-9
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    c === 95 || // _
    c === 46 || // .
    c === 45 // -
  );
}

/** The end of a line's content (before `\r\n` or `\n`) from its start. */
function lineEndFrom(text: string, start: number): number {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === RETURN) end--;
  return end;
}

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i - start;
}

/** Whitespace only, or a comment only (`#` first). */
function isBlankLine(text: string, start: number, end: number, indent: number): boolean {
  const i = start + indent;
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  if (c === 35) return true; // '#'
  if (c === TAB) {
    let j = i;
    while (j < end && isBlankChar(text.charCodeAt(j))) j++;
    return j >= end || text.charCodeAt(j) === 35;
  }
  return false;
}

function isBoundary(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c === 37) return true; // '%' directive
  if (c !== 45 && c !== 46) return false;
  const three = text.slice(start, start + 3);
  if (three !== '---' && three !== '...') return false;
  return start + 3 >= end || isBlankChar(text.charCodeAt(start + 3));
}

/** The end of a quoted scalar starting at `i` (the index after its closing quote), or `end`. */
function skipQuoted(text: string, i: number, end: number): number {
  const q = text.charCodeAt(i);
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (q === 34 && c === 92) {
      j += 2; // backslash escape in a double-quoted scalar
      continue;
    }
    if (c === q) {
      if (q === 39 && text.charCodeAt(j + 1) === 39) {
        j += 2; // '' inside a single-quoted scalar
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return end;
}

/** A `key:` at `i` (plain or quoted): the key text and the colon's index. */
function readKey(text: string, i: number, end: number): { key: string; colon: number } | undefined {
  const c = text.charCodeAt(i);
  if (c === 34 || c === 39) {
    const close = skipQuoted(text, i, end);
    if (close >= end && text.charCodeAt(end - 1) !== c) return undefined;
    let j = close;
    while (j < end && isBlankChar(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 58 && (j + 1 >= end || isBlankChar(text.charCodeAt(j + 1)))) {
      return { key: text.slice(i + 1, close - 1), colon: j };
    }
    return undefined;
  }
  // Flow collections, block scalar indicators, comments and complex keys are not plain keys.
  if (c === 91 || c === 123 || c === 124 || c === 62 || c === 35 || c === 63) return undefined;
  for (let j = i; j < end; j++) {
    const d = text.charCodeAt(j);
    if (d === 35 && j > i && isBlankChar(text.charCodeAt(j - 1))) return undefined; // a comment
    if (d === 58 && (j + 1 >= end || isBlankChar(text.charCodeAt(j + 1)))) {
      return { key: text.slice(i, j).trimEnd(), colon: j };
    }
  }
  return undefined;
}

/** The index of a comment's `#` at or after `i`, outside quotes, or -1. */
function findComment(text: string, i: number, end: number): number {
  let tokenStart = true;
  for (let j = i; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 35 && (j === i || isBlankChar(text.charCodeAt(j - 1)))) return j;
    if ((c === 34 || c === 39) && tokenStart) {
      j = skipQuoted(text, j, end) - 1;
      tokenStart = false;
      continue;
    }
    tokenStart = isBlankChar(c) || c === 91 || c === 44 || c === 123; // after ' ', '[', ',', '{'
  }
  return -1;
}

function shapeOf(text: string, start: number, end: number): LineShape {
  const indent = indentOf(text, start, end);
  const shape: LineShape = { start, end, indent, anchors: [], contentCol: indent, commentCol: -1, blank: false, boundary: false };
  if (isBlankLine(text, start, end, indent)) {
    shape.blank = true;
    const hash = text.indexOf('#', start + indent);
    shape.commentCol = hash >= 0 && hash < end ? hash - start : -1;
    return shape;
  }
  if (indent === 0 && isBoundary(text, start, end)) {
    shape.boundary = true;
    return shape;
  }
  let i = start + indent;
  // Sequence indicators: `-` followed by a space or the end of the line.
  while (i < end && text.charCodeAt(i) === 45 && (i + 1 >= end || isBlankChar(text.charCodeAt(i + 1)))) {
    shape.anchors.push({ col: i - start, kind: 'dash' });
    i++;
    while (i < end && isBlankChar(text.charCodeAt(i))) i++;
  }
  shape.contentCol = i - start;
  if (i >= end) return shape;
  if (text.charCodeAt(i) === 35) {
    shape.commentCol = i - start;
    return shape;
  }
  const key = readKey(text, i, end);
  if (key) {
    shape.anchors.push({ col: i - start, kind: 'key', key: key.key, colon: key.colon - start });
    i = key.colon + 1;
    while (i < end && isBlankChar(text.charCodeAt(i))) i++;
    shape.contentCol = i - start;
  }
  const hash = findComment(text, i, end);
  shape.commentCol = hash >= 0 ? hash - start : -1;
  return shape;
}

/** The value written after the last anchor (before any comment), trimmed. */
function contentOf(text: string, shape: LineShape): string {
  const stop = shape.commentCol >= 0 ? shape.start + shape.commentCol : shape.end;
  return text.slice(shape.start + shape.contentCol, stop).trim();
}

const PATTERNS = new Map<number, RegExp>();

/**
 * A line break not followed by more than `col` spaces: the start of a line that can be a parent
 * or a sibling of something at column `col` (or a blank or comment line, which callers skip).
 * Lines indented deeper are the content of siblings; the regular expression skips them without
 * a JavaScript step per line, which is what keeps a 65,000-line plan fast.
 */
function candidatePattern(col: number): RegExp {
  const width = Math.min(col, 1000);
  let re = PATTERNS.get(width);
  if (!re) {
    re = new RegExp(`\\n(?! {${width + 1}})`, 'g');
    PATTERNS.set(width, re);
  }
  return re;
}

/**
 * The starts of the lines before `before` indented at most `col` columns with content, nearest
 * first: read backwards in windows that double in size, so the cost is the distance walked.
 */
function* linesUpTo(text: string, before: number, col: number): Generator<number> {
  const re = candidatePattern(col);
  let hi = before;
  let size = 4096;
  while (hi > 0) {
    const lo = Math.max(0, hi - size);
    const from = lo === 0 ? 0 : lo - 1;
    const chunk = text.slice(from, hi);
    const starts: number[] = [];
    if (lo === 0 && indentOf(text, 0, Math.min(hi, text.length)) <= col) starts.push(0);
    re.lastIndex = 0;
    for (let m = re.exec(chunk); m !== null; m = re.exec(chunk)) {
      const start = from + m.index + 1;
      if (start >= hi) break;
      starts.push(start);
    }
    for (let k = starts.length - 1; k >= 0; k--) yield starts[k];
    hi = lo;
    size *= 2;
  }
}

interface Node {
  /** Start offset of the line the anchor is on. */
  lineStart: number;
  col: number;
  kind: 'dash' | 'key';
  key?: string;
  /** Anchors left of this one on its line, in column order. */
  left: Anchor[];
}

interface ParentResult {
  parent?: Node;
  /** The parent's line, when the parent was found on a line above (not on the node's own line). */
  parentShape?: LineShape;
  parentAnchor?: Anchor;
  /** For a dash node: how many sibling items come before it. */
  index: number;
}

/** The node's parent, counting dash siblings and collecting key siblings on the way up. */
function findParent(text: string, node: Node, siblings?: Set<string>): ParentResult {
  if (node.left.length > 0) {
    const anchor = node.left[node.left.length - 1];
    return {
      parent: { lineStart: node.lineStart, col: anchor.col, kind: anchor.kind, key: anchor.key, left: node.left.slice(0, -1) },
      index: 0,
    };
  }
  let count = 0;
  for (const start of linesUpTo(text, node.lineStart, node.col)) {
    const end = lineEndFrom(text, start);
    const indent = indentOf(text, start, end);
    if (indent > node.col) continue; // (a tab-indented line) content of a sibling
    if (isBlankLine(text, start, end, indent)) continue;
    if (indent === 0 && isBoundary(text, start, end)) break;
    const shape = shapeOf(text, start, end);
    const anchors = shape.anchors;
    if (anchors.length === 0) continue; // a plain scalar's continuation, a lone flow line
    if (indent === node.col) {
      const first = anchors[0];
      if (node.kind === 'dash') {
        if (first.kind === 'dash') {
          count++;
          continue;
        }
        // `steps:\n- id: x`: the list sits at its key's column.
        return { parent: { lineStart: start, col: first.col, kind: 'key', key: first.key, left: [] }, parentShape: shape, parentAnchor: first, index: count };
      }
      if (first.kind === 'key') siblings?.add(first.key!);
      continue; // a dash at a key's column: the compact list of a sibling key
    }
    for (let k = anchors.length - 1; k >= 0; k--) {
      const a = anchors[k];
      if (a.col === node.col) {
        if (a.kind === node.kind) {
          if (a.kind === 'dash') count++;
          else siblings?.add(a.key!);
        }
      } else if (a.col < node.col) {
        return {
          parent: { lineStart: start, col: a.col, kind: a.kind, key: a.key, left: anchors.slice(0, k) },
          parentShape: shape,
          parentAnchor: a,
          index: count,
        };
      }
    }
  }
  return { index: count };
}

/** The path segments of the node's ancestors (outermost first), optionally with the node's own. */
function pathOf(text: string, first: ParentResult, node: Node, includeNode: boolean): string[] {
  const reversed: string[] = [];
  let current = node;
  let result = first;
  let include = includeNode;
  for (let guard = 0; guard < 10000; guard++) {
    if (include) reversed.push(current.kind === 'dash' ? String(result.index) : current.key ?? '');
    if (!result.parent) break;
    current = result.parent;
    include = true;
    result = findParent(text, current);
  }
  return reversed.reverse();
}

/** Keys at column `col` on the lines after `from` while the mapping lasts. */
function keysBelow(text: string, from: number, col: number, into: Set<string>): void {
  const re = candidatePattern(col);
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + 1;
    const end = lineEndFrom(text, start);
    const indent = indentOf(text, start, end);
    if (indent > col || isBlankLine(text, start, end, indent)) continue;
    if (indent < col) break;
    if (indent === 0 && isBoundary(text, start, end)) break;
    const first = shapeOf(text, start, end).anchors[0];
    if (first?.kind === 'key') into.add(first.key!);
  }
}

interface Word {
  start: number;
  end: number;
}

function isWordAt(text: string, i: number, lineEnd: number): boolean {
  const c = text.charCodeAt(i);
  if (isPlainWordChar(c)) return true;
  // A colon belongs to a word only between word characters (`NHI2:2025`, `pagerduty:PIAM`),
  // never as the `:` that ends a key.
  return c === 58 && i + 1 < lineEnd && isPlainWordChar(text.charCodeAt(i + 1)) && i > 0 && isPlainWordChar(text.charCodeAt(i - 1));
}

function wordAt(text: string, offset: number, lineStart: number, lineEnd: number): Word {
  let start = offset;
  while (start > lineStart && isWordAt(text, start - 1, lineEnd)) start--;
  let end = offset;
  while (end < lineEnd && isWordAt(text, end, lineEnd)) end++;
  return { start, end };
}

interface FlowPosition {
  /** One index per open `[` from the outermost, or undefined when the cursor is not inside. */
  indexes?: number[];
  /** The other items of the innermost list, as written. */
  items: string[];
  /** A `{` is open at the cursor (flow mappings are not read). */
  mapping: boolean;
}

interface FlowFrame {
  index: number;
  items: string[];
}

/** Where `offset` is inside a flow list that opens at `open` (a `[`), reading up to `limit`. */
function flowPosition(text: string, open: number, offset: number, limit: number): FlowPosition {
  const frames: FlowFrame[] = [];
  let item = '';
  let braces = 0;
  let mine: { frame: FlowFrame; indexes: number[]; braces: number } | undefined;
  const until = Math.min(limit, text.length);
  const snapshot = () => {
    const top = frames[frames.length - 1];
    if (top) mine = { frame: top, indexes: frames.map((f) => f.index), braces };
  };
  let i = open;
  for (; i < until; i++) {
    if (i === offset) {
      if (frames.length === 0) return { items: [], mapping: false }; // after the closing `]`
      snapshot();
    }
    if (mine && !frames.includes(mine.frame)) break; // the list holding the cursor has closed
    const c = text.charCodeAt(i);
    if (c === 91) {
      frames.push({ index: 0, items: [] });
      item = '';
    } else if (c === 93) {
      const top = frames.pop();
      if (top) top.items[top.index] = item.trim();
      item = '';
      if (frames.length === 0 && !mine) return { items: [], mapping: false }; // closed before the cursor
    } else if (c === 123) {
      braces++;
    } else if (c === 125) {
      braces = Math.max(0, braces - 1);
    } else if (c === 44 && braces === 0) {
      const top = frames[frames.length - 1];
      if (top) {
        top.items[top.index] = item.trim();
        top.index++;
      }
      item = '';
    } else if ((c === 34 || c === 39) && item.trim() === '') {
      const close = skipQuoted(text, i, until);
      if (offset > i && offset < close) {
        snapshot();
      }
      item += text.slice(i, close);
      i = close - 1;
    } else if (c === 35 && i > open && isBlankChar(text.charCodeAt(i - 1))) {
      const eol = text.indexOf('\n', i); // a comment runs to the end of its line
      if (offset > i && (eol < 0 || offset <= eol)) return { items: [], mapping: false };
      if (eol < 0 || eol >= until) break;
      i = eol - 1;
    } else if (c !== NEWLINE && c !== RETURN) {
      item += text[i];
    }
  }
  if (!mine && offset >= i && frames.length > 0) snapshot();
  if (!mine) return { items: [], mapping: false };
  if (frames.includes(mine.frame)) mine.frame.items[mine.frame.index] = item.trim();
  const position = mine.indexes[mine.indexes.length - 1];
  const items = mine.frame.items.filter((x, k) => k !== position && x !== undefined && x !== '').map(unquote);
  return { indexes: mine.indexes, items, mapping: mine.braces > 0 };
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

function none(offset: number, path: string[] = []): CursorContext {
  return {
    position: 'none',
    path,
    word: '',
    range: { start: offset, end: offset },
    prefix: '',
    indent: 0,
    bareItem: false,
    inFlow: false,
    flowItems: [],
    needsSpace: false,
    hasColon: false,
    presentKeys: [],
  };
}

/** Where the cursor is at `offset` in `text`. Never throws: on anything unexpected, `none`. */
export function cursorContext(text: string, offset: number, options: CursorOptions = {}): CursorContext {
  const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, text.length));
  try {
    return compute(text, at, options.presentKeys !== false);
  } catch {
    return none(at);
  }
}

function compute(text: string, offset: number, wantKeys: boolean): CursorContext {
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = Math.max(offset, lineEndFrom(text, lineStart));
  const col = offset - lineStart;
  const shape = shapeOf(text, lineStart, lineEnd);
  const w = wordAt(text, offset, lineStart, lineEnd);
  const base: CursorContext = {
    ...none(offset),
    word: text.slice(w.start, w.end),
    range: { start: w.start, end: w.end },
    prefix: text.slice(w.start, offset),
  };
  const line: LineAt = { start: lineStart, end: lineEnd, offset };

  if (shape.boundary) return none(offset);
  if (shape.commentCol >= 0 && col > shape.commentCol) return none(offset);
  // A blank line: a key at the cursor's column.
  if (shape.blank) return keyContext(text, base, { lineStart, col, kind: 'key', left: [] }, line, wantKeys, false);

  const last = shape.anchors[shape.anchors.length - 1];
  const keyAnchor = last?.kind === 'key' ? last : undefined;
  const dashes = shape.anchors.filter((a) => a.kind === 'dash');
  const lastDash = dashes[dashes.length - 1];
  /** Where the key or scalar after the `- ` indicators starts. */
  const itemCol = keyAnchor ? keyAnchor.col : shape.contentCol;
  const hasItem = lineStart + itemCol < lineEnd;
  if (col < shape.indent) return none(offset);
  if (lastDash && col <= lastDash.col) return none(offset);
  if (col < itemCol && hasItem) return none(offset); // between `-` and what it introduces

  if (keyAnchor) {
    const left = shape.anchors.slice(0, -1);
    if (col <= keyAnchor.colon!) {
      // On the key itself (hovered, or being renamed).
      return keyContext(text, { ...base, hasColon: true }, { lineStart, col: keyAnchor.col, kind: 'key', left }, line, wantKeys, false);
    }
    // After the colon: the value.
    const node: Node = { lineStart, col: keyAnchor.col, kind: 'key', key: keyAnchor.key, left };
    const valueStart = lineStart + shape.contentCol;
    const first = valueStart < lineEnd ? text.charCodeAt(valueStart) : -1;
    const needsSpace = offset === lineStart + keyAnchor.colon! + 1 && !isBlankChar(text.charCodeAt(offset));
    if (offset > valueStart && first === 91) {
      const flow = flowPosition(text, valueStart, offset, lineEnd);
      if (!flow.indexes || flow.mapping) return none(offset);
      const path = [...pathOf(text, findParent(text, node), node, true), ...flow.indexes.map(String)];
      return { ...base, position: 'value', path, key: keyAnchor.key, indent: keyAnchor.col, inFlow: true, flowItems: flow.items };
    }
    // Flow mappings and block scalars are not completed into.
    if (offset > valueStart && (first === 123 || first === 124 || first === 62)) return none(offset);
    const path = pathOf(text, findParent(text, node), node, true);
    return { ...base, position: 'value', path, key: keyAnchor.key, indent: keyAnchor.col, needsSpace };
  }

  // No key on this line: `- word`, `- `, or a word at the start of a line (a key being typed).
  const first = hasItem ? text.charCodeAt(lineStart + itemCol) : -1;
  if (first === 91 || first === 123 || first === 124 || first === 62) return none(offset);
  if (lastDash) {
    const kc = hasItem ? itemCol : lastDash.col + 2;
    const needsSpace = col === lastDash.col + 1;
    return keyContext(text, { ...base, needsSpace }, { lineStart, col: kc, kind: 'key', left: dashes }, line, wantKeys, true);
  }
  return keyContext(text, base, { lineStart, col: itemCol, kind: 'key', left: [] }, line, wantKeys, false);
}

interface LineAt {
  start: number;
  end: number;
  offset: number;
}

/**
 * A key at the node's column (typed, hovered, or about to be typed): the path of its mapping,
 * unless the line turns out to continue the value of the line above it (a block scalar, a flow
 * list opened on an earlier line, a multi-line plain scalar).
 */
function keyContext(text: string, base: CursorContext, node: Node, line: LineAt, wantKeys: boolean, bareItem: boolean): CursorContext {
  const siblings = wantKeys ? new Set<string>() : undefined;
  const first = findParent(text, node, siblings);
  const parentShape = first.parentShape;
  const anchor = first.parentAnchor;
  if (parentShape && anchor && first.parent && parentShape.anchors[parentShape.anchors.length - 1] === anchor && contentOf(text, parentShape) !== '') {
    // This line continues the parent's value.
    if (anchor.kind === 'key' && text.charCodeAt(parentShape.start + parentShape.contentCol) === 91) {
      const flow = flowPosition(text, parentShape.start + parentShape.contentCol, line.offset, line.end);
      if (!flow.indexes || flow.mapping) return none(line.offset);
      const parent = first.parent;
      const path = [...pathOf(text, findParent(text, parent), parent, true), ...flow.indexes.map(String)];
      return { ...base, position: 'value', path, key: anchor.key, indent: anchor.col, inFlow: true, flowItems: flow.items, hasColon: false, needsSpace: false };
    }
    return none(line.offset);
  }
  const path = pathOf(text, first, node, false);
  if (siblings) keysBelow(text, line.end, node.col, siblings);
  return { ...base, position: 'key', path, indent: node.col, bareItem, presentKeys: siblings ? [...siblings] : [] };
}
