// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Formatter, PositionedFinding } from '../report';

const COMMAND: Record<PositionedFinding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

export const github: Formatter = (report) => {
  let out = '';
  for (const file of report.files) {
    for (const f of file.findings) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`irplan ${f.ruleId}`)}`,
      ];
      out += `::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}\n`;
    }
  }
  return out;
};

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
