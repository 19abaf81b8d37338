// The drill view's script, in the webview. It reads the drill from the page's inert data block,
// restores what the facilitator recorded (the webview state API keeps it while the panel is
// hidden), runs the drill clock, and re-renders a section when its data changes, with the same
// pure renderers the extension used for the first paint. It talks to the extension with three
// messages: `record` (the latest record, so a save from the command palette has it), `save`, and
// nothing else; the extension validates them.
import type { DrillPageData } from '../src/drill/drillPage';
import {
  arrivedInjects,
  clockMinutes,
  linesOf,
  nextInjectAt,
  pauseClock,
  recordStep,
  restoreState,
  setClock,
  setInjectNote,
  setSpeed,
  SPEEDS,
  startClock,
  type LiveState,
  type Speed,
} from '../src/drill/live';
import { clockText, parseClock, toSeconds } from '../src/drill/time';
import { injectDescription, renderTimeline } from '../src/drill/timeline';
import { renderClockBar, renderHeader, renderInjectFeed, renderReportForm, renderStepTable, renderSummary, timelineOptions, type LiveView } from '../src/drill/view';
import type { DrillRecord, DrillSimulation } from '../../server/src/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const data = JSON.parse(document.getElementById('irplan-data')?.textContent ?? '{}') as DrillPageData;
let sim: DrillSimulation = data.simulation;
const state: LiveState = restoreState(vscode.getState(), data.key);
let arrivedCount = -1;
let lastTimelineRender = 0;

const now = () => clockMinutes(state.clock, Date.now());
const live = (): LiveView => ({ clock: state.clock, record: state.record, minutes: now() });
const byId = (id: string) => document.getElementById(id);

// ---- Rendering

/** Replaces a section's markup, keeping the focus (and the caret) on the same control. */
function replace(id: string, html: string): void {
  const el = byId(id);
  if (!el) return;
  const active = document.activeElement;
  const key = active instanceof HTMLElement && el.contains(active) ? focusKey(active) : undefined;
  const caret = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : undefined;
  el.innerHTML = html;
  if (key === undefined) return;
  const again = el.querySelector<HTMLElement>(key);
  again?.focus();
  if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) {
    try {
      again.setSelectionRange(caret[0], caret[1]);
    } catch {
      // Inputs of type date or checkbox have no caret.
    }
  }
}

function focusKey(el: Element): string | undefined {
  const attrs = ['data-action', 'data-field', 'data-index', 'data-step', 'data-which', 'data-speed', 'data-inject'];
  const parts = attrs.flatMap((a) => (el.hasAttribute(a) ? [`[${a}="${CSS.escape(el.getAttribute(a)!)}"]`] : []));
  return parts.length > 0 ? parts.join('') : el.id ? `#${CSS.escape(el.id)}` : undefined;
}

function renderTimelineNow(): void {
  lastTimelineRender = Date.now();
  const focused = document.activeElement instanceof SVGElement ? document.activeElement.closest('[data-step], [data-inject]') : null;
  const key = focused ? focusKey(focused) : undefined;
  const el = byId('timeline');
  if (!el) return;
  // As wide as the panel (the first paint, from the extension, is 820 px wide and scales).
  el.innerHTML = renderTimeline(sim, { ...timelineOptions(live()), width: Math.max(560, Math.floor(el.clientWidth)) });
  if (key) el.querySelector<SVGGElement>(key)?.focus();
}

function renderLive(): void {
  replace('clock-bar', renderClockBar(sim, live()));
  renderFeed(true);
  renderTimelineNow();
}

function renderFeed(force = false): void {
  const arrived = state.clock.running || now() > 0 ? arrivedInjects(sim, now()) : [];
  if (!force && arrived.length === arrivedCount) return;
  const newest = arrived.length > arrivedCount && arrivedCount >= 0 ? arrived[arrived.length - 1] : undefined;
  arrivedCount = arrived.length;
  replace('inject-feed', renderInjectFeed(sim, live()));
  replace('clock-bar', renderClockBar(sim, live()));
  const announce = byId('announce');
  if (announce && newest !== undefined) announce.textContent = injectDescription(sim.injects[newest], newest);
}

