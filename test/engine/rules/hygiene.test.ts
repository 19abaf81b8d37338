// Hygiene: inline-secret (on the value; in a block scalar, on the trimmed source line where the
// secret starts; the message names the kind and never repeats the secret) and unknown-framework
// (on the tag; a CSF 1.1 id names its CSF 2.0 successor).
import { BASE, addContacts, edit, ruleTable } from './harness';

// Fake secrets, assembled from pieces so that this file does not itself look like a leak to
// secret scanners; structurally valid and random-looking, never real.
const B36 = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5';
const B24 = 'a1B2c3D4e5F6g7H8i9J0k1L2';
const GITHUB = 'gh' + 'p_' + B36;
const AWS = 'AK' + 'IA' + 'Q3EGRT5DK7ZP2M4N';
const SLACK = 'xo' + 'xb-' + '123456789012-1234567890123-' + B24;
const JWT =
  'ey' + 'JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' + '.' + 'ey' + 'JzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkJvdCJ9' + '.' + 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const GCP = 'AI' + 'za' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q';
const PEM_BEGIN = '-----BEGIN RSA ' + 'PRIVATE KEY-----';
const PEM_END = '-----END RSA ' + 'PRIVATE KEY-----';
const HIGH_ENTROPY = 'Xk9fQ2mZ7pL4vR8sT1wY6bN3';

const CLASS_DESCRIPTION = '    description: Fine-grained GitHub tokens used by automation\n';
const REVOKE_ACTION = 'Revoke the token in the GitHub organisation settings';
const INJECT_MESSAGE = 'Audit log shows the token used from an unknown network';

ruleTable('inline-secret', [
  {
    name: 'a GitHub token in a step action: on the value, naming the kind',
    yaml: edit(BASE, [REVOKE_ACTION, `⟦Revoke ${GITHUB} in the GitHub organisation settings⟧`]),
    messageIncludes: 'GitHub token',
  },
  {
    name: 'an AWS access key id in a service description',
    yaml: edit(BASE, ['    description: GitHub Actions on the monorepo\n', `    description: ⟦Deploys with ${AWS}⟧\n`]),
    messageIncludes: 'AWS access key id',
  },
  {
    name: 'a private key block in a block scalar: on the trimmed line where it starts',
    yaml: edit(BASE, [CLASS_DESCRIPTION, `    description: |\n      Deploy key, kept here for now:\n      ⟦${PEM_BEGIN}⟧\n      MIIEpAIBAAKCAQEAx\n      ${PEM_END}\n`]),
    messageIncludes: 'private key block',
  },
  {
    name: 'a GitHub token in the middle of a block scalar line: on that whole trimmed line',
    yaml: edit(BASE, [CLASS_DESCRIPTION, `    description: |\n      Used by the release job.\n        ⟦export GITHUB_TOKEN=${GITHUB}  # do not share⟧\n      Rotate monthly.\n`]),
  },
  {
    name: 'a secret in a folded block scalar (>): on the line where it starts',
    yaml: edit(BASE, [CLASS_DESCRIPTION, `    description: >-\n      Tokens for CI,\n      ⟦for example ${GITHUB}⟧\n      and the deploy bot.\n`]),
  },
  {
    name: 'a block scalar with CRLF line ends: the line without its \\r',
    yaml: edit(BASE, [CLASS_DESCRIPTION, `    description: |\n      Deploy key:\n      ⟦${PEM_BEGIN}⟧\n      MIIEpAIBAAKCAQEAx\n`]).replace(/\n/g, '\r\n'),
  },
  {
    name: 'a secret on a continuation line of a multi-line plain scalar: on that trimmed line',
    yaml: edit(BASE, [CLASS_DESCRIPTION, `    description: Deploys with the token\n      ⟦${GITHUB} and more⟧\n`]),
  },
  {
    name: 'a block scalar that quotes the secret\'s prefix on an earlier line: on the line where the secret starts',
    yaml: edit(BASE, [CLASS_DESCRIPTION, `    description: |\n      The leaked token starts with ${GITHUB.slice(0, 14)} (see the ticket).\n      Full value, kept for the audit:\n      ⟦${GITHUB}⟧\n`]),
  },
  {
    name: 'a Slack token as a contact channel',
    yaml: edit(BASE, ['    chat: "#secops"\n', `    chat: ⟦${SLACK}⟧\n`]),
    messageIncludes: 'Slack token',
  },
  {
    name: 'a JWT in a drill inject message',
    yaml: edit(BASE, [INJECT_MESSAGE, `⟦Bearer ${JWT} seen in the proxy log⟧`]),
    messageIncludes: 'JSON Web Token',
  },
  {
    name: 'a GCP API key in a double-quoted value: on the value with its quotes',
    yaml: edit(BASE, ['    description: The deploy bot that ships main to production\n', `    description: ⟦"Maps key ${GCP}"⟧\n`]),
    messageIncludes: 'GCP API key',
  },
  {
    name: 'a high-entropy value under the key client_secret',
    yaml: addContacts(BASE, `  oauth-app:\n    kind: automation\n    credential_ttl: 1h\n    client_secret: ⟦${HIGH_ENTROPY}⟧\n`),
    messageIncludes: 'high-entropy token',
  },
  {
    name: 'a secret in a list item (rollback criteria)',
    yaml: edit(BASE, ['        - Production deploys fail', `        - ⟦Token ${GITHUB} still accepted and production deploys fail`], ['after revocation\n', 'after revocation⟧\n']),
  },
  {
    name: 'two secrets in two values: two findings',
    yaml: edit(BASE, [REVOKE_ACTION, `⟦Revoke ${GITHUB}⟧`], [INJECT_MESSAGE, `⟦Key ${AWS} used from an unknown network⟧`]),
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: edit(BASE, [REVOKE_ACTION, `⟦Revoke ${GITHUB}⟧`]),
    level: 'warning',
  },
  { name: 'quiet on the base plan (it references vault:kv/ci/github-pat)', yaml: BASE },
  {
    name: 'quiet: vault: references, also under client_secret',
    yaml: addContacts(BASE, '  oauth-app:\n    kind: automation\n    credential_ttl: 1h\n    client_secret: vault:kv/prod/oauth/Client9Secret2026xYz\n'),
  },
  {
    name: 'quiet: ${{ secrets.X }} references, in text and under client_secret',
    yaml: addContacts(
      edit(BASE, [REVOKE_ACTION, 'Revoke the token, then store the new one as ${{ secrets.GH_PAT_RELEASE_2026 }}']),
      '  oauth-app:\n    kind: automation\n    credential_ttl: 1h\n    client_secret: ${{ secrets.OAUTH_CLIENT_SECRET }}\n',
    ),
  },
  {
    name: 'quiet: a secrets-manager ARN under client_secret',
    yaml: addContacts(BASE, '  oauth-app:\n    kind: automation\n    credential_ttl: 1h\n    client_secret: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/oauth-Ab3dE5\n'),
  },
  {
    name: 'quiet: a placeholder token of one repeated character',
    yaml: edit(BASE, [REVOKE_ACTION, `Revoke tokens like ${'gh' + 'p_' + 'x'.repeat(36)}`]),
  },
  {
    name: 'quiet: an ordinary long word under a secret-like key is not a secret',
    yaml: addContacts(BASE, '  oauth-app:\n    kind: automation\n    credential_ttl: 1h\n    client_secret: stored-in-the-platform-vault\n'),
  },
]);

