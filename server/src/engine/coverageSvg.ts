// The coverage heat map as one SVG document: a panel of credential classes by the seven controls
// (with the last drill's verdict and the count), and a panel of framework entries by classes
// (tagged on the class, on a drill of it, or not at all). `irplan coverage --format svg` prints it
// for a README or a CI artefact; the VS Code coverage matrix shows the same markup, interactive.
// One renderer, two palettes: `standalone` embeds light colours and dark ones under
// prefers-color-scheme; `host` leaves colouring to the embedding page (theme variables).
//
// Pure string building. Every text that comes from a plan (class ids, titles, paths) is escaped
// and has secrets masked; ids and tags in data-* attributes are escaped too.
import { COVERAGE_CONTROLS, type ClassCoverage, type CoverageControlName } from './coverage';
import { FRAMEWORK_GROUP_TITLES, coveragePercent, type CoverageReport, type FrameworkCoverage, type FrameworkGroup } from './coverageReport';
import { redactSecrets } from './validate';

export interface HeatMapOptions {
  /** The name shown for a plan (its path as printed). */
  planLabel: (uri: string) => string;
  /** `standalone` (default): an embedded stylesheet; `host`: class names only, for a page that styles them. */
  style?: 'standalone' | 'host';
  /**
   * Cells a host page can act on: each is a focusable `role="button"` element with `data-uri`,
   * `data-class` and `data-control` (a control cell) or `data-tag` (a framework cell).
   */
  interactive?: boolean;
}

/** The column titles of the controls panel, in COVERAGE_CONTROLS order. */
export const CONTROL_TITLES: Readonly<Record<CoverageControlName, string>> = {
  owner: 'owner',
  deputy: 'deputy',
  revocation: 'revocation',
  rollback: 'rollback',
  evidence: 'evidence',
  validation: 'validation',
  drilled: 'drilled',
};

// Geometry, in pixels. Text is monospace so widths can be computed: 0.6em per character, plus a little.
const FONT = 12;
const CHAR = 7.3;
const SMALL_CHAR = 6.7; // 11px column titles
const MARGIN = 16;
const ROW = 24;
const CELL = 18;
const CONTROL_COL = 80;
const VERDICT_COL = 76;
const COUNT_COL = 56;
const CLASS_COL = 24;
const MAX_CLASS_LABEL = 40;
const MAX_ROW_LABEL = 60;
const MAX_HEADER_LABEL = 32;
const PANEL_GAP = 36;

const CHECK = 'M4.5 9.5l3 3 6-7';
const CROSS = 'M5 5l8 8M13 5l-8 8';

/** The SVG document of the heat map. */
export function renderCoverageSvg(report: CoverageReport, options: HeatMapOptions): string {
  const r = new Renderer(report, options);
  return r.render();
}

interface ColumnClass {
  uri: string;
  classId: string;
  /** Index of its plan, for the separators between plans. */
  plan: number;
}

type TagState = 'class' | 'drill' | 'both' | 'none';

class Renderer {
  private readonly out: string[] = [];
  private readonly interactive: boolean;
  private width = 0;
  private readonly columns: ColumnClass[];

  constructor(
    private readonly report: CoverageReport,
    private readonly options: HeatMapOptions,
  ) {
    this.interactive = options.interactive === true;
    this.columns = report.plans.flatMap((p, plan) => p.coverage.classes.map((c) => ({ uri: p.uri, classId: c.classId, plan })));
  }

