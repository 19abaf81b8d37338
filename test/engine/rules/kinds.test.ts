// Kind-specific rules: kind-certificate-trust (on the revocation key, or on the validate key when
// it is present but empty), kind-oauth-consent (on the class key; words in revocation and
// rollback step actions, any case) and kind-ai-agent-evidence (on the evidence key; words in each
// evidence item's id, source and action, any case).
import { BASE, CLASS_KEY, edit, replaceLines, ruleTable } from './harness';

const KIND = (kind: string) => ['    kind: api-key\n', `    kind: ${kind}\n`] as [string, string];
const VALIDATE = '      validate:';
const ROLLBACK = '    rollback:';
const NO_VALIDATE = (text: string, replacement = '') => replaceLines(text, VALIDATE, ROLLBACK, replacement);

ruleTable('kind-certificate-trust', [
  {
    name: 'fires on the revocation key of a certificate class without validate',
    yaml: NO_VALIDATE(edit(BASE, KIND('certificate'), ['    revocation:\n', '    ⟦revocation⟧:\n'])),
    messageIncludes: 'github-pat',
  },
  {
    name: 'fires on the validate key when it is present but empty ([])',
    yaml: NO_VALIDATE(edit(BASE, KIND('certificate')), '      ⟦validate⟧: []\n'),
  },
  {
    name: 'fires on the validate key when it is present with no value',
    yaml: NO_VALIDATE(edit(BASE, KIND('certificate')), '      ⟦validate⟧:\n'),
  },
  {
    name: 'configured to error, it reports at error',
    yaml: NO_VALIDATE(edit(BASE, KIND('certificate'), ['    revocation:\n', '    ⟦revocation⟧:\n'])),
    level: 'error',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet for a certificate class with validate checks', yaml: edit(BASE, KIND('certificate')) },
  { name: 'quiet for another kind without validate', yaml: NO_VALIDATE(BASE) },
  {
    name: 'quiet for a certificate class without revocation (that is class-revocation)',
    yaml: replaceLines(edit(BASE, KIND('certificate')), '    revocation:', ROLLBACK, ''),
  },
]);

// ---------------------------------------------------------------------------------------------
const OAUTH = (thirdParty: string) => [['    kind: api-key\n', '    kind: oauth-grant\n'], ['    third_party: false\n', thirdParty]] as [string, string][];
const THIRD = '    third_party: true\n';

ruleTable('kind-oauth-consent', [
  {
    name: 'fires on the class key of a third-party OAuth grant with no consent or vendor step',
    yaml: edit(BASE, CLASS_KEY, ...OAUTH(THIRD)),
    messageIncludes: ['github-pat', 'consent'],
  },
  {
    name: 'fires when the words appear only outside step actions (description, criteria, evidence)',
    yaml: edit(
      BASE,
      CLASS_KEY,
      ...OAUTH(THIRD),
      ['    description: Fine-grained GitHub tokens used by automation\n', '    description: Vendor app with consent to read our repositories\n'],
      ['        - Production deploys fail', '        - Vendor consent revoked and production deploys fail'],
    ),
  },
  { name: 'configured to info, it reports at info', yaml: edit(BASE, CLASS_KEY, ...OAUTH(THIRD)), level: 'info' },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet when a revocation step reviews consent (any case)',
    yaml: edit(BASE, ...OAUTH(THIRD), ['Revoke the token in the GitHub organisation settings', 'Revoke the grant and review CONSENT given to the app']),
  },
  {
    name: 'quiet when a rollback step notifies the vendor (any case)',
    yaml: edit(BASE, ...OAUTH(THIRD), ['Re-enable the previous token for 30 minutes', 'Tell the Vendor, then re-enable the previous grant']),
  },
  { name: 'quiet when third_party is false', yaml: edit(BASE, ...OAUTH('    third_party: false\n')) },
  { name: 'quiet when third_party is absent (default false)', yaml: edit(BASE, ...OAUTH('')) },
  { name: 'quiet for another kind with third_party: true', yaml: edit(BASE, ['    third_party: false\n', THIRD]) },
]);

// ---------------------------------------------------------------------------------------------
const AI = KIND('ai-agent-credential');
const EVIDENCE_KEY = ['    evidence:\n      - id: audit-log', '    ⟦evidence⟧:\n      - id: audit-log'] as [string, string];
const AGENT_EVIDENCE =
  '      - id: prompt-history\n        source: Agent gateway\n        action: Export the conversation\n        actor: secops\n' +
  '      - id: calls\n        source: TOOL invocation log\n        action: Export every call\n        actor: secops\n' +
  '      - id: grants\n        source: Identity provider\n        action: Export AUTHORIZATION decisions for the agent\n        actor: secops\n';
const AFTER_AUDIT = "        retain: 1y\n    frameworks:";

ruleTable('kind-ai-agent-evidence', [
  {
    name: 'fires on the evidence key when prompts, tool logs and authorization traces are missing',
    yaml: edit(BASE, AI, EVIDENCE_KEY),
    messageIncludes: ['prompts', 'tool logs', 'authorization traces'],
  },
  {
    name: 'fires when only one of the three is missing, naming it',
    yaml: edit(BASE, AI, EVIDENCE_KEY, [AFTER_AUDIT, '        retain: 1y\n' + AGENT_EVIDENCE.split('      - id: grants')[0] + '    frameworks:']),
    messageIncludes: 'authorization traces',
    messageExcludes: 'prompts',
  },
  {
    name: 'fires when the words are only in the class description',
    yaml: edit(BASE, AI, EVIDENCE_KEY, ['    description: Fine-grained GitHub tokens used by automation\n', '    description: Agent key; keep prompts, tool logs and authorization traces\n']),
  },
  { name: 'configured to error, it reports at error', yaml: edit(BASE, AI, EVIDENCE_KEY), level: 'error' },
  { name: 'quiet on the base plan', yaml: BASE },
  {
    name: 'quiet when the evidence ids, sources and actions cover all three (any case)',
    yaml: edit(BASE, AI, [AFTER_AUDIT, '        retain: 1y\n' + AGENT_EVIDENCE + '    frameworks:']),
  },
  {
    name: 'quiet when one item covers all three in its action',
    yaml: edit(BASE, AI, ["Export the token's audit events for the last 90 days", 'Export prompts, Tool-call logs and authorisation/Authorization traces']),
  },
  {
    name: 'quiet for an AI agent class with no evidence (that is class-evidence)',
    yaml: edit(BASE, AI, [
      "    evidence:\n      - id: audit-log\n        source: GitHub organisation audit log\n        action: Export the token's audit events for the last 90 days\n        actor: secops\n        retain: 1y\n",
      '    evidence: []\n',
    ]),
  },
]);
