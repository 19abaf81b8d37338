// What the engine tells an editor, in offsets: symbols and references, completion entries,
// hovers, outline nodes, quick fixes and lens data. The language server turns these into LSP
// shapes; nothing here knows LSP or VS Code.
import type { OffsetRange } from '../findings';
import type { PlanDocument } from '../document';
import type { Scope } from '../scope';

export type SymbolKind = 'contact' | 'service' | 'severity' | 'class' | 'drill' | 'step' | 'evidence';

export interface PlanSymbol {
  kind: SymbolKind;
  id: string;
  /** Steps and evidence ids are per class: the class they belong to. */
  container?: string;
  uri: string;
  /** The id text itself: the key of a definition, the value of a reference. */
  range: OffsetRange;
  role: 'definition' | 'reference';
}

/** The documents an editor feature may look across (the language server's workspace index). */
export interface PlanIndex {
  get(uri: string): PlanDocument | undefined;
  scopeOf(doc: PlanDocument): Scope;
  /** Every plan document known to the workspace, open or not. */
  allUris(): Iterable<string>;
}

export interface TextEdit {
  uri: string;
  range: OffsetRange;
  newText: string;
}

export type CompletionKind = 'key' | 'value' | 'reference' | 'framework' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line shown beside the label (a contact's kind and name, a key's type). */
  detail?: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  /** Text to insert when it differs from the label; may hold snippet placeholders when `snippet`. */
  insertText?: string;
  snippet?: boolean;
  /** The text the entry replaces (the word at the cursor). */
  range: OffsetRange;
  sortText?: string;
}

export interface HoverInfo {
  range: OffsetRange;
  markdown: string;
}

export type OutlineKind = 'plan' | 'section' | 'contact' | 'severity' | 'service' | 'class' | 'step' | 'evidence' | 'drill';

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole entry. */
  range: OffsetRange;
  /** The part to select and reveal: its key or id. */
  selection: OffsetRange;
  children: OutlineNode[];
}

export interface QuickFix {
  title: string;
  ruleId: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}
