// The facilitator's record as it comes from outside (drillRecord.ts) and the after-action report
// rendered from it (afterAction.ts): the sections exercise programmes expect, the simulated and
// the actual timelines side by side, and nothing in it that could run, link or leak.
import assert from 'node:assert/strict';
import { actualTimeline, afterActionReport } from '../../../server/src/engine/afterAction';
import { emptyDrillRecord, parseDrillRecord, type DrillRecord } from '../../../server/src/engine/drillRecord';
import { FAKE_TOKEN, HOSTILE, hostileSimulation } from './fixtures';

function record(patch: Partial<DrillRecord>): DrillRecord {
  return { ...emptyDrillRecord(), ...patch };
}

/** The hostile drill as a team ran it: revoke late, reissue on time, audit skipped. */
const RAN: DrillRecord = record({
  facilitator: 'Dana (secops)',
  participants: [
    { name: 'Ari', role: 'Platform on-call' },
    { name: `Mallory ${HOSTILE.contactName}`, role: HOSTILE.question },
  ],
  steps: [
    { id: 'revoke', start: 8, end: 15 },
    { id: 'reissue', start: 16, end: 30 },
    { id: 'audit', skipped: true },
  ],
  injects: [{ index: 1, note: `Paged platform; the token ${FAKE_TOKEN} was pasted in chat` }],
  objectives: [
    { index: 0, rating: 'S', note: 'Handoff took long' },
    { index: 2, rating: 'P', note: '' },
  ],
  strengths: ['The bot revoked within minutes', ''],
  areasForImprovement: [HOSTILE.action],
  improvementPlan: [
    { item: 'Give platform standing approval for github-pat revocation', owner: 'platform', due: '2026-12-01' },
    { item: 'Write the audit runbook', owner: 'someone new', due: '' },
    { item: '   ', owner: 'platform', due: '' },
  ],
  clock: 34,
});

