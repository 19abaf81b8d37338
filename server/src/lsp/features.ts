// The editor features, each a thin mapping from an LSP request to an engine function and back.
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Range,
  type WorkspaceEdit,
  type WorkspaceSymbol,
} from 'vscode-languageserver/node';
import { redactSecrets, type Finding, type PlanDocument } from '../engine';
import { completionsAt } from '../engine/editor/completion';
import { hoverAt } from '../engine/editor/hover';
import { findDefinitions, findReferences, prepareRename, renameEdits } from '../engine/editor/navigation';
import { documentOutline, workspaceSymbols } from '../engine/editor/outline';
import { quickFixes } from '../engine/editor/fixes';
import { codeLenses } from '../engine/editor/lenses';
import type { CompletionKind, OutlineKind, PlanSymbol, TextEdit } from '../engine/editor/types';
import { RUN_DRILL_COMMAND } from '../protocol';
import { toOffset, toRange } from './convert';
import type { WorkspaceIndex } from './workspace';
import { normalizeUri } from './uris';

type Pos = { line: number; character: number };

export class Features {
  constructor(
    private readonly index: WorkspaceIndex,
    /** The client's uri for a document (open documents keep the spelling the client used). */
    private readonly clientUri: (uri: string) => string,
  ) {}

  private at(uri: string, position: Pos): { doc: PlanDocument; offset: number } | undefined {
    const doc = this.index.get(uri);
    return doc ? { doc, offset: toOffset(doc, position) } : undefined;
  }

  private location(symbol: { uri: string; range: { start: number; end: number } }): Location | undefined {
    const doc = this.index.get(symbol.uri);
    return doc ? { uri: this.clientUri(symbol.uri), range: toRange(doc, symbol.range) } : undefined;
  }

  completion(uri: string, position: Pos): CompletionItem[] {
    const here = this.at(uri, position);
    if (!here) return [];
    return completionsAt(this.index, here.doc.uri, here.offset).map((entry) => ({
      label: entry.label,
      kind: COMPLETION_KIND[entry.kind],
      detail: entry.detail,
      documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
      sortText: entry.sortText,
      insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: toRange(here.doc, entry.range), newText: entry.insertText ?? entry.label },
    }));
  }

  hover(uri: string, position: Pos): Hover | null {
    const here = this.at(uri, position);
    const info = here && hoverAt(this.index, here.doc.uri, here.offset);
    if (!here || !info) return null;
    return { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: toRange(here.doc, info.range) };
  }

  definition(uri: string, position: Pos): Location[] {
    const here = this.at(uri, position);
    if (!here) return [];
    return findDefinitions(this.index, here.doc.uri, here.offset).flatMap((s) => this.location(s) ?? []);
  }

  references(uri: string, position: Pos, includeDeclaration: boolean): Location[] {
    const here = this.at(uri, position);
    if (!here) return [];
    return findReferences(this.index, here.doc.uri, here.offset, includeDeclaration).flatMap((s: PlanSymbol) => this.location(s) ?? []);
  }

  prepareRename(uri: string, position: Pos): { range: Range; placeholder: string } | { error: string } | null {
    const here = this.at(uri, position);
    if (!here) return null;
    const result = prepareRename(this.index, here.doc.uri, here.offset);
    if (!result) return null;
    if ('error' in result) return result;
    return { range: toRange(here.doc, result.range), placeholder: result.placeholder };
  }

  rename(uri: string, position: Pos, newName: string): WorkspaceEdit | { error: string } {
    const here = this.at(uri, position);
    if (!here) return { error: 'this document cannot be read' };
    const edits = renameEdits(this.index, here.doc.uri, here.offset, newName);
    if ('error' in edits) return edits;
    return this.workspaceEdit(edits);
  }

  documentSymbols(uri: string): DocumentSymbol[] {
    const doc = this.index.get(uri);
    if (!doc) return [];
    const convert = (node: ReturnType<typeof documentOutline>[number]): DocumentSymbol => ({
      name: redactSecrets(node.name) || '(unnamed)',
      detail: node.detail && redactSecrets(node.detail),
      kind: OUTLINE_KIND[node.kind],
      range: toRange(doc, node.range),
      selectionRange: toRange(doc, node.selection),
      children: node.children.map(convert),
    });
    return documentOutline(doc).map(convert);
  }

  workspaceSymbols(query: string): WorkspaceSymbol[] {
    return workspaceSymbols(this.index, query).flatMap((s) => {
      const location = this.location(s);
      return location ? [{ name: redactSecrets(s.name), kind: OUTLINE_KIND[s.kind as OutlineKind] ?? SymbolKind.Key, location, containerName: s.container }] : [];
    });
  }

  codeActions(uri: string, range: Range, findings: Finding[]): CodeAction[] {
    const doc = this.index.get(uri);
    if (!doc) return [];
    const start = toOffset(doc, range.start);
    const end = toOffset(doc, range.end);
    const actions: CodeAction[] = [];
    for (const finding of findings) {
      if (finding.range.end < start || finding.range.start > end) continue;
      for (const fix of quickFixes(this.index, finding)) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.isPreferred, edit: this.workspaceEdit(fix.edits) });
      }
    }
    return actions;
  }

  codeLenses(uri: string): CodeLens[] {
    const doc = this.index.get(uri);
    if (!doc) return [];
    const lenses = codeLenses(this.index, doc.uri);
    const client = this.clientUri(doc.uri);
    return [
      ...lenses.classLenses.map((l) => ({ range: toRange(doc, l.range), command: { title: l.title, command: '' } })),
      ...lenses.drillLenses.map((l) => ({ range: toRange(doc, l.range), command: { title: l.summary ?? l.title, command: RUN_DRILL_COMMAND, arguments: [client, l.drillId] } })),
    ];
  }

  private workspaceEdit(edits: TextEdit[]): WorkspaceEdit {
    const changes: WorkspaceEdit['changes'] = {};
    for (const edit of edits) {
      const doc = this.index.get(edit.uri);
      if (!doc) continue;
      const key = this.clientUri(normalizeUri(edit.uri));
      (changes[key] ??= []).push({ range: toRange(doc, edit.range), newText: edit.newText });
    }
    return { changes };
  }
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  framework: CompletionItemKind.Constant,
  snippet: CompletionItemKind.Snippet,
};

const OUTLINE_KIND: Record<OutlineKind, SymbolKind> = {
  plan: SymbolKind.File,
  section: SymbolKind.Namespace,
  contact: SymbolKind.Object,
  severity: SymbolKind.EnumMember,
  service: SymbolKind.Module,
  class: SymbolKind.Class,
  step: SymbolKind.Method,
  evidence: SymbolKind.Field,
  drill: SymbolKind.Event,
};
