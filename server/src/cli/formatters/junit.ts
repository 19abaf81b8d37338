// JUnit XML for CI test reports: one <testsuite> per file holding one <testcase> (classname
// irplan, name the path) with one <failure> per error or warning; infos go to <system-out>.
import type { Formatter } from '../report';

export const junit: Formatter = (report) => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failuresOf = (file: (typeof report.files)[number]) => file.findings.filter((f) => f.severity !== 'info');
  const totalFailures = report.files.reduce((n, file) => n + failuresOf(file).length, 0);
  lines.push(`<testsuites name="irplan" tests="${report.files.length}" failures="${totalFailures}" errors="0">`);
  for (const file of report.files) {
    const failures = failuresOf(file);
    const infos = file.findings.filter((f) => f.severity === 'info');
    const name = xml(file.path);
    lines.push(`  <testsuite name="${name}" tests="1" failures="${failures.length}" errors="0" skipped="0">`);
    if (failures.length === 0 && infos.length === 0) {
      lines.push(`    <testcase classname="irplan" name="${name}"/>`);
    } else {
      lines.push(`    <testcase classname="irplan" name="${name}">`);
      for (const f of failures) {
        lines.push(`      <failure type="${xml(f.ruleId)}" message="${xml(f.message)}">${xml(`${f.line}:${f.column} ${f.ruleId}`)}</failure>`);
      }
      if (infos.length > 0) {
        const text = infos.map((f) => `${f.line}:${f.column} info ${f.message} ${f.ruleId}`).join('\n');
        lines.push(`      <system-out>${xml(text)}</system-out>`);
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
};

// Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE, U+FFFF) are dropped.
const ILLEGAL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Escaped for both text and attribute values (line breaks kept as character references). */
export function xml(text: string): string {
  return text
    .replace(ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
