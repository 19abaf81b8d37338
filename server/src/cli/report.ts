// The results of a run as the formatters see them: findings with 1-based line and column
// (UTF-16 code units, end column exclusive), grouped per file under the path as printed.
import type { Finding, LineIndex, Severity } from '../engine';

export interface PositionedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  /** The column just after the last character of the range. */
  endColumn: number;
  /** The rule's page, relative to the package: docs/rules/<id>.md. */
  docs: string;
}

export interface FileResult {
  /** Relative to the working folder, forward slashes. */
  path: string;
  findings: PositionedFinding[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface Report {
  files: FileResult[];
  summary: Summary;
}

/**
 * Findings with 1-based positions. A leading byte-order mark is part of the text the engine
 * sees but not a column anyone counts, so columns on the first line are shifted past it.
 */
export function positionFindings(text: string, lines: LineIndex, findings: readonly Finding[]): PositionedFinding[] {
  const bom = text.charCodeAt(0) === 0xfeff;
  const at = (offset: number) => {
    const p = lines.position(offset);
    const character = bom && p.line === 0 && p.character > 0 ? p.character - 1 : p.character;
    return { line: p.line + 1, column: character + 1 };
  };
  return findings.map((f) => {
    const start = at(f.range.start);
    const end = at(f.range.end);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      docs: f.docs,
    };
  });
}

export function summarize(files: readonly FileResult[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const f of file.findings) {
      if (f.severity === 'error') summary.errors++;
      else if (f.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

export function makeReport(files: FileResult[]): Report {
  return { files, summary: summarize(files) };
}

/** What a formatter may know about where its output goes. */
export interface FormatContext {
  /** The working folder (absolute): SARIF's %SRCROOT%. */
  cwd: string;
  /** ANSI colour allowed. */
  color: boolean;
  /** stdout is a terminal (a person is reading, not a pipe). */
  tty: boolean;
}

export type Formatter = (report: Report, ctx: FormatContext) => string;
