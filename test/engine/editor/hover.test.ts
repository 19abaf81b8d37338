// Hover: the schema description of a key, a summary of what a reference names (imports
// included), the catalogue entry of a framework tag, and "not defined" for an unresolved id.
import assert from 'node:assert/strict';
import { hoverAt } from '../../../server/src/engine/editor/hover';
import type { HoverInfo } from '../../../server/src/engine/editor/types';
import { CURSOR, LIBRARY, LIBRARY_TEXT, MAIN, MAIN_HEAD, MemoryIndex, cursorIn, edit as editText } from './fixture';

/** A fake GitHub token, assembled so this file holds no token-shaped literal. */
const FAKE_TOKEN = ['ghp', '_', 'aB3dE5gH7jK9mN1pQ3sT', '5vW7yZ9bC1eF3hJ5'].join('');

const MAIN_TEXT = `${MAIN_HEAD}    email: iam@acme.example
  leaky:
    kind: person
    name: Sam (token ${FAKE_TOKEN})
    chat: "${FAKE_TOKEN}"
credential_classes:
  github-pat:
    kind: api-key
    description: Fine-grained GitHub tokens
    owner: iam-team
    deputy: secops-oncall
    severity: sev1
    used_by: [ci-pipeline]
    revocation:
      target: 15m
      steps:
        - id: revoke
          action: Revoke the token in the organisation settings
          actor: revoker-bot
          duration: 2m
        - id: reissue
          action: Issue a replacement token
          actor: iam-team
          duration: 10m
          after: [revoke]
    rollback:
      criteria:
        - Deploys fail
    evidence:
      - id: audit-log
        source: GitHub audit log
        action: Export the events
        actor: secops-oncall
        retain: 1y
    frameworks: [OWASP-NHI2, CSF-RS.MI-01, ATLAS-AML.T0083, CSF-RS.RP-1, OWASP-NHI42, XYZ]
drills:
  leaked-pat:
    title: Token leaked
    class: github-pat
    unavailable: [iam-team]
    objectives:
      - evidence: [audit-log]
    injects:
      - at: 5m
        message: The token is used
        expect: [revoke]
`;

/** Hover with the cursor placed inside the `n`-th (0-based) occurrence of `needle`, `into` characters in. */
function hoverOn(needle: string, into = 1, n = 0, text = MAIN_TEXT): { info: HoverInfo | undefined; start: number } {
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `no ${JSON.stringify(needle)} (#${n})`);
  const index = new MemoryIndex({ [MAIN]: text, [LIBRARY]: LIBRARY_TEXT });
  return { info: hoverAt(index, MAIN, start + into), start };
}

/** Hover at the `‸` in `source` (the main plan with the marker placed). */
function hoverAtMarker(source: string): { info: HoverInfo | undefined; offset: number } {
  const { text, offset } = cursorIn(source);
  const index = new MemoryIndex({ [MAIN]: text, [LIBRARY]: LIBRARY_TEXT });
  return { info: hoverAt(index, MAIN, offset), offset };
}

/** The main plan with `from` (which must occur once) replaced by `to`. */
function edit(from: string, to: string): string {
  return editText(MAIN_TEXT, [from, to]);
}

function markdownOn(needle: string, into = 1, n = 0, text = MAIN_TEXT): string {
  const { info } = hoverOn(needle, into, n, text);
  assert.ok(info, `no hover on ${needle}`);
  return info.markdown;
}

