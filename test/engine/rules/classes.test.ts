// The class controls of section 6 and the contact/service rules: class-owner, class-deputy,
// deputy-is-owner, class-revocation, class-rollback, class-evidence, vendor-owner,
// unvalidated-dependent, contact-unreachable. A missing key goes on the key of the mapping that
// lacks it (for a class, the class id's key); a bad value or reference on that value; an empty
// steps, criteria or evidence list on that list's key; a missing key a rule covers is not also
// reported as `schema`.
import { BASE, CLASS_KEY, SECOND_CLASS, addClass, addContacts, edit, library, replaceLines, replaceRevocationSteps, ruleTable } from './harness';

const OWNER_DEPUTY = '    owner: iam-team\n    deputy: secops\n';
const REVOCATION_START = '    revocation:';
const ROLLBACK_START = '    rollback:';
const EVIDENCE_START = '    evidence:';

// ---------------------------------------------------------------------------------------------
ruleTable('class-owner', [
  {
    name: 'fires on the class key when the class has no owner',
    yaml: edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    deputy: secops\n']),
    messageIncludes: ['github-pat', 'owner:'],
  },
  {
    name: 'a missing owner is reported by class-owner alone, not also as schema',
    yaml: edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    deputy: secops\n']),
    also: ['schema'],
  },
  {
    name: 'fires on the class key when owner is empty (owner: with no value), and schema stays quiet',
    yaml: edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    owner:\n    deputy: secops\n']),
    also: ['schema'],
  },
  {
    name: 'fires once per class without owner, each on its own class key',
    yaml: addClass(
      edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    deputy: secops\n']),
      edit(SECOND_CLASS, ['  deploy-key:', '  ⟦deploy-key⟧:'], ['    owner: secops\n', '']),
    ),
  },
  {
    name: 'configured to info, it reports at info',
    yaml: edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    deputy: secops\n']),
    level: 'info',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet when the owner does not resolve (that is unresolved-reference)',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: nobody\n    deputy: secops\n']),
  },
  {
    name: 'quiet on a library without classes',
    yaml: library('shared', 'contacts:\n  secops:\n    kind: team\n    page: pagerduty:P1\n'),
  },
]);

// ---------------------------------------------------------------------------------------------
ruleTable('class-deputy', [
  {
    name: 'fires on the class key when the class has no deputy',
    yaml: edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    owner: iam-team\n']),
    messageIncludes: ['github-pat', 'deputy:'],
  },
  {
    name: 'a missing deputy is reported by class-deputy alone, not also as schema',
    yaml: edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    owner: iam-team\n']),
    also: ['schema'],
  },
  {
    name: 'fires on the class key when deputy is empty (deputy: with no value)',
    yaml: edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    owner: iam-team\n    deputy:\n']),
    also: ['schema'],
  },
  {
    name: 'fires on the key of the second class only',
    yaml: addClass(BASE, edit(SECOND_CLASS, ['  deploy-key:', '  ⟦deploy-key⟧:'], ['    deputy: iam-team\n', ''])),
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: edit(BASE, CLASS_KEY, [OWNER_DEPUTY, '    owner: iam-team\n']),
    level: 'warning',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet when the deputy equals the owner (that is deputy-is-owner)',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: iam-team\n    deputy: iam-team\n']),
  },
]);

