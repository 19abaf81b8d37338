// Secret detection for the `inline-secret` rule (spec section 7).
//
// findSecret runs over every string scalar of a plan, so it is built for the common case of
// ordinary text: a length check and one combined RegExp decide whether any structural detector
// can match, and the generic high-entropy detector only runs next to a secret-like word. Every
// pattern has bounded or disjoint quantifiers (no nested quantifiers over overlapping classes),
// so none can backtrack catastrophically.
//
// What is returned is a kind label and offsets, never the secret's text: callers build messages
// from the kind alone.

export interface SecretMatch {
  /** A human label: "GitHub token", "AWS access key id", "private key block", … */
  kind: string;
  /** UTF-16 offset of the secret's first character within the input string. */
  start: number;
  /** UTF-16 offset just past the secret. For a private key block: the end of its BEGIN line. */
  end: number;
}

export interface SecretContext {
  /** The mapping key the string is the value of (`token`, `client_secret`, …), if any. */
  key?: string;
}

/** The shortest string any detector can match: `a://u:pppppp@h` (password in URL). */
const MIN_LENGTH = 14;

// ---------------------------------------------------------------------------------------------
// Structural detectors: a token's own format identifies it.

interface Detector {
  kind: string;
  /**
   * A global RegExp; the secret is group 1 when the pattern has one (then the pattern also has
   * the `d` flag, for the group's offsets), else the whole match.
   */
  pattern: RegExp;
  /** Rejects a match that is a placeholder or a reference (the search then goes on). */
  accept?: (secret: string) => boolean;
}

/** A body made of one repeated character (`xxxx…`, `0000…`) is a placeholder. */
function isOneRepeatedChar(body: string): boolean {
  for (let i = 1; i < body.length; i++) {
    if (body.charCodeAt(i) !== body.charCodeAt(0)) return false;
  }
  return true;
}

function bodyAfter(prefixLength: number, ignore?: RegExp): (secret: string) => boolean {
  return (secret) => {
    const body = secret.slice(prefixLength);
    return !isOneRepeatedChar(ignore === undefined ? body : body.replace(ignore, ''));
  };
}

const DETECTORS: readonly Detector[] = [
  {
    // RFC 7468 textual encoding; PKCS#1 `RSA`, SEC 1 `EC`, `DSA`, PKCS#8 plain and `ENCRYPTED`,
    // OpenSSH's `OPENSSH`, and OpenPGP's `PGP PRIVATE KEY BLOCK` (RFC 4880 armor).
    kind: 'private key block',
    pattern: /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    // GitHub token formats (GitHub blog "Behind GitHub's new authentication token formats",
    // 2021): ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh,
    // each followed by 36 base62 characters.
    kind: 'GitHub token',
    pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    accept: bodyAfter(4),
  },
  {
    // Fine-grained personal access tokens: github_pat_<22>_<59> (93 characters in all); any
    // github_pat_ followed by 50+ word characters is accepted.
    kind: 'GitHub token',
    pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{50,255}(?![A-Za-z0-9_])/g,
    accept: bodyAfter(11, /_/g),
  },
  {
    // AWS access key ids (AWS IAM User Guide, "Unique identifier prefixes"): AKIA long-term,
    // ASIA temporary (STS), ABIA STS service bearer token, ACCA context-specific, A3T… legacy;
    // 20 upper-case base32-ish characters as a whole word.
    kind: 'AWS access key id',
    pattern: /(?<![A-Za-z0-9_])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9_])/g,
    accept: bodyAfter(4),
  },
  {
    // Slack tokens (Slack API docs, "Token types"): xoxb- bot, xoxp- user, xoxa-/xoxr- app and
    // refresh, xoxo-/xoxs- legacy. Real ones contain numeric team and user ids, so a digit is
    // required (this keeps `xoxb-your-token-here` out).
    kind: 'Slack token',
    pattern: /(?<![A-Za-z0-9_])xox[abposr]-[A-Za-z0-9-]{10,}/g,
    accept: (secret) => {
      const body = secret.slice(5);
      const letters = body.replace(/[^A-Za-z]/g, '');
      return /[0-9]/.test(body) && !isOneRepeatedChar(body.replace(/-/g, '')) && !(letters.length >= 8 && isOneRepeatedChar(letters));
    },
  },
  {
    // Slack incoming webhooks (Slack API docs, "Sending messages using incoming webhooks"):
    // https://hooks.slack.com/services/T…/B…/<secret>; also the workflow and trigger forms.
    // The docs' own example ends in X repeated, a placeholder.
    kind: 'Slack webhook URL',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Za-z0-9]{4,}\/[A-Za-z0-9]{4,}\/([A-Za-z0-9]{8,})/dg,
    accept: (secret) => !isOneRepeatedChar(secret),
  },
  {
    // JSON Web Tokens (RFC 7519) in compact JWS form: base64url header and payload that both
    // start with `{"` (`eyJ`), then a signature.
    kind: 'JSON Web Token',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
  },
  {
    // Google Cloud API keys (Google Cloud docs, "Manage API keys"): AIza + 35 characters.
    kind: 'GCP API key',
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g,
    accept: bodyAfter(4),
  },
  {
    // Stripe live secret and restricted keys (Stripe docs, "API keys"): sk_live_, rk_live_.
    kind: 'Stripe live key',
    pattern: /(?<![A-Za-z0-9_])[rs]k_live_[A-Za-z0-9]{24,}/g,
    accept: bodyAfter(8),
  },
  {
    // RFC 3986 userinfo `user:password@` in a URL (deprecated by the RFC exactly because it
    // leaks). Group 1 is the password; the user part has no ':' so the match is linear.
    kind: 'password in URL',
    pattern: /:\/\/[^\s:@/?#]*:([^\s@/?#]{6,})@/dg,
    accept: (password) => !isPlaceholderPassword(password),
  },
];

