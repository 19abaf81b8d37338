// Text → YNode tree plus the syntax problems found on the way. Plans written in the common
// block subset are read by the fast scanner (fastBlock.ts); everything else, and every syntax
// error, goes through the `yaml` package (YAML 1.2, exact offsets). This module also guards
// against inputs that turn a parser into a weapon: alias bombs, nesting deep enough to exhaust
// the stack, huge mappings (the library's own duplicate-key check is quadratic, so it is off and
// duplicates are found with a hash map), binary files, and keys such as `__proto__`.
import { Composer, Parser, isAlias, isMap, isScalar, isSeq, type CST, type Node as YamlNode } from 'yaml';
import { Assembler, type SyntaxIssue } from './assemble';
import { readBlockYaml } from './fastBlock';
import { readChunked, type EntryCache } from './chunked';
import { MAX_ALIAS_EXPANSION, MAX_DEPTH } from './limits';
import type { YNode, YPair } from './tree';

export type { SyntaxIssue } from './assemble';

export interface ParsedYaml {
  root: YNode | null;
  issues: SyntaxIssue[];
  /** Which reader built the tree: the fast block scanner or the `yaml` package. */
  reader: 'block' | 'yaml';
  /** Entries by text, for reading the next version of the document (yaml/chunked.ts). */
  cache?: EntryCache;
}

/** A binary file would produce an error per byte: past this many, one summary issue. */
const MAX_ISSUES = 100;

export function parseYaml(text: string, previous?: EntryCache): ParsedYaml {
  const binary = text.indexOf('\u0000');
  if (binary >= 0) {
    const issue = { message: 'this is a binary file (it contains a NUL byte): an irplan document is UTF-8 text', start: binary, end: binary + 1 };
    return { root: null, issues: [issue], reader: 'yaml' };
  }
  if (hasUnreadableCharacters(text)) return { ...parseWithLibrary(text), reader: 'yaml' };
  const chunked = readChunked(text, previous);
  if (chunked) return { root: chunked.root, issues: chunked.issues, reader: 'block', cache: chunked.cache };
  const fastIssues: SyntaxIssue[] = [];
  const fast = readBlockYaml(text, new Assembler(text, fastIssues));
  if (fast !== undefined) return { root: fast, issues: fastIssues, reader: 'block' };
  return { ...parseWithLibrary(text), reader: 'yaml' };
}

/** The general path: the `yaml` package's composer, then our tree. */
export function parseWithLibrary(text: string): { root: YNode | null; issues: SyntaxIssue[] } {
  const issues: SyntaxIssue[] = [];
  reportUnreadableCharacters(text, issues);
  // The CST pass is iterative; the composer recurses. Measure the depth first, so a hostile text
  // never reaches the composer's recursion (a stack overflow there can abort the process).
  const tokens = [...new Parser().parse(text)];
  const tooDeep = deepestOffset(tokens, MAX_DEPTH);
  if (tooDeep !== undefined) {
    issues.push({ message: `nesting deeper than ${MAX_DEPTH} levels: a plan needs only a few; flatten the structure`, start: tooDeep, end: tooDeep + 1 });
    return { root: null, issues };
  }
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, strict: true });
  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0];
  if (docs.length > 1) {
    const second = docs[1].range[0];
    issues.push({
      message: 'a plan file holds one YAML document: remove the second document (after "---") or move it to a file of its own',
      start: second,
      end: Math.min(text.length, second + 3),
    });
  }
  if (!doc) return { root: null, issues };
  for (const error of [...doc.errors, ...doc.warnings]) {
    issues.push(issueFromYamlError(text, error.message, error.pos[0], error.pos[1], error.code));
  }
  const builder = new LibraryTreeBuilder(text, new Assembler(text, issues));
  const root = doc.contents ? builder.tree(doc.contents as YamlNode) : null;
  return { root, issues: capIssues(issues) };
}

