// Property tests: whatever text arrives (random YAML-ish characters, random YAML structures
// serialised by the `yaml` package, random bytes read as UTF-8, mutations of a valid plan), the
// full validation returns, and every finding has a known rule id, a valid severity and a range
// with 0 <= start <= end <= text.length that stays on one line; Object.prototype is untouched.
// check() in helpers.ts holds those assertions, so fast-check shrinks any violation to a
// minimal text and prints it.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { VALID_PLAN, check } from './helpers';

const RUNS = 300;

/** Characters that YAML gives meaning to, plus enough letters, digits and space to make keys. */
const YAML_ALPHABET = [
  ...':-[]{}&*!|>\'"#%@`,?~.',
  '\n', '\n', '\n', '\r\n', ' ', ' ', ' ', ' ', '  ', '\t',
  ...'abcdefghijklmnopqrstuvwxyz', ...'ABCXYZ', ...'0123456789',
];

/** Whole words from the irplan vocabulary, so random text sometimes looks like a plan. */
const VOCABULARY = [
  'irplan', 'plan', 'imports', 'contacts', 'severities', 'services', 'credential_classes', 'drills',
  'id', 'title', 'owner', 'deputy', 'incident_lead', 'last_reviewed', 'review_interval', 'library',
  'kind', 'name', 'page', 'email', 'chat', 'phone', 'credential_ttl', 'description',
  'acknowledge_within', 'contain_within', 'notify', 'severity', 'third_party', 'used_by', 'lifecycle',
  'max_ttl', 'rotation_interval', 'last_rotated', 'revocation', 'target', 'approval', 'steps', 'action',
  'actor', 'duration', 'after', 'impact', 'automated', 'validate', 'service', 'check', 'rollback',
  'criteria', 'evidence', 'source', 'retain', 'frameworks', 'class', 'unavailable', 'handoff',
  'objectives', 'injects', 'at', 'message', 'question', 'expect',
  'github-pat', 'sev1', 'iam-team', 'secops', 'revoke', '__proto__', 'constructor', '<<',
];

const SCALAR_WORDS = [
  '"1"', '1', '15m', '2h', '90d', '1y', '0m', '90x', '2026-06-23', '2026-02-30', 'none', 'owner',
  'deputy', 'incident-lead', 'low', 'high', 'team', 'person', 'vendor', 'automation', 'api-key',
  'certificate', 'oauth-grant', 'ai-agent-credential', 'OWASP-NHI2', 'CSF-RS.MI-01', 'CSF-RS.RP-1',
  'true', 'false', 'null', '~', '&a', '*a', '!!str', '|', '>-', '---', '...', '# irplan-disable-next-line schema',
];

const yamlishText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...YAML_ALPHABET) },
    { weight: 2, arbitrary: fc.constantFrom(...VOCABULARY).map((w) => `${w}: `) },
    { weight: 1, arbitrary: fc.constantFrom(...SCALAR_WORDS) },
    { weight: 1, arbitrary: fc.constantFrom('\n- ', '\n  ', '\n    - ', '\n      ') },
  ),
  maxLength: 120,
});

const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SCALAR_WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Random nested values; maps are JS Maps so that any key (even __proto__) is an ordinary entry. */
const tree = fc.letrec<{ node: unknown; map: Map<string, unknown>; list: unknown[] }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
  map: fc.array(fc.tuple(key, tie('node')), { maxLength: 6 }).map((entries) => new Map(entries)),
  list: fc.array(tie('node'), { maxLength: 5 }),
})).node;

/** A plan-shaped document: the right top-level keys with random content under them. */
const planShaped = fc
  .record({
    version: fc.constantFrom<unknown>('1', 1, null, '2'),
    plan: tree,
    contacts: tree,
    classes: fc.array(fc.tuple(key, tree), { maxLength: 3 }),
    drills: fc.option(tree),
  })
  .map(({ version, plan, contacts, classes, drills }) => {
    const doc = new Map<string, unknown>([
      ['irplan', version],
      ['plan', plan],
      ['contacts', contacts],
      ['credential_classes', new Map(classes)],
    ]);
    if (drills !== null) doc.set('drills', drills);
    return doc;
  });

/** Some subtree placed in several places: the serialiser writes it once with an anchor, then aliases. */
const withSharedSubtrees = fc.tuple(tree, fc.array(key, { minLength: 1, maxLength: 5 }), tree).map(([shared, keys, rest]) => {
  const doc = new Map<string, unknown>(keys.map((k) => [k, shared]));
  doc.set('rest', [rest, shared]);
  return doc;
});

const serialised = fc
  .tuple(
    fc.oneof(tree, planShaped, withSharedSubtrees),
    fc.record({
      collectionStyle: fc.constantFrom<'any' | 'block' | 'flow'>('any', 'block', 'flow'),
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
    }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([value, options, newline]) => {
    const text = stringify(value, { ...options, aliasDuplicateObjects: true }) ?? '';
    return newline === '\n' ? text : text.replace(/\n/g, newline);
  });

/** A valid plan with more in it than the reference one, when the example is there to read. */
function richPlan(): string {
  try {
    return fs.readFileSync(path.resolve(__dirname, '../../../../examples/fintech/payments.irplan.yaml'), 'utf8');
  } catch {
    return VALID_PLAN;
  }
}

type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: yamlishText.filter((s) => s.length > 0) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  const lines = text.split(/(?<=\n)/); // keep each line's own line break
  if (lines.length === 0) return text;
  const at = m.at % lines.length;
  if (m.kind === 'delete-line') lines.splice(at, 1);
  else lines.splice(at, 0, lines[at]);
  return lines.join('');
}

describe('robustness: properties of validation on any input', function () {
  this.timeout(60_000);

  it('random YAML-ish text (YAML punctuation, spaces, tabs, line breaks, letters, digits, plan words)', () => {
    fc.assert(
      fc.property(yamlishText, (text) => {
        check(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('random nested maps and lists (some plan-shaped, some with aliases) serialised by yaml.stringify', () => {
    fc.assert(
      fc.property(serialised, (text) => {
        check(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('random bytes (up to 2 KB) read as UTF-8 with TextDecoder', () => {
    const decoder = new TextDecoder('utf-8');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        check(decoder.decode(bytes));
      }),
      { numRuns: RUNS },
    );
  });

  it('a plan whose UTF-8 bytes are partly overwritten with random bytes', () => {
    const decoder = new TextDecoder('utf-8');
    const bytes = Buffer.from(VALID_PLAN, 'utf8');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (writes) => {
        const copy = Uint8Array.from(bytes);
        for (const [at, value] of writes) copy[at % copy.length] = value;
        check(decoder.decode(copy));
      }),
      { numRuns: RUNS },
    );
  });

  describe('mutations of a valid plan (delete a line, duplicate a line, insert characters)', () => {
    const bases: [string, string][] = [
      ['reference plan (LF)', VALID_PLAN],
      ['reference plan (CRLF, BOM)', `\ufeff${VALID_PLAN.replace(/\n/g, '\r\n')}`],
      ['examples/fintech plan', richPlan()],
    ];
    for (const [name, base] of bases) {
      it(name, () => {
        fc.assert(
          fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
            check(mutations.reduce(mutate, base));
          }),
          { numRuns: RUNS },
        );
      });
    }
  });
});
