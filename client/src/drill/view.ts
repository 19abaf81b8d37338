// The drill view's markup, section by section: the simulation (verdict, objectives, reasons,
// timeline), the live drill (clock, injects as they arrive, the step recorder) and the
// after-action form. Pure string building from escaped parts: the extension renders the whole
// page once, the view's script re-renders a section when its data changes. Controls carry
// `data-action` / `data-field` attributes that the script listens to (no inline handlers: the
// content security policy forbids them).
import type { DrillRecord, DrillSimulation, SimulationObjective } from '../../../server/src/protocol';
import { escapeHtml } from '../webview/page';
import { arrivedInjects, injectNote, nextInjectAt, SPEEDS, stepRecord, type ClockState } from './live';
import { clockText, spanText } from './time';
import { injectDescription, renderTimeline, type TimelineOptions } from './timeline';

/** HSEEP's ratings, as the after-action report names them. */
const RATINGS: [string, string][] = [
  ['', 'Not rated'],
  ['P', 'P: performed without challenges'],
  ['S', 'S: performed with some challenges'],
  ['M', 'M: performed with major challenges'],
  ['U', 'U: unable to be performed'],
];

const e = escapeHtml;
const icon = (name: string) => `<span class="codicon codicon-${name}" aria-hidden="true"></span>`;
/** A table of form fields scrolls sideways in its own box when the panel is too narrow, never the whole page. */
const scrolling = (table: string) => `<div class="table-scroll">${table}</div>`;

export interface LiveView {
  clock: ClockState;
  record: DrillRecord;
  /** The drill clock now, in minutes. */
  minutes: number;
}

/** The whole body: every section in its container, so the script can replace one at a time. */
export function renderDrillBody(sim: DrillSimulation, live: LiveView): string {
  return `<header id="header">${renderHeader(sim)}</header>
<main>
<section id="summary" aria-labelledby="summary-heading">${renderSummary(sim)}</section>
<section id="timeline-section" aria-labelledby="timeline-heading">
<h2 id="timeline-heading">${icon('graph-line')} Timeline</h2>
<div id="timeline" class="timeline-box">${renderTimeline(sim, timelineOptions(live))}</div>
${renderLegend()}
<p id="timeline-detail" class="detail" aria-live="polite"></p>
</section>
<section id="live" aria-labelledby="live-heading">
<h2 id="live-heading">${icon('record')} Live drill</h2>
<div id="clock-bar" class="toolbar" role="toolbar" aria-label="Drill clock">${renderClockBar(sim, live)}</div>
<div id="inject-feed">${renderInjectFeed(sim, live)}</div>
<div id="announce" class="sr-only" aria-live="assertive"></div>
<div id="step-table">${renderStepTable(sim, live.record)}</div>
</section>
<section id="report" aria-labelledby="report-heading">
<h2 id="report-heading">${icon('notebook')} After-action report</h2>
<div id="report-form">${renderReportForm(sim, live.record)}</div>
<div class="actions"><button type="button" class="primary" data-action="save">${icon('save')} Save after-action report</button></div>
<p id="status" class="status" role="status"></p>
</section>
</main>`;
}

export function timelineOptions(live: LiveView): TimelineOptions {
  const started = live.clock.running || live.minutes > 0;
  return { actual: new Map(live.record.steps.map((s) => [s.id, s])), now: started ? live.minutes : undefined };
}

export function renderHeader(sim: DrillSimulation): string {
  const facts = [
    `drill ${sim.drillId}`,
    sim.file,
    `class ${sim.classId}${sim.classKind ? ` (${sim.classKind})` : ''}`,
    sim.severity ? `severity ${sim.severity}` : undefined,
    `unavailable: ${sim.unavailable.length > 0 ? sim.unavailable.join(', ') : 'no one'}`,
    `handoff ${spanText(sim.handoff)}`,
  ].filter((f): f is string => f !== undefined);
  return `<h1>${icon('beaker')} ${e(sim.title ?? sim.drillId)}</h1><p class="facts">${facts.map(e).join(' · ')}</p>`;
}