// ---------------------------------------------------------------------------------------------
ruleTable('deputy-is-owner', [
  {
    name: 'fires on the deputy value when it equals the owner',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: iam-team\n    deputy: ⟦iam-team⟧\n']),
    messageIncludes: 'iam-team',
  },
  {
    name: 'fires on the deputy value when it is written before the owner',
    yaml: edit(BASE, [OWNER_DEPUTY, '    deputy: ⟦secops⟧\n    owner: secops\n']),
  },
  {
    name: 'fires on the deputy value with a quoted deputy',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: iam-team\n    deputy: ⟦"iam-team"⟧\n']),
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: iam-team\n    deputy: ⟦iam-team⟧\n']),
    level: 'warning',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet when there is no deputy', yaml: edit(BASE, [OWNER_DEPUTY, '    owner: iam-team\n']) },
  { name: 'quiet when there is no owner', yaml: edit(BASE, [OWNER_DEPUTY, '    deputy: iam-team\n']) },
]);

// ---------------------------------------------------------------------------------------------
const TARGET = '      target: 15m\n';
const VALIDATE_START = '      validate:';

ruleTable('class-revocation', [
  {
    name: 'an empty target (target: with no value) is reported on the target key, and schema stays quiet',
    yaml: edit(BASE, ['      target: 15m\n', '      ⟦target⟧:\n']),
    also: ['schema'],
    messageIncludes: 'empty',
  },
  {
    name: 'target: ~ is empty too',
    yaml: edit(BASE, ['      target: 15m\n', '      ⟦target⟧: ~\n']),
    also: ['schema'],
  },
  {
    name: 'steps: ~ is an empty steps list, on the steps key',
    yaml: replaceStepsWithNull(BASE),
    also: ['schema'],
  },
  {
    name: 'fires on the class key when there is no revocation',
    yaml: replaceLines(edit(BASE, CLASS_KEY), REVOCATION_START, ROLLBACK_START, ''),
    messageIncludes: 'revocation:',
  },
  {
    name: 'a missing revocation is not also reported as schema',
    yaml: replaceLines(edit(BASE, CLASS_KEY), REVOCATION_START, ROLLBACK_START, ''),
    also: ['schema'],
  },
  {
    name: 'fires on the revocation key when revocation is empty (revocation: with no value)',
    yaml: replaceLines(BASE, REVOCATION_START, ROLLBACK_START, '    ⟦revocation⟧:\n'),
    also: ['schema'],
  },
  {
    name: 'fires on the revocation key when it has no target, and schema stays quiet',
    yaml: edit(BASE, ['    revocation:\n      target: 15m\n', '    ⟦revocation⟧:\n']),
    also: ['schema'],
    messageIncludes: 'target',
  },
  {
    name: 'fires on the revocation key when it has no steps, and schema stays quiet',
    yaml: replaceRevocationSteps(edit(BASE, ['    revocation:\n', '    ⟦revocation⟧:\n']), ''),
    also: ['schema'],
    messageIncludes: 'steps',
  },
  {
    name: 'fires twice on the revocation key when it has neither target nor steps',
    yaml: replaceRevocationSteps(edit(BASE, ['    revocation:\n      target: 15m\n', '    ⟦⟦revocation⟧⟧:\n']), ''),
    also: ['schema'],
  },
  {
    name: 'an empty steps list goes on the steps key',
    yaml: replaceRevocationSteps(BASE, '      ⟦steps⟧: []\n'),
    also: ['schema'],
  },
  {
    name: 'steps: with no value goes on the steps key',
    yaml: replaceRevocationSteps(BASE, '      ⟦steps⟧:\n'),
    also: ['schema'],
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: replaceRevocationSteps(BASE, '      ⟦steps⟧: []\n'),
    level: 'warning',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet when there is no validate or approval (they are optional)',
    yaml: replaceLines(edit(BASE, ['      approval: none\n', '']), VALIDATE_START, ROLLBACK_START, ''),
  },
  {
    name: 'quiet when target is written after the steps',
    yaml: replaceLines(edit(BASE, [TARGET, '']), VALIDATE_START, ROLLBACK_START, '      target: 15m\n'),
  },
]);

// ---------------------------------------------------------------------------------------------
const CRITERIA = '      criteria:\n        - Production deploys fail for more than 10 minutes after revocation\n';

ruleTable('class-rollback', [
  {
    name: 'fires on the class key when there is no rollback',
    yaml: replaceLines(edit(BASE, CLASS_KEY), ROLLBACK_START, EVIDENCE_START, ''),
    also: ['schema'],
    messageIncludes: 'rollback:',
  },
  {
    name: 'fires on the rollback key when it has no criteria, and schema stays quiet',
    yaml: edit(BASE, ['    rollback:\n' + CRITERIA, '    ⟦rollback⟧:\n']),
    also: ['schema'],
    messageIncludes: 'criteria',
  },
  {
    name: 'fires on the rollback key when rollback has no value',
    yaml: replaceLines(BASE, ROLLBACK_START, EVIDENCE_START, '    ⟦rollback⟧:\n'),
    also: ['schema'],
  },
  {
    name: 'an empty criteria list goes on the criteria key',
    yaml: edit(BASE, [CRITERIA, '      ⟦criteria⟧: []\n']),
    also: ['schema'],
  },
  {
    name: 'criteria: with no value goes on the criteria key',
    yaml: edit(BASE, [CRITERIA, '      ⟦criteria⟧:\n']),
    also: ['schema'],
  },
  {
    name: 'configured to info, it reports at info',
    yaml: edit(BASE, [CRITERIA, '      ⟦criteria⟧: []\n']),
    level: 'info',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet when the rollback has criteria but no steps (steps are optional)',
    yaml: edit(BASE, [
      '      steps:\n        - id: restore\n          action: Re-enable the previous token for 30 minutes\n          actor: iam-team\n          duration: 5m\n          impact: high\n          approval: incident-lead\n',
      '',
    ]),
  },
]);

// ---------------------------------------------------------------------------------------------
const EVIDENCE_BLOCK =
  '    evidence:\n      - id: audit-log\n        source: GitHub organisation audit log\n        action: Export the token\'s audit events for the last 90 days\n        actor: secops\n        retain: 1y\n';

ruleTable('class-evidence', [
  {
    name: 'fires on the class key when there is no evidence',
    yaml: edit(BASE, CLASS_KEY, [EVIDENCE_BLOCK, '']),
    messageIncludes: 'evidence:',
  },
  {
    name: 'a missing evidence list is not also reported as schema',
    yaml: edit(BASE, CLASS_KEY, [EVIDENCE_BLOCK, '']),
    also: ['schema'],
  },
  {
    name: 'an empty evidence list goes on the evidence key',
    yaml: edit(BASE, [EVIDENCE_BLOCK, '    ⟦evidence⟧: []\n']),
    also: ['schema'],
  },
  {
    name: 'evidence: with no value goes on the evidence key',
    yaml: edit(BASE, [EVIDENCE_BLOCK, '    ⟦evidence⟧:\n']),
    also: ['schema'],
  },
  {
    name: 'fires for the second class only',
    yaml: addClass(
      BASE,
      replaceLines(SECOND_CLASS, '    evidence:', null, '    ⟦evidence⟧: []\n'),
    ),
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: edit(BASE, [EVIDENCE_BLOCK, '    ⟦evidence⟧: []\n']),
    level: 'warning',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet with evidence written as a flow list',
    yaml: edit(BASE, [EVIDENCE_BLOCK, '    evidence: [{id: audit-log, source: GitHub audit log, action: Export the events, actor: secops}]\n']),
  },
]);

// ---------------------------------------------------------------------------------------------
const VENDOR = '  acme-vendor:\n    kind: vendor\n    name: Acme SaaS support\n    email: security@vendor.example\n';

ruleTable('vendor-owner', [
  {
    name: 'fires on the owner value when the owner is a vendor contact',
    yaml: edit(addContacts(BASE, VENDOR), [OWNER_DEPUTY, '    owner: ⟦acme-vendor⟧\n    deputy: secops\n']),
    messageIncludes: 'acme-vendor',
  },
  {
    name: 'fires when the vendor contact is imported',
    yaml: edit(BASE, ['contacts:\n', 'imports: [lib/vendors.irplan.yaml]\ncontacts:\n'], [OWNER_DEPUTY, '    owner: ⟦acme-vendor⟧\n    deputy: secops\n']),
    files: { 'lib/vendors.irplan.yaml': library('vendors', `contacts:\n${VENDOR}`) },
  },
  {
    name: 'configured to error, it reports at error',
    yaml: edit(addContacts(BASE, VENDOR), [OWNER_DEPUTY, '    owner: ⟦acme-vendor⟧\n    deputy: secops\n']),
    level: 'error',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet when the vendor is the deputy',
    yaml: edit(addContacts(BASE, VENDOR), [OWNER_DEPUTY, '    owner: iam-team\n    deputy: acme-vendor\n']),
  },
  {
    name: 'quiet when the owner does not resolve',
    yaml: edit(BASE, [OWNER_DEPUTY, '    owner: acme-vendor\n    deputy: secops\n']),
  },
]);

// ---------------------------------------------------------------------------------------------
const VALIDATE_DEPLOY = "        - service: deploy-bot\n          check: The deploy bot's next dry run authenticates with the new token\n";

ruleTable('unvalidated-dependent', [
  {
    name: 'fires on the used_by entry that has no validate check',
    yaml: edit(BASE, [VALIDATE_DEPLOY, ''], ['used_by: [ci-pipeline, deploy-bot]', 'used_by: [ci-pipeline, ⟦deploy-bot⟧]']),
    messageIncludes: 'deploy-bot',
  },
  {
    name: 'fires on each used_by entry when there is no validate at all (block list)',
    yaml: replaceLines(
      edit(BASE, ['    used_by: [ci-pipeline, deploy-bot]\n', '    used_by:\n      - ⟦ci-pipeline⟧\n      - ⟦deploy-bot⟧\n']),
      VALIDATE_START,
      ROLLBACK_START,
      '',
    ),
  },
  {
    name: 'configured to info, it reports at info',
    yaml: edit(BASE, [VALIDATE_DEPLOY, ''], ['used_by: [ci-pipeline, deploy-bot]', 'used_by: [ci-pipeline, ⟦deploy-bot⟧]']),
    level: 'info',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet when a validated service is not in used_by',
    yaml: edit(BASE, ['used_by: [ci-pipeline, deploy-bot]', 'used_by: [ci-pipeline]']),
  },
  {
    name: 'quiet without used_by',
    yaml: edit(BASE, ['    used_by: [ci-pipeline, deploy-bot]\n', '']),
  },
]);

// ---------------------------------------------------------------------------------------------
ruleTable('contact-unreachable', [
  {
    name: 'fires on the contact key of a team without a channel',
    yaml: edit(BASE, ['  iam-team:\n    kind: team\n    name: IAM engineering\n    page: pagerduty:PIAM\n    email: iam@acme.example\n', '  ⟦iam-team⟧:\n    kind: team\n    name: IAM engineering\n']),
    messageIncludes: 'iam-team',
  },
  {
    name: 'fires for a person and a vendor without channels',
    yaml: addContacts(BASE, '  ⟦alice⟧:\n    kind: person\n    name: Alice\n  ⟦acme-vendor⟧:\n    kind: vendor\n    name: Acme support\n'),
  },
  {
    name: 'fires when the only channel is empty',
    yaml: addContacts(BASE, '  ⟦alice⟧:\n    kind: person\n    name: Alice\n    phone: ""\n'),
  },
  {
    name: 'configured to error, it reports at error',
    yaml: addContacts(BASE, '  ⟦alice⟧:\n    kind: person\n    name: Alice\n'),
    level: 'error',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet for an automation contact without channels',
    yaml: addContacts(BASE, '  scanner-bot:\n    kind: automation\n    name: Secret scanner\n    credential_ttl: 1h\n'),
  },
  {
    name: 'quiet for any one channel (page, email, chat or phone)',
    yaml: addContacts(
      BASE,
      '  a:\n    kind: person\n    page: pagerduty:PA\n  b:\n    kind: person\n    email: b@acme.example\n  c:\n    kind: vendor\n    chat: "#c"\n  d:\n    kind: team\n    phone: "+1 555 0100"\n',
    ),
  },
]);

/** The base plan with the revocation's steps written as `steps: ~` (marked for the finding). */
function replaceStepsWithNull(text: string): string {
  const start = text.indexOf('      steps:\n');
  const end = text.indexOf('      validate:\n');
  return `${text.slice(0, start)}      ⟦steps⟧: ~\n${text.slice(end)}`;
}