function issueFromYamlError(source: string, message: string, start: number, end: number, code: string): SyntaxIssue {
  const text = lowerFirst(message.replace(/\s+at line \d+, column \d+.*$/s, '').trim());
  // An unclosed string or flow collection is noticed where the text runs out; the author needs
  // the place it was opened.
  const quote = /missing closing (["'])quote/i.exec(message);
  if (quote) {
    const open = source.lastIndexOf(quote[1], start - 1);
    if (open >= 0) return { message: `this quoted string is never closed: add the closing ${quote[1]} quote on this line`, ...restOfLine(source, open) };
  }
  const bracket = /end with an? ([\]}])/.exec(message);
  if (bracket) {
    const open = unmatchedOpening(source, start, bracket[1] === ']' ? '[' : '{', bracket[1]);
    if (open >= 0) return { message: `this flow ${bracket[1] === ']' ? 'list' : 'mapping'} is never closed: add the closing ${bracket[1]} (or write it as an indented block)`, ...restOfLine(source, open) };
  }
  const hint = SYNTAX_HINTS.find((h) => h.code === code && (!h.when || h.when.test(message)))?.hint;
  return { message: hint ? `${text}: ${hint}` : text, start, end: Math.max(end, start + 1) };
}

function restOfLine(text: string, from: number): { start: number; end: number } {
  const newline = text.indexOf('\n', from);
  let end = newline < 0 ? text.length : newline;
  if (text[end - 1] === '\r') end--;
  return { start: from, end: Math.max(end, from + 1) };
}

/** The `open` bracket, searching backwards from `before`, that no `close` after it matches. */
function unmatchedOpening(text: string, before: number, open: string, close: string): number {
  let depth = 0;
  for (let k = Math.min(before, text.length) - 1; k >= 0; k--) {
    if (text[k] === close) depth++;
    else if (text[k] === open && depth-- === 0) return k;
  }
  return -1;
}

/** What to do about the parser's most common complaints, in a plan author's words. */
const SYNTAX_HINTS: { code: string; when?: RegExp; hint: string }[] = [
  { code: 'BAD_INDENT', hint: 'align this line with its siblings (spaces only, the same indentation for every key of one mapping)' },
  { code: 'MISSING_CHAR', when: /directives-end|---/, hint: 'a document that starts with a %directive needs a --- line before its content' },
  { code: 'MULTILINE_IMPLICIT_KEY', hint: 'a key must fit on one line: check for a missing colon or a stray line break' },
  { code: 'TAB_AS_INDENT', hint: 'indent with spaces, not tabs' },
  { code: 'UNEXPECTED_TOKEN', hint: 'check the indentation and the punctuation just before this point' },
  { code: 'BLOCK_AS_IMPLICIT_KEY', hint: 'a value cannot hold another "key: value" on the same line: move it to its own indented line or quote it' },
  { code: 'BAD_ALIAS', hint: 'define the anchor (&name) before its alias (*name)' },
];

/**
 * Offset of the first CST node nested deeper than `max` collections, found iteratively (an
 * explicit stack, not recursion), or undefined when the text is shallow enough.
 */
