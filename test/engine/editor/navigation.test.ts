// Go to definition, find references and rename over a workspace of plans and libraries, through
// an in-memory PlanIndex built on PlanSet. Fixtures mark, with a tag, every range that belongs
// to one thing (`⟦{iam}iam-team⟧`: the library's contact iam-team, wherever it is written) and
// the cursors (`‸{name}`); a test puts the cursor somewhere and expects exactly the ranges of a tag.
//
// The workspace: lib/contacts defines iam-team and secops; lib/shared imports it and defines a
// severity and a service; plan a imports lib/contacts directly, plan b only lib/shared (so it
// sees the contacts transitively); plan c imports nothing and defines its own iam-team (and oncall).
import assert from 'node:assert/strict';
import type { OffsetRange } from '../../../server/src/engine';
import { findDefinitions, findReferences, prepareRename, renameEdits } from '../../../server/src/engine/editor/navigation';
import type { PlanSymbol, TextEdit } from '../../../server/src/engine/editor/types';
import { MemoryIndex, applyEdits, mark } from './fixture';

interface Located {
  uri: string;
  range: OffsetRange;
}

interface Workspace {
  index: MemoryIndex;
  /** Where the cursor `‸{name}` is. */
  at(name: string): { uri: string; offset: number };
  /** Every range tagged `tag`, sorted by uri then offset. */
  ranges(tag: string): Located[];
}

function workspace(files: Record<string, string>, only?: string[]): Workspace {
  const texts = new Map<string, string>();
  const cursors = new Map<string, { uri: string; offset: number }>();
  const tagged: (Located & { tag: string })[] = [];
  for (const [uri, source] of Object.entries(files)) {
    const m = mark(source);
    texts.set(uri, m.text);
    for (const [name, offset] of m.cursors) {
      assert.ok(!cursors.has(name), `cursor ${name} marked twice`);
      cursors.set(name, { uri, offset });
    }
    for (const r of m.ranges) tagged.push({ uri, ...r });
  }
  // The index's workspace may list fewer documents than it can read (a library outside it).
  const index = new MemoryIndex(texts, only);
  return {
    index,
    at(name) {
      const c = cursors.get(name);
      assert.ok(c, `no cursor ${name}`);
      return c;
    },
    ranges(tag) {
      const found = tagged.filter((t) => t.tag === tag).map(({ uri, range }) => ({ uri, range }));
      assert.ok(found.length > 0, `no range tagged ${tag}`);
      return sortLocated(found);
    },
  };
}

function sortLocated<T extends Located>(xs: T[]): T[] {
  return [...xs].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start - b.range.start));
}

const located = (symbols: PlanSymbol[]): Located[] => symbols.map(({ uri, range }) => ({ uri, range }));

function apply(texts: ReadonlyMap<string, string>, edits: TextEdit[]): Map<string, string> {
  const out = new Map(texts);
  const byUri = new Map<string, TextEdit[]>();
  for (const e of edits) byUri.set(e.uri, [...(byUri.get(e.uri) ?? []), e]);
  for (const [uri, list] of byUri) out.set(uri, applyEdits(out.get(uri)!, list));
  return out;
}

const LIB = '/ws/lib/contacts.irplan.yaml';
const SHARED = '/ws/lib/shared.irplan.yaml';
const A = '/ws/a.irplan.yaml';
const B = '/ws/b.irplan.yaml';
const C = '/ws/c.irplan.yaml';

