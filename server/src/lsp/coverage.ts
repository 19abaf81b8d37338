// The workspace's coverage for the language server: each plan's coverage (and, when the views ask,
// where its missing controls belong) computed once per version of the plan and of what it imports,
// the irplan/coverage answer in LSP positions, and whether anything changed since the client was
// last told (irplan/coverageChanged).
import * as path from 'node:path';
import { coverageReport, planCoverage, renderCoverageSvg, type CoverageInput, type PlanCoverage, type PlanDocument } from '../engine';
import { FRAMEWORK_GROUP_TITLES } from '../engine/coverageReport';
import { coverageTargets, type ControlTarget } from '../engine/editor/coverageTargets';
import type { CoverageControlName as ProtocolControlName, CoverageResult } from '../protocol';
import type { WorkspaceIndex } from './workspace';
import { toRange } from './convert';
import { filePathOf } from './uris';

interface Entry {
  doc: PlanDocument;
  /** The imported documents the coverage was computed against (contacts come from them). */
  imported: PlanDocument[];
  coverage: PlanCoverage;
  targets?: Map<string, Map<ProtocolControlName, ControlTarget>>;
}

export class WorkspaceCoverage {
  private readonly entries = new WeakMap<PlanDocument, Entry>();
  /** The entries the client was last told about, by uri. */
  private announced = new Map<string, Entry>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** A plan's coverage, computed again only when it or one of its imports changed. */
  plan(doc: PlanDocument): PlanCoverage {
    return this.entry(doc).coverage;
  }

  /**
   * Whether the coverage of `uris` differs from the last time this returned true (a plan added,
   * removed or changed, or one of its imports changed).
   */
  changed(uris: Iterable<string>): boolean {
    const now = new Map<string, Entry>();
    for (const uri of uris) {
      const doc = this.index.get(uri);
      if (doc) now.set(uri, this.entry(doc));
    }
    const same = now.size === this.announced.size && [...now].every(([uri, e]) => this.announced.get(uri) === e);
    if (same) return false;
    this.announced = now;
    return true;
  }

  /** The irplan/coverage answer for the plans of `uris`. */
  result(uris: Iterable<string>, options: { matrix: boolean; clientUri: (uri: string) => string; folders: readonly string[] }): CoverageResult {
    const inputs: CoverageInput[] = [];
    for (const uri of uris) {
      const doc = this.index.get(uri);
      if (doc) inputs.push({ uri: options.clientUri(uri), doc, scope: this.index.scopeOf(doc) });
    }
    const label = (uri: string) => planLabel(uri, options.folders);
    inputs.sort((a, b) => compare(label(a.uri), label(b.uri)));
    const docs = new Map(inputs.map((i) => [i.uri, i.doc]));
    const report = coverageReport(inputs, (i) => this.entry(i.doc).coverage);
    const range = (uri: string, r: { start: number; end: number }) => toRange(docs.get(uri)!, r);
    return {
      plans: report.plans.map((p) => {
        const doc = docs.get(p.uri)!;
        const targets = this.targets(doc);
        return {
          uri: p.uri,
          label: label(p.uri),
          planId: p.planId,
          title: p.title,
          covered: p.coverage.fullyCovered,
          total: p.coverage.total,
          classes: p.coverage.classes.map((c) => ({
            classId: c.classId,
            range: toRange(doc, c.range),
            covered: c.covered,
            total: c.total,
            drills: c.drills,
            lastVerdict: c.lastVerdict,
            // The protocol spells the control names out for the client: this assignment keeps them the engine's.
            controls: c.controls.map((k) => {
              const target = targets.get(c.classId)?.get(k.name);
              return {
                name: k.name,
                ok: k.ok,
                missing: k.missing,
                target: target && { range: toRange(doc, target.range), kind: target.kind },
              };
            }),
          })),
        };
      }),
      coverage: { covered: report.fullyCovered, total: report.total },
      frameworks: report.frameworks.map((f) => ({
        tag: f.entry.tag,
        id: f.entry.id,
        title: f.entry.title,
        group: f.group,
        groupTitle: FRAMEWORK_GROUP_TITLES[f.group],
        classes: f.classes.map((c) => ({ uri: c.uri, classId: c.classId, range: range(c.uri, c.range) })),
        drills: f.drills.map((d) => ({ uri: d.uri, drillId: d.drillId, classId: d.classId, range: range(d.uri, d.range) })),
      })),
      matrix: options.matrix ? renderCoverageSvg(report, { planLabel: label, style: 'host', interactive: true }) : undefined,
    };
  }

  private entry(doc: PlanDocument): Entry {
    const scope = this.index.scopeOf(doc);
    const cached = this.entries.get(doc);
    if (cached && sameDocs(cached.imported, scope.imported)) return cached;
    const entry: Entry = { doc, imported: [...scope.imported], coverage: planCoverage(doc, scope) };
    this.entries.set(doc, entry);
    return entry;
  }

  /** Where each missing control belongs: only the views need it, so it is made on their first request. */
  private targets(doc: PlanDocument): Map<string, Map<ProtocolControlName, ControlTarget>> {
    const entry = this.entry(doc);
    entry.targets ??= coverageTargets(doc, this.index.scopeOf(doc), entry.coverage.classes);
    return entry.targets;
  }
}

function sameDocs(a: readonly PlanDocument[], b: readonly PlanDocument[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The path relative to the workspace folder holding it; the folder's name first when there are several. */
export function planLabel(uri: string, folders: readonly string[]): string {
  const file = filePathOf(uri);
  if (file === undefined) return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const folder = folders.filter((f) => file.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0];
  if (folder === undefined) return path.basename(file);
  const relative = path.relative(folder, file).split(path.sep).join('/');
  return folders.length > 1 ? `${path.basename(folder)}/${relative}` : relative;
}
