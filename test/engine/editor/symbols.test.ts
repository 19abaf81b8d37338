// collectSymbols and symbolAt: every definition and reference a document writes, with the exact
// id text. Fixtures mark each expected symbol in place:
//
//     ⟦{+contact}secops⟧:           a contact definition (the `+`) on the text `secops`
//     owner: ⟦{contact}secops⟧      a contact reference
//     after: [⟦{step@pat}revoke⟧]   a step reference whose container is the class `pat`
//     owner: iam-te‸am              the cursor
//
// and the test asserts that the symbols collected are exactly the marked ones, in text order.
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/engine';
import { collectSymbols, symbolAt } from '../../../server/src/engine/editor/symbols';
import type { PlanSymbol, SymbolKind } from '../../../server/src/engine/editor/types';
import { mark, type Marked } from './fixture';

const URI = '/plans/main.irplan.yaml';

/** The symbols a fixture marks: tag `[+]kind[@container]`, id = the marked text. */
function expectedSymbols(m: Marked): PlanSymbol[] {
  return m.ranges.map(({ tag, range }) => {
    const match = /^(\+?)([a-z]+)(?:@(.+))?$/.exec(tag);
    if (!match) throw new Error(`bad tag ${tag}`);
    const symbol: PlanSymbol = { kind: match[2] as SymbolKind, id: m.text.slice(range.start, range.end), uri: URI, range, role: match[1] ? 'definition' : 'reference' };
    if (match[3] !== undefined) symbol.container = match[3];
    return symbol;
  });
}

/** Every kind of definition and reference, some ids quoted. The quoted key sends it through the `yaml` package. */
const FULL = `irplan: "1"
plan:
  id: acme-nhi
  title: ACME plan
  owner: ⟦{contact}secops⟧
  incident_lead: "⟦{contact}secops⟧"
  last_reviewed: 2026-10-01
  review_interval: 90d
contacts:
  ⟦{+contact}secops⟧:
    kind: team
    name: Security operations
    page: pagerduty:PSECOPS
  ⟦{+contact}iam-team⟧:
    kind: team
    email: iam@acme.example
  '⟦{+contact}revoker-bot⟧':
    kind: automation
    credential_ttl: 1h
severities:
  ⟦{+severity}sev1⟧:
    contain_within: 1h
    notify: [⟦{contact}secops⟧, '⟦{contact}iam-team⟧']
services:
  ⟦{+service}ci-pipeline⟧:
    owner: ⟦{contact}iam-team⟧
    description: GitHub Actions
credential_classes:
  ⟦{+class}github-pat⟧:
    kind: api-key
    owner: ⟦{contact}iam-team⟧
    deputy: ⟦{contact}secops⟧
    severity: ⟦{severity}sev1⟧
    used_by: [⟦{service}ci-pipeline⟧]
    revocation:
      target: 15m
      steps:
        - id: ⟦{+step@github-pat}revoke⟧
          action: Revoke the token
          actor: ⟦{contact}revoker-bot⟧
          duration: 2m
        - id: "⟦{+step@github-pat}reissue⟧"
          action: Issue a replacement
          actor: ⟦{contact}iam-team⟧
          duration: 10m
          after: [⟦{step@github-pat}revoke⟧]
      validate:
        - service: ⟦{service}ci-pipeline⟧
          check: CI runs
    rollback:
      criteria:
        - Deploys fail
      steps:
        - id: ⟦{+step@github-pat}restore⟧
          action: Re-enable the old token
          actor: ⟦{contact}iam-team⟧
          duration: 5m
        - action: Check the deploys
          actor: ⟦{contact}secops⟧
          duration: 1m
          after:
            - ⟦{step@github-pat}restore⟧
    evidence:
      - id: ⟦{+evidence@github-pat}audit-log⟧
        source: Audit log
        action: Export the events
        actor: ⟦{contact}secops⟧
        retain: 1y
    frameworks: [OWASP-NHI2]
drills:
  ⟦{+drill}leaked-pat⟧:
    title: Leaked token
    class: ⟦{class}github-pat⟧
    severity: ⟦{severity}sev1⟧
    unavailable: [⟦{contact}iam-team⟧]
    objectives:
      - contain_within: 30m
      - evidence: [⟦{evidence@github-pat}audit-log⟧]
    injects:
      - at: 5m
        message: Token used
        expect: [⟦{step@github-pat}revoke⟧]
`;

