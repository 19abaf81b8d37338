// ESLint's "stylish" layout: per file, its path underlined, then one aligned row per finding
// (line:column, severity, message, rule id), then a one-line summary. Nothing when clean, except
// a short confirmation on a terminal.
import { makeStyle, padEnd, padStart, plural, type Style } from '../io';
import type { Formatter, PositionedFinding, Report } from '../report';

export const stylish: Formatter = (report, ctx) => {
  const style = makeStyle(ctx.color);
  const { summary } = report;
  const problems = summary.errors + summary.warnings + summary.infos;
  if (problems === 0) {
    return ctx.tty ? `${style.green('✔')} ${plural(summary.files, 'file')} checked, no problems\n` : '';
  }
  let out = '';
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    out += `\n${style.underline(file.path)}\n${rows(file.findings, style)}\n`;
  }
  out += `\n${summaryLine(report, style)}\n`;
  return out;
};

function rows(findings: readonly PositionedFinding[], style: Style): string {
  const lineWidth = Math.max(...findings.map((f) => String(f.line).length));
  const columnWidth = Math.max(...findings.map((f) => String(f.column).length));
  const severityWidth = Math.max(...findings.map((f) => f.severity.length));
  const messageWidth = Math.max(...findings.map((f) => f.message.length));
  return findings
    .map((f) => {
      const where = style.dim(`${padStart(String(f.line), lineWidth)}:${padEnd(String(f.column), columnWidth)}`);
      const severity = padEnd(colorSeverity(f.severity, style), severityWidth, f.severity.length);
      const message = padEnd(f.message, messageWidth);
      return `  ${where}  ${severity}  ${message}  ${style.dim(f.ruleId)}`;
    })
    .join('\n');
}

function colorSeverity(severity: PositionedFinding['severity'], style: Style): string {
  return severity === 'error' ? style.red(severity) : severity === 'warning' ? style.yellow(severity) : style.blue(severity);
}

/** `✖ 3 problems (1 error, 1 warning, 1 info)`. */
export function summaryLine(report: Report, style: Style): string {
  const { errors, warnings, infos } = report.summary;
  const total = errors + warnings + infos;
  const text = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
  const colored = errors > 0 ? style.red(text) : warnings > 0 ? style.yellow(text) : style.blue(text);
  return style.bold(colored);
}