  render(): string {
    const { report } = this;
    let y = MARGIN;
    const percent = coveragePercent(report.fullyCovered, report.total);
    const summary =
      report.plans.length === 0
        ? 'Coverage: no plans'
        : `Coverage: ${report.fullyCovered} of ${plural(report.total, 'credential class', 'credential classes')} fully covered${percent === undefined ? '' : ` (${percent}%)`} in ${plural(report.plans.length, 'plan')}`;
    this.text(MARGIN, y + 14, summary, 'text title', { id: 'irplan-coverage-title' });
    this.grow(MARGIN + summary.length * 8.5);
    y += 34;
    y = this.controlsPanel(y);
    y += PANEL_GAP;
    y = this.frameworksPanel(y);
    y += 12;
    y = this.legend(y);
    const height = y + MARGIN;
    const width = Math.ceil(this.width + MARGIN);
    const role = this.interactive ? 'role="group"' : 'role="img"';
    const style = (this.options.style ?? 'standalone') === 'standalone' ? `<style>${STANDALONE_STYLE}</style>` : '';
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" class="irplan-coverage" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${role} aria-labelledby="irplan-coverage-title" font-family="${FONT_FAMILY}" font-size="${FONT}">` +
      `<title>${esc(summary)}</title>${style}<rect class="bg" x="0" y="0" width="${width}" height="${height}"/>` +
      `${this.out.join('')}</svg>\n`
    );
  }

  // ---- Panel 1: classes by controls

  private controlsPanel(top: number): number {
    const { plans } = this.report;
    const labelWidth = Math.max('credential class'.length, ...this.columns.map((c) => clip(c.classId, MAX_CLASS_LABEL).length)) * CHAR + 16;
    let y = top;
    this.text(MARGIN, y + 14, 'Controls per credential class', 'text heading');
    y += ROW;
    const x0 = MARGIN + labelWidth;
    const headers = [...COVERAGE_CONTROLS.map((c) => ({ title: CONTROL_TITLES[c], width: CONTROL_COL })), { title: 'last drill', width: VERDICT_COL }, { title: 'covered', width: COUNT_COL }];
    let x = x0;
    this.text(MARGIN, y + 15, 'credential class', 'muted small');
    for (const h of headers) {
      this.text(x + h.width / 2, y + 15, h.title, 'muted small', { 'text-anchor': 'middle' });
      x += h.width;
    }
    const tableRight = x;
    this.grow(tableRight);
    y += ROW;
    this.line(MARGIN, y, tableRight, y);
    if (plans.length === 0) {
      this.text(MARGIN, y + 16, 'No plans: nothing to cover.', 'muted');
      return y + ROW;
    }
    for (const plan of plans) {
      const label = this.options.planLabel(plan.uri);
      const title = plan.title ? ` — ${clip(plan.title, 60)}` : '';
      const counts = ` (${plan.coverage.fullyCovered}/${plan.coverage.total} fully covered)`;
      const heading = `${label}${title}${counts}`;
      this.text(MARGIN, y + 17, heading, 'text plan');
      this.grow(MARGIN + heading.length * CHAR);
      y += ROW;
      if (plan.coverage.classes.length === 0) {
        this.text(MARGIN + 12, y + 16, 'no credential classes', 'muted');
        y += ROW;
      }
      for (const c of plan.coverage.classes) {
        this.classRow(plan.uri, c, y, x0);
        y += ROW;
      }
      this.line(MARGIN, y, tableRight, y);
    }
    return y;
  }

  private classRow(uri: string, c: ClassCoverage, y: number, x0: number): void {
    const id = redactSecrets(c.classId);
    const missing = c.controls.filter((k) => !k.ok).map((k) => k.name);
    const rowTitle = `${id}: ${c.covered} of ${c.total} controls${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}`;
    this.open('g', { class: 'row-label', ...this.target(uri, c.classId, undefined, rowTitle) });
    this.out.push(`<title>${esc(rowTitle)}</title>`);
    this.text(MARGIN + 12, y + 16, clip(id, MAX_CLASS_LABEL), 'text');
    this.out.push('</g>');
    let x = x0;
    for (const control of c.controls) {
      const state = control.ok ? 'pass' : 'fail';
      const tip = control.ok ? `${id} · ${control.name}: in place` : `${id} · ${control.name}: ${control.missing ?? 'missing'}`;
      this.cell(x + (CONTROL_COL - CELL) / 2, y + (ROW - CELL) / 2, state, tip, this.target(uri, c.classId, control.name, tip), control.ok ? CHECK : CROSS);
      x += CONTROL_COL;
    }
    const verdict = c.lastVerdict ?? 'none';
    const verdictTip = c.lastVerdict ? `${id} · last drill (${c.drills[c.drills.length - 1]}): ${c.lastVerdict}` : `${id} · no drill exercises it`;
    this.open('g', { class: `verdict ${verdict === 'none' ? 'none' : verdict}`, ...this.target(uri, c.classId, undefined, verdictTip) });
    this.out.push(`<title>${esc(verdictTip)}</title>`);
    this.text(x + VERDICT_COL / 2, y + 16, verdict === 'none' ? '—' : verdict, verdict === 'none' ? 'muted' : `label ${verdict}`, { 'text-anchor': 'middle' });
    this.out.push('</g>');
    x += VERDICT_COL;
    this.text(x + COUNT_COL / 2, y + 16, `${c.covered}/${c.total}`, c.covered === c.total ? 'text' : 'label fail', { 'text-anchor': 'middle' });
  }

  // ---- Panel 2: frameworks by classes

  private frameworksPanel(top: number): number {
    const rows = this.report.frameworks;
    const labels = rows.map((r) => clip(rowLabel(r), MAX_ROW_LABEL));
    const labelWidth = Math.max(...labels.map((l) => l.length), ...Object.values(FRAMEWORK_GROUP_TITLES).map((t) => t.length - 4)) * CHAR + 16;
    const headerLabels = this.columns.map((c) => clip(redactSecrets(c.classId), MAX_HEADER_LABEL));
    const headerHeight = Math.max(40, Math.max(0, ...headerLabels.map((l) => l.length)) * SMALL_CHAR * 0.71 + 18);
    let y = top;
    this.text(MARGIN, y + 14, 'Frameworks × credential classes', 'text heading');
    y += ROW;
    const countX = MARGIN + labelWidth;
    const x0 = countX + COUNT_COL;
    const right = x0 + this.columns.length * CLASS_COL;
    this.grow(right + headerHeight);
    // Column titles, slanted so long class ids fit.
    const baseline = y + headerHeight;
    this.text(countX + COUNT_COL / 2, baseline - 6, 'tagged', 'muted small', { 'text-anchor': 'middle' });
    this.columns.forEach((c, i) => {
      const cx = x0 + i * CLASS_COL + CLASS_COL / 2;
      const tip = `${redactSecrets(c.classId)} (${this.options.planLabel(c.uri)})`;
      this.open('g', { class: 'col-label', ...this.target(c.uri, c.classId, undefined, tip) });
      this.out.push(`<title>${esc(tip)}</title>`);
      this.text(cx, baseline - 6, headerLabels[i], 'text small', { transform: `rotate(-45 ${cx} ${baseline - 6})` });
      this.out.push('</g>');
    });
    y = baseline;
    this.line(MARGIN, y, right, y);
    if (this.columns.length === 0) this.text(x0 + 8, y + 16, 'no credential classes', 'muted');
    let group: FrameworkGroup | undefined;
    rows.forEach((row, i) => {
      if (row.group !== group) {
        group = row.group;
        this.text(MARGIN, y + 17, FRAMEWORK_GROUP_TITLES[group], 'text plan');
        y += ROW;
      }
      this.frameworkRow(row, labels[i], y, countX, x0);
      y += ROW;
    });
    // Separators between plans' columns.
    this.columns.forEach((c, i) => {
      if (i > 0 && c.plan !== this.columns[i - 1].plan) this.line(x0 + i * CLASS_COL, top + ROW + 8, x0 + i * CLASS_COL, y, 'grid plan-sep');
    });
    this.line(MARGIN, y, right, y);
    return y;
  }

  private frameworkRow(row: FrameworkCoverage, label: string, y: number, countX: number, x0: number): void {
    const full = `${row.entry.tag} — ${row.entry.title}`;
    this.open('g', { class: 'row-label' });
    this.out.push(`<title>${esc(full)}</title>`);
    this.text(MARGIN + 12, y + 16, label, 'text');
    this.out.push('</g>');
    const states = this.columns.map((c) => tagState(row, c));
    const tagged = states.filter((s) => s !== 'none').length;
    const untaggedDrills = row.drills.filter((d) => !this.columns.some((c) => c.uri === d.uri && c.classId === d.classId)).length;
    const count = tagged + untaggedDrills;
    this.text(countX + COUNT_COL / 2, y + 16, count === 0 ? 'gap' : String(count), count === 0 ? 'label fail' : 'text', { 'text-anchor': 'middle' });
    states.forEach((state, i) => {
      const c = this.columns[i];
      const id = redactSecrets(c.classId);
      const tip =
        state === 'none'
          ? `${id}: not tagged ${row.entry.tag}`
          : state === 'class'
            ? `${id}: tagged ${row.entry.tag}`
            : state === 'drill'
              ? `${id}: a drill of it is tagged ${row.entry.tag}`
              : `${id} and a drill of it: tagged ${row.entry.tag}`;
      const target = state === 'none' ? {} : this.target(c.uri, c.classId, undefined, tip, row.entry.tag);
      this.tagCell(x0 + i * CLASS_COL + (CLASS_COL - 14) / 2, y + (ROW - 14) / 2, state, tip, target);
    });
  }

  private legend(top: number): number {
    const items: [string, string][] = [
      ['pass', 'in place'],
      ['fail', 'missing'],
      ['tag-class', 'tagged on the class'],
      ['tag-drill', 'tagged on a drill of the class'],
    ];
    let x = MARGIN;
    for (const [cls, text] of items) {
      if (cls === 'pass' || cls === 'fail') this.cell(x, top, cls, text, {}, cls === 'pass' ? CHECK : CROSS);
      else this.tagCell(x + 2, top + 2, cls === 'tag-class' ? 'class' : 'drill', text, {});
      this.text(x + CELL + 6, top + 13, text, 'muted');
      x += CELL + 6 + text.length * CHAR + 20;
    }
    this.grow(x);
    return top + CELL;
  }

  // ---- Drawing

  private cell(x: number, y: number, state: 'pass' | 'fail', tip: string, attrs: Record<string, string>, glyph: string): void {
    this.open('g', { class: `cell ${state}`, transform: `translate(${x} ${y})`, ...attrs });
    this.out.push(`<title>${esc(tip)}</title><rect width="${CELL}" height="${CELL}" rx="3"/><path d="${glyph}"/></g>`);
  }

  private tagCell(x: number, y: number, state: TagState, tip: string, attrs: Record<string, string>): void {
    this.open('g', { class: `tag tag-${state}`, transform: `translate(${x} ${y})`, ...attrs });
    this.out.push(`<title>${esc(tip)}</title><rect width="14" height="14" rx="2"/>`);
    if (state === 'drill' || state === 'both') this.out.push('<circle cx="7" cy="7" r="3"/>');
    this.out.push('</g>');
  }

  /** What makes an element a target for a host page: focusable, with the node it stands for. */
  private target(uri: string, classId: string, control: CoverageControlName | undefined, label: string, tag?: string): Record<string, string> {
    if (!this.interactive) return {};
    return {
      tabindex: '0',
      role: 'button',
      'aria-label': label,
      'data-uri': uri,
      'data-class': classId,
      ...(control ? { 'data-control': control } : {}),
      ...(tag ? { 'data-tag': tag } : {}),
    };
  }

  private open(tag: string, attrs: Record<string, string>): void {
    this.out.push(`<${tag}${Object.entries(attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join('')}>`);
  }

  private text(x: number, y: number, content: string, cls: string, attrs: Record<string, string> = {}): void {
    this.open('text', { x: num(x), y: num(y), class: cls, ...attrs });
    this.out.push(`${esc(content)}</text>`);
  }

  private line(x1: number, y1: number, x2: number, y2: number, cls = 'grid'): void {
    this.out.push(`<line class="${cls}" x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}"/>`);
  }

  private grow(right: number): void {
    this.width = Math.max(this.width, right);
  }
}