const FILES: Record<string, string> = {
  [LIB]: `irplan: "1"
plan:
  id: contacts
  title: Shared contacts
  library: true
contacts:
  ⟦{iam}iam-t‸{lib-iam}eam⟧:
    kind: team
    name: IAM engineering
    page: pagerduty:PIAM
  ⟦{secops}secops⟧:
    kind: team
    name: Security operations
    chat: "#secops"
`,
  [SHARED]: `irplan: "1"
plan:
  id: shared
  title: Shared severities and services
  library: true
imports: [./contacts.irplan.yaml]
severities:
  ⟦{sev1}sev1⟧:
    contain_within: 1h
    notify: [⟦{secops}secops⟧]
services:
  ⟦{ci}ci-pipeline⟧:
    owner: "⟦{iam}iam-team⟧"
`,
  [A]: `irplan: "1"
plan:
  id: plan-a
  title: Plan A
  owner: ⟦{secops}secops⟧
  incident_lead: '⟦{secops}secops⟧'
  last_reviewed: 2026-10-01
  review_interval: 90d
imports:
  - lib/contacts.irplan.yaml
severities:
  ⟦{a-sev1}sev1⟧:
    contain_within: 1h
credential_classes:
  ⟦{a-pat}github-pat⟧:
    kind: api-key
    owner: ⟦{iam}iam-te‸{a-iam}am⟧
    deputy: "⟦{secops}secops⟧"
    severity: ⟦{a-sev1}sev‸{a-sev1}1⟧
    revocation:
      target: 15m
      steps:
        - id: ⟦{a-revoke}rev‸{a-revoke-def}oke⟧
          action: Revoke the token
          actor: ⟦{secops}secops⟧
          duration: 2m
        - id: reissue
          action: Issue a replacement
          actor: ⟦{iam}iam-team⟧
          duration: 10m
          after: [⟦{a-revoke}revoke‸{a-after}⟧]
    rollback:
      criteria: [Deploys fail]
      steps:
        - id: ⟦{a-restore}restore⟧
          action: Re-enable the old token
          actor: ⟦{iam}iam-team⟧
          duration: 5m
        - action: Check that deploys work
          actor: ⟦{secops}secops⟧
          duration: 1m
          after: [⟦{a-restore}rest‸{a-rollback-after}ore⟧]
        - action: Undo the revocation
          actor: ⟦{secops}secops⟧
          duration: 1m
          after: [⟦{a-rollback-revoke}rev‸{a-rollback-revoke}oke⟧]
    evidence:
      - id: ⟦{a-audit}audit-log⟧
        source: GitHub audit log
        action: Export the events
        actor: ⟦{secops}secops⟧
        retain: 1y
  ⟦{a-key}deploy-key⟧:
    kind: ssh-key
    owner: ⟦{secops}secops⟧
    revocation:
      steps:
        - id: ⟦{a-key-revoke}revoke⟧
          action: Remove the key
          actor: ⟦{iam}iam-team⟧
          duration: 5m
        - id: confirm
          action: Confirm the removal
          actor: ⟦{secops}secops⟧
          duration: 1m
          after: [⟦{a-key-revoke}revoke⟧]
drills:
  ⟦{a-leak}leaked-pat⟧:
    title: Leaked token
    class: ⟦{a-pat}github-‸{a-drill-class}pat⟧
    unavailable: ['⟦{iam}iam-team⟧']
    objectives:
      - evidence: [⟦{a-audit}audit‸{a-objective}-log⟧]
    injects:
      - at: 5m
        message: The token is used from an unknown network
        expect: [⟦{a-revoke}re‸{a-expect}voke⟧]
  lost-key:
    title: Lost deploy key
    class: ⟦{a-key}deploy-key⟧
    injects:
      - at: 1m
        message: The key is for sale
        expect: [⟦{a-key-revoke}revoke⟧]
`,
  [B]: `irplan: "1"
plan:
  id: plan-b
  title: Plan B
  owner: ⟦{iam}iam-team⟧
  incident_lead: ⟦{secops}secops⟧
imports: [lib/shared.irplan.yaml]
contacts:
  ⟦{b-ops}ops-lead⟧:
    kind: person
    email: lead@acme.example
credential_classes:
  db-password:
    kind: database-credential
    owner: ⟦{secops}sec‸{b-secops}ops⟧
    deputy: ⟦{iam}iam-team‸{b-iam}⟧
    severity: ⟦{sev1}sev‸{b-sev1}1⟧
    used_by: [⟦{ci}ci-pipeline⟧]
    revocation:
      steps:
        - id: rotate
          action: Rotate the password
          actor: ⟦{b-ops}ops-lead⟧
          duration: 5m
      validate:
        - service: '⟦{ci}ci-pipeline⟧'
          check: CI connects
drills:
  db-leak:
    title: Database password leaked
    class: db-password
    severity: ⟦{sev1}sev1⟧
    unavailable: [⟦{iam}iam-team⟧, ⟦{secops}secops⟧]
`,
  [C]: `irplan: "1"
plan:
  id: plan-c
  title: Plan C
  owner: ⟦{c-iam}iam-team⟧
contacts:
  ⟦{c-iam}iam-team⟧:
    kind: team
    chat: "#iam"
  oncall:
    kind: person
    phone: "+1 555 0100"
credential_classes:
  key:
    owner: ⟦{c-iam}iam-team⟧
    deputy: ⟦{ghost}gh‸{ghost}ost⟧
    severity: sev1
    used_by: [⟦{ghost-svc}svc⟧]
    revocation:
      steps:
        - id: one
          actor: ⟦{ghost}ghost⟧
          duration: 1m
  ‸{space}
drills:
  d:
    class: ⟦{missing-class}miss‸{missing-class}ing⟧
    injects:
      - at: 1m
        expect: [⟦{missing-step}go‸{missing-step}⟧]
`,
};

