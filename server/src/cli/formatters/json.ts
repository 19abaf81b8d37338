// Machine-readable results, version 1: every file checked (clean ones with no findings), each
// finding with its rule, severity, message and 1-based range, and the totals.
import type { Formatter } from '../report';

export const json: Formatter = (report) => {
  const out = {
    version: 1,
    files: report.files.map((file) => ({
      path: file.path,
      findings: file.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        docs: f.docs,
      })),
    })),
    summary: {
      files: report.summary.files,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      infos: report.summary.infos,
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
