// Completion: keys from the schema (present keys left out, required first), enum values, and ids
// resolved through the document's scope, imports included; on broken documents too.
import assert from 'node:assert/strict';
import { FRAMEWORKS } from '../../../server/src/engine/frameworks';
import { completionsAt } from '../../../server/src/engine/editor/completion';
import type { CompletionEntry } from '../../../server/src/engine/editor/types';
import { CURSOR, LIBRARY, LIBRARY_TEXT, MAIN, MAIN_HEAD, MemoryIndex, cursorIn, edit as editText, mark } from './fixture';

const MAIN_TEXT = `${MAIN_HEAD}    chat: "#iam"
services:
  deploy-bot:
    owner: iam-team
    description: The deploy bot
credential_classes:
  github-pat:
    kind: api-key
    owner: iam-team
    deputy: secops-oncall
    severity: sev1
    used_by: [ci-pipeline, deploy-bot]
    revocation:
      target: 15m
      approval: none
      steps:
        - id: revoke
          action: Revoke the token
          actor: revoker-bot
          duration: 2m
          impact: low
        - id: reissue
          action: Issue a replacement token
          actor: iam-team
          duration: 10m
          after: [revoke]
        - id: announce
          action: Tell the teams
          actor: secops-oncall
          duration: 5m
    rollback:
      criteria:
        - Deploys fail
    evidence:
      - id: audit-log
        source: GitHub audit log
        action: Export the events
        actor: secops-oncall
        retain: 1y
    frameworks: [OWASP-NHI2]
drills:
  leaked-pat:
    title: Token leaked
    class: github-pat
    objectives:
      - contain_within: 30m
      - evidence: [audit-log]
    injects:
      - at: 5m
        message: The token is used
        expect: [revoke]
`;

/** The main plan with `from` (which must occur once) replaced by `to`, which holds the cursor. */
function edit(from: string, to: string): string {
  return editText(MAIN_TEXT, [from, to]);
}

function complete(source: string, extra: Record<string, string> = {}): { entries: CompletionEntry[]; offset: number; text: string } {
  const { text, offset } = cursorIn(source);
  const index = new MemoryIndex({ [MAIN]: text, [LIBRARY]: LIBRARY_TEXT, ...extra });
  return { entries: completionsAt(index, MAIN, offset), offset, text };
}

function labels(entries: CompletionEntry[]): string[] {
  return entries.map((e) => e.label);
}

function entry(entries: CompletionEntry[], label: string): CompletionEntry {
  const found = entries.find((e) => e.label === label);
  assert.ok(found, `no entry ${label} in ${labels(entries).join(', ')}`);
  return found;
}

/** Entries in the order an editor shows them. */
function sorted(entries: CompletionEntry[]): string[] {
  return [...entries].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((e) => e.label);
}