describe('editor symbols', () => {
  describe('collectSymbols', () => {
    it('finds every definition and reference, with the id text as range (yaml package reader)', () => {
      const m = mark(FULL);
      const doc = analyzeDocument(URI, m.text);
      assert.equal(doc.parsed.reader, 'yaml');
      assert.deepEqual(collectSymbols(doc), expectedSymbols(m));
    });

    it('finds the same symbols when the fast block reader reads the plan', () => {
      const m = mark(FULL.replace("'⟦{+contact}revoker-bot⟧'", '⟦{+contact}revoker-bot⟧'));
      const doc = analyzeDocument(URI, m.text);
      assert.equal(doc.parsed.reader, 'block');
      assert.deepEqual(collectSymbols(doc), expectedSymbols(m));
    });

    it('covers every symbol kind as a definition and as a reference (drills have no references)', () => {
      const symbols = expectedSymbols(mark(FULL));
      const kinds = (role: PlanSymbol['role']) => [...new Set(symbols.filter((s) => s.role === role).map((s) => s.kind))].sort();
      assert.deepEqual(kinds('definition'), ['class', 'contact', 'drill', 'evidence', 'service', 'severity', 'step']);
      assert.deepEqual(kinds('reference'), ['class', 'contact', 'evidence', 'service', 'severity', 'step']);
    });

    it('gives a drill\'s evidence and expect ids the drill\'s class as container, and none without a class', () => {
      const m = mark(`irplan: "1"
drills:
  ⟦{+drill}d1⟧:
    class: ⟦{class}other⟧
    objectives:
      - evidence: [⟦{evidence@other}logs⟧]
    injects:
      - at: 1m
        expect: [⟦{step@other}go⟧]
  ⟦{+drill}d2⟧:
    objectives:
      - evidence: [⟦{evidence}logs⟧]
    injects:
      - at: 1m
        expect: [⟦{step}go⟧]
`);
      assert.deepEqual(collectSymbols(analyzeDocument(URI, m.text)), expectedSymbols(m));
    });

    it('takes only string values that are written: no numbers, booleans, nulls, empty items or collections', () => {
      const m = mark(`irplan: "1"
plan:
  owner: 42
  incident_lead:
contacts:
  ⟦{+contact}a⟧:
    kind: team
credential_classes:
  ⟦{+class}c⟧:
    owner: true
    deputy: [x]
    severity: null
    used_by: [1, ⟦{service}svc⟧, -, {a: b}]
    revocation:
      steps:
        - id: 7
          actor: ~
          after: []
        - action: no id
    evidence:
      - source: no id
`);
      assert.deepEqual(collectSymbols(analyzeDocument(URI, m.text)), expectedSymbols(m));
    });

    it('is cached per document object', () => {
      const doc = analyzeDocument(URI, mark(FULL).text);
      assert.equal(collectSymbols(doc), collectSymbols(doc));
      assert.notEqual(collectSymbols(analyzeDocument(URI, doc.text)), collectSymbols(doc));
    });

    it('returns nothing for an empty or non-mapping document', () => {
      assert.deepEqual(collectSymbols(analyzeDocument(URI, '')), []);
      assert.deepEqual(collectSymbols(analyzeDocument(URI, '- a\n- b\n')), []);
    });

    it('keeps what parsed in a document with a syntax error', () => {
      const m = mark(`irplan: "1"
contacts:
  ⟦{+contact}secops⟧:
    kind: team
credential_classes:
  ⟦{+class}pat⟧:
    owner: ⟦{contact}secops⟧
    deputy: "⟦{contact}unterminated⟧
`);
      const doc = analyzeDocument(URI, m.text);
      assert.ok(doc.parsed.issues.length > 0);
      assert.deepEqual(collectSymbols(doc), expectedSymbols(m));
    });

    it('names an aliased value once', () => {
      const m = mark(`irplan: "1"
credential_classes:
  ⟦{+class}pat⟧:
    owner: &lead ⟦{contact}secops⟧
    deputy: *lead
`);
      const symbols = collectSymbols(analyzeDocument(URI, m.text));
      assert.deepEqual(symbols, expectedSymbols(m));
    });
  });

  describe('symbolAt', () => {
    const cases: { name: string; yaml: string; expect: Partial<PlanSymbol> | undefined }[] = [
      { name: 'at the start of a reference', yaml: 'owner: ‸iam-team', expect: { kind: 'contact', id: 'iam-team', role: 'reference' } },
      { name: 'inside a reference', yaml: 'owner: iam-‸team', expect: { kind: 'contact', id: 'iam-team', role: 'reference' } },
      { name: 'just after a reference (end of the id)', yaml: 'owner: iam-team‸', expect: { kind: 'contact', id: 'iam-team', role: 'reference' } },
      { name: 'inside a quoted reference', yaml: 'deputy: "se‸cops"', expect: { kind: 'contact', id: 'secops', role: 'reference' } },
      { name: 'on a definition key', yaml: '  iam‸-team:\n    kind: team', expect: { kind: 'contact', id: 'iam-team', role: 'definition' } },
      { name: 'on a step id', yaml: '        - id: re‸voke', expect: { kind: 'step', id: 'revoke', role: 'definition', container: 'github-pat' } },
      { name: 'on an after entry', yaml: 'after: [‸revoke]', expect: { kind: 'step', id: 'revoke', role: 'reference', container: 'github-pat' } },
      { name: 'on the whitespace before a value', yaml: 'owner:‸ iam-team', expect: undefined },
      { name: 'on a key that is not an id', yaml: 'own‸er: iam-team', expect: undefined },
      { name: 'on a description', yaml: 'description: Git‸Hub Actions', expect: undefined },
      { name: 'on the opening quote (outside the id text)', yaml: 'deputy: ‸"secops"', expect: undefined },
    ];
    const plan = `irplan: "1"
contacts:
  iam-team:
    kind: team
  secops:
    kind: team
services:
  ci:
    description: GitHub Actions
credential_classes:
  github-pat:
    owner: iam-team
    deputy: "secops"
    revocation:
      steps:
        - id: revoke
          actor: iam-team
        - id: reissue
          after: [revoke]
`;
    for (const c of cases) {
      it(c.name, () => {
        const plain = c.yaml.replace('‸', '');
        assert.equal(plan.split(plain).length, 2, `the fixture line ${plain} occurs once`);
        const m = mark(plan.replace(plain, c.yaml));
        const symbol = symbolAt(analyzeDocument(URI, m.text), m.cursors.get('')!);
        if (c.expect === undefined) assert.equal(symbol, undefined);
        else assert.deepEqual(symbol && pick(symbol, Object.keys(c.expect) as (keyof PlanSymbol)[]), c.expect);
      });
    }

    it('finds the symbol before and after every offset of a large plan', () => {
      const m = mark(FULL);
      const doc = analyzeDocument(URI, m.text);
      const symbols = collectSymbols(doc);
      for (let offset = 0; offset <= m.text.length; offset++) {
        const expected = symbols.find((s) => s.range.start <= offset && offset <= s.range.end);
        assert.equal(symbolAt(doc, offset), expected, `offset ${offset}`);
      }
    });
  });
});

function pick(symbol: PlanSymbol, keys: (keyof PlanSymbol)[]): Partial<PlanSymbol> {
  return Object.fromEntries(keys.map((k) => [k, symbol[k]]));
}
