// Re-reading a large plan after a small edit: the document is cut into entries — each top-level
// key, and each entry of a top-level section written as an indented block mapping (every class,
// service, contact, drill) — and an entry whose text did not change is taken from the previous
// version instead of being read again (its offsets moved by the edit's length). The tree is the
// one the fast reader builds for the whole text (a property test checks it); when the text is
// not in the fast reader's subset, this returns undefined and the caller reads it whole.
//
// Reused entries are the previous version's nodes, moved in place: after an update, the previous
// version's tree must no longer be used (the language server keeps only the newest).
import { Assembler, type SyntaxIssue } from './assemble';
import { fastReadable, lineObjects, readEntry, scanLines, type LineTable } from './fastBlock';
import type { YNode, YPair } from './tree';

interface Entry {
  /** Offset the entry's nodes currently have their positions relative to. */
  start: number;
  pair: YPair;
  /** Duplicate-key issues found inside the entry. */
  issues: SyntaxIssue[];
}

/** What a reading leaves for the next one: entries by their exact text. */
export interface EntryCache {
  entries: Map<string, Entry[]>;
}

export interface ChunkedRead {
  root: YNode | null;
  issues: SyntaxIssue[];
  cache: EntryCache;
  /** How many entries were read anew (the rest were reused); for tests and benchmarks. */
  read: number;
}

export function readChunked(text: string, previous?: EntryCache): ChunkedRead | undefined {
  if (!fastReadable(text)) return undefined;
  const lines = scanLines(text);
  if (lines === undefined || lines.count === 0 || lines.indent[0] !== 0) return undefined;
  const build = new Assembler(text, []);
  const cache: EntryCache = { entries: new Map() };
  const issues: SyntaxIssue[] = [];
  let read = 0;

  const entry = (from: number, to: number, indent: number, depth: number): YPair | undefined => {
    const start = lines.start[from] - lines.indent[from];
    const end = to < lines.count ? lines.start[to] - lines.indent[to] : text.length;
    const source = text.slice(start, end);
    const reused = takeCached(previous, source);
    let result: Entry | undefined;
    if (reused) {
      shift(reused, start - reused.start);
      result = reused;
    } else {
      const entryBuild = new Assembler(text, []);
      const pair = readEntry(text, lineObjects(lines, from, to), 0, to - from, indent, depth, entryBuild);
      if (!pair) return undefined;
      result = { start, pair, issues: entryBuild.issues };
      read++;
    }
    // An entry with issues is read again next time: their messages name line numbers.
    if (result.issues.length === 0) {
      const list = cache.entries.get(source) ?? [];
      list.push(result);
      cache.entries.set(source, list);
    }
    issues.push(...result.issues);
    return result.pair;
  };

  const rootPairs: YPair[] = [];
  let i = 0;
  while (i < lines.count) {
    if (lines.indent[i] !== 0) return undefined;
    let next = i + 1;
    while (next < lines.count && lines.indent[next] > 0) next++;
    const section = sectionOf(text, lines, i, next);
    if (section) {
      // `key:` alone on its line, then entries at indent 2: each entry is its own chunk.
      const pairs: YPair[] = [];
      let k = i + 1;
      while (k < next) {
        let end = k + 1;
        while (end < next && lines.indent[end] > 2) end++;
        const pair = entry(k, end, 2, 2);
        if (!pair) return undefined;
        pairs.push(pair);
        k = end;
      }
      rootPairs.push({ key: section, value: build.map(lines.start[i + 1], pairs) });
    } else {
      const pair = entry(i, next, 0, 1);
      if (!pair) return undefined;
      rootPairs.push(pair);
    }
    i = next;
  }
  const root = build.map(lines.start[0], rootPairs);
  issues.push(...build.issues);
  return { root, issues, cache, read };
}

/**
 * The key of a top-level entry written as `key:` alone on its line followed by an indented block
 * mapping at indent 2; undefined for any other shape (which is read as one chunk).
 */
function sectionOf(text: string, lines: LineTable, from: number, to: number) {
  if (to - from < 2 || lines.indent[from + 1] !== 2) return undefined;
  if (text.charCodeAt(lines.start[from + 1]) === 45 /* - */) return undefined;
  const keyStart = lines.start[from];
  const content = text.slice(keyStart, lines.end[from]);
  const match = /^([a-z_]+):(\s+#.*)?\s*$/.exec(content);
  if (!match) return undefined;
  for (let k = from + 1; k < to; k++) if (lines.indent[k] < 2) return undefined;
  return new Assembler(text, []).key(match[1], keyStart, keyStart + match[1].length);
}

function takeCached(previous: EntryCache | undefined, source: string): Entry | undefined {
  const list = previous?.entries.get(source);
  if (!list || list.length === 0) return undefined;
  return list.shift();
}

/** Moves every position in an entry by `delta` (in place). */
function shift(entry: Entry, delta: number): void {
  entry.start += delta;
  if (delta === 0) return;
  for (const issue of entry.issues) {
    issue.start += delta;
    issue.end += delta;
  }
  // The fast reader never shares nodes (it has no aliases), so each is moved exactly once.
  const stack: YNode[] = [entry.pair.key];
  if (entry.pair.value) stack.push(entry.pair.value);
  while (stack.length > 0) {
    const node = stack.pop()! as { start: number; end: number } & YNode;
    node.start += delta;
    node.end += delta;
    if (node.kind === 'map') {
      for (const p of node.pairs) {
        stack.push(p.key);
        if (p.value) stack.push(p.value);
      }
    } else if (node.kind === 'seq') {
      stack.push(...node.items);
    }
  }
}
