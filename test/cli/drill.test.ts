// `irplan drill` as a process: the worked example of spec section 9 in every format, exit codes,
// and refusing plans with errors.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANSI, assertGolden, assertNoStrayConfig, copyFixtures, irplan, readJson, removeTemp, TODAY } from './helpers';

/** The fields spec section 11 lists, in its order. */
const DRILL_KEYS = ['id', 'class', 'verdict', 'time_to_contain', 'steps', 'objectives', 'injects', 'reasons'];
const STEP_KEYS = ['id', 'actor', 'start', 'end', 'blocked'];
const INJECT_KEYS = ['at', 'met'];

interface DrillJson {
  drills: Record<string, unknown>[];
}

/** Only the fields the spec names (the CLI may add more after them). */
function specFields(output: DrillJson): unknown {
  const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
  return {
    drills: output.drills.map((d) => ({
      ...pick(d, DRILL_KEYS),
      steps: (d.steps as Record<string, unknown>[]).map((s) => pick(s, STEP_KEYS)),
      objectives: (d.objectives as Record<string, unknown>[]).map((o) => pick(o, ['kind', 'met', 'detail'])),
      injects: (d.injects as Record<string, unknown>[]).map((i) => pick(i, INJECT_KEYS)),
    })),
  };
}

describe('irplan drill', function () {
  this.timeout(20_000);
  let root: string;
  const at = (...parts: string[]) => path.join(root, ...parts);
  const drill = (args: string[], cwd = at('drill')) => irplan(['drill', ...args, '--today', TODAY], cwd);

  before(() => {
    assertNoStrayConfig();
    root = copyFixtures();
  });
  after(() => removeTemp(root));

  it('reproduces the worked example of section 9 exactly (json)', () => {
    const r = drill(['plan.irplan.yaml', 'leaked-pat', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const output = readJson<DrillJson>(r.stdout);
    assert.deepEqual(specFields(output), {
      drills: [
        {
          id: 'leaked-pat',
          class: 'github-pat',
          verdict: 'pass',
          time_to_contain: 22,
          steps: [
            { id: 'revoke', actor: 'revoker-bot', start: 0, end: 2, blocked: false },
            { id: 'reissue', actor: 'platform-team', start: 12, end: 22, blocked: false },
          ],
          objectives: [{ kind: 'contain_within', met: true, detail: '22m <= 30m' }],
          injects: [{ at: 5, met: true }],
          reasons: [],
        },
      ],
    });
    // The spec's fields come first, in its order; extras follow.
    const first = output.drills[0];
    assert.deepEqual(Object.keys(first).slice(0, DRILL_KEYS.length), DRILL_KEYS);
    assert.deepEqual(Object.keys((first.steps as object[])[0]).slice(0, STEP_KEYS.length), STEP_KEYS);
    assert.deepEqual(Object.keys((first.injects as object[])[0]).slice(0, INJECT_KEYS.length), INJECT_KEYS);
    assert.equal((first.steps as { handoff_wait: number }[])[1].handoff_wait, 10);
  });

  it('reports a blocked step with end null, a null time to contain and an inject without expect as met null', () => {
    const r = drill(['plan.irplan.yaml', 'everyone-out', '--format', 'json']);
    assert.equal(r.status, 1);
    const [d] = readJson<DrillJson>(r.stdout).drills as {
      verdict: string;
      time_to_contain: number | null;
      steps: { id: string; actor: string; start: number | null; end: number | null; blocked: boolean }[];
      injects: { at: number; met: boolean | null }[];
      reasons: string[];
    }[];
    assert.equal(d.verdict, 'fail');
    assert.equal(d.time_to_contain, null);
    assert.deepEqual(d.steps[1], { ...d.steps[1], id: 'reissue', actor: 'iam-team', start: 2, end: null, blocked: true });
    assert.deepEqual(d.injects[0], { ...d.injects[0], at: 0, met: null });
    assert.equal(d.reasons.length, 3);
  });

  for (const [format, golden] of [
    ['text', 'drill/expected/text.txt'],
    ['json', 'drill/expected/json.json'],
    ['markdown', 'drill/expected/markdown.md'],
  ] as const) {
    it(`${format} matches ${golden}`, () => {
      const r = drill(['plan.irplan.yaml', '--format', format]);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, '');
      assert.doesNotMatch(r.stdout, ANSI);
      assertGolden(r.stdout, golden);
    });
  }

  it('runs every drill when none is named, and exits 1 when one fails', () => {
    const r = drill(['plan.irplan.yaml', '--format', 'json']);
    assert.equal(r.status, 1);
    assert.deepEqual(
      readJson<DrillJson>(r.stdout).drills.map((d) => [d.id, d.verdict]),
      [
        ['leaked-pat', 'pass'],
        ['everyone-out', 'fail'],
      ],
    );
  });

  it('exits 2 and prints the errors when the plan has errors', () => {
    const r = drill(['broken.irplan.yaml']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /broken\.irplan\.yaml\n {2}\d+:3 {2}error {2}class "github-pat" has no deputy/);
    assert.match(r.stderr, /^irplan: 1 error in broken\.irplan\.yaml: fix it before running drills \(irplan validate broken\.irplan\.yaml\)$/m);
  });

  it('runs on a plan whose contacts are imported', () => {
    const r = drill(['plan.irplan.yaml', '--format', 'json'], at('imports'));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readJson<DrillJson>(r.stdout).drills.length, 1);
  });

  it('exits 2 when a file the plan imports has errors', () => {
    fs.writeFileSync(at('imports', 'lib', 'contacts.irplan.yaml'), fs.readFileSync(at('imports', 'lib', 'contacts.irplan.yaml'), 'utf8').replace('kind: automation', 'kind: robot'));
    const r = drill(['plan.irplan.yaml'], at('imports'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /lib\/contacts\.irplan\.yaml\n.*error/);
    assert.match(r.stderr, /in plan\.irplan\.yaml and the files it imports/);
  });

  it('exits 2 for an unknown drill id, naming the known ones', () => {
    const r = drill(['plan.irplan.yaml', 'leaked-pta']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^irplan: no drill "leaked-pta" in plan\.irplan\.yaml \(did you mean "leaked-pat"\?\); its drills are: leaked-pat, everyone-out$/m);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no file', [], /^irplan: name the plan file whose drills to run/],
    ['a bad --format', ['plan.irplan.yaml', '--format', 'html'], /^irplan: --format must be one of text, json, markdown, not "html"/],
    ['an unknown option', ['plan.irplan.yaml', '--verbose'], /^irplan: unknown option "--verbose" for irplan drill\nusage: irplan drill FILE/],
    ['a file that does not exist', ['nope.irplan.yaml'], /^irplan: cannot read nope\.irplan\.yaml: no such file or folder$/m],
    ['a folder', ['.'], /^irplan: cannot read \.: it is a folder \(drill takes one plan file\)$/m],
  ];
  for (const [what, args, message] of usage) {
    it(`exits 2 for ${what}`, () => {
      const r = drill(args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  it('exits 2 for a plan without drills', () => {
    const r = drill(['plan.irplan.yaml'], at('findings'));
    assert.equal(r.status, 2); // has errors; a clean plan without drills:
    fs.writeFileSync(at('clean', 'no-drills.irplan.yaml'), fs.readFileSync(at('clean', 'plan.irplan.yaml'), 'utf8').replace(/\ndrills:[\s\S]*$/, '\n'));
    const none = drill(['no-drills.irplan.yaml'], at('clean'));
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^irplan: no-drills\.irplan\.yaml has no drills/m);
  });

  it('colours the text report only when asked', () => {
    assert.doesNotMatch(drill(['plan.irplan.yaml']).stdout, ANSI);
    const forced = irplan(['drill', 'plan.irplan.yaml', '--today', TODAY], at('drill'), { FORCE_COLOR: '1' });
    assert.match(forced.stdout, ANSI);
  });
});
