// The document outline (sections, their entries, a class's revocation steps and evidence items)
// and the workspace symbol search. Both read only what parsed, so they keep working while the
// author is in the middle of an edit that breaks the YAML.
import type { PlanDocument } from '../document';
import type { OffsetRange } from '../findings';
import type { CredentialClass, Text } from '../model';
import { isMap, type YNode, type YPair } from '../yaml/tree';
import { collectSymbols } from './symbols';
import type { OutlineKind, OutlineNode, PlanIndex, SymbolKind } from './types';

const SECTIONS = new Set(['plan', 'imports', 'contacts', 'severities', 'services', 'credential_classes', 'drills']);

/** The top-level sections in the order written, each with its entries. */
export function documentOutline(doc: PlanDocument): OutlineNode[] {
  const root = doc.model.root;
  if (!root) return [];
  const limit = doc.text.length;
  const nodes: OutlineNode[] = [];
  const seen = new Set<string>();
  for (const pair of root.pairs) {
    const name = pair.key.value as string;
    if (!SECTIONS.has(name) || seen.has(name)) continue; // a repeated section is a syntax error
    seen.add(name);
    const node = outlineNode(name, name === 'plan' ? 'plan' : 'section', pair.key, entryRange(pair), limit);
    if (name === 'plan') node.detail = oneLine(doc.model.plan?.title?.value);
    else if (name === 'imports') node.detail = countOf(doc.model.imports.length, 'file');
    else node.children = entries(doc, name, pair.value, limit);
    nodes.push(node);
  }
  return nodes;
}

function entries(doc: PlanDocument, section: string, value: YNode | null, limit: number): OutlineNode[] {
  if (!isMap(value)) return [];
  const m = doc.model;
  const out: OutlineNode[] = [];
  const seen = new Set<string>();
  for (const pair of value.pairs) {
    const id = pair.key.value as string;
    if (seen.has(id)) continue; // a duplicate key: the model keeps the first
    seen.add(id);
    const range = entryRange(pair);
    switch (section) {
      case 'contacts': {
        const c = m.contacts.get(id);
        out.push(outlineNode(id, 'contact', pair.key, range, limit, join(c?.kind?.value, c?.name?.value)));
        break;
      }
      case 'severities': {
        const s = m.severities.get(id);
        out.push(outlineNode(id, 'severity', pair.key, range, limit, join(s?.containWithin && `contain within ${s.containWithin.value}`, s?.description?.value)));
        break;
      }
      case 'services': {
        const s = m.services.get(id);
        out.push(outlineNode(id, 'service', pair.key, range, limit, s?.description?.value ?? (s?.owner && `owner ${s.owner.value}`)));
        break;
      }
      case 'credential_classes': {
        const cls = m.classes.get(id);
        const node = outlineNode(id, 'class', pair.key, range, limit, cls?.kind?.value);
        if (cls) node.children = classChildren(cls, limit);
        out.push(node);
        break;
      }
      case 'drills': {
        out.push(outlineNode(id, 'drill', pair.key, range, limit, m.drills.get(id)?.title?.value));
        break;
      }
    }
  }
  return out;
}

function classChildren(cls: CredentialClass, limit: number): OutlineNode[] {
  const children: OutlineNode[] = [];
  for (const step of cls.revocation?.steps ?? []) {
    const label = step.id ?? step.action;
    const name = step.id?.value ?? step.action?.value ?? `step ${step.index + 1}`;
    const detail = step.id ? step.action?.value : join(step.actor?.value, step.duration?.value);
    children.push(outlineNode(name, 'step', label?.node ?? step.node, step.node, limit, detail));
  }
  for (const [i, item] of (cls.evidence ?? []).entries()) {
    const label: Text | undefined = item.id ?? item.source;
    const name = item.id?.value ?? item.source?.value ?? `evidence ${i + 1}`;
    children.push(outlineNode(name, 'evidence', label?.node ?? item.node, item.node, limit, item.id ? item.source?.value : undefined));
  }
  return children;
}