export function renderSummary(sim: DrillSimulation): string {
  const pass = sim.verdict === 'pass';
  const ttc = sim.timeToContain === null ? 'never contained: a step is blocked' : `time to contain ${spanText(sim.timeToContain)}`;
  const out = [
    `<h2 id="summary-heading">${icon('pulse')} Simulation</h2>`,
    `<p class="verdict ${pass ? 'pass' : 'fail'}" data-verdict="${sim.verdict}">${icon(pass ? 'pass' : 'error')} <strong>${pass ? 'Pass' : 'Fail'}</strong>, ${e(ttc)}${sim.containWithin === null ? '' : e(` (objective: within ${spanText(sim.containWithin)})`)}</p>`,
  ];
  if (sim.objectives.length > 0) {
    out.push(`<h3>Objectives</h3><ul class="objectives">${sim.objectives.map((o) => `<li class="${o.met ? 'met' : 'missed'}">${icon(o.met ? 'check' : 'close')} <span class="sr-only">${o.met ? 'Met' : 'Missed'}:</span> ${e(objectiveText(o))}</li>`).join('')}</ul>`);
  }
  if (sim.reasons.length > 0) out.push(`<h3>Why it fails</h3><ul class="reasons">${sim.reasons.map((r) => `<li>${e(r)}</li>`).join('')}</ul>`);
  if (sim.injects.length > 0) {
    const rows = sim.injects.map((inject, i) => {
      const met = inject.met === null ? '<span class="muted">no expectation</span>' : inject.met ? `${icon('check')} met` : `${icon('close')} missed${inject.detail ? `: ${e(inject.detail)}` : ''}`;
      return `<tr><td>${i + 1}</td><td>${e(clockText(inject.at))}</td><td>${e(inject.message ?? '(no message)')}${inject.question ? `<div class="question">${icon('question')} ${e(inject.question)}</div>` : ''}</td><td>${met}</td></tr>`;
    });
    out.push(`<h3>Injects</h3><table class="grid-table"><thead><tr><th scope="col">#</th><th scope="col">At</th><th scope="col">Inject</th><th scope="col">Expected steps under way</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  return out.join('');
}

/** An evidence objective that is met says no more than its name; otherwise the detail says why. */
function objectiveText(o: SimulationObjective): string {
  return o.kind === 'evidence' && o.met ? objectiveName(o) : `${objectiveName(o)}: ${o.detail}`;
}

export function objectiveName(o: SimulationObjective): string {
  return o.kind === 'contain_within' ? `Contain within ${spanText(o.limit ?? 0)}` : `Evidence collected: ${(o.evidence ?? []).join(', ')}`;
}

function renderLegend(): string {
  const item = (cls: string, text: string) => `<li><span class="swatch ${cls}" aria-hidden="true"></span>${text}</li>`;
  return `<ul class="legend" aria-label="Legend">${[
    item('seg-work', 'work'),
    item('seg-approval', 'approval wait'),
    item('seg-handoff', 'handoff wait'),
    item('seg-blocked', 'blocked'),
    item('bar-actual', 'actual (recorded)'),
    item('inject', 'inject'),
    item('contain', 'contain within'),
  ].join('')}</ul>`;
}

export function renderClockBar(sim: DrillSimulation, live: LiveView): string {
  const running = live.clock.running;
  const next = nextInjectAt(sim, live.minutes);
  const speed = SPEEDS.map(
    (s) => `<button type="button" class="speed" data-action="speed" data-speed="${s}" aria-pressed="${live.clock.speed === s}" aria-label="Speed ×${s}">×${s}</button>`,
  );
  return [
    `<span id="clock" class="clock" role="timer" aria-label="Drill clock">${e(clockText(live.minutes))}</span>`,
    running
      ? `<button type="button" data-action="pause">${icon('debug-pause')} Pause</button>`
      : `<button type="button" data-action="start">${icon('play')} ${live.minutes > 0 ? 'Resume' : 'Start'}</button>`,
    `<span class="speeds" role="group" aria-label="Clock speed">${speed.join('')}</span>`,
    `<button type="button" data-action="next-inject"${next === undefined ? ' disabled' : ''}>${icon('debug-step-over')} Next inject${next === undefined ? '' : ` (${e(clockText(next))})`}</button>`,
    `<button type="button" data-action="reset-clock"${live.minutes === 0 && !running ? ' disabled' : ''}>${icon('debug-restart')} Reset clock</button>`,
  ].join('');
}

/** The injects that have arrived, newest first, each with its question and a note field. */
export function renderInjectFeed(sim: DrillSimulation, live: LiveView): string {
  if (sim.injects.length === 0) return `<p class="muted">This drill has no injects.</p>`;
  const started = live.clock.running || live.minutes > 0;
  const arrived = started ? arrivedInjects(sim, live.minutes) : [];
  const upcoming = sim.injects.length - arrived.length;
  const items = [...arrived].reverse().map((i) => {
    const inject = sim.injects[i];
    const id = `inject-note-${i}`;
    return (
      `<li class="inject-card" data-inject="${i}"><div class="inject-head">${icon('bell')} <strong>Inject ${i + 1}</strong> at ${e(clockText(inject.at))}</div>` +
      `<p class="inject-message">${e(inject.message ?? '(no message)')}</p>` +
      (inject.question ? `<p class="question">${icon('question')} ${e(inject.question)}</p>` : '') +
      (inject.expect ? `<p class="muted">Expects under way: ${e(inject.expect.join(', '))}</p>` : '') +
      `<label for="${id}">Notes on inject ${i + 1}</label><textarea id="${id}" rows="2" data-field="inject.note" data-index="${i}" aria-label="${e(`Notes on inject ${i + 1}`)}" title="${e(injectDescription(inject, i))}">${e(injectNote(live.record, i))}</textarea></li>`
    );
  });
  const status = started
    ? `<p class="muted">${arrived.length} of ${sim.injects.length} injects so far${upcoming > 0 ? `; next at ${e(clockText(nextInjectAt(sim, live.minutes)!))}` : ''}.</p>`
    : `<p class="muted">Start the clock: the ${sim.injects.length} injects appear at their time.</p>`;
  return `${status}${items.length > 0 ? `<ol class="inject-feed" reversed>${items.join('')}</ol>` : ''}`;
}

/** One row per step: the simulated times, and the times the team started and finished it. */
export function renderStepTable(sim: DrillSimulation, record: DrillRecord): string {
  if (sim.steps.length === 0) return '';
  const rows = sim.steps.map((s) => {
    const r = stepRecord(record, s.id);
    const simulated = s.blocked ? `blocked${s.blockedBy ? `: ${e(s.blockedBy)}` : ''}` : `${e(clockText(s.start!))} to ${e(clockText(s.end!))}`;
    const who = s.actor !== undefined && s.plannedActor !== undefined && s.actor !== s.plannedActor ? `${e(s.actor)} <span class="muted">for ${e(s.plannedActor)}</span>` : e(s.actor ?? s.plannedActor ?? '-');
    const time = (which: 'start' | 'end') => {
      const value = r?.[which];
      const label = `${which === 'start' ? 'Started' : 'Finished'} ${s.id}`;
      return (
        `<td><span class="time-cell"><input type="text" inputmode="decimal" class="drill-time" data-field="step.${which}" data-step="${e(s.id)}" value="${value === undefined ? '' : e(clockText(value))}" placeholder="T+mm:ss" aria-label="${e(`${label} at (drill clock)`)}"${r?.skipped ? ' disabled' : ''}>` +
        `<button type="button" class="icon" data-action="step-now" data-which="${which}" data-step="${e(s.id)}" aria-label="${e(`${label} now`)}" title="${which === 'start' ? 'Started now' : 'Finished now'}"${r?.skipped ? ' disabled' : ''}>${icon(which === 'start' ? 'debug-start' : 'pass-filled')}</button></span></td>`
      );
    };
    return (
      `<tr data-step="${e(s.id)}"><th scope="row" title="${e(s.action ?? '')}">${e(s.id)}</th><td>${who}</td><td>${simulated}</td>${time('start')}${time('end')}` +
      `<td><input type="checkbox" data-field="step.skipped" data-step="${e(s.id)}" aria-label="${e(`Skipped ${s.id}`)}"${r?.skipped ? ' checked' : ''}></td></tr>`
    );
  });
  return scrolling(`<table class="grid-table steps"><caption>What the team did: press a button when a step starts or finishes, or type the drill time.</caption><thead><tr><th scope="col">Step</th><th scope="col">Acted (simulated)</th><th scope="col">Simulated</th><th scope="col">Started</th><th scope="col">Finished</th><th scope="col">Skipped</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

/** Facilitator, participants, objective ratings, strengths, areas for improvement, improvement plan. */
export function renderReportForm(sim: DrillSimulation, record: DrillRecord): string {
  const out: string[] = [];
  out.push(`<div class="field"><label for="facilitator">Facilitator</label><input id="facilitator" type="text" data-field="facilitator" value="${e(record.facilitator)}"></div>`);

  const people = record.participants.map(
    (p, i) =>
      `<tr><td><input type="text" data-field="participant.name" data-index="${i}" value="${e(p.name)}" aria-label="${e(`Participant ${i + 1} name`)}"></td>` +
      `<td><input type="text" data-field="participant.role" data-index="${i}" value="${e(p.role)}" aria-label="${e(`Participant ${i + 1} role`)}"></td>` +
      `<td><button type="button" class="icon" data-action="remove-participant" data-index="${i}" aria-label="${e(`Remove participant ${i + 1}`)}">${icon('trash')}</button></td></tr>`,
  );
  out.push(
    `<h3>Participants</h3>${scrolling(`<table class="grid-table"><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col"><span class="sr-only">Remove</span></th></tr></thead><tbody>${people.join('')}</tbody></table>`)}` +
      `<button type="button" data-action="add-participant">${icon('add')} Add participant</button>`,
  );

  if (sim.objectives.length > 0) {
    const items = sim.objectives.map((o, i) => {
      const a = record.objectives.find((x) => x.index === i);
      const options = RATINGS.map(([value, text]) => `<option value="${value}"${(a?.rating ?? '') === value ? ' selected' : ''}>${e(text)}</option>`).join('');
      return (
        `<li><div class="objective-name">${icon(o.met ? 'check' : 'close')} ${e(objectiveName(o))} <span class="muted">(simulated: ${o.met ? 'met' : 'missed'})</span></div>` +
        `<label for="objective-rating-${i}">Rating</label> <select id="objective-rating-${i}" data-field="objective.rating" data-index="${i}">${options}</select>` +
        `<label for="objective-note-${i}">Notes</label><textarea id="objective-note-${i}" rows="2" data-field="objective.note" data-index="${i}">${e(a?.note ?? '')}</textarea></li>`
      );
    });
    out.push(`<h3>Objectives assessed</h3><ol class="objective-form">${items.join('')}</ol>`);
  }

  out.push(
    `<div class="field"><label for="strengths">Strengths (one per line)</label><textarea id="strengths" rows="3" data-field="strengths">${e(record.strengths.join('\n'))}</textarea></div>`,
    `<div class="field"><label for="areas">Areas for improvement (one per line)</label><textarea id="areas" rows="3" data-field="areasForImprovement">${e(record.areasForImprovement.join('\n'))}</textarea></div>`,
  );

  const contacts = sim.contacts;
  const items = record.improvementPlan.map((item, i) => {
    const known = contacts.some((c) => c.id === item.owner);
    const options = [`<option value=""${item.owner === '' ? ' selected' : ''}>Not assigned</option>`]
      .concat(item.owner !== '' && !known ? [`<option value="${e(item.owner)}" selected>${e(item.owner)}</option>`] : [])
      .concat(contacts.map((c) => `<option value="${e(c.id)}"${item.owner === c.id ? ' selected' : ''}>${e(c.name ? `${c.id}: ${c.name}` : c.id)}</option>`))
      .join('');
    return (
      `<tr><td><input type="text" data-field="improvement.item" data-index="${i}" value="${e(item.item)}" aria-label="${e(`Improvement ${i + 1}`)}"></td>` +
      `<td><select data-field="improvement.owner" data-index="${i}" aria-label="${e(`Owner of improvement ${i + 1}`)}">${options}</select></td>` +
      `<td><input type="date" data-field="improvement.due" data-index="${i}" value="${e(item.due)}" aria-label="${e(`Due date of improvement ${i + 1}`)}"></td>` +
      `<td><button type="button" class="icon" data-action="remove-improvement" data-index="${i}" aria-label="${e(`Remove improvement ${i + 1}`)}">${icon('trash')}</button></td></tr>`
    );
  });
  out.push(
    `<h3>Improvement plan</h3>${scrolling(`<table class="grid-table"><thead><tr><th scope="col">Item</th><th scope="col">Owner (contact)</th><th scope="col">Due date</th><th scope="col"><span class="sr-only">Remove</span></th></tr></thead><tbody>${items.join('')}</tbody></table>`)}` +
      `<button type="button" data-action="add-improvement">${icon('add')} Add improvement item</button>`,
  );
  return out.join('');
}