// ---------------------------------------------------------------------------------------------
const CLASS_TAGS = 'frameworks: [OWASP-NHI2, CSF-RS.MI-01]';
const DRILL_TAGS = 'frameworks: [CSF-RS.MA-01]';

ruleTable('unknown-framework', [
  {
    name: 'an unknown tag on a class: on the tag',
    yaml: edit(BASE, [CLASS_TAGS, 'frameworks: [OWASP-NHI2, ⟦OWASP-NHI11⟧]']),
    messageIncludes: 'OWASP-NHI11',
  },
  {
    name: 'a CSF 1.1 id: the message names its CSF 2.0 successor',
    yaml: edit(BASE, [CLASS_TAGS, 'frameworks: [OWASP-NHI2, ⟦CSF-RS.RP-1⟧]']),
    messageIncludes: 'CSF-RS.MA-01',
  },
  {
    name: 'an unknown tag on a drill',
    yaml: edit(BASE, [DRILL_TAGS, 'frameworks: [CSF-RS.MA-01, ⟦CSF-ZZ.ZZ-99⟧]']),
  },
  {
    name: 'tags in a block list, each unknown one on its own line',
    yaml: edit(BASE, [CLASS_TAGS, 'frameworks:\n      - ⟦owasp-nhi2⟧\n      - CSF-RS.MI-01\n      - ⟦NIST-800-53⟧']),
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: edit(BASE, [CLASS_TAGS, 'frameworks: [⟦OWASP-NHI0⟧]']),
    level: 'warning',
  },
  {
    name: 'a tag that is a pasted secret: the message does not repeat it',
    yaml: edit(BASE, [CLASS_TAGS, `frameworks: [OWASP-NHI2, ⟦${'gh' + 'p_' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'}⟧]`]),
  },
  { name: 'quiet on the base plan (a valid tag on a drill, two on the class)', yaml: BASE },
  {
    name: 'quiet for catalogue tags of each family',
    yaml: edit(BASE, [CLASS_TAGS, 'frameworks: [OWASP-NHI1, OWASP-NHI10, CSF-RS.MA-01, CSF-RC.RP-03, CSF-PR.AA-01, ATLAS-AML.T0083]']),
  },
  { name: 'quiet without frameworks', yaml: edit(BASE, [`    ${CLASS_TAGS}\n`, ''], [`    ${DRILL_TAGS}\n`, '']) },
]);
