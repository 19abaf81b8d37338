// Every id a document defines or references, with the exact text of the id: the base of
// go-to-definition, find-references, rename and highlights. One pass over the typed model, cached
// per analysed document (the language server re-analyses a document when its text changes, so a
// document object never goes stale).
import type { PlanDocument } from '../document';
import type { OffsetRange } from '../findings';
import type { Ref, Step, Text } from '../model';
import type { YScalar } from '../yaml/tree';
import type { PlanSymbol, SymbolKind } from './types';

/**
 * Which list of a class a step symbol belongs to: `after` names steps of its own list
 * (revocation or rollback) and a drill's `expect` names revocation steps (spec sections 6, 8).
 */
export type StepList = 'revocation' | 'rollback';

interface Analysis {
  /** Sorted by start offset; ranges do not overlap. */
  symbols: PlanSymbol[];
  stepLists: WeakMap<PlanSymbol, StepList>;
}

const cache = new WeakMap<PlanDocument, Analysis>();

/** Every definition and reference written in the document, in text order. */
export function collectSymbols(doc: PlanDocument): PlanSymbol[] {
  return analyze(doc).symbols;
}

/** The symbol whose id text contains the offset (a cursor just after an id counts). */
export function symbolAt(doc: PlanDocument, offset: number): PlanSymbol | undefined {
  const symbols = collectSymbols(doc);
  // The last symbol starting at or before the offset: ranges do not overlap.
  let lo = 0;
  let hi = symbols.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (symbols[mid].range.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return undefined;
  const symbol = symbols[found];
  if (offset <= symbol.range.end) return symbol;
  return undefined;
}

/** The list a step symbol (definition, `after` or `expect` entry) belongs to; undefined for other kinds. */
export function stepListOf(doc: PlanDocument, symbol: PlanSymbol): StepList | undefined {
  return analyze(doc).stepLists.get(symbol);
}

/**
 * The id text of a scalar: its range without the quotes of a quoted scalar (so that a rename
 * keeps the quoting), or the part of the source that spells the value.
 */
export function idRange(text: string, node: YScalar): OffsetRange {
  const { start, end } = node;
  const source = text.slice(start, end);
  const value = typeof node.value === 'string' ? node.value : String(node.value);
  if (source === value) return { start, end };
  const q = source[0];
  if ((q === '"' || q === "'") && source.length >= 2 && source[source.length - 1] === q) return { start: start + 1, end: end - 1 };
  const at = value === '' ? -1 : source.lastIndexOf(value);
  if (at >= 0) return { start: start + at, end: start + at + value.length };
  return { start, end };
}

function analyze(doc: PlanDocument): Analysis {
  let analysis = cache.get(doc);
  if (!analysis) {
    analysis = build(doc);
    cache.set(doc, analysis);
  }
  return analysis;
}

function build(doc: PlanDocument): Analysis {
  const m = doc.model;
  const out: PlanSymbol[] = [];
  const stepLists = new WeakMap<PlanSymbol, StepList>();

  const add = (kind: SymbolKind, role: PlanSymbol['role'], node: YScalar, id: string, container?: string): PlanSymbol | undefined => {
    if (node.block || id === '') return undefined; // an id is never written as a block scalar
    const symbol: PlanSymbol = { kind, id, uri: doc.uri, range: idRange(doc.text, node), role };
    if (container !== undefined) symbol.container = container;
    out.push(symbol);
    return symbol;
  };
  const def = (kind: SymbolKind, d: { id: string; key: YScalar }) => add(kind, 'definition', d.key, d.id);
  const ref = (kind: SymbolKind, r: Ref | Text | undefined, container?: string) => (r ? add(kind, 'reference', r.node, r.value, container) : undefined);
  const refs = (kind: SymbolKind, rs: readonly Ref[] | undefined, container?: string) => rs?.forEach((r) => ref(kind, r, container));
  const stepRef = (r: Ref, container: string | undefined, list: StepList) => {
    const symbol = ref('step', r, container);
    if (symbol) stepLists.set(symbol, list);
  };

  ref('contact', m.plan?.owner);
  ref('contact', m.plan?.incidentLead);
  for (const c of m.contacts.values()) def('contact', c);
  for (const s of m.severities.values()) {
    def('severity', s);
    refs('contact', s.notify);
  }
  for (const s of m.services.values()) {
    def('service', s);
    ref('contact', s.owner);
  }
  for (const cls of m.classes.values()) {
    def('class', cls);
    ref('contact', cls.owner);
    ref('contact', cls.deputy);
    ref('severity', cls.severity);
    refs('service', cls.usedBy);
    for (const v of cls.revocation?.validate ?? []) ref('service', v.service);
    const lists: [StepList, Step[]][] = [
      ['revocation', cls.revocation?.steps ?? []],
      ['rollback', cls.rollback?.steps ?? []],
    ];
    for (const [list, steps] of lists) {
      for (const step of steps) {
        if (step.id) {
          const symbol = add('step', 'definition', step.id.node, step.id.value, cls.id);
          if (symbol) stepLists.set(symbol, list);
        }
        ref('contact', step.actor);
        for (const r of step.after ?? []) stepRef(r, cls.id, list);
      }
    }
    for (const e of cls.evidence ?? []) {
      if (e.id) add('evidence', 'definition', e.id.node, e.id.value, cls.id);
      ref('contact', e.actor);
    }
  }
  for (const d of m.drills.values()) {
    def('drill', d);
    ref('class', d.class);
    ref('severity', d.severity);
    refs('contact', d.unavailable);
    const container = d.class?.value;
    for (const o of d.objectives) refs('evidence', o.evidence, container);
    for (const i of d.injects) for (const r of i.expect ?? []) stepRef(r, container, 'revocation');
  }

  // Text order; an alias makes one node appear twice: keep it once.
  out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const symbols = out.filter((s, i) => i === 0 || s.range.start !== out[i - 1].range.start || s.range.end !== out[i - 1].range.end);
  return { symbols, stepLists };
}
