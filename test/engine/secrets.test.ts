import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findSecret, isSecretLikeKey, type SecretContext } from '../../server/src/engine/secrets';

// Fake secrets are assembled from pieces so that this file does not itself look like a leak to
// secret scanners; they are structurally valid and random-looking, never real.
const B36 = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'; // 36 base62 characters
const B24 = 'a1B2c3D4e5F6g7H8i9J0k1L2'; // 24
const GH = 'gh';
const fake = {
  ghp: GH + 'p_' + B36,
  gho: GH + 'o_' + B36,
  ghs: GH + 's_' + B36,
  ghpExample: GH + 'p_' + 'EXAMPLE' + B36.slice(7),
  githubPat: 'github' + '_pat_' + '11ABCDEFG0123456789abc_' + B24 + B24 + 'm3N4o5P6q7R8s9T0u1V',
  awsAkia: 'AK' + 'IA' + 'Q3EGRT5DK7ZP2M4N',
  awsAsia: 'AS' + 'IA' + 'Y7K2M9Q4P1W8R3T6',
  awsDocs: 'AK' + 'IA' + 'IOSFODNN7EXAMPLE',
  slackBot: 'xo' + 'xb-' + '123456789012-1234567890123-' + B24,
  slackWebhookSecret: B24,
  jwt:
    'ey' + 'JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' + '.' + 'ey' + 'JzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkJvdCJ9' + '.' +
    'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  gcp: 'AI' + 'za' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
  stripe: 'sk' + '_live_' + B24,
  stripeRestricted: 'rk' + '_live_' + B24 + 'Zz',
  generic: 'Xk9fQ2mZ7pL4vR8sT1wY6bN3',
  urlPassword: 'S3cr3tPa55w0rd',
};

interface Positive {
  name: string;
  text: string;
  context?: SecretContext;
  kind: string;
  /** The secret's text within `text` (its first occurrence gives the expected offsets). */
  secret: string;
}

const PEM_RSA = '-----BEGIN RSA ' + 'PRIVATE KEY-----';
const PEM_PLAIN = '-----BEGIN ' + 'PRIVATE KEY-----';

