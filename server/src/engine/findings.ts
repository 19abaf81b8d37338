// What the engine reports: findings with UTF-16 offsets into the document text.
// Adapters (CLI, language server) turn offsets into line/column positions at the edge.

export type Severity = 'error' | 'warning' | 'info';
/** A rule's effective level after configuration: a severity, or switched off. */
export type RuleLevel = Severity | 'off';

export interface OffsetRange {
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset just past the last character (start === end for an empty range). */
  end: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The document the finding is in (the same string the host used to read it). */
  uri: string;
  range: OffsetRange;
  /** The rule's documentation page, relative to the project's docs (docs/rules/<id>.md). */
  docs: string;
}
