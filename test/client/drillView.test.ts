// The drill view's pure parts, in node: the timeline's markup, the live state (clock and record),
// the validation of the webview's messages, report names and drill-clock text. The same page runs
// in headless Chromium in test/webview.
import assert from 'node:assert/strict';
import { drillPageHtml } from '../../client/src/drill/drillPage';
import { drillKey, parseDrillKey } from '../../client/src/drill/key';
import {
  arrivedInjects,
  clockMinutes,
  emptyRecord,
  initialState,
  linesOf,
  nextInjectAt,
  pauseClock,
  recordStep,
  restoreState,
  setClock,
  setInjectNote,
  setSpeed,
  startClock,
  type ClockState,
} from '../../client/src/drill/live';
import { MAX_RECORD_CHARS, parseViewMessage } from '../../client/src/drill/messages';
import { localDay, pickReportName, reportFileName, safeDrillName } from '../../client/src/drill/reportName';
import { clockText, parseClock, spanText } from '../../client/src/drill/time';
import { renderTimeline, scaleFor } from '../../client/src/drill/timeline';
import { HOSTILE, hostileSimulation, simulationOf } from '../engine/drill/fixtures';
import { COVERAGE_HEAD, COVERED_CLASS } from '../engine/editor/fixture';

/** The attributes of every element `tag` with class `cls` in `markup`. */
function elements(markup: string, cls: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const m of markup.matchAll(/<([a-z]+)\s([^>]*)>/g)) {
    const attrs = Object.fromEntries([...m[2].matchAll(/([a-z0-9-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    if ((attrs.class ?? '').split(' ').includes(cls)) found.push({ tag: m[1], ...attrs });
  }
  return found;
}

describe('client: drill view', () => {
  describe('timeline', () => {
    const sim = hostileSimulation();
    const svg = renderTimeline(sim, { width: 820 });
    const scale = scaleFor(sim, {}, 820);
    const at = (m: number) => Math.round((scale.origin + m * scale.perMinute) * 10) / 10;

    it('has one lane per acting actor, in order of first step, noting whom a deputy stands in for', () => {
      assert.deepEqual(elements(svg, 'lane').map((l) => l['data-lane']), ['revoker-bot', 'platform', 'secops']);
      assert.match(svg, /<text class="lane-note"[^>]*>for iam-team<\/text>/);
    });

    it('draws approval wait, handoff wait and work as separate segments at their minutes', () => {
      const seg = (step: string, cls: string) => {
        const i = svg.indexOf(`data-step="${step}"`);
        return elements(svg.slice(i, svg.indexOf('</g>', i)), cls);
      };
      assert.deepEqual(seg('revoke', 'seg-approval').map((r) => Number(r.x)), [at(0)]);
      assert.deepEqual(seg('revoke', 'seg-work').map((r) => Number(r.x)), [at(10)]);
      assert.deepEqual(seg('revoke', 'seg-handoff'), []);
      assert.deepEqual(seg('reissue', 'seg-handoff').map((r) => Number(r.x)), [at(12)]);
      assert.deepEqual(seg('reissue', 'seg-work').map((r) => Number(r.x)), [at(22)]);
      assert.ok(Math.abs(Number(seg('reissue', 'seg-work')[0].width) - 10 * scale.perMinute) < 0.2);
    });

    it('marks the injects and the contain_within line', () => {
      assert.deepEqual(elements(svg, 'inject-line').map((l) => Number(l.x1)), [at(0), at(5)]);
      assert.equal(elements(svg, 'inject').filter((g) => g.class.includes('missed')).length, 1);
      assert.equal(Number(elements(svg, 'contain-line')[0]['data-minutes']), 45);
    });

    it('escapes every text and attribute it takes from the plan', () => {
      assert.ok(!svg.includes('<script'), 'a script tag');
      assert.ok(!svg.includes('<img'), 'an img tag');
      assert.ok(svg.includes(`${HOSTILE.question.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;')}`));
      // The contact name's quote cannot end an attribute and start a handler.
      assert.ok(!/onerror="/.test(svg), 'an unescaped attribute');
      assert.equal((svg.match(/<title[ >]/g) ?? []).length, (svg.match(/<\/title>/g) ?? []).length);
    });

    it('draws the team\'s actual bars, skipped steps and the clock line in live mode', () => {
      const live = renderTimeline(sim, { width: 820, now: 20, actual: new Map([['revoke', { start: 8, end: 15 }], ['reissue', { start: 16 }], ['audit', { skipped: true }]]) });
      const bars = elements(live, 'bar-actual');
      assert.equal(bars.length, 2);
      assert.ok(bars[1].class.includes('in-progress'), 'reissue is under way');
      assert.match(live, /<text class="actual-skipped"[^>]*>skipped<\/text>/);
      assert.equal(elements(live, 'now-line').length, 1);
    });

    it('draws a blocked step dashed to the end of the chart, with no work segment', () => {
      const text = `${COVERAGE_HEAD}credential_classes:\n${COVERED_CLASS}drills:\n  out:\n    class: github-pat\n    unavailable: [iam-team, secops]\n`;
      const blocked = renderTimeline(simulationOf('/ws/p.irplan.yaml', text, 'out'), { width: 820 });
      assert.match(blocked, /<g class="step blocked" data-step="reissue"/);
      assert.equal(elements(blocked, 'seg-blocked').length, 1);
      assert.equal(elements(blocked, 'seg-work').length, 1, 'only revoke works');
      assert.match(blocked, /reissue: blocked<\/text>/);
    });
  });

  describe('page', () => {
    it('holds the drill in an inert data block and its script only with the nonce', () => {
      const html = drillPageHtml({ key: 'k', simulation: hostileSimulation(), cspSource: 'https://x.test', nonce: 'n0nce', styles: ['a.css'], script: 'drill.js' });
      assert.match(html, /<script nonce="n0nce" src="drill\.js"><\/script>/);
      assert.equal((html.match(/<script/g) ?? []).length, 2, 'the data block and the script');
      assert.match(html, /<script id="irplan-data" type="application\/json">\{"key":"k","simulation":/);
      assert.match(html, /<title>Drill: &lt;img src=x onerror=&quot;window.__pwned=&#39;title&#39;&quot;&gt; leaked token<\/title>/);
      assert.ok(!/<img/.test(html));
    });
  });

  describe('live state', () => {
    const t0 = 1_000_000;
    const paused: ClockState = initialState('k').clock;

    it('runs the clock at its speed, pauses, changes speed without a jump, and jumps', () => {
      let c = startClock(paused, t0);
      assert.equal(clockMinutes(c, t0 + 60_000), 1);
      c = setSpeed(c, 10, t0 + 60_000);
      assert.equal(clockMinutes(c, t0 + 60_000), 1, 'no jump when the speed changes');
      assert.equal(clockMinutes(c, t0 + 66_000), 2, '×10: six seconds are a drill minute');
      c = pauseClock(c, t0 + 66_000);
      assert.equal(clockMinutes(c, t0 + 999_999), 2, 'paused');
      c = setClock(c, 5, t0);
      assert.equal(clockMinutes(c, t0 + 999_999), 5);
      const running = startClock(paused, t0);
      assert.equal(startClock(running, t0 + 5), running, 'starting a running clock changes nothing');
    });

    it('knows which injects have arrived and when the next comes', () => {
      const sim = hostileSimulation();
      assert.deepEqual(arrivedInjects(sim, 0), [0]);
      assert.deepEqual(arrivedInjects(sim, 4.99), [0]);
      assert.deepEqual(arrivedInjects(sim, 5), [0, 1]);
      assert.equal(nextInjectAt(sim, 0), 5);
      assert.equal(nextInjectAt(sim, 5), undefined);
    });

    it('records steps: start, finish, clear, skip (which clears the times), to whole seconds', () => {
      let r = recordStep(emptyRecord(), 'revoke', { start: 1.2345 });
      assert.deepEqual(r.steps, [{ id: 'revoke', start: Math.round(1.2345 * 60) / 60 }]);
      r = recordStep(r, 'revoke', { end: 3 });
      assert.equal(r.steps[0].end, 3);
      r = recordStep(r, 'revoke', { skipped: true });
      assert.deepEqual(r.steps, [{ id: 'revoke', skipped: true }]);
      r = recordStep(r, 'revoke', { start: 2 });
      assert.deepEqual(r.steps, [{ id: 'revoke', start: 2 }], 'a time un-skips');
      r = recordStep(r, 'revoke', { start: null });
      assert.deepEqual(r.steps, [], 'an empty record is dropped');
    });

    it('keeps one note per inject, and drops an emptied one', () => {
      let r = setInjectNote(emptyRecord(), 1, 'b');
      r = setInjectNote(r, 0, 'a');
      assert.deepEqual(r.injects, [{ index: 0, note: 'a' }, { index: 1, note: 'b' }]);
      assert.deepEqual(setInjectNote(r, 0, '').injects, [{ index: 1, note: 'b' }]);
      assert.deepEqual(linesOf(' one \n\n two\r\n'), ['one', 'two']);
    });

    it('restores only its own drill\'s state, and repairs a damaged one', () => {
      const kept = { ...initialState('k'), record: { ...emptyRecord(), facilitator: 'Dana' } };
      assert.equal(restoreState(kept, 'k').record.facilitator, 'Dana');
      assert.deepEqual(restoreState(kept, 'other'), initialState('other'));
      assert.deepEqual(restoreState(null, 'k'), initialState('k'));
      const damaged = restoreState({ version: 1, key: 'k', clock: { running: true, speed: 7, base: -3, since: 'x' }, record: { steps: 'no' } }, 'k');
      assert.deepEqual(damaged.clock, { running: false, speed: 1, base: 0, since: null });
      assert.deepEqual(damaged.record.steps, []);
    });
  });

  describe('messages from the webview', () => {
    it('accepts a record or a save with a record', () => {
      assert.deepEqual(parseViewMessage({ type: 'record', record: { facilitator: 'x' } }), { type: 'record', record: { facilitator: 'x' } });
      assert.deepEqual(parseViewMessage({ type: 'save', record: {} }), { type: 'save', record: {} });
    });

    it('refuses anything else', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const bad: unknown[] = [
        null,
        'save',
        [],
        { type: 'delete', record: {} },
        { type: 'save' },
        { type: 'save', record: [] },
        { type: 'save', record: { facilitator: 'x', path: '../../plan.irplan.yaml' } },
        { type: 'save', record: {}, uri: 'file:///etc/passwd' },
        { type: 'save', record: new Date() },
        { type: 'save', record: { strengths: ['x'.repeat(MAX_RECORD_CHARS)] } },
        { type: 'save', record: { steps: cyclic } },
      ];
      bad.forEach((message, i) => assert.equal(parseViewMessage(message), undefined, `case ${i}`));
    });
  });

  describe('report names', () => {
    it('is drills/reports/<drill>-<date>.md, then -2, -3 when taken', () => {
      assert.equal(reportFileName('leaked-pat', '2026-11-20', 1), 'leaked-pat-2026-11-20.md');
      assert.equal(pickReportName('leaked-pat', '2026-11-20', []), 'leaked-pat-2026-11-20.md');
      assert.equal(pickReportName('leaked-pat', '2026-11-20', ['leaked-pat-2026-11-20.md']), 'leaked-pat-2026-11-20-2.md');
      assert.equal(pickReportName('leaked-pat', '2026-11-20', ['LEAKED-PAT-2026-11-20.md', 'leaked-pat-2026-11-20-2.md', 'other.md']), 'leaked-pat-2026-11-20-3.md');
    });

    it('never lets a drill id leave the folder or hide the file', () => {
      assert.equal(safeDrillName('../../etc/passwd'), 'etc-passwd');
      assert.equal(safeDrillName('.hidden'), 'hidden');
      assert.equal(safeDrillName('C:\\x'), 'c-x');
      assert.equal(safeDrillName('///'), 'drill');
      assert.equal(safeDrillName('a'.repeat(100)).length, 64);
    });

    it('dates a report by the local calendar', () => {
      assert.equal(localDay(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    });
  });

  describe('drill time and keys', () => {
    it('writes and reads the drill clock', () => {
      assert.equal(clockText(0), 'T+00:00');
      assert.equal(clockText(12.5), 'T+12:30');
      assert.equal(clockText(65 + 1 / 60), 'T+1:05:01');
      assert.equal(spanText(10), '10 min');
      assert.equal(spanText(1.5), '1.5 min');
      for (const [text, minutes] of [['12', 12], ['12.5', 12.5], ['12:30', 12.5], ['T+12:30', 12.5], ['1:05:01', 65 + 1 / 60], [' t+0:00 ', 0]] as const) {
        assert.equal(parseClock(text), minutes, text);
      }
      for (const text of ['', 'soon', '-1', '12:60', '1:60:00', '1:2:3:4', '12:3']) assert.equal(parseClock(text), undefined, text);
    });

    it('keys a drill by plan and id, and reads only its own keys back', () => {
      const key = drillKey('file:///a b.irplan.yaml', 'x');
      assert.deepEqual(parseDrillKey(key), { uri: 'file:///a b.irplan.yaml', drillId: 'x' });
      for (const bad of [undefined, 3, 'nope', '["a"]', '[1,2]']) assert.equal(parseDrillKey(bad), undefined);
    });
  });
});