function deepestOffset(tokens: CST.Token[], max: number): number | undefined {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > max) return token.offset;
    for (const item of token.items as CST.CollectionItem[]) {
      stack.push({ token: item.key, depth: depth + 1 }, { token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}

function capIssues(issues: SyntaxIssue[]): SyntaxIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const kept = issues.slice(0, MAX_ISSUES);
  const last = issues[MAX_ISSUES];
  kept.push({ message: `${issues.length - MAX_ISSUES} more syntax errors not shown: fix the ones above first`, start: last.start, end: last.end });
  return kept;
}

// eslint-disable-next-line no-control-regex
const UNREADABLE = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

function hasUnreadableCharacters(text: string): boolean {
  UNREADABLE.lastIndex = 0;
  return UNREADABLE.test(text);
}

/**
 * YAML forbids most control characters; they also appear when a file that is not UTF-8 is read
 * (the reader turns each bad byte into U+FFFD). One issue per line is enough to find them.
 */
function reportUnreadableCharacters(text: string, issues: SyntaxIssue[]): void {
  UNREADABLE.lastIndex = 0;
  let lastLineStart = -1;
  for (let match = UNREADABLE.exec(text); match; match = UNREADABLE.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (lineStart === lastLineStart) continue;
    lastLineStart = lineStart;
    const ch = match[0];
    issues.push({
      message:
        ch === '\ufffd'
          ? 'bytes that are not valid UTF-8 (shown as �): save the file as UTF-8'
          : `control character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in YAML: remove it`,
      start: match.index,
      end: match.index + 1,
    });
    if (issues.length > MAX_ISSUES) return;
  }
}

interface Built {
  node: YNode;
  /** How many nodes this subtree stands for, counting aliased subtrees each time they occur. */
  size: number;
}

/** Turns the `yaml` package's document into our tree, expanding aliases within a budget. */
class LibraryTreeBuilder {
  private readonly anchors = new Map<string, Built>();
  private aliasBudget = MAX_ALIAS_EXPANSION;
  private depthReported = false;

  constructor(
    private readonly text: string,
    private readonly build: Assembler,
  ) {}

  tree(node: YamlNode): YNode | null {
    return this.buildNode(node, 0)?.node ?? null;
  }

  private buildNode(node: YamlNode, depth: number): Built | null {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    if (depth > MAX_DEPTH) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.build.issues.push({ message: `nesting deeper than ${MAX_DEPTH} levels: flatten the structure`, start, end: start + 1 });
      }
      return null;
    }
    let built: Built | null = null;
    if (isAlias(node)) {
      built = this.resolveAlias(node.source, start, valueEnd);
    } else if (isScalar(node)) {
      built = { node: this.build.scalar(scalarValue(node.value), start, valueEnd, node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED'), size: 1 };
    } else if (isMap(node)) {
      let size = 1;
      const pairs: YPair[] = [];
      for (const item of node.items as { key: YamlNode | null; value: YamlNode | null }[]) {
        const value = this.valueOf(item.value, depth);
        size += 1 + (value?.size ?? 0);
        pairs.push({ key: this.keyOf(item.key, start), value: value?.node ?? null });
      }
      built = { node: this.build.map(start, pairs, node.flow ? valueEnd : undefined), size };
    } else if (isSeq(node)) {
      let size = 1;
      const items: YNode[] = [];
      for (const item of node.items as (YamlNode | null)[]) {
        const value = this.valueOf(item, depth);
        size += value?.size ?? 1;
        items.push(value?.node ?? this.build.emptyItem(this.dashBefore(item?.range?.[0] ?? start)));
      }
      built = { node: this.build.seq(start, items, node.flow ? valueEnd : undefined), size };
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && built) this.anchors.set(anchor, built);
    return built;
  }

  /** An absent value (`key:` or `- ` with nothing after it) is null, as the fast reader has it. */
  private valueOf(node: YamlNode | null, depth: number): Built | null {
    if (!node) return null;
    if (isScalar(node) && node.value === null && node.range && node.range[0] === node.range[1]) return null;
    return this.buildNode(node, depth + 1);
  }

  private dashBefore(offset: number): number {
    let k = offset - 1;
    while (k >= 0 && this.text[k] !== '-' && /\s/.test(this.text[k])) k--;
    return this.text[k] === '-' ? k : offset - 1;
  }

  private resolveAlias(name: string, start: number, end: number): Built | null {
    // Past the budget every alias expands to nothing, including aliases of anchors defined
    // later (they could be built from the first ones and grow again).
    if (this.aliasBudget < 0) return null;
    const target = this.anchors.get(name);
    if (!target) return null; // the parser already reported the unknown anchor
    this.aliasBudget -= target.size;
    if (this.aliasBudget < 0) {
      this.build.issues.push({
        message: `alias *${name} expands the document past ${MAX_ALIAS_EXPANSION} nodes (an alias bomb?): write the values out or use fewer aliases`,
        start,
        end: Math.max(end, start + 1),
      });
      return null;
    }
    return target;
  }

  /** Keys become strings; a collection used as a key is reported and named by its source. */
  private keyOf(key: YamlNode | null, mapStart: number) {
    if (!key) return this.build.key(null, mapStart, mapStart);
    const [start, valueEnd] = key.range ?? [mapStart, mapStart];
    if (isScalar(key)) return this.build.key(scalarValue(key.value), start, valueEnd);
    const lineEnd = this.text.indexOf('\n', start);
    this.build.issues.push({
      message: 'a key must be a plain string, not a collection or alias: write a simple key',
      start,
      end: Math.max(start + 1, lineEnd < 0 || lineEnd > valueEnd ? valueEnd : lineEnd),
    });
    return this.build.key(this.text.slice(start, valueEnd), start, valueEnd);
  }
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}