describe('editor navigation', () => {
  const ws = workspace(FILES);
  const { index } = ws;
  const defsAt = (cursor: string) => located(findDefinitions(index, ws.at(cursor).uri, ws.at(cursor).offset));
  const refsAt = (cursor: string, withDecl: boolean) => located(findReferences(index, ws.at(cursor).uri, ws.at(cursor).offset, withDecl));
  const definitionOf = (tag: string, uri: string) => ws.ranges(tag).filter((r) => r.uri === uri).slice(0, 1);

  describe('findDefinitions', () => {
    it('resolves a reference to a contact defined in an imported library', () => {
      assert.deepEqual(defsAt('a-iam'), definitionOf('iam', LIB));
    });

    it('resolves through a library that imports another library (transitively)', () => {
      assert.deepEqual(defsAt('b-iam'), definitionOf('iam', LIB));
      assert.deepEqual(defsAt('b-secops'), definitionOf('secops', LIB));
      assert.deepEqual(defsAt('b-sev1'), definitionOf('sev1', SHARED));
    });

    it('resolves to the document\'s own definition, not to a same-named one elsewhere', () => {
      assert.deepEqual(defsAt('a-sev1'), definitionOf('a-sev1', A));
    });

    it('returns the definition itself when the cursor is on it', () => {
      const symbols = findDefinitions(index, ws.at('lib-iam').uri, ws.at('lib-iam').offset);
      assert.deepEqual(located(symbols), definitionOf('iam', LIB));
      assert.equal(symbols[0].role, 'definition');
      assert.deepEqual(defsAt('a-revoke-def'), definitionOf('a-revoke', A));
    });

    it('resolves classes, steps and evidence in the document, steps and evidence within their class', () => {
      assert.deepEqual(defsAt('a-drill-class'), definitionOf('a-pat', A));
      assert.deepEqual(defsAt('a-after'), definitionOf('a-revoke', A));
      assert.deepEqual(defsAt('a-expect'), definitionOf('a-revoke', A));
      assert.deepEqual(defsAt('a-objective'), definitionOf('a-audit', A));
    });

    it('resolves a rollback step\'s after in the rollback steps only (a revocation step of that id is not it)', () => {
      assert.deepEqual(defsAt('a-rollback-after'), definitionOf('a-restore', A));
      assert.deepEqual(defsAt('a-rollback-revoke'), []);
    });

    it('finds nothing for an unresolved reference or on whitespace', () => {
      assert.deepEqual(defsAt('ghost'), []);
      assert.deepEqual(defsAt('missing-class'), []);
      assert.deepEqual(defsAt('missing-step'), []);
      assert.deepEqual(defsAt('space'), []);
      assert.deepEqual(findDefinitions(index, '/ws/none.irplan.yaml', 0), []);
    });
  });

  describe('findReferences', () => {
    it('finds a library contact\'s references in every document whose scope resolves to it, with the declaration', () => {
      const expected = ws.ranges('iam');
      assert.deepEqual(refsAt('lib-iam', true), expected);
      assert.deepEqual(refsAt('a-iam', true), expected, 'from a plan importing the library');
      assert.deepEqual(refsAt('b-iam', true), expected, 'from a plan importing it transitively');
    });

    it('leaves out the declaration when asked', () => {
      const expected = ws.ranges('iam').filter((r) => r.uri !== LIB);
      assert.deepEqual(refsAt('b-iam', false), expected);
      assert.deepEqual(refsAt('lib-iam', false), expected);
    });

    it('finds every reference of a transitive contact, a severity and a service', () => {
      assert.deepEqual(refsAt('b-secops', true), ws.ranges('secops'));
      assert.deepEqual(refsAt('b-sev1', true), ws.ranges('sev1'));
      const ci = findReferences(index, B, ws.ranges('ci')[0].range.start, true);
      assert.deepEqual(located(ci), ws.ranges('ci'));
      assert.ok(ci.every((s) => s.kind === 'service'));
    });

    it('keeps a same-named definition in another document apart', () => {
      assert.deepEqual(refsAt('a-sev1', true), ws.ranges('a-sev1'));
      const cIam = ws.ranges('c-iam');
      assert.deepEqual(located(findReferences(index, C, cIam[0].range.start, true)), cIam);
    });

    it('finds a step\'s after and expect entries of its own class only', () => {
      assert.deepEqual(refsAt('a-revoke-def', true), ws.ranges('a-revoke'));
      assert.deepEqual(refsAt('a-expect', false), ws.ranges('a-revoke').slice(1));
      const keyRevoke = ws.ranges('a-key-revoke');
      assert.deepEqual(located(findReferences(index, A, keyRevoke[0].range.start, true)), keyRevoke);
    });

    it('finds a class\'s drills and an evidence item\'s objectives', () => {
      assert.deepEqual(refsAt('a-drill-class', true), ws.ranges('a-pat'));
      assert.deepEqual(refsAt('a-objective', true), ws.ranges('a-audit'));
    });

    it('finds the other uses of an unresolved id in the same document', () => {
      assert.deepEqual(refsAt('ghost', true), ws.ranges('ghost'));
      assert.deepEqual(refsAt('missing-step', true), ws.ranges('missing-step'));
    });

    it('looks in the libraries that workspace documents import, even when they are outside the workspace list', () => {
      const partial = workspace(FILES, [A, B]);
      const { uri, offset } = partial.at('a-iam');
      assert.deepEqual(located(findReferences(partial.index, uri, offset, true)), partial.ranges('iam'));
      const onlyA = workspace(FILES, [A]);
      assert.deepEqual(located(findReferences(onlyA.index, A, offset, true)), onlyA.ranges('iam').filter((r) => r.uri === A || r.uri === LIB), 'plan b and lib/shared are not reached from plan a');
    });

    it('returns nothing on whitespace', () => {
      assert.deepEqual(refsAt('space', true), []);
    });
  });

  describe('prepareRename', () => {
    it('is undefined where there is no id', () => {
      assert.equal(prepareRename(index, C, ws.at('space').offset), undefined);
      assert.equal(prepareRename(index, A, 0), undefined);
    });

    it('refuses an unresolved reference: define it first', () => {
      for (const cursor of ['ghost', 'missing-class', 'missing-step', 'a-rollback-revoke']) {
        const result = prepareRename(index, ws.at(cursor).uri, ws.at(cursor).offset);
        assert.ok(result && 'error' in result, cursor);
        assert.match(result.error, /is not defined: define it first/);
      }
    });

    it('gives the id\'s range (inside the quotes) and the id as placeholder', () => {
      assert.deepEqual(prepareRename(index, A, ws.at('a-iam').offset), { range: ws.ranges('iam').find((r) => r.uri === A)!.range, placeholder: 'iam-team' });
      const quoted = ws.ranges('iam').find((r) => r.uri === SHARED)!;
      assert.deepEqual(prepareRename(index, SHARED, quoted.range.start + 1), { range: quoted.range, placeholder: 'iam-team' });
    });
  });

  describe('renameEdits', () => {
    const edited = (cursor: string, newName: string) => {
      const result = renameEdits(index, ws.at(cursor).uri, ws.at(cursor).offset, newName);
      assert.ok(Array.isArray(result), `rename failed: ${JSON.stringify(result)}`);
      return result;
    };
    const refused = (cursor: string, newName: string) => {
      const result = renameEdits(index, ws.at(cursor).uri, ws.at(cursor).offset, newName);
      assert.ok(!Array.isArray(result), `rename to ${newName} should be refused`);
      return result.error;
    };

    it('renames a library contact in every document that sees it, keeping quotes', () => {
      const edits = edited('b-iam', 'iam-eng');
      assert.deepEqual(sortLocated(edits).map(({ uri, range }) => ({ uri, range })), ws.ranges('iam'));
      assert.ok(edits.every((e) => e.newText === 'iam-eng'));
      const after = apply(index.texts, edits);
      assert.match(after.get(LIB)!, /\n {2}iam-eng:\n/);
      assert.match(after.get(SHARED)!, /owner: "iam-eng"\n/);
      assert.match(after.get(A)!, /unavailable: \['iam-eng'\]\n/);
      assert.match(after.get(B)!, /unavailable: \[iam-eng, secops\]\n/);
      assert.equal(after.get(C), index.texts.get(C), 'plan c has its own iam-team');
      assert.ok(!/iam-team/.test(after.get(A)!));
    });

    it('gives the same edits from the definition and from any reference', () => {
      const fromDef = edited('lib-iam', 'iam-eng');
      assert.deepEqual(edited('a-iam', 'iam-eng'), fromDef);
      assert.deepEqual(edited('b-iam', 'iam-eng'), fromDef);
    });

    it('renames a step id with its after and expect entries, in its class only', () => {
      const edits = edited('a-after', 'revoke-token');
      assert.deepEqual(sortLocated(edits).map(({ uri, range }) => ({ uri, range })), ws.ranges('a-revoke'));
      const after = apply(index.texts, edits).get(A)!;
      assert.match(after, /- id: revoke-token\n/);
      assert.match(after, /after: \[revoke-token\]\n/);
      assert.match(after, /expect: \[revoke-token\]\n/);
      // deploy-key's step, its after and the lost-key drill's expect keep the old id; so does the
      // rollback step's unresolved `after: [revoke]`.
      assert.equal(after.match(/\brevoke\b(?!-)/g)?.length, 4);
    });

    it('renames a class with its drills, and an evidence id with its objectives', () => {
      assert.deepEqual(sortLocated(edited('a-drill-class', 'gh-pat')).map(({ uri, range }) => ({ uri, range })), ws.ranges('a-pat'));
      assert.deepEqual(sortLocated(edited('a-objective', 'audit-trail')).map(({ uri, range }) => ({ uri, range })), ws.ranges('a-audit'));
    });

    it('renames a severity of the document without touching a same-named one elsewhere', () => {
      assert.deepEqual(sortLocated(edited('a-sev1', 'critical')).map(({ uri, range }) => ({ uri, range })), ws.ranges('a-sev1'));
    });

    it('returns no edits when the name does not change', () => {
      assert.deepEqual(edited('a-iam', 'iam-team'), []);
    });

    it('quotes a plain value that would stop being a string', () => {
      const edits = edited('a-sev1', 'null');
      assert.ok(edits.every((e) => e.newText === '"null"'));
    });

    it('refuses a name that is not an id, saying the rule', () => {
      for (const bad of ['IAM', '1team', 'iam team', '', 'a'.repeat(65), 'iam_team', '-x']) {
        assert.match(refused('a-iam', bad), /is not a valid id: ids match \^\[a-z\]\[a-z0-9-\]\{0,63\}\$/, bad);
      }
      assert.ok(Array.isArray(renameEdits(index, A, ws.at('a-iam').offset, 'a'.repeat(64))));
    });

    it('refuses a contact name that a document seeing the contact already has, naming where', () => {
      assert.match(refused('lib-iam', 'secops'), /contact "secops" already exists \(under contacts in this document\)/);
      assert.match(refused('a-iam', 'secops'), new RegExp(`contact "secops" already exists \\(under contacts in ${LIB}\\)`));
      // plan b defines ops-lead and sees the library's contacts through lib/shared.
      assert.match(refused('lib-iam', 'ops-lead'), new RegExp(`already exists \\(under contacts in ${B}\\)`));
      // plan c defines oncall but does not see the library: no conflict.
      const secops = ws.ranges('secops').find((r) => r.uri === LIB)!;
      assert.ok(Array.isArray(renameEdits(index, LIB, secops.range.start, 'oncall')));
    });

    it('refuses a step, evidence, class or drill name already taken in its namespace', () => {
      assert.match(refused('a-after', 'reissue'), /class "github-pat" already has a step "reissue"/);
      assert.match(refused('a-after', 'restore'), /already has a step "restore"/, 'rollback step ids count');
      assert.ok(Array.isArray(renameEdits(index, A, ws.at('a-after').offset, 'confirm')), 'confirm is a step of another class');
      assert.match(refused('a-drill-class', 'deploy-key'), /class "deploy-key" already exists/);
      const leak = ws.ranges('a-leak')[0];
      const drill = renameEdits(index, A, leak.range.start, 'lost-key');
      assert.ok(!Array.isArray(drill) && /drill "lost-key" already exists/.test(drill.error));
    });

    it('refuses an unresolved reference and a cursor on no id', () => {
      assert.match(refused('ghost', 'spirit'), /contact "ghost" is not defined: define it first/);
      assert.match(refused('space', 'anything'), /no id at the cursor/);
    });
  });
});
