// Offsets inside, positions at the edge: conversions between engine results and LSP shapes.
import type { Diagnostic, Range } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding, OffsetRange, PlanDocument } from '../engine';
import { fileUri } from './uris';
import * as path from 'node:path';

export function toRange(doc: PlanDocument, range: OffsetRange): Range {
  const lines = doc.lines();
  return { start: lines.position(range.start), end: lines.position(range.end) };
}

export function toOffset(doc: PlanDocument, position: { line: number; character: number }): number {
  return doc.lines().offset(position);
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Where rule pages live: the extension's docs/rules folder, or the one beside this bundle. */
export function docsLinker(docsFolder?: string): (ruleId: string) => string {
  const folder = docsFolder ?? path.resolve(__dirname, '..', 'docs', 'rules');
  return (ruleId) => fileUri(path.join(folder, `${ruleId}.md`));
}

export function toDiagnostic(doc: PlanDocument, finding: Finding, docsHref: (ruleId: string) => string): Diagnostic {
  return {
    range: toRange(doc, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsHref(finding.ruleId) },
    source: 'irplan',
    message: finding.message,
  };
}
