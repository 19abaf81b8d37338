// The workspace index: every plan of the workspace folders, open or not, each analysed once per
// version. Open editors win over the disk; files on disk are re-read when the client's file
// watcher says they changed. It is the engine's DocumentHost and the editor features' PlanIndex,
// and it knows which documents import which, so an edit to a library re-validates its importers.
import * as fs from 'node:fs';
import { analyzeDocument, type DocumentHost, type PlanDocument } from '../engine';
import { buildScope, type Scope } from '../engine/scope';
import type { PlanIndex } from '../engine/editor/types';
import { collectPlanFiles } from '../cli/files';
import { filePathOf, fileUri, normalizeUri, resolveImport } from './uris';

interface Entry {
  /** The text this analysis is of; compared to decide whether the cache still holds. */
  text: string;
  doc: PlanDocument;
}

export class WorkspaceIndex implements PlanIndex, DocumentHost {
  /** Open documents' texts, by normalised uri. */
  private readonly openTexts = new Map<string, string>();
  /** Disk texts read so far (undefined: cannot be read), dropped when the file changes. */
  private readonly diskTexts = new Map<string, string | undefined>();
  private readonly analysed = new Map<string, Entry>();
  private readonly known = new Set<string>();
  private scopes = new Map<string, Scope>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  /** Finds every plan in the folders (file paths). Returns the uris found. */
  addFolders(folderPaths: readonly string[]): string[] {
    const found: string[] = [];
    for (const folder of folderPaths) {
      for (const file of collectPlanFiles([folder], folder).files) {
        const uri = fileUri(file);
        this.known.add(uri);
        found.push(uri);
      }
    }
    return found;
  }

  open(uri: string, text: string): void {
    const key = normalizeUri(uri);
    this.openTexts.set(key, text);
    this.diskTexts.delete(key); // the editor's text wins; the disk is read again on close
    this.known.add(key);
    this.changed();
  }

  close(uri: string): void {
    const key = normalizeUri(uri);
    this.openTexts.delete(key);
    this.diskTexts.delete(key);
    if (filePathOf(key) === undefined) this.known.delete(key);
    this.changed();
  }

  /** A watched file was created, changed or deleted on disk. */
  fileChanged(uri: string, deleted: boolean): void {
    const key = normalizeUri(uri);
    this.diskTexts.delete(key);
    if (deleted && !this.openTexts.has(key)) this.known.delete(key);
    else if (/\.irplan\.ya?ml$/.test(key) && !key.endsWith('/.irplan.yaml')) this.known.add(key);
    this.changed();
  }

  isOpen(uri: string): boolean {
    return this.openTexts.has(normalizeUri(uri));
  }

  // DocumentHost
  read(uri: string): string | undefined {
    const key = normalizeUri(uri);
    const open = this.openTexts.get(key);
    if (open !== undefined) return open;
    if (this.diskTexts.has(key)) return this.diskTexts.get(key);
    const path = filePathOf(key);
    let text: string | undefined;
    if (path !== undefined) {
      try {
        text = this.decoder.decode(fs.readFileSync(path));
      } catch {
        text = undefined;
      }
    }
    this.diskTexts.set(key, text);
    return text;
  }

  resolve(fromUri: string, relativePath: string): string {
    return resolveImport(fromUri, relativePath);
  }

  // PlanIndex
  get(uri: string): PlanDocument | undefined {
    const key = normalizeUri(uri);
    const text = this.read(key);
    if (text === undefined) return undefined;
    const cached = this.analysed.get(key);
    if (cached && cached.text === text) return cached.doc;
    // The previous version lends its unchanged entries to the new one (and is dropped here).
    const doc = analyzeDocument(key, text, cached?.doc);
    this.analysed.set(key, { text, doc });
    return doc;
  }

  scopeOf(doc: PlanDocument): Scope {
    let scope = this.scopes.get(doc.uri);
    if (!scope || this.get(doc.uri) !== doc) {
      scope = buildScope(doc, (uri) => this.get(uri), (from, path) => this.resolve(from, path));
      if (this.get(doc.uri) === doc) this.scopes.set(doc.uri, scope);
    }
    return scope;
  }

  allUris(): Iterable<string> {
    return this.known;
  }

  /** Documents whose imports reach `uri` (directly or through others), readable or not. */
  dependentsOf(uri: string): string[] {
    const key = normalizeUri(uri);
    const result: string[] = [];
    for (const other of this.known) {
      if (other === key) continue;
      const doc = this.get(other);
      if (doc && doc.model.imports.length > 0 && this.importClosure(doc).has(key)) result.push(other);
    }
    return result;
  }

  /** Every uri a document's imports name, transitively, including those that cannot be read. */
  private importClosure(doc: PlanDocument): Set<string> {
    const seen = new Set<string>();
    const queue = [doc];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const entry of current.model.imports) {
        const uri = this.resolve(current.uri, entry.path);
        if (seen.has(uri)) continue;
        seen.add(uri);
        const next = this.get(uri);
        if (next) queue.push(next);
      }
    }
    return seen;
  }

  /** Any change may alter what imports resolve to: scopes are rebuilt on demand. */
  private changed(): void {
    this.scopes = new Map();
  }
}
