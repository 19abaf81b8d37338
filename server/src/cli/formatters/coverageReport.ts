// What `irplan coverage` reports: the JSON shape (documented in docs/coverage.md), from which the
// table and Markdown reports are also drawn; the SVG heat map is drawn from the engine's report.
import { COVERAGE_CONTROLS, coveragePercent, redactSecrets, type CoverageControlName, type CoverageReport, type FrameworkGroup, type PlanDocument } from '../../engine';

export interface ControlView {
  ok: boolean;
  /** When not ok: what is missing and what to do. */
  missing?: string;
}

export interface ClassView {
  id: string;
  /** 1-based position of the class id. */
  line: number;
  column: number;
  /** Controls in place, of `total` (7). */
  covered: number;
  total: number;
  fully_covered: boolean;
  /** Every control, in the order of spec section 10. */
  controls: Record<CoverageControlName, ControlView>;
  drilled: boolean;
  drills: string[];
  /** The simulator's verdict for the class's last drill; null when it has none. */
  last_drill_verdict: 'pass' | 'fail' | null;
}

export interface ShareView {
  classes: number;
  fully_covered: number;
  /** fully_covered / classes, 0 when there is no class. */
  share: number;
  /** Whole percent, rounded down; null when there is no class. */
  percent: number | null;
}

export interface PlanView {
  /** Relative to the working folder, forward slashes. */
  path: string;
  id: string | null;
  title: string | null;
  summary: ShareView;
  classes: ClassView[];
}

export interface FrameworkView {
  /** The plan tag: `OWASP-NHI2`, `CSF-RS.MI-01`. */
  tag: string;
  /** The framework's own id: `NHI2:2025`, `RS.MI-01`. */
  id: string;
  title: string;
  family: string;
  group: FrameworkGroup;
  classes: { path: string; class: string }[];
  drills: { path: string; drill: string; class: string | null }[];
}

export interface CoverageView {
  version: 1;
  /** `frameworks`: the OWASP NHI risks and CSF 2.0 RS/RC subcategories (other tags in use not counted); `frameworks_tagged`: those tagged by a class or drill. */
  summary: ShareView & { plans: number; frameworks: number; frameworks_tagged: number };
  plans: PlanView[];
  frameworks: FrameworkView[];
}

export interface CoverageRun {
  view: CoverageView;
  report: CoverageReport;
  /** A plan's path as printed, by uri. */
  label: (uri: string) => string;
}

export interface CoverageFormatContext {
  color: boolean;
}

export type CoverageFormatter = (run: CoverageRun, ctx: CoverageFormatContext) => string;

export function shareView(fullyCovered: number, classes: number): ShareView {
  return { classes, fully_covered: fullyCovered, share: classes === 0 ? 0 : fullyCovered / classes, percent: coveragePercent(fullyCovered, classes) ?? null };
}

/** The report as printed: paths relative, positions 1-based, plan text with secrets masked. */
export function coverageView(report: CoverageReport, docs: ReadonlyMap<string, PlanDocument>, label: (uri: string) => string): CoverageView {
  const plans = report.plans.map((p): PlanView => {
    const doc = docs.get(p.uri);
    return {
      path: label(p.uri),
      id: p.planId === undefined ? null : redactSecrets(p.planId),
      title: p.title ?? null,
      summary: shareView(p.coverage.fullyCovered, p.coverage.total),
      classes: p.coverage.classes.map((c): ClassView => {
        const at = doc ? doc.lines().position(c.range.start) : { line: 0, character: 0 };
        return {
          id: redactSecrets(c.classId),
          line: at.line + 1,
          column: at.character + 1,
          covered: c.covered,
          total: c.total,
          fully_covered: c.covered === c.total,
          controls: Object.fromEntries(COVERAGE_CONTROLS.map((name) => {
            const k = c.controls.find((x) => x.name === name)!;
            return [name, k.ok ? { ok: true } : { ok: false, missing: k.missing }];
          })) as Record<CoverageControlName, ControlView>,
          drilled: c.drilled,
          drills: c.drills.map(redactSecrets),
          last_drill_verdict: c.lastVerdict ?? null,
        };
      }),
    };
  });
  const frameworks = report.frameworks.map((f): FrameworkView => ({
    tag: f.entry.tag,
    id: f.entry.id,
    title: f.entry.title,
    family: f.entry.family,
    group: f.group,
    classes: f.classes.map((c) => ({ path: label(c.uri), class: redactSecrets(c.classId) })),
    drills: f.drills.map((d) => ({ path: label(d.uri), drill: redactSecrets(d.drillId), class: d.classId === undefined ? null : redactSecrets(d.classId) })),
  }));
  return {
    version: 1,
    summary: {
      plans: plans.length,
      ...shareView(report.fullyCovered, report.total),
      // The OWASP risks and CSF Respond/Recover subcategories: the rows every report shows.
      frameworks: frameworks.filter((f) => f.group !== 'other').length,
      frameworks_tagged: frameworks.filter((f) => f.group !== 'other' && isTagged(f)).length,
    },
    plans,
    frameworks,
  };
}

export function isTagged(f: FrameworkView): boolean {
  return f.classes.length > 0 || f.drills.length > 0;
}

/** `1 of 2 credential classes fully covered (50%)`. */
export function shareText(s: ShareView): string {
  const classes = `${s.classes} credential ${s.classes === 1 ? 'class' : 'classes'}`;
  return `${s.fully_covered} of ${classes} fully covered${s.percent === null ? '' : ` (${s.percent}%)`}`;
}

/** What is tagged with a framework entry, in words: `github-pat (ci.irplan.yaml); drill leaked-pat (ci.irplan.yaml)`. */
export function taggedText(f: FrameworkView): string {
  return [...f.classes.map((c) => `${c.class} (${c.path})`), ...f.drills.map((d) => `drill ${d.drill} (${d.path})`)].join('; ');
}
