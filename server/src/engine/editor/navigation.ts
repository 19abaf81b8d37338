// Go to definition, find references and rename, across documents. Contacts, services and
// severities are shared through imports (spec section 1): a reference resolves to the definition
// in its own document, else to the one its import closure provides, so a library's contact is
// referenced from every plan that imports it, directly or through another library. Classes and
// drills are per document; step and evidence ids per class (and a step's `after` per list).
import type { PlanDocument } from '../document';
import type { OffsetRange } from '../findings';
import type { Scope, Visible } from '../scope';
import { collectSymbols, stepListOf, symbolAt } from './symbols';
import type { PlanIndex, PlanSymbol, SymbolKind, TextEdit } from './types';

type SharedKind = 'contact' | 'service' | 'severity';

const ID = /^[a-z][a-z0-9-]{0,63}$/;

const SECTION: Record<SymbolKind, string> = {
  contact: 'contacts',
  service: 'services',
  severity: 'severities',
  class: 'credential_classes',
  drill: 'drills',
  step: 'steps',
  evidence: 'evidence',
};

/** The definitions the symbol at the cursor names (a definition names itself). */
export function findDefinitions(index: PlanIndex, uri: string, offset: number): PlanSymbol[] {
  const doc = index.get(uri);
  const symbol = doc && symbolAt(doc, offset);
  if (!doc || !symbol) return [];
  return resolve(index, doc, symbol).definitions;
}

/**
 * Every reference to what the symbol at the cursor names, in every document of the index (and
 * the defining document), with the definition too when asked; sorted by uri, then offset.
 */
export function findReferences(index: PlanIndex, uri: string, offset: number, includeDeclaration: boolean): PlanSymbol[] {
  const doc = index.get(uri);
  const symbol = doc && symbolAt(doc, offset);
  if (!doc || !symbol) return [];
  const target = resolve(index, doc, symbol);
  const found = referencesOf(index, doc, symbol, target);
  if (includeDeclaration) found.push(...target.definitions);
  return sortUnique(found);
}

/** What a rename at the cursor would replace: undefined when no id is there, an error when it cannot be renamed. */
export function prepareRename(index: PlanIndex, uri: string, offset: number): { range: OffsetRange; placeholder: string } | { error: string } | undefined {
  const doc = index.get(uri);
  const symbol = doc && symbolAt(doc, offset);
  if (!doc || !symbol) return undefined;
  const { definitions } = resolve(index, doc, symbol);
  if (definitions.length === 0) return { error: notDefined(symbol) };
  return { range: symbol.range, placeholder: symbol.id };
}

/**
 * The edits that rename the id at the cursor: its definition and every reference, in every
 * document. Quoted ids stay quoted (a symbol's range is the text inside the quotes).
 */
export function renameEdits(index: PlanIndex, uri: string, offset: number, newName: string): TextEdit[] | { error: string } {
  if (!ID.test(newName)) {
    return { error: `${JSON.stringify(newName)} is not a valid id: ids match ^[a-z][a-z0-9-]{0,63}$ (a lowercase letter, then up to 63 lowercase letters, digits or hyphens)` };
  }
  const doc = index.get(uri);
  const symbol = doc && symbolAt(doc, offset);
  if (!doc || !symbol) return { error: 'there is no id at the cursor: put the cursor on a contact, service, severity, class, drill, step or evidence id' };
  const target = resolve(index, doc, symbol);
  if (target.definitions.length === 0) return { error: notDefined(symbol) };
  if (newName === symbol.id) return [];
  const taken = nameTaken(index, doc, symbol, target, newName);
  if (taken) return { error: taken };

  const edits: TextEdit[] = [];
  for (const s of sortUnique([...referencesOf(index, doc, symbol, target), ...target.definitions])) {
    const text = index.get(s.uri)?.text ?? '';
    // A plain `true`, `false` or `null` would stop being a string: quote it.
    const plain = text[s.range.start - 1] !== '"' && text[s.range.start - 1] !== "'";
    const newText = plain && /^(?:true|false|null)$/.test(newName) ? `"${newName}"` : newName;
    edits.push({ uri: s.uri, range: s.range, newText });
  }
  return edits;
}

// ---------------------------------------------------------------------------------------------

interface Target {
  definitions: PlanSymbol[];
  /** Shared kinds: the document that defines the id (undefined when it does not resolve). */
  definingUri?: string;
}

function isShared(kind: SymbolKind): kind is SharedKind {
  return kind === 'contact' || kind === 'service' || kind === 'severity';
}

function visibleOf(scope: Scope, kind: SharedKind): Map<string, Visible<unknown>> {
  return kind === 'contact' ? scope.contacts : kind === 'service' ? scope.services : scope.severities;
}

function resolve(index: PlanIndex, doc: PlanDocument, symbol: PlanSymbol): Target {
  const { kind, id } = symbol;
  if (isShared(kind)) {
    const definingUri = symbol.role === 'definition' ? doc.uri : visibleOf(index.scopeOf(doc), kind).get(id)?.uri;
    if (definingUri === undefined) return { definitions: [] };
    if (symbol.role === 'definition') return { definitions: [symbol], definingUri };
    const defining = definingUri === doc.uri ? doc : index.get(definingUri);
    const definitions = defining ? collectSymbols(defining).filter((s) => s.role === 'definition' && s.kind === kind && s.id === id) : [];
    return { definitions, definingUri };
  }
  if (symbol.role === 'definition') return { definitions: [symbol] };
  return { definitions: collectSymbols(doc).filter((s) => s.role === 'definition' && sameLocal(doc, s, symbol)) };
}

