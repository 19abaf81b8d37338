// What the drill view draws (drillSimulation.ts): the simulator's schedule with each step's ready
// time, waits and work apart, the contain_within line, the plan's contacts, and every author text
// redacted.
import assert from 'node:assert/strict';
import { FAKE_TOKEN, HOSTILE, HOSTILE_PLAN, PLAN_URI, hostileSimulation, simulationOf } from './fixtures';
import { COVERAGE_HEAD, COVERED_CLASS, MemoryIndex } from '../editor/fixture';
import { simulatePlanDrill } from '../../../server/src/engine/drillSimulation';

describe('engine: the drill simulation for the view', () => {
  it('separates the approval wait, the handoff wait and the work of each step (owner away, owner-gated start)', () => {
    const sim = hostileSimulation();
    const steps = sim.steps.map((s) => [s.id, s.plannedActor, s.actor, s.approver, s.ready, s.approvalWait, s.handoffWait, s.start, s.duration, s.end, s.blocked]);
    assert.deepEqual(steps, [
      // The revocation's owner gate: iam-team is away, its deputy approves after the handoff.
      ['revoke', 'revoker-bot', 'revoker-bot', 'platform', 0, 10, 0, 10, 2, 12, false],
      // iam-team's own step goes to the deputy, who needs the handoff first.
      ['reissue', 'iam-team', 'platform', undefined, 12, 0, 10, 22, 10, 32, false],
      // after: [] starts the revocation too: the same owner gate holds it.
      ['audit', 'secops', 'secops', 'platform', 0, 10, 0, 10, 15, 25, false],
    ]);
    assert.equal(sim.timeToContain, 32);
    assert.equal(sim.containWithin, 45, 'the tightest contain_within objective');
    assert.equal(sim.verdict, 'pass');
  });

  it('carries the drill, its class, its objectives with their limits and its injects', () => {
    const sim = hostileSimulation();
    assert.equal(sim.drillId, 'leaked');
    assert.equal(sim.file, 'hostile.irplan.yaml');
    assert.equal(sim.classId, 'github-pat');
    assert.equal(sim.classKind, 'api-key');
    assert.equal(sim.severity, 'sev1');
    assert.deepEqual(sim.unavailable, ['iam-team']);
    assert.equal(sim.handoff, 10);
    assert.deepEqual(
      sim.objectives.map((o) => [o.kind, o.met, o.limit, o.evidence]),
      [
        ['contain_within', true, 60, undefined],
        ['contain_within', true, 45, undefined],
        ['evidence', true, undefined, ['audit-log']],
      ],
    );
    assert.deepEqual(sim.injects.map((i) => [i.at, i.met, i.expect]), [
      [0, null, undefined],
      [5, false, ['revoke']],
    ]);
  });

  it('keeps author texts as written (escaping is the view\'s job) but never a secret', () => {
    const sim = hostileSimulation();
    assert.equal(sim.title, HOSTILE.drillTitle);
    assert.equal(sim.planTitle, HOSTILE.planTitle);
    assert.equal(sim.steps[0].action, HOSTILE.action);
    assert.equal(sim.injects[1].question, HOSTILE.question);
    assert.equal(sim.contacts.find((c) => c.id === 'iam-team')?.name, HOSTILE.contactName);
    const json = JSON.stringify(sim);
    assert.ok(!json.includes(FAKE_TOKEN), 'the token in the inject message is redacted');
    assert.match(sim.injects[0].message ?? '', /^javascript:window\.__pwned='message' and the token \[redacted GitHub token\]$/);
  });

  it('lists the contacts of the plan and of its imports', () => {
    const library = `irplan: "1"
plan:
  id: lib
  title: Library
  library: true
contacts:
  far-away:
    kind: person
    name: Someone in the library
    email: a@b.example
`;
    const text = HOSTILE_PLAN.replace('contacts:\n', 'imports:\n  - lib.irplan.yaml\ncontacts:\n');
    const sim = simulationOf(PLAN_URI, text, 'leaked', { '/ws/lib.irplan.yaml': library });
    assert.deepEqual(sim.contacts.map((c) => c.id).sort(), ['far-away', 'iam-team', 'platform', 'revoker-bot', 'secops']);
    assert.equal(sim.contacts.find((c) => c.id === 'far-away')?.name, 'Someone in the library');
  });

  it('marks a blocked step, and the steps that wait on it, with no end and no time to contain', () => {
    const text = `${COVERAGE_HEAD}credential_classes:\n${COVERED_CLASS}drills:\n  all-out:\n    class: github-pat\n    unavailable: [iam-team, secops]\n`;
    const sim = simulationOf('/ws/p.irplan.yaml', text, 'all-out');
    // iam-team's step: its deputy secops and the incident lead secops are away too.
    assert.deepEqual(sim.steps.map((s) => [s.id, s.blocked, s.ready, s.start, s.end]), [
      ['revoke', false, 0, 0, 2],
      ['reissue', true, 2, 2, null],
    ]);
    assert.match(sim.steps[1].blockedBy ?? '', /all unavailable/);
    assert.equal(sim.timeToContain, null);
    assert.equal(sim.containWithin, null, 'no contain_within objective');
    assert.equal(sim.verdict, 'fail');
  });

  it('answers an error for a missing drill or class', () => {
    const index = new MemoryIndex({ [PLAN_URI]: HOSTILE_PLAN.replace('class: github-pat\n    unavailable', 'class: nope\n    unavailable') });
    const doc = index.get(PLAN_URI)!;
    assert.deepEqual(simulatePlanDrill(doc, 'missing', () => []), { error: 'no drill "missing" in this plan' });
    assert.match((simulatePlanDrill(doc, 'leaked', () => []) as { error: string }).error, /names no class of this plan/);
  });
});
