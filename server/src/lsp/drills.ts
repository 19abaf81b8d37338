// irplan/runDrill and irplan/afterActionReport: find the drill in the workspace index (the editor
// text of an open plan, else the file), simulate it (section 9), and answer the reports. The
// engine does the work; this file only looks things up and checks what the client sent.
import { parseDate } from '../engine';
import { afterActionReport } from '../engine/afterAction';
import { parseDrillRecord } from '../engine/drillRecord';
import { simulatePlanDrill, type PlanDrill } from '../engine/drillSimulation';
import { drillMarkdown } from '../cli/formatters/drillMarkdown';
import { drillView } from '../cli/formatters/drillReport';
import type { AfterActionReportResult, RunDrillResult } from '../protocol';
import type { WorkspaceIndex } from './workspace';

function simulate(index: WorkspaceIndex, params: unknown): PlanDrill | { error: string } {
  const p = (typeof params === 'object' && params !== null ? params : {}) as { uri?: unknown; drillId?: unknown };
  const doc = typeof p.uri === 'string' ? index.get(p.uri) : undefined;
  if (!doc || typeof p.drillId !== 'string') return { error: `no drill ${JSON.stringify(p.drillId)} in this plan` };
  return simulatePlanDrill(doc, p.drillId, () => [...index.scopeOf(doc).contacts.values()].map((v) => v.def));
}

export function runDrill(index: WorkspaceIndex, params: unknown): RunDrillResult {
  const s = simulate(index, params);
  if ('error' in s) return { markdown: '', error: s.error };
  const view = drillView(s.result);
  return { markdown: drillMarkdown({ file: s.simulation.file, drills: [view] }, { color: false }), drill: view, simulation: s.simulation };
}

export function afterAction(index: WorkspaceIndex, params: unknown): AfterActionReportResult {
  const s = simulate(index, params);
  if ('error' in s) return { markdown: '', error: s.error };
  const p = params as { date?: unknown; record?: unknown };
  if (typeof p.date !== 'string' || parseDate(p.date) === undefined) return { markdown: '', error: `date must be a day YYYY-MM-DD, not ${JSON.stringify(p.date)}` };
  const parsed = parseDrillRecord(p.record);
  if ('error' in parsed) return { markdown: '', error: `the drill record cannot be read: ${parsed.error}` };
  return { markdown: afterActionReport(s.simulation, parsed.record, { date: p.date }) };
}