describe('editor: hoverAt', () => {
  it('on a key: its description, type and whether it is required; the range is the key', () => {
    const { info, offset } = hoverAtMarker(edit('    deputy: secops-oncall', `    de${CURSOR}puty: secops-oncall`));
    assert.ok(info);
    assert.deepEqual(info.range, { start: offset - 2, end: offset - 2 + 'deputy'.length });
    assert.match(info.markdown, /^\*\*deputy\*\* · contact id · required/);
    assert.match(info.markdown, /unreac/); // the schema's own words
    const target = markdownOn('target: 15m', 1);
    assert.match(target, /\*\*target\*\* · duration · required/);
    const thirdParty = markdownOn('used_by', 1);
    assert.match(thirdParty, /list of service ids/);
    assert.ok(!/required/.test(thirdParty.split('\n')[0]));
  });

  it('on an unknown key: says so, with the keys allowed there', () => {
    const text = MAIN_TEXT.replace('    description: Fine-grained GitHub tokens\n', '    descripton: Fine-grained GitHub tokens\n');
    const md = markdownOn('descripton', 2, 0, text);
    assert.match(md, /unknown key/);
    assert.match(md, /did you mean \\?"description\\?"/);
  });

  it('on a contact reference from an imported library: kind, name, credential_ttl, and the file', () => {
    const { info, offset } = hoverAtMarker(edit('actor: revoker-bot', `actor: rev${CURSOR}oker-bot`));
    assert.ok(info);
    const valueStart = offset - 3;
    assert.deepEqual(info.range, { start: valueStart, end: valueStart + 'revoker-bot'.length });
    assert.match(info.markdown, /\*\*revoker-bot\*\* · contact \(automation\)/);
    assert.match(info.markdown, /Token revocation bot/);
    assert.match(info.markdown, /credential_ttl: `1h`/);
    assert.match(info.markdown, /Defined in_ `contacts\.irplan\.yaml`/);
  });

  it('on a contact of this document: its channels, and no file name', () => {
    const md = markdownOn('owner: iam-team', 'owner: '.length + 1, 1);
    assert.match(md, /\*\*iam-team\*\* · contact \(team\)/);
    assert.match(md, /IAM engineering/);
    assert.match(md, /- page: `pagerduty:PIAM`/);
    assert.match(md, /- email: `iam@acme\.example`/);
    assert.ok(!/Defined in/.test(md));
  });

  it('on a service and a severity reference', () => {
    const service = markdownOn('used_by: [ci-pipeline]', 'used_by: ['.length + 2);
    assert.match(service, /\*\*ci-pipeline\*\* · service/);
    assert.match(service, /GitHub Actions on the monorepo/);
    assert.match(service, /owner: `secops-oncall` \(Security on-call\)/);
    const severity = markdownOn('severity: sev1', 'severity: '.length);
    assert.match(severity, /acknowledge_within: `15m`/);
    assert.match(severity, /contain_within: `1h`/);
    assert.match(severity, /notify: `secops-oncall`/);
  });

  it('on a class reference in a drill: kind, owner, deputy, severity, revocation target', () => {
    const md = markdownOn('class: github-pat', 'class: '.length + 4);
    assert.match(md, /\*\*github-pat\*\* · credential class \(api-key\)/);
    assert.match(md, /owner: `iam-team` \(IAM engineering\)/);
    assert.match(md, /deputy: `secops-oncall`/);
    assert.match(md, /severity: `sev1` \(contain within 1h\)/);
    assert.match(md, /revocation target: `15m`/);
  });

  it('on a step in `after` and in a drill\'s `expect`: action, actor, duration', () => {
    for (const [needle, into] of [['after: [revoke]', 'after: ['.length + 1], ['expect: [revoke]', 'expect: ['.length]] as const) {
      const md = markdownOn(needle, into);
      assert.match(md, /\*\*revoke\*\* · revocation step of `github-pat`/);
      assert.match(md, /Revoke the token in the organisation settings/);
      assert.match(md, /actor: `revoker-bot` \(Token revocation bot\)/);
      assert.match(md, /duration: `2m`/);
    }
    const reissue = markdownOn('- id: reissue', '- id: '.length + 1);
    assert.match(reissue, /after: `revoke`/);
  });

  it('on an evidence id in a drill objective: source, action, actor, retain', () => {
    const md = markdownOn('evidence: [audit-log]', 'evidence: ['.length + 1);
    assert.match(md, /\*\*audit-log\*\* · evidence of `github-pat`/);
    assert.match(md, /source: GitHub audit log/);
    assert.match(md, /action: Export the events/);
    assert.match(md, /retain: `1y`/);
  });

  it('on a framework tag of each family: framework and version, official id, title and text', () => {
    const owasp = markdownOn('OWASP-NHI2,', 3);
    assert.match(owasp, /OWASP Top 10 Non-Human Identities Risks 2025/);
    assert.match(owasp, /`NHI2:2025`/);
    assert.match(owasp, /\*\*Secret Leakage\*\*/);
    assert.match(owasp, /source code, logs/);
    const csf = markdownOn('CSF-RS.MI-01', 6);
    assert.match(csf, /NIST CSF 2\.0/);
    assert.match(csf, /`RS\.MI-01`/);
    assert.match(csf, /\*\*Incidents are contained\*\*/);
    const atlas = markdownOn('ATLAS-AML.T0083', 10);
    assert.match(atlas, /MITRE ATLAS/);
    assert.match(atlas, /`AML\.T0083`/);
    assert.match(atlas, /Credentials from AI Agent Configuration/);
    const { info, start } = hoverOn('ATLAS-AML.T0083', 10);
    assert.deepEqual(info?.range, { start, end: start + 'ATLAS-AML.T0083'.length });
  });

  it('on an unknown tag: "unknown tag", with the successor or the nearest tags', () => {
    const legacy = markdownOn('CSF-RS.RP-1', 2);
    assert.match(legacy, /unknown tag/);
    assert.match(legacy, /CSF 1\.1/);
    assert.match(legacy, /`CSF-RS\.MA-01`/);
    const typo = markdownOn('OWASP-NHI42', 2);
    assert.match(typo, /unknown tag/);
    assert.match(typo, /`OWASP-NHI4`/);
    const junk = markdownOn('XYZ]', 1);
    assert.match(junk, /unknown tag/);
  });

  it('on an unresolved reference: not defined, with a hint', () => {
    const text = MAIN_TEXT.replace('          actor: iam-team\n          duration: 10m', '          actor: iam-teem\n          duration: 10m');
    const md = hoverAtMarker(text.replace('actor: iam-teem', `actor: ia${CURSOR}m-teem`)).info?.markdown ?? '';
    assert.match(md, /not defined/);
    assert.match(md, /no contact `iam-teem`/);
    assert.match(md, /did you mean \\?"iam-team\\?"/);
    const step = markdownOn('after: [revokee]', 'after: ['.length, 0, text.replace('after: [revoke]', 'after: [revokee]'));
    assert.match(step, /not defined/);
    const cls = markdownOn('class: gitlab-pat', 'class: '.length, 0, text.replace('class: github-pat', 'class: gitlab-pat'));
    assert.match(cls, /no credential class `gitlab-pat`/);
  });

  it('on a definition key: the same summary as for a reference to it', () => {
    const contact = markdownOn('  iam-team:\n', 3);
    assert.match(contact, /\*\*iam-team\*\* · contact \(team\)/);
    assert.match(contact, /page: `pagerduty:PIAM`/);
    const cls = markdownOn('  github-pat:\n', 3);
    assert.match(cls, /credential class \(api-key\)/);
    assert.match(cls, /Fine-grained GitHub tokens/);
    const drill = markdownOn('  leaked-pat:\n', 3);
    assert.match(drill, /\*\*leaked-pat\*\* · drill/);
  });

  it('never prints a secret written in the plan', () => {
    const onKey = markdownOn('  leaky:\n', 3);
    const onRef = markdownOn('name: Sam', 1);
    for (const md of [onKey, onRef]) assert.ok(!md.includes(FAKE_TOKEN), md);
    assert.match(onKey, /redacted GitHub token/);
  });

  it('works on a broken document (an unclosed `[` elsewhere) and never throws', () => {
    const broken = MAIN_TEXT.replace('used_by: [ci-pipeline]', 'used_by: [ci-pipeline');
    const md = markdownOn('actor: revoker-bot', 'actor: '.length + 1, 0, broken);
    assert.match(md, /Token revocation bot/);
    const index = new MemoryIndex({ [MAIN]: '{[: -\n\t"', [LIBRARY]: LIBRARY_TEXT });
    for (let offset = 0; offset < 10; offset++) hoverAt(index, MAIN, offset);
    assert.equal(hoverAt(index, '/missing.irplan.yaml', 0), undefined);
  });

  it('nothing on whitespace or in a comment', () => {
    assert.equal(hoverOn('  iam-team:\n', 0).info, undefined);
    const text = MAIN_TEXT.replace('    kind: api-key\n', '    kind: api-key # the kind\n');
    assert.equal(hoverOn('# the kind', 3, 0, text).info, undefined);
  });

  it('on an enum value: what the value means and what its key is', () => {
    const md = markdownOn('kind: automation', 'kind: '.length + 2, 0, MAIN_TEXT.replace('    kind: person\n', '    kind: automation\n'));
    assert.match(md, /`automation`: A bot or workload identity/);
    assert.match(md, /\*\*kind\*\*/);
  });
});