function tagState(row: FrameworkCoverage, c: ColumnClass): TagState {
  const onClass = row.classes.some((t) => t.uri === c.uri && t.classId === c.classId);
  const onDrill = row.drills.some((d) => d.uri === c.uri && d.classId === c.classId);
  return onClass && onDrill ? 'both' : onClass ? 'class' : onDrill ? 'drill' : 'none';
}

/** `NHI2 Secret Leakage`, `RS.MA-01 The incident response plan is executed…`, `ATLAS-AML.T0083 …`. */
export function rowLabel(row: FrameworkCoverage): string {
  return `${shortFrameworkId(row.entry)} ${row.entry.title}`;
}

/** The short name of a framework entry in a table: `NHI2`, `RS.MA-01`, `ATLAS-AML.T0083`. */
export function shortFrameworkId(entry: { family: string; id: string; tag: string }): string {
  return entry.family === 'OWASP-NHI' ? entry.id.replace(/:2025$/, '') : entry.family === 'NIST-CSF' ? entry.id : entry.tag;
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Text for an XML text node or a double-quoted attribute value. */
function esc(text: string): string {
  // Characters XML 1.0 forbids (most C0 controls) cannot even be escaped: they are dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const FONT_FAMILY = 'ui-monospace, SFMono-Regular, Menlo, Consolas, &quot;DejaVu Sans Mono&quot;, &quot;Liberation Mono&quot;, monospace';

/** Light colours (GitHub's light palette), and its dark one when the reader prefers dark. */
const STANDALONE_STYLE = [
  '.bg{fill:#ffffff}',
  '.text{fill:#1f2328}',
  '.muted{fill:#59636e}',
  '.title{font-size:15px;font-weight:600}',
  '.heading{font-size:13px;font-weight:600}',
  '.plan{font-weight:600}',
  '.small{font-size:11px}',
  '.grid{stroke:#d1d9e0;stroke-width:1}',
  '.cell path{fill:none;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}',
  '.cell.pass rect{fill:#dafbe1;stroke:#1a7f37}',
  '.cell.pass path{stroke:#1a7f37}',
  '.cell.fail rect{fill:#ffebe9;stroke:#cf222e}',
  '.cell.fail path{stroke:#cf222e}',
  '.label.pass{fill:#1a7f37}',
  '.label.fail{fill:#cf222e}',
  '.tag-none rect{fill:#f6f8fa;stroke:#d1d9e0}',
  '.tag-class rect,.tag-both rect{fill:#0969da;stroke:#0969da}',
  '.tag-drill rect{fill:#ddf4ff;stroke:#0969da}',
  '.tag-drill circle{fill:#0969da}',
  '.tag-both circle{fill:#ffffff}',
  '@media (prefers-color-scheme: dark){',
  '.bg{fill:#0d1117}',
  '.text{fill:#e6edf3}',
  '.muted{fill:#9198a1}',
  '.grid{stroke:#3d444d}',
  '.cell.pass rect{fill:#12261e;stroke:#3fb950}',
  '.cell.pass path{stroke:#3fb950}',
  '.cell.fail rect{fill:#2d1517;stroke:#f85149}',
  '.cell.fail path{stroke:#f85149}',
  '.label.pass{fill:#3fb950}',
  '.label.fail{fill:#f85149}',
  '.tag-none rect{fill:#151b23;stroke:#3d444d}',
  '.tag-class rect,.tag-both rect{fill:#4493f8;stroke:#4493f8}',
  '.tag-drill rect{fill:#0c2d6b;stroke:#4493f8}',
  '.tag-drill circle{fill:#4493f8}',
  '.tag-both circle{fill:#0d1117}',
  '}',
].join('');