/** Two symbols of a per-document kind that name the same thing (same document assumed). */
function sameLocal(doc: PlanDocument, a: PlanSymbol, b: PlanSymbol): boolean {
  if (a.kind !== b.kind || a.id !== b.id) return false;
  if ((a.kind === 'step' || a.kind === 'evidence') && a.container !== b.container) return false;
  if (a.kind === 'step') return stepListOf(doc, a) === stepListOf(doc, b);
  return true;
}

function referencesOf(index: PlanIndex, doc: PlanDocument, symbol: PlanSymbol, target: Target): PlanSymbol[] {
  const { kind, id } = symbol;
  if (!isShared(kind) || target.definingUri === undefined) {
    // Per document, or an unresolved shared reference: the same name in this document.
    const anchor = target.definitions[0] ?? symbol;
    return collectSymbols(doc).filter((s) => s.role === 'reference' && sameLocal(doc, s, anchor));
  }
  const found: PlanSymbol[] = [];
  for (const other of documentsAround(index, target.definingUri)) {
    const candidates = collectSymbols(other).filter((s) => s.role === 'reference' && s.kind === kind && s.id === id);
    if (candidates.length === 0) continue;
    if (visibleOf(index.scopeOf(other), kind).get(id)?.uri === target.definingUri) found.push(...candidates);
  }
  return found;
}

/**
 * Every document of the index, the defining one and every document they import: a library
 * outside the workspace list still refers to ids, and a rename must not leave it behind.
 */
function documentsAround(index: PlanIndex, definingUri: string): PlanDocument[] {
  const docs = new Map<string, PlanDocument>();
  const add = (doc: PlanDocument | undefined) => {
    if (doc && !docs.has(doc.uri)) docs.set(doc.uri, doc);
  };
  for (const uri of [...index.allUris(), definingUri]) add(index.get(uri));
  for (const doc of [...docs.values()]) index.scopeOf(doc).imported.forEach(add);
  return [...docs.values()];
}

/** Why `newName` cannot be used (it names something else in the same namespace), or undefined. */
function nameTaken(index: PlanIndex, doc: PlanDocument, symbol: PlanSymbol, target: Target, newName: string): string | undefined {
  const { kind } = symbol;
  const m = doc.model;
  const what = `${kind} ${JSON.stringify(newName)}`;
  const hint = 'choose another name';
  if (isShared(kind)) {
    // Every document that sees the definition would see both names after the rename.
    const definingUri = target.definingUri!;
    for (const other of documentsAround(index, definingUri)) {
      const scope = index.scopeOf(other);
      if (other.uri !== definingUri && !scope.imported.some((d) => d.uri === definingUri)) continue;
      const existing = visibleOf(scope, kind).get(newName);
      if (existing) return `${what} already exists (under ${SECTION[kind]} in ${where(existing.uri, doc.uri)}): ${hint}`;
    }
    return undefined;
  }
  if (kind === 'class' && m.classes.has(newName)) return `${what} already exists (under credential_classes in this document): ${hint}`;
  if (kind === 'drill' && m.drills.has(newName)) return `${what} already exists (under drills in this document): ${hint}`;
  const container = target.definitions[0].container;
  const cls = container === undefined ? undefined : m.classes.get(container);
  if (kind === 'step') {
    const steps = [...(cls?.revocation?.steps ?? []), ...(cls?.rollback?.steps ?? [])];
    if (steps.some((s) => s.id?.value === newName)) return `class ${JSON.stringify(container)} already has a step ${JSON.stringify(newName)} (step ids are unique within a class): ${hint}`;
  }
  if (kind === 'evidence' && (cls?.evidence ?? []).some((e) => e.id?.value === newName)) {
    return `class ${JSON.stringify(container)} already has an evidence item ${JSON.stringify(newName)}: ${hint}`;
  }
  return undefined;
}

function where(uri: string, from: string): string {
  return uri === from ? 'this document' : uri;
}

function notDefined(symbol: PlanSymbol): string {
  const { kind, id } = symbol;
  const name = JSON.stringify(id);
  if (isShared(kind)) return `${kind} ${name} is not defined: define it first (under ${SECTION[kind]} here or in an imported file), then rename it`;
  if (kind === 'class') return `class ${name} is not defined: define it first under credential_classes in this document, then rename it`;
  const cls = symbol.container === undefined ? 'the drill\'s class' : `class ${JSON.stringify(symbol.container)}`;
  if (kind === 'step') return `step ${name} is not defined: define it first (a step of ${cls} with id: ${id}), then rename it`;
  if (kind === 'evidence') return `evidence ${name} is not defined: define it first (an evidence item of ${cls} with id: ${id}), then rename it`;
  return `${kind} ${name} is not defined: define it first`;
}

function sortUnique(symbols: PlanSymbol[]): PlanSymbol[] {
  const sorted = [...symbols].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start - b.range.start || a.range.end - b.range.end));
  return sorted.filter((s, i) => i === 0 || s.uri !== sorted[i - 1].uri || s.range.start !== sorted[i - 1].range.start || s.range.end !== sorted[i - 1].range.end);
}
