// References and ids: unresolved-reference (every kind of reference, imports that cannot be
// read or are not irplan documents, and references that resolve through imports, transitively
// and through an import cycle) and duplicate-id (steps, evidence items, and an id an import
// already defines: on the redefining key). A bad reference goes on the value.
import { BASE, SECOND_CLASS, addClass, addContacts, baseSection, edit, library, ruleTable, withImports, withoutSections } from './harness';

const CONTACTS = baseSection('contacts');
const SEVERITIES = baseSection('severities');
const SERVICES = baseSection('services');
const body = (section: string) => section; // a section as a library body

const PLAN_OWNER = '\n  owner: secops\n  incident_lead: secops\n';
const OWNER_DEPUTY = '    owner: iam-team\n    deputy: secops\n';

/** Main without its own contacts, severities and services, importing them from `paths`. */
function importing(...paths: string[]): string {
  return withImports(withoutSections(BASE, 'contacts', 'severities', 'services'), ...paths);
}

ruleTable('unresolved-reference', [
  // --- each kind of reference, on its value ---
  {
    name: 'plan owner',
    yaml: edit(BASE, [PLAN_OWNER, '\n  owner: ⟦sec-ops⟧\n  incident_lead: secops\n']),
    messageIncludes: ['sec-ops', 'did you mean "secops"'],
  },
  { name: 'plan incident_lead', yaml: edit(BASE, [PLAN_OWNER, '\n  owner: secops\n  incident_lead: ⟦oncall⟧\n']) },
  { name: 'severity notify entry', yaml: edit(BASE, ['notify: [iam-team]', 'notify: [secops, ⟦ciso-office⟧]']) },
  { name: 'service owner', yaml: edit(BASE, ['    owner: iam-team\n    description: GitHub Actions', '    owner: ⟦platform-team⟧\n    description: GitHub Actions']) },
  { name: 'class owner', yaml: edit(BASE, [OWNER_DEPUTY, '    owner: ⟦iam⟧\n    deputy: secops\n']) },
  { name: 'class deputy', yaml: edit(BASE, [OWNER_DEPUTY, '    owner: iam-team\n    deputy: ⟦platform-team⟧\n']) },
  { name: 'class severity', yaml: edit(BASE, ['    severity: sev1\n    third_party', '    severity: ⟦sev0⟧\n    third_party']), messageIncludes: 'severities' },
  { name: 'class used_by entry', yaml: edit(BASE, ['used_by: [ci-pipeline, deploy-bot]', 'used_by: [⟦ci⟧, deploy-bot]']) },
  { name: 'revocation step actor', yaml: edit(BASE, ['          actor: revoker-bot\n', '          actor: ⟦revoke-bot⟧\n']) },
  { name: 'rollback step actor', yaml: edit(BASE, ['          actor: iam-team\n          duration: 5m', '          actor: ⟦iam-oncall⟧\n          duration: 5m']) },
  { name: 'step after entry', yaml: edit(BASE, ['after: [revoke]', 'after: [⟦revok⟧]']), messageIncludes: 'did you mean "revoke"' },
  {
    name: 'rollback step after entry',
    yaml: edit(BASE, ['          approval: incident-lead\n', '          approval: incident-lead\n          after: [⟦undo⟧]\n']),
  },
  { name: 'revocation.validate service', yaml: edit(BASE, ['- service: ci-pipeline', '- service: ⟦ci-pipe⟧']) },
  { name: 'evidence actor', yaml: edit(BASE, ['        actor: secops\n        retain: 1y', '        actor: ⟦soc⟧\n        retain: 1y']) },
  { name: 'drill class', yaml: edit(BASE, ['    class: github-pat\n', '    class: ⟦github-pats⟧\n']), messageIncludes: 'github-pats' },
  { name: 'drill severity', yaml: edit(BASE, ['    severity: sev1\n    unavailable', '    severity: ⟦sev9⟧\n    unavailable']) },
  { name: 'drill unavailable entry', yaml: edit(BASE, ['unavailable: [iam-team]', 'unavailable: [iam-team, ⟦bob⟧]']) },
  { name: 'drill objective evidence id', yaml: edit(BASE, ['evidence: [audit-log]', 'evidence: [⟦audit-logs⟧]']) },
  { name: 'drill inject expect step id', yaml: edit(BASE, ['expect: [revoke]', 'expect: [revoke, ⟦rotate⟧]']) },
  {
    // Not an id at all: the schema rule reports it (without repeating it), not this one.
    name: 'a reference that is not an id (here a pasted secret) is left to the schema rule',
    yaml: edit(BASE, ['          actor: revoker-bot\n', `          actor: ${'gh' + 'p_' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'}\n`]),
  },
  {
    name: 'several unresolved references, each on its own value',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: ⟦a-team⟧\n    deputy: ⟦b-team⟧\n'], ['used_by: [ci-pipeline, deploy-bot]', 'used_by: [⟦ci⟧, ⟦deploy⟧]']),
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: ⟦iam⟧\n    deputy: secops\n']),
    level: 'warning',
  },

  // --- imports that cannot be used, on the entry ---
  {
    name: 'an imports entry naming a file that does not exist',
    yaml: withImports(BASE, '⟦lib/missing.irplan.yaml⟧'),
    messageIncludes: 'lib/missing.irplan.yaml',
  },
  {
    name: 'an imports entry naming a YAML file that is not an irplan document',
    yaml: withImports(BASE, 'lib/contacts.irplan.yaml', '⟦lib/notes.yaml⟧'),
    files: {
      'lib/contacts.irplan.yaml': library('contacts', 'contacts:\n  extra:\n    kind: team\n    page: pagerduty:PX\n'),
      'lib/notes.yaml': 'title: Some notes\nitems: [a, b]\n',
    },
  },
  {
    name: 'an imports entry naming a YAML list is not an irplan document',
    yaml: withImports(BASE, '⟦lib/list.irplan.yaml⟧'),
    files: { 'lib/list.irplan.yaml': '- irplan\n- "1"\n' },
  },
  {
    name: 'a missing import is reported and a reference it would have defined is reported too',
    yaml: edit(importing('⟦lib/people.irplan.yaml⟧', 'lib/rest.irplan.yaml'), ['    deputy: secops\n', '    deputy: ⟦platform-team⟧\n']),
    files: { 'lib/rest.irplan.yaml': library('rest', body(CONTACTS) + body(SEVERITIES) + body(SERVICES)) },
  },

  // --- references that resolve through imports ---
  {
    name: 'quiet: contacts, severities and services all imported from libraries',
    yaml: importing('lib/contacts.irplan.yaml', 'lib/severities.irplan.yaml', 'lib/services.irplan.yaml'),
    files: {
      'lib/contacts.irplan.yaml': library('contacts', CONTACTS),
      'lib/severities.irplan.yaml': library('severities', SEVERITIES),
      'lib/services.irplan.yaml': library('services', SERVICES),
    },
  },
  {
    name: 'quiet: definitions imported transitively (main → lib/a → ../shared/b → c)',
    yaml: importing('lib/a.irplan.yaml'),
    files: {
      'lib/a.irplan.yaml': withImports(library('a', CONTACTS), '../shared/b.irplan.yaml'),
      'shared/b.irplan.yaml': withImports(library('b', SEVERITIES), 'c.irplan.yaml'),
      'shared/c.irplan.yaml': library('c', SERVICES),
    },
  },
  {
    name: 'quiet: definitions imported through an import cycle between two libraries',
    yaml: importing('lib/a.irplan.yaml'),
    files: {
      'lib/a.irplan.yaml': withImports(library('a', CONTACTS), 'b.irplan.yaml'),
      'lib/b.irplan.yaml': withImports(library('b', SEVERITIES + SERVICES), 'a.irplan.yaml'),
    },
  },
  {
    name: 'quiet: a library that imports the main plan back (a cycle through the document itself)',
    yaml: importing('lib/a.irplan.yaml'),
    files: { 'lib/a.irplan.yaml': withImports(library('a', CONTACTS + SEVERITIES + SERVICES), '../main.irplan.yaml') },
  },
  {
    name: 'quiet: a diamond (two libraries importing the same third)',
    yaml: importing('lib/a.irplan.yaml', 'lib/b.irplan.yaml'),
    files: {
      'lib/a.irplan.yaml': withImports(library('a', SEVERITIES), 'common.irplan.yaml'),
      'lib/b.irplan.yaml': withImports(library('b', SERVICES), 'common.irplan.yaml'),
      'lib/common.irplan.yaml': library('common', CONTACTS),
    },
  },
  {
    name: 'still fires through imports when the id is defined nowhere',
    yaml: edit(importing('lib/a.irplan.yaml'), ['    deputy: secops\n', '    deputy: ⟦sec-team⟧\n']),
    files: { 'lib/a.irplan.yaml': library('a', CONTACTS + SEVERITIES + SERVICES) },
  },
  {
    name: 'quiet: a problem inside a library import is not reported in the importing plan',
    yaml: importing('lib/a.irplan.yaml'),
    files: { 'lib/a.irplan.yaml': withImports(library('a', CONTACTS + SEVERITIES + SERVICES), 'nowhere.irplan.yaml') },
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet: after: [] and steps without after',
    yaml: edit(BASE, ['after: [revoke]', 'after: []']),
  },
]);