function outlineNode(name: string, kind: OutlineKind, selection: OffsetRange, range: OffsetRange, limit: number, detail?: string): OutlineNode {
  const whole = clamp(range, limit);
  // The selection must lie inside the range (editors reject the symbol otherwise).
  const start = Math.min(Math.max(selection.start, whole.start), whole.end);
  const end = Math.min(Math.max(selection.end, start), whole.end);
  const node: OutlineNode = { name: oneLine(name) || '(unnamed)', kind, range: whole, selection: { start, end }, children: [] };
  const shown = oneLine(detail);
  if (shown) node.detail = shown;
  return node;
}

/** From the key to the end of the value (the key alone when the value is missing). */
function entryRange(pair: YPair): OffsetRange {
  return { start: pair.key.start, end: Math.max(pair.key.end, pair.value?.end ?? pair.key.end) };
}

function clamp(range: OffsetRange, limit: number): OffsetRange {
  const start = Math.max(0, Math.min(range.start, limit));
  return { start, end: Math.max(start, Math.min(range.end, limit)) };
}

const MAX_DETAIL = 80;

function oneLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL - 1)}…` : line;
}

function join(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return kept.length > 0 ? kept.join(' · ') : undefined;
}

function countOf(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Workspace symbols.

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  uri: string;
  /** The id text of the definition. */
  range: OffsetRange;
  /** Steps and evidence items: their class. */
  container?: string;
}

export const MAX_WORKSPACE_SYMBOLS = 500;

/**
 * Definitions across the index whose id (or a class's description, a drill's title) matches the
 * query as a case-insensitive subsequence; best first: a prefix, then a substring, then a
 * scattered match, an id before a title. An empty query lists everything, by uri and offset.
 */
export function workspaceSymbols(index: PlanIndex, query: string): WorkspaceSymbol[] {
  const q = query.replace(/\s+/g, '').toLowerCase();
  const scored: { symbol: WorkspaceSymbol; score: number }[] = [];
  for (const uri of new Set(index.allUris())) {
    const doc = index.get(uri);
    if (!doc) continue;
    for (const s of collectSymbols(doc)) {
      if (s.role !== 'definition') continue;
      const score = q === '' ? 0 : Math.min(matchScore(s.id, q, 0), matchScore(titleOf(doc, s.kind, s.id), q, 1));
      if (score === Number.POSITIVE_INFINITY) continue;
      const symbol: WorkspaceSymbol = { name: s.id, kind: s.kind, uri: s.uri, range: s.range };
      if (s.container !== undefined) symbol.container = s.container;
      scored.push({ symbol, score });
    }
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      (q === '' ? 0 : a.symbol.name.length - b.symbol.name.length) ||
      compare(q === '' ? '' : a.symbol.name, q === '' ? '' : b.symbol.name) ||
      compare(a.symbol.uri, b.symbol.uri) ||
      a.symbol.range.start - b.symbol.range.start,
  );
  return scored.slice(0, MAX_WORKSPACE_SYMBOLS).map((s) => s.symbol);
}

function titleOf(doc: PlanDocument, kind: SymbolKind, id: string): string | undefined {
  if (kind === 'drill') return doc.model.drills.get(id)?.title?.value;
  if (kind === 'class') return doc.model.classes.get(id)?.description?.value;
  return undefined;
}

/** 0–2 for a prefix, 3–5 for a substring, 6–8 for a subsequence (plus `penalty`); Infinity for no match. */
function matchScore(text: string | undefined, query: string, penalty: number): number {
  if (text === undefined) return Number.POSITIVE_INFINITY;
  const t = text.toLowerCase();
  if (t.startsWith(query)) return penalty;
  if (t.includes(query)) return 3 + penalty;
  let k = 0;
  for (let i = 0; i < t.length && k < query.length; i++) if (t[i] === query[k]) k++;
  return k === query.length ? 6 + penalty : Number.POSITIVE_INFINITY;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