const positives: Positive[] = [
  { name: 'RSA private key block', text: `${PEM_RSA}\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n`, kind: 'private key block', secret: PEM_RSA },
  { name: 'PKCS#8 private key block after text', text: `key follows\n${PEM_PLAIN}\nMIIE\n`, kind: 'private key block', secret: PEM_PLAIN },
  { name: 'EC private key block', text: '-----BEGIN EC ' + 'PRIVATE KEY-----', kind: 'private key block', secret: '-----BEGIN EC PRIVATE KEY-----' },
  { name: 'OpenSSH private key block', text: '-----BEGIN OPENSSH ' + 'PRIVATE KEY-----\nb3Blbn', kind: 'private key block', secret: '-----BEGIN OPENSSH PRIVATE KEY-----' },
  { name: 'DSA private key block', text: '-----BEGIN DSA ' + 'PRIVATE KEY-----', kind: 'private key block', secret: '-----BEGIN DSA PRIVATE KEY-----' },
  { name: 'encrypted private key block', text: '-----BEGIN ENCRYPTED ' + 'PRIVATE KEY-----', kind: 'private key block', secret: '-----BEGIN ENCRYPTED PRIVATE KEY-----' },
  { name: 'PGP private key block', text: '-----BEGIN PGP ' + 'PRIVATE KEY BLOCK-----', kind: 'private key block', secret: '-----BEGIN PGP PRIVATE KEY BLOCK-----' },
  { name: 'classic GitHub token alone', text: fake.ghp, kind: 'GitHub token', secret: fake.ghp },
  { name: 'GitHub OAuth token in prose', text: `Rotate ${fake.gho} today`, kind: 'GitHub token', secret: fake.gho },
  { name: 'GitHub server token after =', text: `GH_TOKEN=${fake.ghs}`, kind: 'GitHub token', secret: fake.ghs },
  { name: 'GitHub token spelling EXAMPLE (still structurally valid)', text: fake.ghpExample, kind: 'GitHub token', secret: fake.ghpExample },
  { name: 'GitHub token in a URL wins over the URL password', text: `https://x-access-token:${fake.ghp}@github.com/acme/app.git`, kind: 'GitHub token', secret: fake.ghp },
  { name: 'fine-grained GitHub token', text: `token ${fake.githubPat}`, kind: 'GitHub token', secret: fake.githubPat },
  { name: 'AWS access key id (AKIA)', text: `aws_access_key_id = ${fake.awsAkia}`, kind: 'AWS access key id', secret: fake.awsAkia },
  { name: 'AWS temporary key id (ASIA)', text: fake.awsAsia, kind: 'AWS access key id', secret: fake.awsAsia },
  { name: 'AWS documentation key id (structurally valid)', text: `id ${fake.awsDocs}.`, kind: 'AWS access key id', secret: fake.awsDocs },
  { name: 'Slack bot token', text: `SLACK_BOT_TOKEN: ${fake.slackBot}`, kind: 'Slack token', secret: fake.slackBot },
  {
    name: 'Slack webhook',
    text: `Post to https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/${fake.slackWebhookSecret} on sev1`,
    kind: 'Slack webhook URL',
    secret: fake.slackWebhookSecret,
  },
  { name: 'JWT in an Authorization header', text: `curl -H "Authorization: Bearer ${fake.jwt}" https://api`, kind: 'JSON Web Token', secret: fake.jwt },
  { name: 'GCP API key', text: `key=${fake.gcp}`, kind: 'GCP API key', secret: fake.gcp },
  { name: 'Stripe live secret key', text: fake.stripe, kind: 'Stripe live key', secret: fake.stripe },
  { name: 'Stripe restricted key', text: `use ${fake.stripeRestricted}`, kind: 'Stripe live key', secret: fake.stripeRestricted },
  { name: 'password in a database URL', text: `postgres://app:${fake.urlPassword}@db.internal:5432/app`, kind: 'password in URL', secret: fake.urlPassword },
  { name: 'password in an HTTPS URL', text: `https://deploy:${fake.urlPassword}@registry.acme.io/v2`, kind: 'password in URL', secret: fake.urlPassword },
  { name: 'high-entropy value of a secret-like key', text: fake.generic, context: { key: 'client_secret' }, kind: 'high-entropy token', secret: fake.generic },
  { name: 'high-entropy value of key `password`', text: fake.generic, context: { key: 'password' }, kind: 'high-entropy token', secret: fake.generic },
  { name: 'high-entropy value of key `apiKey`', text: `  ${fake.generic}  `, context: { key: 'apiKey' }, kind: 'high-entropy token', secret: fake.generic },
  { name: 'password= in a string', text: `password=${fake.generic}`, kind: 'high-entropy token', secret: fake.generic },
  { name: 'DB_PASSWORD: in prose', text: `export DB_PASSWORD: "${fake.generic}" then restart`, kind: 'high-entropy token', secret: fake.generic },
  { name: 'JSON-ish "api_key": "…"', text: `{"api_key": "${fake.generic}"}`, kind: 'high-entropy token', secret: fake.generic },
  { name: 'token after a non-secret assignment', text: `user=deploy-bot token=${fake.generic}`, kind: 'high-entropy token', secret: fake.generic },
  { name: 'opaque bearer token', text: `Authorization: Bearer ${fake.generic}`, kind: 'high-entropy token', secret: fake.generic },
  { name: 'UUID as the value of client_secret', text: '3f2b1c4e-8a9d-4e7f-b6c5-1a2b3c4d5e6f', context: { key: 'client_secret' }, kind: 'high-entropy token', secret: '3f2b1c4e-8a9d-4e7f-b6c5-1a2b3c4d5e6f' },
  { name: 'hex string under a secret-like key', text: '3f9a2b1c4d5e6f708192a3b4c5d6e7f8091a2b3c', context: { key: 'secret' }, kind: 'high-entropy token', secret: '3f9a2b1c4d5e6f708192a3b4c5d6e7f8091a2b3c' },
  { name: 'hex string under shared_secret (not a digest word)', text: '3f9a2b1c4d5e6f708192a3b4c5d6e7f8091a2b3c', context: { key: 'shared_secret' }, kind: 'high-entropy token', secret: '3f9a2b1c4d5e6f708192a3b4c5d6e7f8091a2b3c' },
  { name: 'the earliest of two secrets', text: `${fake.stripe} and ${fake.ghp}`, kind: 'Stripe live key', secret: fake.stripe },
  { name: 'a secret after a non-ASCII prefix (UTF-16 offsets)', text: `🔑 clé: ${fake.ghp}`, kind: 'GitHub token', secret: fake.ghp },
];

interface Negative {
  name: string;
  text: string;
  context?: SecretContext;
}

