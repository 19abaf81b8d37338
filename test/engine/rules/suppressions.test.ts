// Suppression comments and configuration levels (section 7): `# irplan-disable-next-line RULE[,
// RULE]` silences those rules on the next line; `# irplan-disable RULE` at the top (before any
// content) silences a rule for the file; a directive after content does not; each rule can be set
// to off | info | warning | error.
import assert from 'node:assert/strict';
import { RULES } from '../../../server/src/engine';
import { BASE, CLASS_KEY, edit, onlyRules, parseMarkers, ruleTable, runEngine } from './harness';

const OWNER_DEPUTY = '    owner: iam-team\n    deputy: secops\n';
const SAME = (deputy: string, before = '') => [OWNER_DEPUTY, `    owner: iam-team\n${before}    deputy: ${deputy}\n`] as [string, string];

ruleTable('deputy-is-owner', [
  {
    name: 'suppression: # irplan-disable-next-line on the line above silences it',
    yaml: edit(BASE, SAME('iam-team', '    # irplan-disable-next-line deputy-is-owner\n')),
  },
  {
    name: 'suppression: a next-line directive listing several rules',
    yaml: edit(BASE, SAME('iam-team', '    # irplan-disable-next-line class-owner, deputy-is-owner\n')),
  },
  {
    name: 'suppression: a next-line directive for another rule does not silence it',
    yaml: edit(BASE, SAME('⟦iam-team⟧', '    # irplan-disable-next-line class-deputy\n')),
  },
  {
    name: 'suppression: a next-line directive silences the next line only',
    yaml: edit(BASE, [OWNER_DEPUTY, '    # irplan-disable-next-line deputy-is-owner\n    owner: iam-team\n    deputy: ⟦iam-team⟧\n']),
  },
  {
    name: 'suppression: # irplan-disable at the top silences the rule for the file',
    yaml: `# irplan-disable deputy-is-owner\n${edit(BASE, SAME('iam-team'))}`,
  },
  {
    name: 'suppression: # irplan-disable after leading comments and blank lines is still at the top',
    yaml: `# ACME plan\n\n# irplan-disable stale-review, deputy-is-owner\n${edit(BASE, SAME('iam-team'))}`,
  },
  {
    name: 'suppression: # irplan-disable silences every finding of the rule in the file',
    yaml: `# irplan-disable deputy-is-owner\n${edit(BASE, SAME('iam-team'))}`.replace('\ndrills:\n', '\n  other:\n    owner: secops\n    deputy: secops\ndrills:\n'),
  },
  {
    name: 'suppression: # irplan-disable after content does not silence the file',
    yaml: edit(BASE, SAME('⟦iam-team⟧'), ['irplan: "1"\n', 'irplan: "1"\n# irplan-disable deputy-is-owner\n']),
  },
  {
    name: 'suppression: # irplan-disable at the end of the file does not silence it',
    yaml: `${edit(BASE, SAME('⟦iam-team⟧'))}# irplan-disable deputy-is-owner\n`,
  },
  {
    name: 'suppression: # irplan-disable as a trailing comment on the first line does not silence the file',
    yaml: edit(BASE, SAME('⟦iam-team⟧'), ['irplan: "1"\n', 'irplan: "1"  # irplan-disable deputy-is-owner\n']),
  },
  {
    name: 'suppression: # irplan-disable of another rule at the top leaves this one on',
    yaml: `# irplan-disable stale-review\n${edit(BASE, SAME('⟦iam-team⟧'))}`,
  },
  {
    name: 'suppression: a trailing # irplan-disable-line comment silences its own line',
    yaml: edit(BASE, SAME('iam-team  # irplan-disable-line deputy-is-owner')),
  },
  {
    name: 'suppression: a silenced finding does not hide one on another line',
    yaml: addSecond(edit(BASE, SAME('iam-team', '    # irplan-disable-next-line deputy-is-owner\n'))),
  },
]);

/** A second class whose deputy equals its owner, with the marker on its deputy. */
function addSecond(text: string): string {
  return edit(text, ['\ndrills:\n', '\n  other:\n    owner: secops\n    deputy: ⟦secops⟧\ndrills:\n']);
}

ruleTable('class-owner', [
  {
    name: 'suppression: a next-line directive above the class key silences class-owner',
    yaml: edit(BASE, ['\n  github-pat:\n', '\n  # irplan-disable-next-line class-owner\n  github-pat:\n'], [OWNER_DEPUTY, '    deputy: secops\n']),
  },
  {
    name: 'suppression: a next-line directive for the wrong line leaves it reported',
    yaml: edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    # irplan-disable-next-line class-owner\n    deputy: secops\n']),
  },
]);

describe('configuration levels', () => {
  const fires = edit(BASE, SAME('⟦iam-team⟧'));
  const { text } = parseMarkers(fires, 'deputy-is-owner');

  it('off: the rule reports nothing', () => {
    assert.deepEqual(runEngine(text, { config: { rules: { 'deputy-is-owner': 'off' } } }), []);
  });

  for (const level of ['info', 'warning', 'error'] as const) {
    it(`${level}: the finding keeps its range and takes the level`, () => {
      const findings = runEngine(text, { config: onlyRules(['deputy-is-owner'], { 'deputy-is-owner': level }) });
      assert.equal(findings.length, 1);
      assert.equal(findings[0].severity, level);
      assert.equal(text.slice(findings[0].range.start, findings[0].range.end), 'iam-team');
    });
  }

  it('without configuration every rule runs at its default severity', () => {
    const findings = runEngine(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity]),
      [['deputy-is-owner', 'error']],
    );
  });

  it('a level set for one rule leaves the others at their defaults', () => {
    const stale = edit(text, ['  last_reviewed: 2026-10-01', '  last_reviewed: 2026-01-01']);
    const findings = runEngine(stale, { config: { rules: { 'stale-review': 'error' } } });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity]),
      [
        ['stale-review', 'error'],
        ['deputy-is-owner', 'error'],
      ],
    );
  });

  it('every rule can be switched off, and then nothing is reported for a document that breaks many rules', () => {
    const broken = `irplan: 1\nplan:\n  id: X\ncredential_classes:\n  a:\n    kind: nope\n    frameworks: [NOPE]\n    description: ${'gh' + 'p_' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'}\n`;
    assert.ok(runEngine(broken).length > 3);
    const off = Object.fromEntries(RULES.map((r) => [r.id, 'off' as const]));
    assert.deepEqual(runEngine(broken, { config: { rules: off } }), []);
  });
});