describe('engine: drill record and after-action report', () => {
  describe('parseDrillRecord', () => {
    it('reads a full record and fills what is left out', () => {
      assert.deepEqual(parseDrillRecord(JSON.parse(JSON.stringify(RAN))), { record: RAN });
      assert.deepEqual(parseDrillRecord({}), { record: emptyDrillRecord() });
    });

    it('refuses a wrong shape with the path of the field', () => {
      const cases: [unknown, RegExp][] = [
        [null, /^record must be an object$/],
        [[], /^record must be an object$/],
        [{ steps: {} }, /^record\.steps must be a list$/],
        [{ steps: [{ id: 3 }] }, /^record\.steps\[0\]\.id must be a string$/],
        [{ steps: [{ id: 'a', start: -1 }] }, /^record\.steps\[0\]\.start must be a number of drill minutes/],
        [{ steps: [{ id: 'a', start: Number.NaN }] }, /^record\.steps\[0\]\.start must be a number/],
        [{ steps: [{ id: 'a', start: 9, end: 3 }] }, /^record\.steps\[0\]: finished \(3 min\) before it started \(9 min\)$/],
        [{ steps: [{ id: 'a', skipped: 'yes' }] }, /^record\.steps\[0\]\.skipped must be true or false$/],
        [{ objectives: [{ index: 0, rating: 'X' }] }, /^record\.objectives\[0\]\.rating must be one of P, S, M, U$/],
        [{ objectives: [{ index: 0, rating: 'toString' }] }, /rating must be one of/],
        [{ injects: [{ index: 1.5 }] }, /^record\.injects\[0\]\.index must be a whole number/],
        [{ improvementPlan: [{ item: 'x', due: '2026-02-30' }] }, /^record\.improvementPlan\[0\]\.due must be a date YYYY-MM-DD, not "2026-02-30"$/],
        [{ facilitator: 'x'.repeat(4001) }, /^record\.facilitator is longer than 4000 characters$/],
        [{ strengths: new Array(501).fill('x') }, /^record\.strengths has more than 500 entries$/],
        [{ clock: '5' }, /^record\.clock must be a number/],
      ];
      for (const [value, message] of cases) {
        const parsed = parseDrillRecord(value);
        assert.ok('error' in parsed, `accepted ${JSON.stringify(value).slice(0, 80)}`);
        assert.match(parsed.error, message);
      }
    });
  });

  describe('actualTimeline', () => {
    it('is contained at the latest end once every step finished or was skipped', () => {
      const actual = actualTimeline(hostileSimulation(), RAN);
      assert.deepEqual(actual.steps.map((s) => s.status), ['finished', 'finished', 'skipped']);
      assert.equal(actual.timeToContain, 30);
      assert.deepEqual(actual.skipped, ['audit']);
      assert.deepEqual(actual.unfinished, []);
    });

    it('is not contained while a step is unfinished or unrecorded', () => {
      const actual = actualTimeline(hostileSimulation(), record({ steps: [{ id: 'revoke', start: 1, end: 3 }, { id: 'reissue', start: 4 }] }));
      assert.equal(actual.timeToContain, null);
      assert.deepEqual(actual.unfinished, ['reissue', 'audit']);
      assert.deepEqual(actual.steps.map((s) => s.status), ['finished', 'started', 'not recorded']);
    });
  });

  describe('afterActionReport', () => {
    const report = afterActionReport(hostileSimulation(), RAN, { date: '2026-11-20' });

    it('has the sections of an exercise after-action report, in order', () => {
      const headings = report.split('\n').filter((l) => /^##? /.test(l));
      assert.deepEqual(headings.map((h) => h.replace(/:.*/, '')), [
        '# After-action report',
        '## Overview',
        '## Participants',
        '## Timeline',
        '## Objectives',
        '## Strengths',
        '## Areas for improvement',
        '## Improvement plan',
      ]);
    });

    it('sets the actual timeline against the simulated one', () => {
      assert.match(report, /^\| revoke \| revoker-bot \| 10m to 12m \| 8m to 15m \| \+3m \|$/m);
      assert.match(report, /^\| reissue \| platform \(for iam-team\) \| 22m to 32m \| 16m to 30m \| -2m \|$/m);
      assert.match(report, /^\| audit \| secops \| 10m to 25m \| skipped \| {2}\|$/m);
      assert.match(report, /^\*\*Time to contain:\*\* simulated 32m; actual 30m \(-2m\)\.$/m);
      assert.match(report, /^\| Actual \| contained in 30m \(skipped: audit\) \|$/m);
      // The inject at 5m expected revoke under way: simulated missed (10m), actual missed (8m).
      assert.match(report, /^\| 2 \| 5m \| .* \| revoke \| missed \| missed \| Paged platform; the token \\\[redacted GitHub token\\\] was pasted in chat \|$/m);
    });

    it('assesses each objective: simulated, actual, the rating and notes', () => {
      assert.match(report, /### 1\. Contain within 1h\n\n- \*\*Simulated:\*\* met \(32m &lt;= 1h\)\n- \*\*Actual:\*\* met: 30m &lt;= 1h\n- \*\*Rating:\*\* S: Performed with some challenges\n- \*\*Notes:\*\* Handoff took long/);
      assert.match(report, /### 2\. Contain within 45m\n\n[^#]*- \*\*Rating:\*\* not rated/);
      assert.match(report, /### 3\. Evidence collected: audit-log\n\n[^#]*- \*\*Actual:\*\* assessed by the facilitator \(see the rating\)\n- \*\*Rating:\*\* P: Performed without challenges/);
    });

    it('lists strengths and areas for improvement, written and seen on the timeline', () => {
      assert.match(report, /## Strengths\n\n- The bot revoked within minutes\n\nSeen on the timeline:\n\n- Contained in 30m, inside the 45m objective\.\n- Step reissue finished 2m ahead of the simulation\./);
      assert.match(report, /- Step revoke finished 3m later than simulated\.\n- Step audit was skipped\.\n- Inject 2 at 5m expected revoke under way; not all were\./);
    });

    it('ends with an improvement plan of item, owner contact and due date (blank items left out)', () => {
      assert.match(report, /## Improvement plan\n\n\| # \| Item \| Owner \(contact\) \| Due date \|\n\|---\|---\|---\|---\|\n\| 1 \| Give platform standing approval for github-pat revocation \| Platform engineering \(platform\) \| 2026-12-01 \|\n\| 2 \| Write the audit runbook \| someone new \| not set \|\n\n---/);
    });

    it('names the facilitator, the participants, the date and the situation', () => {
      assert.match(report, /^\| Date \| 2026-11-20 \|$/m);
      assert.match(report, /^\| Facilitator \| Dana \(secops\) \|$/m);
      assert.match(report, /^\| Ari \| Platform on-call \|$/m);
      assert.match(report, /^\| Unavailable during the drill \| .*\(iam-team\) \|$/m);
      assert.match(report, /^\| Drill clock at the end \| 34m \|$/m);
      assert.match(report, /^\| Simulated \| pass, time to contain 32m \|$/m);
    });

    it('holds no markup, link or secret from the plan or the facilitator', () => {
      assert.ok(!report.includes(FAKE_TOKEN), 'a token is redacted');
      assert.doesNotMatch(report, /<(script|img)/i, 'no HTML tag survives');
      assert.doesNotMatch(report, /(?<!\\)\]\(javascript:/, 'no Markdown link to javascript:');
      assert.match(report, /\\\[click\\\]\(javascript:window\.__pwned='action'\) &lt;script&gt;/);
      assert.match(report, /&lt;img src=x onerror="window\.__pwned='title'"&gt; leaked token/);
      // One line per table row: a newline in a note cannot break the table.
      const withBreak = afterActionReport(hostileSimulation(), record({ injects: [{ index: 0, note: 'one\n| two |' }] }), { date: '2026-11-20' });
      assert.match(withBreak, /^\| 1 \| 0m \| .* \| one \\\| two \\\| \|$/m);
    });

    it('says plainly when nothing was recorded', () => {
      const empty = afterActionReport(hostileSimulation(), emptyDrillRecord(), { date: '2026-11-20' });
      assert.match(empty, /No participants were recorded\./);
      assert.match(empty, /^\| Actual \| no step was recorded \|$/m);
      assert.match(empty, /No strengths were recorded\./);
      assert.match(empty, /No improvement items were recorded\./);
      assert.match(empty, /^\| 2 \| 5m \| .* \| revoke \| missed \| not reached \| {2}\|$/m);
    });
  });
});
