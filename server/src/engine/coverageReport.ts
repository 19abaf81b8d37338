// Coverage of a set of plans, the whole of section 10: each plan's classes and their controls
// (coverage.ts), the share of classes fully covered per plan and overall, and the framework view —
// every OWASP Non-Human Identities Top 10 (2025) risk and every NIST CSF 2.0 Respond and Recover
// subcategory of the catalogue, with the classes and drills tagged with it. Rows nobody tagged are
// kept: a gap is what the view is for. Other catalogue tags in use (ATLAS, other CSF functions)
// follow in a row group of their own, so no tag a plan wrote disappears from the view.
//
// `irplan coverage`, the language server's irplan/coverage request and the heat map all read this.
import type { OffsetRange } from './findings';
import type { PlanDocument } from './document';
import type { Scope } from './scope';
import { planCoverage, type PlanCoverage } from './coverage';
import { FRAMEWORKS, lookupFramework, type FrameworkEntry } from './frameworks';
import { redactSecrets } from './validate';

export interface CoverageInput {
  uri: string;
  doc: PlanDocument;
  scope: Scope;
}

export interface PlanCoverageEntry {
  uri: string;
  /** `plan.id` and `plan.title` as written (the title with secrets masked). */
  planId?: string;
  title?: string;
  coverage: PlanCoverage;
}

/** The row groups of the framework view, in display order. */
export type FrameworkGroup = 'owasp-nhi' | 'csf-respond' | 'csf-recover' | 'other';

export const FRAMEWORK_GROUP_TITLES: Readonly<Record<FrameworkGroup, string>> = {
  'owasp-nhi': 'OWASP Top 10 Non-Human Identities Risks (2025)',
  'csf-respond': 'NIST CSF 2.0 Respond (RS)',
  'csf-recover': 'NIST CSF 2.0 Recover (RC)',
  other: 'Other framework tags in use',
};

export interface TaggedClass {
  uri: string;
  classId: string;
  /** The class id's key. */
  range: OffsetRange;
}

export interface TaggedDrill {
  uri: string;
  drillId: string;
  /** The class the drill exercises, as written. */
  classId?: string;
  /** The drill id's key. */
  range: OffsetRange;
}

export interface FrameworkCoverage {
  entry: FrameworkEntry;
  group: FrameworkGroup;
  /** Classes tagged with it, in plan then document order. */
  classes: TaggedClass[];
  /** Drills tagged with it, in plan then document order. */
  drills: TaggedDrill[];
}

export interface CoverageReport {
  /** The plans in the order given; libraries (`plan.library: true`) are left out. */
  plans: PlanCoverageEntry[];
  /** Classes with every control, over all plans. */
  fullyCovered: number;
  total: number;
  /** fullyCovered / total; 0 when there is no class. */
  share: number;
  frameworks: FrameworkCoverage[];
}

/** The entries every framework view shows, tagged or not: the OWASP NHI risks, then CSF RS and RC subcategories. */
export const FRAMEWORK_ROWS: readonly FrameworkEntry[] = FRAMEWORKS.filter((e) => groupOf(e) !== 'other');

export function groupOf(entry: FrameworkEntry): FrameworkGroup {
  if (entry.family === 'OWASP-NHI') return 'owasp-nhi';
  if (entry.family === 'NIST-CSF' && entry.kind === 'subcategory') {
    if (entry.id.startsWith('RS.')) return 'csf-respond';
    if (entry.id.startsWith('RC.')) return 'csf-recover';
  }
  return 'other';
}

/** Whether a document counts as a plan for coverage: libraries hold no classes by design. */
export function isCoveredPlan(doc: PlanDocument): boolean {
  return doc.model.plan?.library !== true;
}

/**
 * The coverage of `inputs` (libraries skipped). `coverageOf` lets a caller that caches per
 * document (the language server) supply each plan's coverage.
 */
export function coverageReport(inputs: readonly CoverageInput[], coverageOf: (input: CoverageInput) => PlanCoverage = (i) => planCoverage(i.doc, i.scope)): CoverageReport {
  const plans: PlanCoverageEntry[] = [];
  for (const input of inputs) {
    if (!isCoveredPlan(input.doc)) continue;
    const meta = input.doc.model.plan;
    plans.push({
      uri: input.uri,
      planId: meta?.id?.value,
      title: meta?.title && redactSecrets(meta.title.value),
      coverage: coverageOf(input),
    });
  }
  const fullyCovered = plans.reduce((n, p) => n + p.coverage.fullyCovered, 0);
  const total = plans.reduce((n, p) => n + p.coverage.total, 0);
  const docs = inputs.filter((i) => isCoveredPlan(i.doc));
  return { plans, fullyCovered, total, share: total === 0 ? 0 : fullyCovered / total, frameworks: frameworkCoverage(docs) };
}

/**
 * Each framework row with what is tagged with it: every FRAMEWORK_ROWS entry, then the other
 * catalogue entries some class or drill is tagged with, in catalogue order. A tag the catalogue
 * does not know is left out (unknown-framework reports it); a tag written twice counts once.
 */
export function frameworkCoverage(inputs: readonly Pick<CoverageInput, 'uri' | 'doc'>[]): FrameworkCoverage[] {
  const rows = new Map<string, FrameworkCoverage>();
  for (const entry of FRAMEWORK_ROWS) rows.set(entry.tag, { entry, group: groupOf(entry), classes: [], drills: [] });
  const rowOf = (tag: string): FrameworkCoverage | undefined => {
    const entry = lookupFramework(tag);
    if (!entry) return undefined;
    let row = rows.get(entry.tag);
    if (!row) rows.set(entry.tag, (row = { entry, group: 'other', classes: [], drills: [] }));
    return row;
  };
  for (const { uri, doc } of inputs) {
    for (const cls of doc.model.classes.values()) {
      for (const tag of new Set(cls.frameworks.map((f) => f.value))) {
        rowOf(tag)?.classes.push({ uri, classId: cls.id, range: { start: cls.key.start, end: cls.key.end } });
      }
    }
    for (const drill of doc.model.drills.values()) {
      for (const tag of new Set(drill.frameworks.map((f) => f.value))) {
        rowOf(tag)?.drills.push({ uri, drillId: drill.id, classId: drill.class?.value, range: { start: drill.key.start, end: drill.key.end } });
      }
    }
  }
  const order = new Map(FRAMEWORKS.map((e, i) => [e.tag, i]));
  const groups: FrameworkGroup[] = ['owasp-nhi', 'csf-respond', 'csf-recover', 'other'];
  return [...rows.values()].sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || order.get(a.entry.tag)! - order.get(b.entry.tag)!);
}

/**
 * Whole percent of classes fully covered, rounded down: 100% must mean every class has every
 * control (199 of 200 is 99%). Undefined when there is no class.
 */
export function coveragePercent(fullyCovered: number, total: number): number | undefined {
  if (total <= 0) return undefined;
  return Math.floor((Math.min(fullyCovered, total) * 100) / total);
}