// ---------------------------------------------------------------------------------------------
const EVIDENCE_ITEM =
  "      - id: audit-log\n        source: GitHub organisation audit log\n        action: Export the token's audit events for the last 90 days\n        actor: secops\n        retain: 1y\n";

ruleTable('duplicate-id', [
  {
    name: 'two revocation steps share an id: on the later id value',
    yaml: edit(BASE, ['        - id: reissue\n', '        - id: ⟦revoke⟧\n']),
    messageIncludes: 'revoke',
  },
  {
    name: 'a rollback step reuses a revocation step id: on the rollback id value',
    yaml: edit(BASE, ['        - id: restore\n', '        - id: ⟦reissue⟧\n']),
  },
  {
    name: 'two evidence items share an id: on the later id value',
    yaml: edit(BASE, [EVIDENCE_ITEM, EVIDENCE_ITEM + EVIDENCE_ITEM.replace('- id: audit-log', '- id: ⟦audit-log⟧').replace('retain: 1y', 'retain: 90d')]),
  },
  {
    name: 'a contact an import already defines: on the redefining key in this document',
    yaml: withImports(edit(BASE, ['\n  iam-team:\n', '\n  ⟦iam-team⟧:\n']), 'lib/people.irplan.yaml'),
    files: { 'lib/people.irplan.yaml': library('people', 'contacts:\n  iam-team:\n    kind: team\n    page: pagerduty:PIAM2\n') },
    messageIncludes: 'iam-team',
  },
  {
    name: 'a severity and a service an import (transitively) defines: on each redefining key',
    yaml: withImports(edit(BASE, ['\n  sev2:\n', '\n  ⟦sev2⟧:\n'], ['\n  deploy-bot:\n', '\n  ⟦deploy-bot⟧:\n']), 'lib/a.irplan.yaml'),
    files: {
      'lib/a.irplan.yaml': withImports(library('a', 'severities:\n  sev2:\n    contain_within: 4h\n'), 'b.irplan.yaml'),
      'lib/b.irplan.yaml': library('b', 'services:\n  deploy-bot:\n    owner: secops\n'),
    },
  },
  {
    name: 'two imports define the same id: on the import entry that brings the second copy',
    yaml: withImports(BASE, 'lib/a.irplan.yaml', '⟦lib/b.irplan.yaml⟧'),
    files: {
      'lib/a.irplan.yaml': library('a', 'contacts:\n  vendor-desk:\n    kind: vendor\n    email: a@vendor.example\n'),
      'lib/b.irplan.yaml': library('b', 'contacts:\n  vendor-desk:\n    kind: vendor\n    email: b@vendor.example\n'),
    },
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: edit(BASE, ['        - id: reissue\n', '        - id: ⟦revoke⟧\n']),
    level: 'warning',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet: the same step id in two classes',
    yaml: addClass(BASE, SECOND_CLASS.replace('- id: remove', '- id: revoke')),
  },
  {
    name: 'quiet: a diamond import brings the same definitions once',
    yaml: withImports(withoutSections(BASE, 'contacts'), 'lib/a.irplan.yaml', 'lib/b.irplan.yaml'),
    files: {
      'lib/a.irplan.yaml': withImports(library('a', ''), 'common.irplan.yaml'),
      'lib/b.irplan.yaml': withImports(library('b', ''), 'common.irplan.yaml'),
      'lib/common.irplan.yaml': library('common', CONTACTS),
    },
  },
  {
    name: 'quiet: an import cycle does not make a library redefine its own ids',
    yaml: withImports(withoutSections(BASE, 'contacts'), 'lib/a.irplan.yaml'),
    files: {
      'lib/a.irplan.yaml': withImports(library('a', CONTACTS), 'b.irplan.yaml'),
      'lib/b.irplan.yaml': withImports(library('b', ''), 'a.irplan.yaml'),
    },
  },
  {
    name: 'quiet: rollback steps without ids',
    yaml: edit(BASE, ['        - id: restore\n          action:', '        - action:']),
  },
  {
    name: 'quiet: imported contacts used but not redefined',
    yaml: withImports(addContacts(BASE, ''), 'lib/people.irplan.yaml'),
    files: { 'lib/people.irplan.yaml': library('people', 'contacts:\n  alice:\n    kind: person\n    email: alice@acme.example\n') },
  },
]);