/** One test that any structural detector could match: the literal part of each pattern. */
const STRUCTURAL_QUICK =
  /-----BEGIN |gh[pousr]_|github_pat_|AKIA|ASIA|ABIA|ACCA|A3T|xox[abposr]-|hooks\.slack\.com|eyJ|AIza|[rs]k_live_|:\/\/[^\s:@/?#]*:/;

const PLACEHOLDER_PASSWORDS = new Set(['password', 'passwd', 'secret', 'changeme', 'redacted', 'example']);

function isPlaceholderPassword(password: string): boolean {
  const first = password.charAt(0);
  // References and templates: ${VAR}, $VAR, {{ var }}, %s / %(name)s, <password>, [password].
  if (first === '$' || first === '{' || first === '%' || first === '<' || first === '[') return true;
  if (isOneRepeatedChar(password)) return true;
  const lower = password.toLowerCase();
  return PLACEHOLDER_PASSWORDS.has(lower) || lower.includes('xxxx') || lower.includes('***');
}

function runDetector(detector: Detector, text: string, before: number): SecretMatch | undefined {
  const pattern = detector.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    // A match's secret starts at or after match.index; the caller filters on the secret's start.
    if (match.index >= before) return undefined;
    const group = match[1];
    const secret = group ?? match[0];
    const start = group === undefined ? match.index : (match.indices?.[1]?.[0] ?? match.index);
    if (detector.accept === undefined || detector.accept(secret)) {
      return { kind: detector.kind, start, end: start + secret.length };
    }
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The generic detector: a long, high-entropy token next to a secret-like word.

const GENERIC_KIND = 'high-entropy token';
const GENERIC_MIN_LENGTH = 20;
const GENERIC_MIN_ENTROPY = 3.5;

/** Words that make a key secret-like on their own. */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'credential',
  'credentials', 'key', 'apikey', 'privatekey', 'accesskey', 'secretkey', 'clientsecret',
]);

/** Endings that make a word secret-like when written together: `dbpassword`, `accesstoken`. */
const SECRET_SUFFIXES = ['password', 'passwd', 'passphrase', 'secret', 'token', 'credential', 'credentials', 'apikey', 'privatekey', 'accesskey', 'secretkey'];

/**
 * Words that, as a key's last word, say the value is about a secret rather than the secret:
 * `token_url`, `secret_name`, `key_id`, `password_file`, `secret_ref`, `token_ttl`.
 */
const NOT_SECRET_LAST_WORDS = new Set([
  'url', 'uri', 'endpoint', 'host', 'path', 'file', 'dir', 'name', 'ref', 'reference', 'id', 'ids',
  'arn', 'type', 'kind', 'ttl', 'interval', 'expiry', 'expires', 'expiration', 'rotation',
  'rotated', 'length', 'count', 'policy', 'owner', 'store', 'vault', 'manager', 'scope', 'scopes',
  'header', 'env', 'var', 'variable', 'hint', 'format', 'provider', 'source', 'location', 'usage',
  'age', 'algorithm', 'alg', 'size', 'bits', 'version', 'fingerprint', 'hash', 'digest', 'sha',
  'checksum', 'prefix', 'issuer', 'audience', 'label', 'description', 'class',
]);

