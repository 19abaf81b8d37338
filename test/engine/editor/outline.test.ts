// The document outline and the workspace symbol search. Outlines are compared as an indented
// text (kind, name, detail), and their ranges through markers: `⟦{tag}…⟧` around the text a node's
// range (tag `r:NAME`) or selection (tag `s:NAME`) must cover. Every outline, also of broken and
// truncated documents, must have valid ranges: inside the text, start <= end, each selection
// inside its range and each child inside its parent.
import assert from 'node:assert/strict';
import { analyzeDocument, type OffsetRange } from '../../../server/src/engine';
import { documentOutline, workspaceSymbols, MAX_WORKSPACE_SYMBOLS } from '../../../server/src/engine/editor/outline';
import type { OutlineNode } from '../../../server/src/engine/editor/types';
import { MemoryIndex, mark, rangesByTag } from './fixture';

function render(nodes: OutlineNode[], indent = ''): string {
  return nodes.map((n) => `${indent}${n.kind} ${n.name}${n.detail ? ` — ${n.detail}` : ''}\n${render(n.children, `${indent}  `)}`).join('');
}

function find(nodes: OutlineNode[], name: string): OutlineNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n;
    const inner = find(n.children, name);
    if (inner) return inner;
  }
  return undefined;
}

function assertValid(nodes: OutlineNode[], text: string, parent?: OffsetRange): void {
  for (const n of nodes) {
    const where = `${n.kind} ${n.name} in:\n${text}`;
    assert.ok(n.name.length > 0, `empty name: ${where}`);
    assert.ok(0 <= n.range.start && n.range.start <= n.range.end && n.range.end <= text.length, `bad range: ${where}`);
    assert.ok(n.range.start <= n.selection.start && n.selection.start <= n.selection.end && n.selection.end <= n.range.end, `selection outside range: ${where}`);
    if (parent) assert.ok(parent.start <= n.range.start && n.range.end <= parent.end, `child outside parent: ${where}`);
    assertValid(n.children, text, n.range);
  }
}

const FULL = `irplan: "1"
⟦{r:plan}⟦{s:plan}plan⟧:
  id: acme-nhi
  title: ACME   non-human identity plan
  owner: secops
  incident_lead: secops⟧
imports:
  - shared/contacts.irplan.yaml
⟦{r:contacts}contacts:
  ⟦{r:secops}⟦{s:secops}secops⟧:
    kind: team
    name: Security operations
    page: pagerduty:PSECOPS⟧
  revoker-bot:
    kind: automation
    credential_ttl: 1h⟧
severities:
  sev1:
    description: Production write access exposed
    contain_within: 1h
services:
  ci-pipeline:
    owner: secops
    description: GitHub Actions on the monorepo
  deploy-bot:
    owner: secops
credential_classes:
  ⟦{r:github-pat}⟦{s:github-pat}github-pat⟧:
    kind: api-key
    owner: secops
    revocation:
      steps:
        - ⟦{r:revoke}id: ⟦{s:revoke}revoke⟧
          action: Revoke the token
          actor: revoker-bot
          duration: 2m⟧
        - ⟦{r:step2}action: ⟦{s:step2}Issue a replacement token⟧
          actor: secops
          duration: 10m⟧
    rollback:
      criteria: [Deploys fail]
      steps:
        - id: restore
          action: Re-enable the old token
    evidence:
      - id: audit-log
        source: GitHub audit log
      - source: Token vault access log⟧
  bare:
drills:
  leaked-pat:
    title: GitHub token leaked
    class: github-pat
`;

const FULL_OUTLINE = `plan plan — ACME non-human identity plan
section imports — 1 file
section contacts
  contact secops — team · Security operations
  contact revoker-bot — automation
section severities
  severity sev1 — contain within 1h · Production write access exposed
section services
  service ci-pipeline — GitHub Actions on the monorepo
  service deploy-bot — owner secops
section credential_classes
  class github-pat — api-key
    step revoke — Revoke the token
    step Issue a replacement token — secops · 10m
    evidence audit-log — GitHub audit log
    evidence Token vault access log
  class bare
section drills
  drill leaked-pat — GitHub token leaked
`;