function renderAll(): void {
  replace('header', renderHeader(sim));
  replace('summary', renderSummary(sim));
  replace('step-table', renderStepTable(sim, state.record));
  replace('report-form', renderReportForm(sim, state.record));
  arrivedCount = -1;
  renderLive();
  document.title = `Drill: ${sim.title ?? sim.drillId}`;
}

/** Every quarter second while the clock runs: the clock, arriving injects, the now line. */
function tick(): void {
  if (!state.clock.running) return;
  const minutes = now();
  const clock = byId('clock');
  if (clock) clock.textContent = clockText(minutes);
  renderFeed();
  const svg = document.querySelector<SVGSVGElement>('#timeline svg');
  const end = Number(svg?.dataset.end ?? 0);
  const inProgress = state.record.steps.some((s) => s.start !== undefined && s.end === undefined && !s.skipped);
  if (!svg || minutes > end || (inProgress && Date.now() - lastTimelineRender > 1000)) {
    renderTimelineNow();
    return;
  }
  const line = svg.querySelector('#now-line');
  const x = String(Number(svg.dataset.origin) + minutes * Number(svg.dataset.perMinute));
  if (line) {
    line.setAttribute('x1', x);
    line.setAttribute('x2', x);
  } else renderTimelineNow();
}

// ---- State

let recordTimer: ReturnType<typeof setTimeout> | undefined;

function commit(): void {
  state.record = { ...state.record, clock: toSeconds(now()) };
  vscode.setState(state);
  // The extension keeps the latest record, for "irplan: Save After-Action Report".
  if (recordTimer) clearTimeout(recordTimer);
  recordTimer = setTimeout(() => vscode.postMessage({ type: 'record', record: state.record }), 300);
}

function updateRecord(change: (r: DrillRecord) => DrillRecord): void {
  state.record = change(state.record);
  commit();
}

// ---- Controls

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!target || (target as HTMLButtonElement).disabled) return;
  const at = Date.now();
  const index = Number(target.dataset.index);
  switch (target.dataset.action) {
    case 'start':
      state.clock = startClock(state.clock, at);
      break;
    case 'pause':
      state.clock = pauseClock(state.clock, at);
      break;
    case 'speed': {
      const speed = Number(target.dataset.speed) as Speed;
      if (SPEEDS.includes(speed)) state.clock = setSpeed(state.clock, speed, at);
      break;
    }
    case 'next-inject': {
      const next = nextInjectAt(sim, now());
      if (next !== undefined) state.clock = setClock(state.clock, next, at);
      break;
    }
    case 'reset-clock':
      state.clock = { running: false, speed: state.clock.speed, base: 0, since: null };
      break;
    case 'step-now': {
      const which = target.dataset.which === 'end' ? 'end' : 'start';
      const id = target.dataset.step ?? '';
      updateRecord((r) => recordStep(r, id, { [which]: now() }));
      replace('step-table', renderStepTable(sim, state.record));
      renderTimelineNow();
      return;
    }
    case 'add-participant':
      updateRecord((r) => ({ ...r, participants: [...r.participants, { name: '', role: '' }] }));
      replace('report-form', renderReportForm(sim, state.record));
      focusLast('participant.name');
      return;
    case 'remove-participant':
      updateRecord((r) => ({ ...r, participants: r.participants.filter((_, i) => i !== index) }));
      replace('report-form', renderReportForm(sim, state.record));
      return;
    case 'add-improvement':
      updateRecord((r) => ({ ...r, improvementPlan: [...r.improvementPlan, { item: '', owner: '', due: '' }] }));
      replace('report-form', renderReportForm(sim, state.record));
      focusLast('improvement.item');
      return;
    case 'remove-improvement':
      updateRecord((r) => ({ ...r, improvementPlan: r.improvementPlan.filter((_, i) => i !== index) }));
      replace('report-form', renderReportForm(sim, state.record));
      return;
    case 'save':
      commit();
      setStatus('Saving the after-action report…', 'info');
      vscode.postMessage({ type: 'save', record: state.record });
      return;
    default:
      return;
  }
  commit();
  renderLive();
});