/** Words that say a hex string is a digest, not a key. */
const DIGEST_WORD = /(?<![a-z])(?:commit|sha|digest|fingerprint|hash|checksum|revision|rev|etag)(?:[0-9]*|s)(?![a-z])/i;

/** The words of an identifier: split at non-alphanumerics and camelCase humps, lower-cased. */
function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * True when a key or identifier names a secret: `token`, `client_secret`, `DB_PASSWORD`,
 * `apiKey`, `private-key`, `key`; false for keys about a secret (`token_url`, `secret_name`,
 * `key_id`), and for `public` keys.
 */
export function isSecretLikeKey(key: string): boolean {
  const words = identifierWords(key);
  if (words.length === 0) return false;
  const last = words[words.length - 1]!.replace(/[0-9]+$/, '');
  if (NOT_SECRET_LAST_WORDS.has(last) || words.includes('public')) return false;
  return words.some(
    (word) => SECRET_WORDS.has(word) || SECRET_SUFFIXES.some((suffix) => word.length > suffix.length && word.endsWith(suffix)),
  );
}

/** Cheap test for a secret-like word anywhere in a string (before the assignment regex). */
const SECRET_WORD_QUICK = /pass|pwd|secret|token|key|credential|bearer/i;

/**
 * `identifier: token`, `identifier=token`, `"identifier": "token"`. Group 1 is the identifier,
 * group 2 the token. The identifier class excludes ':' and '=', and both parts are bounded, so
 * an attempt costs at most about 600 steps however the loop below restarts (a token longer than
 * 512 characters is judged, and reported, by its first 512).
 */
