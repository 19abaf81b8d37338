// The custom irplan/* methods of server/src/protocol.ts, over the protocol: irplan/listDrills,
// irplan/runDrill (the Markdown report, the verdict of spec section 9 and the drill view's
// simulation), irplan/afterActionReport and the irplan/workspaceStatus notification.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  AFTER_ACTION_REPORT,
  LIST_DRILLS,
  RUN_DRILL,
  STARTER_PLAN,
  type AfterActionReportResult,
  type DrillListItem,
  type RunDrillResult,
  type StarterPlan,
} from '../../server/src/protocol';
import { DiagnosticSeverity, useSession } from './harness';

interface DrillJson {
  id: string;
  class: string;
  verdict: 'pass' | 'fail';
  time_to_contain: number | null;
  steps: { id: string; actor: string | null; start: number | null; end: number | null; blocked: boolean }[];
  objectives: { kind: string; met: boolean; detail: string }[];
  injects: { at: number; met: boolean | null }[];
  reasons: string[];
}

const byId = (a: DrillListItem, b: DrillListItem) => a.drillId.localeCompare(b.drillId);

describe('lsp: custom requests and notifications', function () {
  this.timeout(20_000);
  const session = useSession({});

  describe(LIST_DRILLS, () => {
    it('lists every drill of the workspace, open or not, with its title and class', async () => {
      const s = session();
      const drills = await s.request<DrillListItem[]>(LIST_DRILLS, {});
      assert.deepEqual([...drills].sort(byId), [
        { uri: s.uri('payments.irplan.yaml'), drillId: 'everyone-out', title: 'Stripe key leaked while IAM and security are both unreachable', classId: 'stripe-key' },
        { uri: s.uri('ci.irplan.yaml'), drillId: 'leaked-pat', title: 'GitHub token leaked in a public repository', classId: 'github-pat' },
      ]);
    });

    it('includes a drill typed into an open document before it is saved', async () => {
      const s = session();
      const uri = await s.open('findings.irplan.yaml');
      await s.insert(uri, { line: s.text(uri).split('\n').length - 1, character: 0 }, 'drills:\n  lost-key:\n    title: Deploy key lost\n    class: deploy-key\n');
      const drills = await s.request<DrillListItem[]>(LIST_DRILLS, {});
      assert.deepEqual(
        drills.find((d) => d.drillId === 'lost-key'),
        { uri, drillId: 'lost-key', title: 'Deploy key lost', classId: 'deploy-key' },
      );
    });
  });

  describe(RUN_DRILL, () => {
    it('runs a drill that passes: the Markdown report and the JSON verdict (spec section 9 worked example)', async () => {
      const s = session();
      const result = await s.request<RunDrillResult>(RUN_DRILL, { uri: s.uri('ci.irplan.yaml'), drillId: 'leaked-pat' });
      assert.equal(result.error, undefined);
      assert.match(result.markdown, /^# Drill report: ci\.irplan\.yaml\n/);
      assert.match(result.markdown, /^## leaked-pat: GitHub token leaked in a public repository$/m);
      assert.match(result.markdown, /\*\*✅ pass\*\*, time to contain 22m/);
      assert.match(result.markdown, /^\| reissue \| platform-team \(for iam-team\) \| 12m \| 22m \|/m);
      const drill = result.drill as DrillJson;
      assert.equal(drill.id, 'leaked-pat');
      assert.equal(drill.class, 'github-pat');
      assert.equal(drill.verdict, 'pass');
      assert.equal(drill.time_to_contain, 22);
      assert.deepEqual(
        drill.steps.map((st) => [st.id, st.actor, st.start, st.end, st.blocked]),
        [
          ['revoke', 'revoker-bot', 0, 2, false],
          ['reissue', 'platform-team', 12, 22, false],
        ],
      );
      assert.deepEqual(drill.objectives.map((o) => [o.kind, o.met]), [
        ['contain_within', true],
        ['evidence', true],
      ]);
      assert.deepEqual(drill.injects.map((i) => [i.at, i.met]), [
        [0, null],
        [5, true],
      ]);
      assert.deepEqual(drill.reasons, []);
    });

    it('runs a drill that fails: the verdict and its reasons', async () => {
      const s = session();
      const result = await s.request<RunDrillResult>(RUN_DRILL, { uri: s.uri('payments.irplan.yaml'), drillId: 'everyone-out' });
      assert.equal(result.error, undefined);
      assert.match(result.markdown, /\*\*❌ fail\*\*/);
      const drill = result.drill as DrillJson;
      assert.equal(drill.verdict, 'fail');
      assert.equal(drill.time_to_contain, null);
      assert.deepEqual(drill.steps.map((st) => [st.id, st.blocked, st.end]), [
        ['roll-key', true, null],
        ['deploy-key', true, null],
      ]);
      assert.ok(drill.reasons.some((r) => /roll-key/.test(r)), JSON.stringify(drill.reasons));
    });

    it('runs on the editor text of an open document, not the file on disk', async () => {
      const s = session();
      const uri = await s.open('ci.irplan.yaml');
      await s.replace(uri, 'duration: 10m', 'duration: 20m', { after: 'id: reissue' });
      const result = await s.request<RunDrillResult>(RUN_DRILL, { uri, drillId: 'leaked-pat' });
      const drill = result.drill as DrillJson;
      assert.equal(drill.time_to_contain, 32);
      assert.equal(drill.verdict, 'fail');
    });

    it('carries the drill view\'s simulation: waits apart, actions, the contain_within limit and the contacts of the plan and its imports', async () => {
      const s = session();
      const result = await s.request<RunDrillResult>(RUN_DRILL, { uri: s.uri('ci.irplan.yaml'), drillId: 'leaked-pat' });
      const sim = result.simulation!;
      assert.equal(sim.drillId, 'leaked-pat');
      assert.equal(sim.file, 'ci.irplan.yaml');
      assert.equal(sim.planTitle, 'ACME CI credentials incident response plan');
      assert.equal(sim.containWithin, 30);
      assert.equal(sim.timeToContain, 22);
      assert.deepEqual(
        sim.steps.map((st) => [st.id, st.plannedActor, st.actor, st.ready, st.approvalWait, st.handoffWait, st.start, st.duration, st.end]),
        [
          ['revoke', 'revoker-bot', 'revoker-bot', 0, 0, 0, 0, 2, 2],
          ['reissue', 'iam-team', 'platform-team', 2, 0, 10, 12, 10, 22],
        ],
      );
      assert.equal(sim.steps[0].action, 'Revoke the token in the GitHub organisation settings');
      assert.equal(sim.contacts.find((c) => c.id === 'platform-team')?.name, 'Platform engineering', 'a contact from the imported library');
    });

    it('keeps the JSON report exactly as irplan drill --format json prints it (no view fields in it)', async () => {
      const s = session();
      const result = await s.request<RunDrillResult>(RUN_DRILL, { uri: s.uri('ci.irplan.yaml'), drillId: 'leaked-pat' });
      const drill = result.drill as Record<string, unknown>;
      assert.deepEqual(Object.keys(drill), ['id', 'class', 'verdict', 'time_to_contain', 'steps', 'objectives', 'injects', 'reasons', 'title', 'severity', 'unavailable', 'handoff']);
      assert.deepEqual(Object.keys((drill.objectives as object[])[0]), ['kind', 'met', 'detail']);
      assert.ok(!('duration' in (drill.steps as object[])[0]));
    });

    it('answers an error for a drill that does not exist', async () => {
      const s = session();
      const result = await s.request<RunDrillResult>(RUN_DRILL, { uri: s.uri('ci.irplan.yaml'), drillId: 'nope' });
      assert.equal(result.markdown, '');
      assert.match(result.error ?? '', /no drill "nope"/);
      const nowhere = await s.request<RunDrillResult>(RUN_DRILL, { uri: s.uri('missing.irplan.yaml'), drillId: 'leaked-pat' });
      assert.equal(nowhere.markdown, '');
      assert.ok(nowhere.error, 'an error for a plan that does not exist');
    });
  });

  describe(AFTER_ACTION_REPORT, () => {
    const record = {
      facilitator: 'Dana',
      participants: [{ name: 'Ari', role: 'Platform on-call' }],
      steps: [
        { id: 'revoke', start: 1, end: 4 },
        { id: 'reissue', start: 6, end: 25 },
      ],
      injects: [{ index: 1, note: 'Revocation was under way' }],
      objectives: [{ index: 0, rating: 'S', note: '' }],
      strengths: ['Fast revocation'],
      areasForImprovement: ['Deputy handoff'],
      improvementPlan: [{ item: 'Give platform-team the vault role', owner: 'platform-team', due: '2026-12-15' }],
      clock: 26,
    };

    it('renders the after-action report of the recorded drill, against the plan as it reads now, and writes nothing', async () => {
      const s = session();
      const uri = await s.open('ci.irplan.yaml');
      const before = fs.readFileSync(s.path('ci.irplan.yaml'), 'utf8');
      await s.replace(uri, 'duration: 10m', 'duration: 12m', { after: 'id: reissue' });
      const result = await s.request<AfterActionReportResult>(AFTER_ACTION_REPORT, { uri, drillId: 'leaked-pat', date: '2026-11-20', record });
      assert.equal(result.error, undefined);
      assert.match(result.markdown, /^# After-action report: GitHub token leaked in a public repository$/m);
      assert.match(result.markdown, /^\| Date \| 2026-11-20 \|$/m);
      assert.match(result.markdown, /^\| reissue \| platform-team \(for iam-team\) \| 12m to 24m \| 6m to 25m \| \+1m \|$/m, 'the edited duration');
      assert.match(result.markdown, /^\| 1 \| Give platform-team the vault role \| Platform engineering \(platform-team\) \| 2026-12-15 \|$/m);
      assert.equal(fs.readFileSync(s.path('ci.irplan.yaml'), 'utf8'), before, 'the plan on disk is untouched');
    });

    it('refuses a bad date or record with a message naming the field', async () => {
      const s = session();
      const uri = s.uri('ci.irplan.yaml');
      const badDate = await s.request<AfterActionReportResult>(AFTER_ACTION_REPORT, { uri, drillId: 'leaked-pat', date: '20/11/2026', record });
      assert.equal(badDate.markdown, '');
      assert.match(badDate.error ?? '', /^date must be a day YYYY-MM-DD, not "20\/11\/2026"$/);
      const badRecord = await s.request<AfterActionReportResult>(AFTER_ACTION_REPORT, { uri, drillId: 'leaked-pat', date: '2026-11-20', record: { steps: [{ id: 'revoke', start: 'soon' }] } });
      assert.match(badRecord.error ?? '', /^the drill record cannot be read: record\.steps\[0\]\.start must be a number of drill minutes/);
      const noDrill = await s.request<AfterActionReportResult>(AFTER_ACTION_REPORT, { uri, drillId: 'nope', date: '2026-11-20', record });
      assert.match(noDrill.error ?? '', /no drill "nope"/);
      const noParams = await s.request<AfterActionReportResult>(AFTER_ACTION_REPORT, null);
      assert.match(noParams.error ?? '', /no drill/);
    });
  });

  describe('irplan/workspaceStatus', () => {
    it('is sent with the workspace totals, and again with fewer errors after a fix', async () => {
      const s = session();
      // findings.irplan.yaml: class-deputy and unknown-framework (errors), undrilled-class (info).
      const first = await s.waitForStatus((st) => st.errors === 2, 'a status with the 2 errors of the workspace');
      assert.equal(first.warnings, 0);
      assert.equal(first.infos, 1);
      assert.ok(first.plans >= 3, `plans: ${first.plans}`);
      assert.equal(first.coverage.total, 3, 'three credential classes in the workspace');
      assert.ok(first.coverage.covered >= 1 && first.coverage.covered < 3, `covered: ${first.coverage.covered}`);

      const uri = await s.open('findings.irplan.yaml');
      await s.insert(uri, s.positionOf(uri, '    severity: high'), '    deputy: backup-team\n');
      const fixed = await s.waitForStatus((st) => st.errors === 1, 'a status with 1 error after the fix');
      assert.equal(fixed.infos, 1);
    });
  });

  describe(STARTER_PLAN, () => {
    it('answers a starter plan that, saved into the workspace, has no errors or warnings', async () => {
      const s = session();
      const starter = await s.request<StarterPlan>(STARTER_PLAN, {});
      assert.match(starter.text, /^irplan: "1"$/m);
      assert.doesNotMatch(starter.text, /\{\{TODAY\}\}/);
      const uri = await s.open(s.uri('starter.irplan.yaml'), starter.text);
      const diagnostics = await s.waitForDiagnostics(uri, () => true, 'diagnostics of the starter plan');
      assert.deepEqual(diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Information), []);
    });
  });
});