function focusLast(field: string): void {
  const all = document.querySelectorAll<HTMLElement>(`[data-field="${field}"]`);
  all[all.length - 1]?.focus();
}

/** Typing: text fields and notes change the record as they are typed. */
document.addEventListener('input', (event) => {
  const el = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  const field = el.dataset?.field;
  if (!field || field.startsWith('step.')) return;
  const index = Number(el.dataset.index);
  const value = el.value;
  updateRecord((r) => {
    switch (field) {
      case 'facilitator':
        return { ...r, facilitator: value };
      case 'participant.name':
      case 'participant.role': {
        const key = field === 'participant.name' ? 'name' : 'role';
        return { ...r, participants: r.participants.map((p, i) => (i === index ? { ...p, [key]: value } : p)) };
      }
      case 'inject.note':
        return setInjectNote(r, index, value);
      case 'objective.rating':
      case 'objective.note': {
        const old = r.objectives.find((o) => o.index === index) ?? { index, note: '' };
        const next = field === 'objective.note' ? { ...old, note: value } : { ...old, rating: value === '' ? undefined : (value as 'P' | 'S' | 'M' | 'U') };
        return { ...r, objectives: [...r.objectives.filter((o) => o.index !== index), next].sort((a, b) => a.index - b.index) };
      }
      case 'strengths':
        return { ...r, strengths: linesOf(value) };
      case 'areasForImprovement':
        return { ...r, areasForImprovement: linesOf(value) };
      case 'improvement.item':
      case 'improvement.owner':
      case 'improvement.due': {
        const key = field.slice('improvement.'.length) as 'item' | 'owner' | 'due';
        return { ...r, improvementPlan: r.improvementPlan.map((item, i) => (i === index ? { ...item, [key]: value } : item)) };
      }
      default:
        return r;
    }
  });
});

/** Step times and "skipped": read when the field is left, so half-typed times are not judged. */
document.addEventListener('change', (event) => {
  const el = event.target as HTMLInputElement;
  const field = el.dataset?.field;
  const id = el.dataset?.step;
  if (!field?.startsWith('step.') || id === undefined) return;
  if (field === 'step.skipped') {
    updateRecord((r) => recordStep(r, id, { skipped: el.checked }));
  } else {
    const which = field === 'step.start' ? 'start' : 'end';
    const text = el.value.trim();
    const minutes = text === '' ? null : parseClock(text);
    if (minutes === undefined) {
      el.setAttribute('aria-invalid', 'true');
      setStatus(`"${text}" is not a drill time: write minutes (12.5) or T+mm:ss (T+12:30).`, 'error');
      return;
    }
    el.removeAttribute('aria-invalid');
    updateRecord((r) => recordStep(r, id, { [which]: minutes }));
  }
  replace('step-table', renderStepTable(sim, state.record));
  renderTimelineNow();
});

/** A focused bar or inject marker says what it is below the chart (tooltips need a mouse). */
document.addEventListener('focusin', (event) => {
  const target = (event.target as Element | null)?.closest('#timeline [data-step], #timeline [data-inject]');
  const detail = byId('timeline-detail');
  if (target && detail) detail.textContent = target.getAttribute('aria-label') ?? '';
});

function setStatus(text: string, level: 'info' | 'error'): void {
  const status = byId('status');
  if (!status) return;
  status.textContent = text;
  status.dataset.level = level;
}

// ---- Messages from the extension (the plan changed, a save finished)

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type?: unknown; simulation?: unknown; text?: unknown; level?: unknown };
  if (message?.type === 'simulation' && typeof message.simulation === 'object' && message.simulation !== null) {
    sim = message.simulation as DrillSimulation;
    renderAll();
  } else if (message?.type === 'status' && typeof message.text === 'string') {
    setStatus(message.text, message.level === 'error' ? 'error' : 'info');
  }
});

// ---- Start

renderAll();
setInterval(tick, 250);
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  if (resizeTimer) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(renderTimelineNow, 150);
});
vscode.postMessage({ type: 'record', record: state.record });
