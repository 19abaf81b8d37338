import assert from 'node:assert/strict';
import type { WorkspaceStatus } from '../../server/src/protocol';
import { coveragePercent, formatServerState, formatWorkspaceStatus, parseWorkspaceStatus } from '../../client/src/statusText';

function status(over: Partial<WorkspaceStatus> = {}): WorkspaceStatus {
  return { plans: 2, errors: 3, warnings: 1, infos: 0, coverage: { covered: 5, total: 7 }, ...over };
}

describe('client status text', () => {
  describe('formatWorkspaceStatus', () => {
    it('shows errors and coverage with the shield icon', () => {
      assert.equal(formatWorkspaceStatus(status())?.text, '$(shield) 3 errors · 71% covered');
    });

    it('says "no errors" and "1 error"', () => {
      assert.equal(formatWorkspaceStatus(status({ errors: 0 }))?.text, '$(shield) no errors · 71% covered');
      assert.equal(formatWorkspaceStatus(status({ errors: 1 }))?.text, '$(shield) 1 error · 71% covered');
    });

    it('says "no classes" when there is nothing to cover', () => {
      const text = formatWorkspaceStatus(status({ coverage: { covered: 0, total: 0 } }));
      assert.equal(text?.text, '$(shield) 3 errors · no classes');
      assert.match(text!.tooltip, /No credential classes yet/);
    });

    it('hides in a workspace without plans', () => {
      assert.equal(formatWorkspaceStatus(status({ plans: 0 })), undefined);
    });

    it('details every count in the tooltip, singular and plural', () => {
      const text = formatWorkspaceStatus(status({ plans: 1, errors: 1, warnings: 2, infos: 1 }))!;
      assert.equal(
        text.tooltip,
        [
          'irplan: 1 plan in this workspace',
          '1 error, 2 warnings, 1 info',
          '5 of 7 credential classes with all seven controls in place (owner, deputy, revocation path, rollback criteria, evidence, dependent validation, drilled)',
          'Click to open the Problems view',
        ].join('\n'),
      );
    });

    it('gives screen readers words, not codicons', () => {
      const text = formatWorkspaceStatus(status())!;
      assert.equal(text.ariaLabel, 'irplan: 3 errors, 71 percent of credential classes covered');
      assert.doesNotMatch(text.ariaLabel, /\$\(/);
    });
  });

  describe('coveragePercent', () => {
    const cases: Array<[number, number, number | undefined]> = [
      [5, 7, 71],
      [7, 7, 100],
      [0, 7, 0],
      [199, 200, 99], // never rounds up to a 100% that is not true
      [1, 3, 33],
      [2, 3, 66],
      [0, 0, undefined],
    ];
    for (const [covered, total, expected] of cases) {
      it(`${covered} of ${total} is ${String(expected)}`, () => assert.equal(coveragePercent(covered, total), expected));
    }
  });

  describe('parseWorkspaceStatus', () => {
    it('accepts a well-formed payload and copies only its known fields', () => {
      const payload = { ...status(), extra: true };
      assert.deepEqual(parseWorkspaceStatus(payload), status());
    });

    const bad: Array<[string, unknown]> = [
      ['null', null],
      ['a string', 'status'],
      ['a missing count', { plans: 1, errors: 0, warnings: 0, coverage: { covered: 0, total: 0 } }],
      ['a negative count', status({ errors: -1 })],
      ['a fractional count', status({ warnings: 1.5 })],
      ['NaN', status({ infos: Number.NaN })],
      ['no coverage', { plans: 1, errors: 0, warnings: 0, infos: 0 }],
      ['more covered than total', status({ coverage: { covered: 8, total: 7 } })],
    ];
    for (const [name, payload] of bad) {
      it(`rejects ${name}`, () => assert.equal(parseWorkspaceStatus(payload), undefined));
    }
  });

  describe('formatServerState', () => {
    it('is quiet while running and offers the output', () => {
      const text = formatServerState('running', true);
      assert.equal(text.severity, 'information');
      assert.equal(text.busy, false);
      assert.equal(text.command.command, 'irplan.showOutput');
      assert.doesNotMatch(text.detail, /restricted/);
    });

    it('is busy while starting', () => {
      assert.equal(formatServerState('starting', true).busy, true);
    });

    it('offers a restart when stopped or failed', () => {
      assert.equal(formatServerState('stopped', true).command.command, 'irplan.restartServer');
      assert.equal(formatServerState('stopped', true).severity, 'warning');
      assert.equal(formatServerState('failed', true).command.command, 'irplan.restartServer');
      assert.equal(formatServerState('failed', true).severity, 'error');
    });

    it('mentions restricted mode in an untrusted workspace', () => {
      assert.match(formatServerState('running', false).detail, /restricted mode: commands that write files are off/);
    });
  });
});
