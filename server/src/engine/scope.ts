// What a document can see: its own contacts, severities and services plus those of its imports,
// transitively (section 1). Imports may form cycles or diamonds; each document is read once.
import type { Contact, ImportEntry, Service, SeverityDef } from './model';
import { isIrplanDocument, type PlanDocument } from './document';

export interface Visible<T> {
  def: T;
  /** The document that defines it. */
  uri: string;
}

export interface ImportProblem {
  entry: ImportEntry;
  message: string;
}

export interface Redefinition {
  /** The key in the importing document (or the import entry that brought the second copy). */
  at: ImportEntry['node'];
  kind: 'contact' | 'severity' | 'service';
  id: string;
  otherUri: string;
}

export interface Scope {
  contacts: Map<string, Visible<Contact>>;
  severities: Map<string, Visible<SeverityDef>>;
  services: Map<string, Visible<Service>>;
  /** The first severity declared: in the document itself, else in its imports in order. */
  firstSeverity?: string;
  /** Every document reached through imports, not including the document itself. */
  imported: PlanDocument[];
  importProblems: ImportProblem[];
  redefinitions: Redefinition[];
}

/** Loads documents by uri; returns undefined when the uri cannot be read. */
export type DocumentLoader = (uri: string) => PlanDocument | undefined;
export type ImportResolver = (fromUri: string, path: string) => string;

export function buildScope(doc: PlanDocument, load: DocumentLoader, resolve: ImportResolver): Scope {
  const scope: Scope = {
    contacts: new Map(),
    severities: new Map(),
    services: new Map(),
    imported: [],
    importProblems: [],
    redefinitions: [],
  };
  const own = doc.model;
  addAll(scope.contacts, own.contacts, doc.uri);
  addAll(scope.severities, own.severities, doc.uri);
  addAll(scope.services, own.services, doc.uri);
  scope.firstSeverity = own.severities.keys().next().value;

  // Breadth-first over the import graph; `seen` makes cycles and diamonds harmless.
  const seen = new Set<string>([doc.uri]);
  const queue: { from: PlanDocument; entry: ImportEntry; direct: ImportEntry }[] = own.imports.map((entry) => ({ from: doc, entry, direct: entry }));
  while (queue.length > 0) {
    const { from, entry, direct } = queue.shift()!;
    const uri = resolve(from.uri, entry.path);
    if (seen.has(uri)) continue;
    seen.add(uri);
    const imported = load(uri);
    if (!imported || !isIrplanDocument(imported)) {
      if (from === doc) {
        scope.importProblems.push({
          entry,
          message: imported
            ? `${JSON.stringify(entry.path)} is not an irplan document (it has no "irplan" version key): import only irplan plans or libraries`
            : `cannot read ${JSON.stringify(entry.path)}: check the path, which is relative to this file`,
        });
      }
      continue;
    }
    scope.imported.push(imported);
    const m = imported.model;
    mergeImported(scope, 'contact', scope.contacts, m.contacts, imported.uri, doc, direct);
    mergeImported(scope, 'severity', scope.severities, m.severities, imported.uri, doc, direct);
    mergeImported(scope, 'service', scope.services, m.services, imported.uri, doc, direct);
    if (scope.firstSeverity === undefined) scope.firstSeverity = m.severities.keys().next().value;
    for (const next of m.imports) queue.push({ from: imported, entry: next, direct });
  }
  return scope;
}

function addAll<T>(target: Map<string, Visible<T>>, source: Map<string, T>, uri: string): void {
  for (const [id, def] of source) target.set(id, { def, uri });
}

function mergeImported<T extends { key: ImportEntry['node'] }>(
  scope: Scope,
  kind: Redefinition['kind'],
  target: Map<string, Visible<T>>,
  source: Map<string, T>,
  uri: string,
  doc: PlanDocument,
  direct: ImportEntry,
): void {
  for (const [id, def] of source) {
    const existing = target.get(id);
    if (!existing) {
      target.set(id, { def, uri });
      continue;
    }
    // The document's own definition wins and is the redefining key; between two imports, the
    // import entry that brought the second copy is where the author can act.
    const at = existing.uri === doc.uri ? existing.def.key : direct.node;
    scope.redefinitions.push({ at, kind, id, otherUri: existing.uri === doc.uri ? uri : existing.uri });
  }
}