const negatives: Negative[] = [
  { name: 'an action', text: 'Revoke the token in the GitHub organisation settings' },
  { name: 'an action under a secret-like key', text: 'Revoke the token in the GitHub organisation settings', context: { key: 'token' } },
  { name: 'an inject message', text: 'Secret scanning alert for a ghp_ token in public repo acme/website' },
  { name: 'a check', text: "The deploy bot's next dry run authenticates with the new token" },
  { name: 'a vault reference', text: 'vault:kv/data/ci/github-deploy-token-2024', context: { key: 'token' } },
  { name: 'a vault reference in prose', text: 'password: vault:secret/data/prod2/db-main-password-a1B2c3' },
  { name: 'a GitHub Actions secret', text: '${{ secrets.GITHUB_DEPLOY_TOKEN_2024 }}', context: { key: 'token' } },
  { name: 'a GitHub Actions secret after =', text: 'token=${{ secrets.DEPLOY_TOKEN }}' },
  { name: 'an AWS Secrets Manager ARN', text: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/ci/github-a1B2c3D4e5', context: { key: 'secret' } },
  { name: 'an SSM parameter', text: 'ssm:/prod/ci/deploy-bot/token-2024-a1B2c3', context: { key: 'token' } },
  { name: 'a 1Password reference', text: 'op://vault/github/deploy-token-a1B2c3D4e5', context: { key: 'token' } },
  { name: 'a secretsmanager:// reference', text: 'secretsmanager://prod/ci/Github-Token-a1B2c3D4', context: { key: 'secret' } },
  { name: 'a GCP Secret Manager reference', text: 'gcp-sm://projects/acme-prod/secrets/Deploy-Key-9x2/versions/3', context: { key: 'key' } },
  { name: 'an Azure Key Vault reference', text: 'azure-kv://acme-kv/DeployBotSecret2024', context: { key: 'client_secret' } },
  { name: 'an env: reference', text: 'env:GITHUB_DEPLOY_TOKEN_2024', context: { key: 'token' } },
  { name: 'an environment variable', text: '$GITHUB_DEPLOY_TOKEN_prod2024xyz', context: { key: 'token' } },
  { name: 'an environment variable in braces', text: 'password=${DB_PASSWORD_PRODUCTION_2024}' },
  { name: 'a constant name', text: 'DEPLOY_BOT_GITHUB_TOKEN_2024', context: { key: 'token' } },
  { name: 'a placeholder GitHub token', text: 'token: ' + GH + 'p_' + 'x'.repeat(36) },
  { name: 'a zero GitHub token', text: GH + 'p_' + '0'.repeat(36) },
  { name: 'a placeholder AWS key id', text: 'AK' + 'IA' + 'X'.repeat(16) },
  { name: 'a Slack docs placeholder webhook', text: 'https://hooks.slack.com/services/T00000000/B00000000/' + 'X'.repeat(24) },
  { name: 'a Slack placeholder token', text: 'xo' + 'xb-your-token-here-please' },
  { name: 'a GitHub token with a 37-character body', text: GH + 'p_' + B36 + 'Q' },
  { name: 'a ghp_ inside a longer word', text: 'aghp_' + B36 },
  { name: 'a generic placeholder', text: 'password=EXAMPLEa1B2c3D4e5F6g7H8' },
  { name: 'an xxxx placeholder', text: 'Xk9fQ2mZxxxx7pL4vR8sT1wY', context: { key: 'api_key' } },
  { name: 'a high-entropy token with no secret-like word', text: fake.generic, context: { key: 'description' } },
  { name: 'a high-entropy token in prose', text: `Ticket ${fake.generic} covers the rotation` },
  { name: 'a token under key_id (about a secret, not one)', text: fake.generic, context: { key: 'key_id' } },
  { name: 'a token under token_url', text: 'https://auth.acme.io/oauth2/v1/token2024/exchange', context: { key: 'token_url' } },
  { name: 'a public key', text: 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl', context: { key: 'public_key' } },
  { name: 'a short password', text: 'hunter2', context: { key: 'password' } },
  { name: 'a low-entropy long value', text: 'aaaaaaaaaaaaaaaaaaaa1aaaaaa', context: { key: 'token' } },
  { name: 'letters only', text: 'RotateEveryNinetyDaysPlease', context: { key: 'secret' } },
  { name: 'a commit SHA', text: 'commit 3f9a2b1c4d5e6f708192a3b4c5d6e7f8091a2b3c', context: { key: 'secret' } },
  { name: 'a SHA-256 digest', text: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
  { name: 'a SHA-1 under commit_sha', text: 'token rotated at 3f9a2b1c4d5e6f708192a3b4c5d6e7f8091a2b3c', context: { key: 'secret_commit_sha1' } },
  { name: 'a digest under a digest key', text: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', context: { key: 'digest' } },
  { name: 'a fingerprint', text: 'key fingerprint: 3f9a2b1c4d5e6f708192a3b4c5d6e7f8091a2b3c' },
  { name: 'a path under a secret-like key', text: 'kv/prod2/github/deploy-bot-token-eu1', context: { key: 'secret' } },
  { name: 'a URL without credentials', text: 'https://github.com/acme/deploy-bot-2024/blob/main/README.md' },
  { name: 'a URL with a user only', text: 'ssh://git@github.com/acme/app.git' },
  { name: 'a URL with a ${} password', text: 'postgres://app:${DB_PASSWORD}@db.internal:5432/app' },
  { name: 'a URL with a masked password', text: 'postgres://app:********@db.internal:5432/app' },
  { name: 'a URL with the word password', text: 'postgres://app:password@db.internal:5432/app' },
  { name: 'a URL with a short password', text: 'redis://u:abc@host:6379' },
  { name: 'durations and dates', text: 'Contain within 15m; last reviewed 2026-06-23, interval 90d' },
  { name: 'an id', text: 'ci-runner-eu-west-1-production-deploy-bot' },
  { name: 'a public certificate block', text: '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----' },
  { name: 'an empty string', text: '' },
  { name: 'whitespace', text: ' '.repeat(100), context: { key: 'token' } },
];

describe('secrets', () => {
  describe('findSecret finds', () => {
    for (const positive of positives) {
      it(`${positive.name}: ${positive.kind}`, () => {
        const start = positive.text.indexOf(positive.secret);
        assert.ok(start >= 0, 'bad test: the secret is not in the text');
        const found = findSecret(positive.text, positive.context);
        assert.deepEqual(found, { kind: positive.kind, start, end: start + positive.secret.length });
      });
    }
  });

  describe('findSecret ignores', () => {
    for (const negative of negatives) {
      it(negative.name, () => assert.equal(findSecret(negative.text, negative.context), undefined));
    }
  });

  it('returns only a kind and offsets, never the secret text', () => {
    for (const positive of positives) {
      const found = findSecret(positive.text, positive.context)!;
      assert.deepEqual(Object.keys(found).sort(), ['end', 'kind', 'start']);
      assert.ok(!found.kind.includes(positive.secret));
      assert.ok(!JSON.stringify(found).includes(positive.secret.slice(4, 16)));
    }
  });

  describe('isSecretLikeKey', () => {
    const secretLike = ['token', 'secret', 'password', 'api_key', 'private_key', 'client_secret', 'credential', 'passwd', 'key', 'apiKey', 'DB_PASSWORD', 'accessToken', 'private-key', 'github.token', 'dbpassword', 'passphrase'];
    const notSecretLike = ['action', 'description', 'owner', 'token_url', 'secret_name', 'key_id', 'password_file', 'public_key', 'keyboard', 'monkey', 'commit_sha', 'fingerprint', 'tokens_used_count', ''];
    for (const key of secretLike) it(`${key} is secret-like`, () => assert.equal(isSecretLikeKey(key), true));
    for (const key of notSecretLike) it(`${JSON.stringify(key)} is not`, () => assert.equal(isSecretLikeKey(key), false));
  });

  describe('properties', () => {
    const keys = fc.option(fc.constantFrom('token', 'password', 'description', 'action', 'client_secret', 'key', ''), { nil: undefined });

    function checkBounds(text: string, key: string | undefined): void {
      const found = findSecret(text, key === undefined ? undefined : { key });
      if (found !== undefined) {
        assert.ok(Number.isInteger(found.start) && Number.isInteger(found.end));
        assert.ok(found.start >= 0 && found.start < found.end && found.end <= text.length);
        assert.equal(typeof found.kind, 'string');
      }
    }

    it('never throws and keeps offsets in bounds on arbitrary strings', () => {
      fc.assert(fc.property(fc.string({ maxLength: 300 }), keys, checkBounds), { numRuns: 2000 });
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), keys, checkBounds), { numRuns: 1000 });
    });

    it('never throws on strings built from secret-shaped pieces', () => {
      const piece = fc.constantFrom(
        'ghp_', 'github_pat_', 'AKIA', 'xoxb-', 'eyJ', '.', 'AIza', 'sk_live_', '://', ':', '@', '=', 'password', 'token',
        '-----BEGIN ', 'PRIVATE KEY-----', 'vault:', '${{ ', ' }}', '$', ' ', '\n', B24, '0', 'x', 'https://hooks.slack.com/services/T0A1B2/B0A1B2/',
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), keys, (pieces, key) => checkBounds(pieces.join(''), key)),
        { numRuns: 2000 },
      );
    });

    it('finds a GitHub token wherever it is embedded between non-word characters', () => {
      const filler = fc.string({ unit: fc.constantFrom(' ', 'a', 'Z', '.', ':', '-', '\n', 'é', '€'), maxLength: 60 });
      fc.assert(
        fc.property(filler, filler, (before, after) => {
          const text = `${before} ${fake.ghp} ${after}`;
          const start = before.length + 1;
          assert.deepEqual(findSecret(text), { kind: 'GitHub token', start, end: start + fake.ghp.length });
        }),
      );
    });
  });
});