const ASSIGNMENT = /([A-Za-z][A-Za-z0-9_.-]{0,63})["']?[ \t]{0,3}[:=][ \t]{0,3}["']?([A-Za-z0-9+/=_-]{20,512})/g;

/** `Bearer <token>` (RFC 6750), as in a pasted Authorization header. Group 1 is the token. */
const BEARER = /\b[Bb]earer[ \t]{1,3}([A-Za-z0-9+/=_-]{20,512})/g;

/** Every maximal run of token characters long enough to be a generic secret. */
const TOKEN_RUN = /[A-Za-z0-9+/=_-]{20,}/g;

/**
 * References to secrets, never secrets: `vault:…`, `ssm:…`, `op://…`, `secretsmanager://…`,
 * `gcp-sm://…`, `azure-kv://…`, `env:NAME`, `arn:aws:…`, `${{ secrets.X }}`, `${VAR}`, `$VAR`,
 * `{{ template }}`. A generic token that overlaps one of these spans is skipped.
 */
const REFERENCE =
  /\b(?:vault|ssm|op|env|secretsmanager|gcp-sm|azure-kv|keyvault|akv|aws-sm|sops|doppler|infisical|arn|k8s|secretref):[^\s,;'"()<>]*|\$\{\{[^}]{0,200}\}\}|\$\{[^}]{0,200}\}|\{\{[^}]{0,200}\}\}|\$[A-Za-z_][A-Za-z0-9_]*/g;

/** Words that mark a generic token as a placeholder. */
const PLACEHOLDER_WORD = /example|xxxx|placeholder|redacted|changeme|dummy|your[-_]/i;

/** An environment-variable or constant name: `DB_PASSWORD_PRODUCTION_2024`. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** A lower-case slug or path: `kv/prod2/github/deploy-bot`, `ci-runner-eu-west-1`. */
const SLUG = /^[a-z0-9]+(?:[-/_.][a-z0-9]+)+$/;
const NON_HEX_LETTER = /[g-z]/;

const HEX = /^[0-9a-fA-F]+$/;

/** Shannon entropy of the characters of `token`, in bits per character. */
function shannonEntropy(token: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / token.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

function referenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  REFERENCE.lastIndex = 0;
  for (let match = REFERENCE.exec(text); match !== null; match = REFERENCE.exec(text)) {
    spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

interface GenericScan {
  text: string;
  /** The key or identifier that made this token a candidate (for the digest check). */
  hint: string;
  spans: Array<[number, number]> | undefined;
}

/** Whether the token at [start, end) of scan.text is a generic secret. */
function isGenericSecret(scan: GenericScan, start: number, end: number): boolean {
  const token = scan.text.slice(start, end);
  if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return false;
  if (PLACEHOLDER_WORD.test(token) || CONSTANT_NAME.test(token)) return false;
  if (SLUG.test(token) && NON_HEX_LETTER.test(token)) return false;
  if (HEX.test(token)) {
    // A hex digest (commit, SHA-1/SHA-256, fingerprint) is a secret only in a secret-like
    // context that does not call it a digest.
    const near = scan.text.slice(Math.max(0, start - 40), start);
    if (DIGEST_WORD.test(scan.hint) || DIGEST_WORD.test(near)) return false;
  }
  if (shannonEntropy(token) < GENERIC_MIN_ENTROPY) return false;
  if (scan.spans === undefined) scan.spans = referenceSpans(scan.text);
  for (const [spanStart, spanEnd] of scan.spans) {
    if (spanStart < end && start < spanEnd) return false;
  }
  return true;
}

function findGeneric(text: string, key: string | undefined, before: number): SecretMatch | undefined {
  const scan: GenericScan = { text, hint: key ?? '', spans: undefined };
  let best: SecretMatch | undefined;
  const consider = (start: number, end: number, hint: string): void => {
    if (start >= before || (best !== undefined && start >= best.start)) return;
    scan.hint = hint;
    if (isGenericSecret(scan, start, end)) best = { kind: GENERIC_KIND, start, end };
  };

  if (key !== undefined && isSecretLikeKey(key)) {
    // The whole value sits next to a secret-like key: any long token in it may be the secret.
    TOKEN_RUN.lastIndex = 0;
    for (let match = TOKEN_RUN.exec(text); match !== null; match = TOKEN_RUN.exec(text)) {
      consider(match.index, match.index + match[0].length, key);
      if (best !== undefined) return best;
    }
    return undefined;
  }

  if (!SECRET_WORD_QUICK.test(text)) return undefined;
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match !== null; match = ASSIGNMENT.exec(text)) {
    const identifier = match[1]!;
    const token = match[2]!;
    if (isSecretLikeKey(identifier)) {
      const end = match.index + match[0].length;
      consider(end - token.length, end, identifier);
      if (best !== undefined) break;
    }
    // Go on right after the identifier: a later assignment may start inside this match.
    ASSIGNMENT.lastIndex = match.index + identifier.length;
  }
  BEARER.lastIndex = 0;
  for (let match = BEARER.exec(text); match !== null; match = BEARER.exec(text)) {
    const token = match[1]!;
    const end = match.index + match[0].length;
    consider(end - token.length, end, 'bearer');
    if (best !== undefined) break;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------

/**
 * The first secret in a string value (lowest start offset; at equal starts, a structural kind
 * wins over "high-entropy token"), or undefined. `context.key` is the mapping key the string is
 * the value of: a secret-like key (isSecretLikeKey) lets the generic detector look at every
 * token of the value; without one it only looks right after `word:`/`word=` with a secret-like
 * word, or after `Bearer`.
 *
 * Kinds: "private key block", "GitHub token", "AWS access key id", "Slack token",
 * "Slack webhook URL", "JSON Web Token", "GCP API key", "Stripe live key", "password in URL",
 * "high-entropy token".
 *
 * Placeholders: a structurally valid token is flagged even if it spells EXAMPLE (test fixtures
 * need flaggable fakes); only a body of one repeated character (`ghp_xxxx…`) is skipped. The
 * generic detector also skips tokens containing example/xxxx/placeholder/redacted/changeme/
 * dummy/your_, references, constant names, lower-case slugs and paths, and hex digests named as
 * such (commit, sha, digest, fingerprint, hash, checksum).
 */
export function findSecret(text: string, context?: SecretContext): SecretMatch | undefined {
  if (text.length < MIN_LENGTH) return undefined;
  let best: SecretMatch | undefined;
  if (STRUCTURAL_QUICK.test(text)) {
    for (const detector of DETECTORS) {
      const match = runDetector(detector, text, best?.start ?? Infinity);
      // Strictly earlier only: at equal starts the detector listed first wins.
      if (match !== undefined && (best === undefined || match.start < best.start)) best = match;
    }
  }
  if (text.length >= GENERIC_MIN_LENGTH) {
    const generic = findGeneric(text, context?.key, best?.start ?? Infinity);
    if (generic !== undefined) best = generic;
  }
  return best;
}
