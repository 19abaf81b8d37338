// yaml-syntax (one finding per parser error, at its position; the other rules still run on what
// parsed) and schema (wrong type, unknown key, bad enum, duration, date, id, version; a missing
// key on the key of the mapping that lacks it; a bad value on the value).
import { BASE, CLASS_KEY, edit, ruleTable } from './harness';

const DRILL_TAGS = '    frameworks: [CSF-RS.MA-01]\n';
const OWNER_DEPUTY = '    owner: iam-team\n    deputy: secops\n';
// A fake AWS access key id, assembled so this file does not look like a leak.
const AWS = 'AK' + 'IA' + 'Q3EGRT5DK7ZP2M4N';

ruleTable('yaml-syntax', [
  {
    name: 'an unclosed flow sequence: on the [ that is never closed, to the end of its line',
    yaml: edit(BASE, ['notify: [secops]\n  sev2:', 'notify: ⟦[secops⟧\n  sev2:']),
    messageIncludes: ']',
  },
  {
    name: 'an unclosed flow sequence at the very end of the file: on the [, inside the text',
    yaml: edit(BASE, [DRILL_TAGS, '    frameworks: ⟦[CSF-RS.MA-01⟧']),
    messageIncludes: ']',
  },
  {
    name: 'an unclosed quoted string at the very end of the file: from the opening quote, inside the text',
    yaml: edit(BASE, [DRILL_TAGS, '    frameworks: [CSF-RS.MA-01]\n    description: ⟦"GitHub token leaked⟧']),
    messageIncludes: 'quote',
  },
  {
    name: 'bad indentation: a key indented less than its siblings',
    yaml: edit(BASE, ['    email: iam@acme.example\n', '⟦ ⟧  email: iam@acme.example\n']),
    messageIncludes: 'align',
  },
  {
    name: 'a tab used as indentation: on the tab',
    yaml: edit(BASE, [DRILL_TAGS, '⟦\t⟧frameworks: [CSF-RS.MA-01]\n']),
    messageIncludes: 'spaces',
  },
  {
    name: 'a tab as indentation in a small document',
    yaml: 'irplan: "1"\nplan:\n  id: x\n⟦\t⟧title: y\n',
  },
  {
    name: 'duplicate keys: on the second key',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: iam-team\n    deputy: secops\n    ⟦deputy⟧: iam-team\n']),
    messageIncludes: ['deputy', 'line 47'],
  },
  {
    name: 'a duplicate key that is a pasted secret: the message does not repeat it',
    yaml: edit(BASE, [OWNER_DEPUTY, `${OWNER_DEPUTY}    ${AWS}: x\n    ⟦${AWS}⟧: y\n`]),
  },
  {
    name: 'a duplicate top-level section: on the second key',
    yaml: `${BASE}⟦services⟧:\n  extra:\n    owner: secops\n`,
  },
  {
    name: 'a second YAML document in the file',
    yaml: `${BASE}⟦---⟧\nirplan: "1"\n`,
  },
  {
    name: 'after a syntax error the other rules still run on what parsed (duplicate key, deputy-is-owner)',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: iam-team\n    deputy: ⟦{deputy-is-owner}iam-team⟧\n    ⟦deputy⟧: secops\n']),
    also: ['deputy-is-owner'],
  },
  {
    name: 'after a syntax error the other rules still run on what parsed (tab at the end, class-owner, stale-review)',
    yaml: edit(
      BASE,
      CLASS_KEY.map((s) => s.replace('⟦', '⟦{class-owner}')) as [string, string],
      [OWNER_DEPUTY, '    deputy: secops\n'],
      ['  last_reviewed: 2026-10-01', '  last_reviewed: ⟦{stale-review}2026-01-01⟧'],
      [DRILL_TAGS, '⟦\t⟧frameworks: [CSF-RS.MA-01]\n'],
    ),
    also: ['class-owner', 'stale-review'],
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: edit(BASE, [DRILL_TAGS, '⟦\t⟧frameworks: [CSF-RS.MA-01]\n']),
    level: 'warning',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet on flow style, comments and quoting', yaml: edit(BASE, ['notify: [secops]', 'notify: [ "secops" ]  # the on-call team']) },
]);

// ---------------------------------------------------------------------------------------------
ruleTable('schema', [
  {
    name: 'a reference that is a pasted secret: on the value, and the message does not repeat it',
    yaml: edit(BASE, ['          actor: revoker-bot\n', `          actor: ⟦${'gh' + 'p_' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'}⟧\n`]),
    messageIncludes: 'redacted',
  },
  {
    name: 'an unknown key: on that key',
    yaml: edit(BASE, ['    name: IAM engineering\n', '    ⟦colour⟧: blue\n']),
    messageIncludes: 'colour',
  },
  {
    name: 'an unknown key in a class: on that key',
    yaml: edit(BASE, ['    third_party: false\n', '    third_party: false\n    ⟦rotation⟧: monthly\n']),
  },
  {
    name: 'an unknown key that is a pasted secret: the message does not repeat it',
    yaml: edit(BASE, ['    name: IAM engineering\n', `    ⟦${AWS}⟧: blue\n`]),
  },
  {
    name: 'a bad enum value that is a pasted secret: the message does not repeat it',
    yaml: edit(BASE, ['    kind: api-key\n', `    kind: ⟦${AWS}⟧\n`]),
  },
  {
    name: 'a bad enum (class kind): on the value',
    yaml: edit(BASE, ['    kind: api-key\n', '    kind: ⟦api-token⟧\n']),
    messageIncludes: 'api-key',
  },
  {
    name: 'a bad enum (contact kind): on the value',
    yaml: edit(BASE, ['    kind: team\n    name: IAM engineering', '    kind: ⟦group⟧\n    name: IAM engineering']),
  },
  {
    name: 'a bad duration: on the value',
    yaml: edit(BASE, ['          duration: 2m\n', '          duration: ⟦2 minutes⟧\n']),
  },
  {
    name: 'a fractional duration: on the value',
    yaml: edit(BASE, ['      target: 15m\n', '      target: ⟦1.5h⟧\n']),
  },
  {
    name: 'a date that does not exist (2026-02-30): on the value',
    yaml: edit(BASE, ['last_rotated: 2026-11-01', 'last_rotated: ⟦2026-02-30⟧']),
  },
  {
    name: 'irplan: 1 (a number, not the string "1"): on the value',
    yaml: edit(BASE, ['irplan: "1"', 'irplan: ⟦1⟧']),
    messageIncludes: '"1"',
  },
  {
    name: 'an id with capitals as a map key: on the key',
    yaml: edit(BASE, CLASS_KEY, ['  ⟦github-pat⟧:', '  ⟦GitHub-PAT⟧:']),
  },
  {
    name: 'an id with capitals as a step id: on the value',
    yaml: edit(BASE, ['- id: reissue', '- id: ⟦Reissue⟧']),
  },
  {
    name: 'an id of 65 characters: on the key',
    yaml: edit(BASE, ['\n  github-pat:\n', `\n  ⟦a${'b'.repeat(64)}⟧:\n`]),
  },
  {
    name: 'a top level that is a list: on its first character',
    yaml: '⟦-⟧ irplan\n- plan\n',
  },
  {
    name: 'a top level that is a single value',
    yaml: '⟦j⟧ust some text\n',
  },
  {
    name: 'an empty document: one finding at its start saying what a plan begins with',
    yaml: '⟦⟧',
  },
  {
    name: 'a wrong type (a string where a list goes): on the value',
    yaml: edit(BASE, ['used_by: [ci-pipeline, deploy-bot]', 'used_by: ⟦ci-pipeline⟧']),
  },
  {
    name: 'a wrong type (yes is a string in YAML 1.2, not a boolean): on the value',
    yaml: edit(BASE, ['third_party: false', 'third_party: ⟦yes⟧']),
  },
  {
    name: 'a wrong type (a number where an id goes): on the value',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: ⟦42⟧\n    deputy: secops\n']),
  },
  {
    name: 'a missing required key (contact kind): on the contact key',
    yaml: edit(BASE, ['  secops:\n    kind: team\n', '  ⟦secops⟧:\n']),
    messageIncludes: 'kind',
  },
  {
    name: 'a missing required key (plan title): on the plan key',
    yaml: edit(BASE, ['plan:\n  id: acme-nhi\n  title: ACME non-human identity incident response plan\n', '⟦plan⟧:\n  id: acme-nhi\n']),
  },
  {
    name: 'an automation contact without credential_ttl: on the contact key',
    yaml: edit(BASE, ['  revoker-bot:\n    kind: automation\n    name: Token revocation bot\n    credential_ttl: 1h\n', '  ⟦revoker-bot⟧:\n    kind: automation\n    name: Token revocation bot\n']),
  },
  {
    name: 'a library that holds credential classes: on the credential_classes key',
    yaml: edit(BASE, ['  review_interval: 90d\n', '  review_interval: 90d\n  library: true\n'], ['credential_classes:\n', '⟦credential_classes⟧:\n']),
  },
  {
    name: 'two objectives in one list item: on the item',
    yaml: edit(BASE, ['      - contain_within: 30m\n', '      - ⟦contain_within⟧: 30m\n        evidence: [audit-log]\n']),
  },
  {
    name: 'several problems: one finding each',
    yaml: edit(BASE, ['irplan: "1"', 'irplan: ⟦1⟧'], ['    kind: api-key\n', '    kind: ⟦api-token⟧\n'], ['      approval: none\n', '      approval: ⟦sometimes⟧\n']),
  },
  {
    name: 'configured to info, it reports at info',
    yaml: edit(BASE, ['    name: IAM engineering\n', '    ⟦colour⟧: blue\n']),
    level: 'info',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet for a 64-character id', yaml: edit(BASE, ['\n  github-pat:\n', `\n  a${'b'.repeat(63)}:\n`], ['    class: github-pat\n', `    class: a${'b'.repeat(63)}\n`]) },
  { name: 'quiet for a leap day (2024-02-29)', yaml: edit(BASE, ['last_rotated: 2026-11-01', 'last_rotated: 2024-02-29']) },
  {
    name: 'quiet for every duration unit',
    yaml: edit(BASE, ['          duration: 2m\n', '          duration: 90s\n'], ['      max_ttl: 90d\n', '      max_ttl: 1y\n'], ['      rotation_interval: 30d\n', '      rotation_interval: 4w\n'], ['      target: 15m\n', '      target: 1h\n']),
  },
  {
    name: 'quiet for a library with no classes and no review fields',
    yaml: 'irplan: "1"\nplan:\n  id: shared\n  title: Shared contacts\n  library: true\ncontacts:\n  secops:\n    kind: team\n    page: pagerduty:P1\n',
  },
  {
    name: 'quiet: missing keys that a rule covers (owner, deputy, revocation target, rollback criteria, evidence)',
    yaml: edit(
      BASE,
      [OWNER_DEPUTY, ''],
      ['      target: 15m\n', ''],
      ['      criteria:\n        - Production deploys fail for more than 10 minutes after revocation\n', ''],
      ["    evidence:\n      - id: audit-log\n        source: GitHub organisation audit log\n        action: Export the token's audit events for the last 90 days\n        actor: secops\n        retain: 1y\n", ''],
    ),
  },
]);
