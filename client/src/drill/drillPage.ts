// The drill view's page: the shared webview shell (content security policy, nonce, inert JSON
// data) around the drill's markup. Pure, so the tests load the very same page in Chromium.
import type { DrillSimulation } from '../../../server/src/protocol';
import { renderPage } from '../webview/page';
import { initialState } from './live';
import { renderDrillBody } from './view';

/** What the view's script reads from the page's data block. */
export interface DrillPageData {
  /** The plan and drill, to tell this drill's kept state from another's. */
  key: string;
  simulation: DrillSimulation;
}

export interface DrillPageInput extends DrillPageData {
  cspSource: string;
  nonce: string;
  /** Webview URIs of media/dist/codicons/codicon.css and media/drill.css. */
  styles: string[];
  /** Webview URI of media/dist/drill.js. */
  script: string;
}

export function drillTitle(sim: DrillSimulation): string {
  return `Drill: ${sim.title ?? sim.drillId}`;
}

export function drillPageHtml(input: DrillPageInput): string {
  const { clock, record } = initialState(input.key);
  const data: DrillPageData = { key: input.key, simulation: input.simulation };
  return renderPage({
    title: drillTitle(input.simulation),
    cspSource: input.cspSource,
    nonce: input.nonce,
    styles: input.styles,
    scripts: [input.script],
    body: renderDrillBody(input.simulation, { clock, record, minutes: 0 }),
    data,
  });
}
