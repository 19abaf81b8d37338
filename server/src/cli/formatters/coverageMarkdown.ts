// `irplan coverage --format markdown`: the table report as a Markdown document, for a pull-request
// comment or a job summary.
import { CONTROL_TITLES, COVERAGE_CONTROLS, FRAMEWORK_GROUP_TITLES, shortFrameworkId, type FrameworkGroup } from '../../engine';
import { isTagged, shareText, taggedText, type CoverageFormatter, type PlanView } from './coverageReport';
import { summaryLine } from './coverageText';
import { markdownCell as cell, markdownRow as row } from '../../engine/markdown';

export const coverageMarkdown: CoverageFormatter = ({ view }) => {
  const out = ['# Coverage', '', `**${cell(summaryLine(view))}**`, ''];
  for (const p of view.plans) out.push(...planSection(p));
  out.push('## Frameworks', '');
  let group: FrameworkGroup | undefined;
  for (const f of view.frameworks) {
    if (f.group !== group) {
      if (group !== undefined) out.push('');
      group = f.group;
      out.push(`### ${cell(FRAMEWORK_GROUP_TITLES[group])}`, '', '| Id | Title | Tagged |', '|---|---|---|');
    }
    out.push(row([shortFrameworkId(f), f.title, isTagged(f) ? taggedText(f) : '⚠️ gap']));
  }
  return `${out.join('\n').trimEnd()}\n`;
};

function planSection(p: PlanView): string[] {
  const out = [`## ${cell(p.title ? `${p.path}: ${p.title}` : p.path)}`, '', `${cell(shareText(p.summary))}`, ''];
  if (p.classes.length === 0) return [...out, 'No credential classes.', ''];
  out.push(
    `| Class | ${COVERAGE_CONTROLS.map((c) => CONTROL_TITLES[c]).join(' | ')} | Last drill | Covered |`,
    `|---|${COVERAGE_CONTROLS.map(() => ':-:').join('|')}|:-:|:-:|`,
  );
  for (const c of p.classes) {
    const verdict = c.last_drill_verdict === 'pass' ? '✅ pass' : c.last_drill_verdict === 'fail' ? '❌ fail' : '—';
    out.push(row([c.id, ...COVERAGE_CONTROLS.map((k) => (c.controls[k].ok ? '✅' : '❌')), verdict, `${c.covered}/${c.total}`]));
  }
  out.push('');
  const missing = p.classes.flatMap((c) => COVERAGE_CONTROLS.filter((k) => !c.controls[k].ok).map((k) => `- **${cell(c.id)}** · ${k}: ${cell(c.controls[k].missing ?? 'missing')}`));
  if (missing.length > 0) out.push('Missing:', '', ...missing, '');
  return out;
}