describe('editor: completionsAt', () => {
  describe('keys', () => {
    it('top level: the keys not yet written, required ones first', () => {
      const { entries } = complete(edit('imports:\n', `${CURSOR}\nimports:\n`));
      assert.deepEqual(labels(entries), ['severities']);
      const { entries: fresh } = complete(`irplan: "1"\n${CURSOR}\n`);
      assert.deepEqual(sorted(fresh).slice(0, 2), ['plan', 'credential_classes']);
      assert.ok(!labels(fresh).includes('irplan'));
      const plan = entry(fresh, 'plan');
      assert.equal(plan.kind, 'key');
      assert.equal(plan.detail, 'mapping · required');
      assert.ok(plan.documentation && plan.documentation.length > 20);
      assert.equal(plan.insertText, 'plan:\n  $0');
      assert.equal(plan.snippet, true);
    });

    it('the version key inserts its quoted value', () => {
      const { entries } = complete(`${CURSOR}\nplan:\n  id: x\n`);
      assert.equal(entry(entries, 'irplan').insertText, 'irplan: "1"');
    });

    it('in a class: present keys left out, details with type and "required", snippets for blocks and lists', () => {
      const { entries } = complete(edit('    severity: sev1\n', `    severity: sev1\n    ${CURSOR}\n`));
      const names = labels(entries);
      for (const present of ['kind', 'owner', 'deputy', 'severity', 'used_by', 'revocation', 'rollback', 'evidence', 'frameworks']) assert.ok(!names.includes(present), present);
      assert.deepEqual(names.sort(), ['description', 'lifecycle', 'third_party']);
      assert.equal(entry(entries, 'third_party').detail, 'boolean');
      assert.match(entry(entries, 'third_party').documentation ?? '', /Default: `false`/);
      assert.equal(entry(entries, 'lifecycle').insertText, 'lifecycle:\n  $0');
      // A class with nothing yet: required first, in schema order.
      const { entries: bare } = complete(edit('drills:\n', `  other:\n    ${CURSOR}\ndrills:\n`));
      assert.deepEqual(sorted(bare).slice(0, 7), ['kind', 'owner', 'deputy', 'severity', 'revocation', 'rollback', 'evidence']);
      assert.equal(entry(bare, 'owner').detail, 'contact id · required');
      assert.equal(entry(bare, 'owner').insertText, 'owner: ');
      assert.equal(entry(bare, 'evidence').insertText, 'evidence:\n  - $0');
      assert.equal(entry(bare, 'used_by').insertText, 'used_by: [$0]');
      assert.equal(entry(bare, 'used_by').detail, 'list of service ids');
      assert.equal(entry(bare, 'frameworks').insertText, 'frameworks: [$0]');
    });

    it('in a revocation step: the step keys not yet written', () => {
      const { entries } = complete(edit('          impact: low\n', `          impact: low\n          ${CURSOR}\n`));
      assert.deepEqual(labels(entries).sort(), ['after', 'approval', 'automated']);
      assert.equal(entry(entries, 'approval').detail, 'none | owner | deputy | incident-lead');
    });

    it('after `- ` in a list of mappings: the item keys, indented for the item', () => {
      const { entries, offset } = complete(edit('      - id: audit-log\n', `      - ${CURSOR}\n      - id: audit-log\n`));
      assert.deepEqual(sorted(entries).slice(0, 4), ['id', 'source', 'action', 'actor']);
      assert.equal(entry(entries, 'retain').detail, 'duration');
      assert.deepEqual(entry(entries, 'id').range, { start: offset, end: offset });
      // A mapping value under a key of the item is indented past the key (`- ` is 2 wide).
      const { entries: steps } = complete(edit('    rollback:\n', `    rollback:\n      ${CURSOR}\n`));
      assert.deepEqual(labels(steps), ['steps']);
      assert.equal(entry(steps, 'steps').insertText, 'steps:\n  - $0');
      // A list of sentences is a block list too.
      const { entries: rollback } = complete(edit('drills:\n', `  other:\n    rollback:\n      ${CURSOR}\ndrills:\n`));
      assert.equal(entry(rollback, 'criteria').insertText, 'criteria:\n  - $0');
      assert.equal(entry(rollback, 'criteria').detail, 'list of strings · required');
    });

    it('at a list\'s column before any `- `: the items\' keys as new items', () => {
      const { entries } = complete(edit('      - id: audit-log\n', `      - id: audit-log\n        source: x\n      ${CURSOR}\n`).replace('        source: GitHub audit log\n', ''));
      assert.equal(entry(entries, 'id').insertText, '- id: ');
      assert.equal(entry(entries, 'source').insertText, '- source: ');
    });

    it('a half-typed key: the range is the partial word', () => {
      const { entries, offset } = complete(edit('    severity: sev1\n', `    severity: sev1\n    li${CURSOR}\n`));
      const lifecycle = entry(entries, 'lifecycle');
      assert.deepEqual(lifecycle.range, { start: offset - 2, end: offset });
    });

    it('on an existing key (a colon follows): the key name only', () => {
      const { entries, offset } = complete(edit('    severity: sev1\n', `    sev${CURSOR}erity: sev1\n`));
      const severity = entry(entries, 'severity');
      assert.equal(severity.insertText, 'severity');
      assert.deepEqual(severity.range, { start: offset - 3, end: offset + 5 });
    });

    it('a contact of kind automation requires credential_ttl; a team does not', () => {
      const { entries: bot } = complete(edit('    name: IAM engineering\n', `    name: IAM engineering\n  bot:\n    kind: automation\n    ${CURSOR}\n`));
      assert.equal(entry(bot, 'credential_ttl').detail, 'duration · required');
      const { entries: team } = complete(edit('    chat: "#iam"\n', `    chat: "#iam"\n    ${CURSOR}\n`));
      assert.equal(entry(team, 'credential_ttl').detail, 'duration');
    });

    it('no key suggestions where the author names a new id', () => {
      assert.deepEqual(complete(edit('  iam-team:\n', `  ${CURSOR}\n  iam-team:\n`)).entries, []);
    });
  });

  describe('enum and boolean values', () => {
    it('a class kind, with what each kind means', () => {
      const { entries } = complete(edit('    kind: api-key\n', `    kind: ${CURSOR}\n`));
      assert.equal(entries.length, 13);
      const cert = entry(entries, 'certificate');
      assert.equal(cert.kind, 'value');
      assert.match(cert.documentation ?? '', /kind-certificate-trust/);
    });

    it('a contact kind', () => {
      const { entries } = complete(edit('    kind: team\n', `    kind: ${CURSOR}\n`));
      assert.deepEqual(labels(entries), ['team', 'person', 'vendor', 'automation']);
      assert.match(entry(entries, 'automation').documentation ?? '', /credential_ttl/);
    });

    it('approval, with the default marked', () => {
      const { entries } = complete(edit('      approval: none\n', `      approval: ${CURSOR}\n`));
      assert.deepEqual(labels(entries), ['none', 'owner', 'deputy', 'incident-lead']);
      assert.equal(entry(entries, 'none').detail, 'approval · default');
      assert.match(entry(entries, 'incident-lead').documentation ?? '', /incident lead/);
    });

    it('impact', () => {
      const { entries } = complete(edit('          impact: low\n', `          impact: h${CURSOR}\n`));
      assert.deepEqual(labels(entries), ['low', 'high']);
      assert.match(entry(entries, 'high').documentation ?? '', /approval/);
    });

    it('the version and booleans', () => {
      assert.deepEqual(labels(complete(`irplan: ${CURSOR}\n`).entries), ['"1"']);
      assert.deepEqual(labels(complete(edit('          impact: low\n', `          impact: low\n          automated: ${CURSOR}\n`)).entries), ['true', 'false']);
    });

    it('right after `key:` the value comes with a space', () => {
      const { entries } = complete(edit('          impact: low\n', `          impact:${CURSOR}\n`));
      assert.equal(entry(entries, 'high').insertText, ' high');
    });
  });

  describe('ids', () => {
    it('contacts, the document\'s own and those of an imported library, with kind and name', () => {
      const { entries, offset } = complete(edit('          actor: revoker-bot\n', `          actor: ${CURSOR}\n`));
      assert.deepEqual(labels(entries), ['iam-team', 'secops-oncall', 'revoker-bot']);
      const iam = entry(entries, 'iam-team');
      assert.equal(iam.kind, 'reference');
      assert.equal(iam.detail, 'team · IAM engineering');
      assert.match(iam.documentation ?? '', /page: `pagerduty:PIAM`/);
      assert.match(iam.documentation ?? '', /chat: `#iam`/);
      assert.deepEqual(iam.range, { start: offset, end: offset });
      const bot = entry(entries, 'revoker-bot');
      assert.equal(bot.detail, 'automation · Token revocation bot');
      assert.match(bot.documentation ?? '', /credential_ttl: `1h`/);
      assert.match(bot.documentation ?? '', /contacts\.irplan\.yaml/);
    });

    it('contacts everywhere a contact is named', () => {
      for (const [from, to] of [
        ['  owner: iam-team\n  incident_lead', `  owner: ${CURSOR}\n  incident_lead`],
        ['    deputy: secops-oncall\n', `    deputy: sec${CURSOR}\n`],
        ['        actor: secops-oncall\n        retain', `        actor: ${CURSOR}\n        retain`],
        ['    class: github-pat\n', `    class: github-pat\n    unavailable: [${CURSOR}]\n`],
      ] as const) {
        assert.deepEqual(labels(complete(edit(from, to)).entries), ['iam-team', 'secops-oncall', 'revoker-bot'], to);
      }
    });

    it('services in a flow list, leaving out those already listed', () => {
      const { entries, offset } = complete(edit('used_by: [ci-pipeline, deploy-bot]', `used_by: [ci-pipeline, dep${CURSOR}]`));
      assert.deepEqual(labels(entries), ['deploy-bot']);
      const deploy = entry(entries, 'deploy-bot');
      assert.equal(deploy.detail, 'owner iam-team · The deploy bot');
      assert.deepEqual(deploy.range, { start: offset - 3, end: offset });
      const { entries: all } = complete(edit('used_by: [ci-pipeline, deploy-bot]', `used_by: [${CURSOR}]`));
      assert.deepEqual(labels(all), ['deploy-bot', 'ci-pipeline']);
      assert.equal(entry(all, 'ci-pipeline').detail, 'owner secops-oncall · GitHub Actions on the monorepo');
    });

    it('severities, with their clocks', () => {
      const { entries } = complete(edit('    severity: sev1\n', `    severity: ${CURSOR}\n`));
      assert.deepEqual(labels(entries), ['sev1', 'sev2']);
      assert.equal(entry(entries, 'sev1').detail, 'contain within 1h · acknowledge within 15m');
    });

    it('classes in a drill', () => {
      const { entries } = complete(edit('    class: github-pat\n', `    class: ${CURSOR}\n`));
      assert.deepEqual(labels(entries), ['github-pat']);
      assert.equal(entry(entries, 'github-pat').detail, 'api-key · iam-team');
    });

    it('steps of the same list in `after`, without the step itself', () => {
      const { entries } = complete(edit('          after: [revoke]\n', `          after: [revoke, ${CURSOR}]\n`));
      assert.deepEqual(labels(entries), ['announce']);
      const { entries: all } = complete(edit('          after: [revoke]\n', `          after: [${CURSOR}]\n`));
      assert.deepEqual(labels(all), ['revoke', 'announce']);
      assert.equal(entry(all, 'revoke').detail, 'revoker-bot · 2m');
      assert.match(entry(all, 'revoke').documentation ?? '', /Revoke the token/);
    });

    it('steps of the drill\'s class in `expect`, evidence ids in objectives', () => {
      assert.deepEqual(labels(complete(edit('expect: [revoke]', `expect: [${CURSOR}]`)).entries), ['revoke', 'reissue', 'announce']);
      const { entries } = complete(edit('evidence: [audit-log]', `evidence: [${CURSOR}]`));
      assert.deepEqual(labels(entries), ['audit-log']);
      assert.equal(entry(entries, 'audit-log').detail, 'GitHub audit log');
    });

    it('framework tags from the catalogue, with title and text', () => {
      const { entries } = complete(edit('frameworks: [OWASP-NHI2]', `frameworks: [OWASP-NHI2, ${CURSOR}]`));
      assert.equal(entries.length, FRAMEWORKS.length - 1);
      const csf = entry(entries, 'CSF-RS.MI-01');
      assert.equal(csf.kind, 'framework');
      assert.equal(csf.detail, 'Incidents are contained');
      assert.match(csf.documentation ?? '', /NIST CSF 2\.0/);
      const owasp = entry(entries, 'OWASP-NHI7');
      assert.equal(owasp.detail, 'Long-Lived Secrets');
      assert.match(owasp.documentation ?? '', /NHI7:2025/);
      assert.match(entry(entries, 'ATLAS-AML.T0083').documentation ?? '', /MITRE ATLAS/);
    });

    it('a list of ids written after its key: a flow list with the id', () => {
      const { entries } = complete(edit('    used_by: [ci-pipeline, deploy-bot]\n', `    used_by: ${CURSOR}\n`));
      assert.equal(entry(entries, 'ci-pipeline').insertText, '[ci-pipeline$0]');
      assert.equal(entry(entries, 'ci-pipeline').snippet, true);
      // An id from a document being typed may hold snippet syntax: it is escaped.
      const { entries: odd } = complete(edit('  deploy-bot:\n', '  $odd}:\n    owner: iam-team\n  deploy-bot:\n').replace('    used_by: [ci-pipeline, deploy-bot]\n', `    used_by: ${CURSOR}\n`));
      assert.equal(entry(odd, '$odd}').insertText, '[\\$odd\\}$0]');
    });

    it('a block list item of ids', () => {
      const { entries } = complete(edit('    class: github-pat\n', `    class: github-pat\n    unavailable:\n      - ${CURSOR}\n`));
      assert.deepEqual(labels(entries), ['iam-team', 'secops-oncall', 'revoker-bot']);
    });
  });

  describe('broken documents', () => {
    it('an unclosed `[` elsewhere: keys and ids still complete', () => {
      const broken = edit('used_by: [ci-pipeline, deploy-bot]', 'used_by: [ci-pipeline, deploy-bot');
      const keyed = broken.replace('          impact: low\n', `          impact: low\n          ${CURSOR}\n`);
      assert.deepEqual(labels(complete(keyed).entries).sort(), ['after', 'approval', 'automated']);
      const valued = broken.replace('          actor: revoker-bot\n', `          actor: ${CURSOR}\n`);
      assert.deepEqual(labels(complete(valued).entries), ['iam-team', 'secops-oncall', 'revoker-bot']);
    });

    it('a half-typed key line `    ow‸`', () => {
      const { entries, offset, text } = complete(edit('    owner: iam-team\n    deputy', `    ow${CURSOR}\n    deputy`));
      const owner = entry(entries, 'owner');
      assert.deepEqual(owner.range, { start: offset - 2, end: offset });
      assert.equal(owner.insertText, 'owner: ');
      assert.equal(text.slice(owner.range.start, owner.range.end), 'ow');
      assert.ok(!labels(entries).includes('kind'));
    });

    it('a document that is not YAML at all gives no entries and no exception', () => {
      const { entries } = complete(`{{{[[[: : :\n\t- ${CURSOR}`);
      assert.ok(Array.isArray(entries));
      const index = new MemoryIndex();
      assert.deepEqual(completionsAt(index, '/nowhere.irplan.yaml', 0), []);
    });

    it('in a comment: nothing', () => {
      assert.deepEqual(complete(edit('    kind: api-key\n', `    kind: api-key # ${CURSOR}\n`)).entries, []);
    });
  });

  it('answers within a few ms on a 65,000-line plan (the analysed document is reused)', () => {
    const lines = MAIN_TEXT.split('\n').slice(0, MAIN_TEXT.split('\n').indexOf('drills:'));
    let n = 0;
    while (lines.length < 65000) {
      lines.push(`  class-${n}:`, '    kind: api-key', '    owner: iam-team', '    deputy: secops-oncall', '    severity: sev1', '    revocation:', '      target: 15m', '      steps:');
      for (let s = 0; s < 4; s++) lines.push(`        - id: s${s}`, '          action: Revoke it', '          actor: iam-team', '          duration: 2m');
      lines.push('    rollback:', '      criteria: [x]', '    evidence:', '      - id: e', '        source: s', '        action: a', '        actor: iam-team');
      n++;
    }
    lines.push(`  class-${n}:`, '    revocation:', '      steps:', '        - id: a', '          actor: iam-team', '        - id: b', `          after: [${CURSOR}{after}]`, `          actor: ${CURSOR}{actor}`);
    const { text, cursors } = mark(lines.join('\n') + '\n');
    const index = new MemoryIndex({ [MAIN]: text, [LIBRARY]: LIBRARY_TEXT });
    index.get(MAIN); // analysed once, as the language server does on open
    const afterAt = cursors.get('after')!;
    const actorAt = cursors.get('actor')!;
    const run = (offset: number) => {
      const t0 = performance.now();
      const result = completionsAt(index, MAIN, offset);
      return { result, ms: performance.now() - t0 };
    };
    run(actorAt); // warm up
    const steps = run(afterAt);
    const actors = run(actorAt);
    assert.deepEqual(labels(steps.result), ['a']);
    assert.deepEqual(labels(actors.result), ['iam-team', 'secops-oncall', 'revoker-bot']);
    assert.ok(steps.ms < 25 && actors.ms < 25, `took ${steps.ms.toFixed(1)} ms and ${actors.ms.toFixed(1)} ms`);
  });
});