describe('editor outline', () => {
  describe('documentOutline', () => {
    it('lists the sections in order, their entries, a class\'s revocation steps and evidence items', () => {
      const { text } = mark(FULL);
      const outline = documentOutline(analyzeDocument('/p.irplan.yaml', text));
      assert.equal(render(outline), FULL_OUTLINE);
      assertValid(outline, text);
    });

    it('gives each node its whole entry as range and its key or id as selection', () => {
      const marked = mark(FULL);
      const ranges = rangesByTag(marked);
      const outline = documentOutline(analyzeDocument('/p.irplan.yaml', marked.text));
      const names: Record<string, string> = { plan: 'plan', contacts: 'contacts', secops: 'secops', 'github-pat': 'github-pat', revoke: 'revoke', step2: 'Issue a replacement token' };
      for (const [tag, name] of Object.entries(names)) {
        const node = find(outline, name);
        assert.ok(node, name);
        assert.deepEqual(node.range, ranges.get(`r:${tag}`), `range of ${name}`);
        if (ranges.has(`s:${tag}`)) assert.deepEqual(node.selection, ranges.get(`s:${tag}`), `selection of ${name}`);
      }
      const contacts = find(outline, 'contacts')!;
      assert.deepEqual(contacts.selection, { start: contacts.range.start, end: contacts.range.start + 'contacts'.length });
    });

    it('outlines what parsed of a broken document', () => {
      const text = `irplan: "1"
plan:
  title: Half a plan
contacts:
  secops:
    kind: team
  iam-team: {kind: team
credential_classes:
  github-pat:
    kind: api-key
    revocation:
      steps:
        - id: revoke
          action: "Revoke it
`;
      const doc = analyzeDocument('/broken.irplan.yaml', text);
      assert.ok(doc.parsed.issues.length > 0);
      const outline = documentOutline(doc);
      assertValid(outline, text);
      // The parser closes the flow mapping and the string where the text runs out.
      assert.equal(
        render(outline),
        `plan plan — Half a plan
section contacts
  contact secops — team
  contact iam-team — team
section credential_classes
  class github-pat — api-key
    step revoke — Revoke it
`,
      );
    });

    it('keeps valid ranges for every prefix of a plan (an author typing it)', () => {
      const { text } = mark(FULL);
      for (let cut = 0; cut <= text.length; cut += 7) {
        const part = text.slice(0, cut);
        assertValid(documentOutline(analyzeDocument('/p.irplan.yaml', part)), part);
      }
    });

    it('is empty for an empty document or one that is not a mapping, and skips unknown keys', () => {
      assert.deepEqual(documentOutline(analyzeDocument('/e.irplan.yaml', '')), []);
      assert.deepEqual(documentOutline(analyzeDocument('/e.irplan.yaml', '- a\n- b\n')), []);
      const outline = documentOutline(analyzeDocument('/e.irplan.yaml', 'irplan: "1"\nextra: 1\ncontacts:\n  "":\n    kind: team\n'));
      assert.equal(render(outline), 'section contacts\n  contact (unnamed) — team\n');
    });
  });

  describe('workspaceSymbols', () => {
    const files = new Map<string, string>([
      [
        '/ws/a.irplan.yaml',
        `irplan: "1"
contacts:
  secops:
    kind: team
  it-secrets:
    kind: team
  service-ci:
    kind: automation
  iam-team:
    kind: team
credential_classes:
  github-pat:
    description: Tokens
    revocation:
      steps:
        - id: revoke
    evidence:
      - id: audit-log
drills:
  d1:
    title: Security drill
    class: github-pat
`,
      ],
      [
        '/ws/b.irplan.yaml',
        `irplan: "1"
services:
  sec:
    description: The security service
`,
      ],
    ]);
    const index = new MemoryIndex(files);

    it('ranks a prefix before a substring before a subsequence, an id before a title', () => {
      const names = workspaceSymbols(index, 'sec').map((s) => s.name);
      assert.deepEqual(names, ['sec', 'secops', 'd1', 'it-secrets', 'service-ci']);
    });

    it('matches case-insensitively, as a subsequence', () => {
      const result = workspaceSymbols(index, 'GHP');
      assert.deepEqual(
        result.map((s) => [s.name, s.kind, s.uri]),
        [['github-pat', 'class', '/ws/a.irplan.yaml']],
      );
      assert.deepEqual(workspaceSymbols(index, 'rvk').map((s) => [s.name, s.kind, s.container]), [['revoke', 'step', 'github-pat']]);
      assert.deepEqual(workspaceSymbols(index, 'zzz'), []);
    });

    it('gives the definition\'s id range', () => {
      const [audit] = workspaceSymbols(index, 'audit-log');
      assert.equal(audit.kind, 'evidence');
      assert.equal(audit.container, 'github-pat');
      assert.equal(files.get(audit.uri)!.slice(audit.range.start, audit.range.end), 'audit-log');
    });

    it('lists every definition for an empty query, by uri then offset', () => {
      const all = workspaceSymbols(index, '');
      assert.deepEqual(
        all.map((s) => s.name),
        ['secops', 'it-secrets', 'service-ci', 'iam-team', 'github-pat', 'revoke', 'audit-log', 'd1', 'sec'],
      );
    });

    it(`returns at most ${MAX_WORKSPACE_SYMBOLS}`, () => {
      const many = Array.from({ length: 600 }, (_, i) => `  c${i}:\n    kind: team\n`).join('');
      const big = new MemoryIndex(new Map([['/big.irplan.yaml', `irplan: "1"\ncontacts:\n${many}`]]));
      assert.equal(workspaceSymbols(big, '').length, MAX_WORKSPACE_SYMBOLS);
      const ranked = workspaceSymbols(big, 'c1');
      assert.deepEqual(ranked.slice(0, 3).map((s) => s.name), ['c1', 'c10', 'c11']);
    });
  });
});
