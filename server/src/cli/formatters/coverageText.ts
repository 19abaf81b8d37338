// `irplan coverage` for people (`--format table`): per plan, a table of its classes by the seven
// controls with the last drill's verdict, what is missing under each class that lacks something,
// then the framework view, then the totals.
import { CONTROL_TITLES, COVERAGE_CONTROLS, FRAMEWORK_GROUP_TITLES, shortFrameworkId, type FrameworkGroup } from '../../engine';
import { makeStyle, type Style } from '../io';
import { isTagged, shareText, taggedText, type ClassView, type CoverageFormatter, type CoverageView, type PlanView } from './coverageReport';
import { table } from './drillText';

const PASS = '✔';
const FAIL = '✖';
const MAX_TITLE = 48;

export const coverageTable: CoverageFormatter = ({ view }, ctx) => {
  const style = makeStyle(ctx.color);
  const blocks = view.plans.map((p) => planBlock(p, style));
  if (blocks.length === 0) blocks.push('no plans\n');
  return `${blocks.join('\n')}\n${frameworksBlock(view, style)}\n${style.bold(summaryLine(view))}\n`;
};

export function summaryLine(view: CoverageView): string {
  const plans = `${view.summary.plans} ${view.summary.plans === 1 ? 'plan' : 'plans'}`;
  return `${plans}: ${shareText(view.summary)}; ${view.summary.frameworks_tagged} of ${view.summary.frameworks} OWASP NHI risks and CSF Respond/Recover subcategories tagged`;
}

function planBlock(p: PlanView, style: Style): string {
  const lines = [style.bold(p.title ? `${p.path} — ${p.title}` : p.path)];
  if (p.classes.length === 0) {
    lines.push('  no credential classes');
  } else {
    const header = ['class', ...COVERAGE_CONTROLS.map((c) => CONTROL_TITLES[c]), 'last drill', 'covered'];
    const rows = p.classes.map((c) => [c.id, ...COVERAGE_CONTROLS.map((k) => (c.controls[k].ok ? PASS : FAIL)), c.last_drill_verdict ?? '-', `${c.covered}/${c.total}`]);
    const rendered = table(header, rows);
    lines.push(`  ${style.dim(rendered[0])}`);
    p.classes.forEach((c, i) => {
      lines.push(`  ${colour(rendered[i + 1], style)}`);
      lines.push(...missingLines(c, style));
    });
  }
  lines.push(`  ${shareText(p.summary)}`);
  return `${lines.join('\n')}\n`;
}

/** The marks and verdicts in colour, once the columns are laid out (colour codes have no width). */
function colour(line: string, style: Style): string {
  return line
    .replace(new RegExp(PASS, 'g'), style.green(PASS))
    .replace(new RegExp(FAIL, 'g'), style.red(FAIL))
    .replace(/ (pass|fail)( +\d+\/\d+)$/, (_, v: string, rest: string) => ` ${v === 'pass' ? style.green(v) : style.red(v)}${rest}`);
}

function missingLines(c: ClassView, style: Style): string[] {
  return COVERAGE_CONTROLS.filter((k) => !c.controls[k].ok).map((k) => `    ${style.red(FAIL)} ${k}: ${c.controls[k].missing ?? 'missing'}`);
}

function frameworksBlock(view: CoverageView, style: Style): string {
  const lines = [style.bold('Frameworks: the classes and drills tagged with each')];
  let group: FrameworkGroup | undefined;
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length > 0) lines.push(...table(['', '', ''], rows).slice(1).map((l) => `    ${l.endsWith(' gap') ? l.replace(/gap$/, style.yellow('gap')) : l}`));
    rows = [];
  };
  for (const f of view.frameworks) {
    if (f.group !== group) {
      flush();
      group = f.group;
      lines.push(`  ${FRAMEWORK_GROUP_TITLES[group]}`);
    }
    rows.push([shortFrameworkId(f), clip(f.title), isTagged(f) ? taggedText(f) : 'gap']);
  }
  flush();
  return `${lines.join('\n')}\n`;
}

function clip(text: string): string {
  return text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text;
}
