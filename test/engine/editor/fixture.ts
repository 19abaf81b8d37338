// Shared by the engine's editor tests (and the coverage and robustness tests): fixture markers, an
// in-memory workspace (a DocumentHost and a PlanIndex over PlanSet, the way the language server
// builds its index), text edits made in one place, and the plans more than one suite uses.
//
// Markers, stripped from a fixture before it is analysed:
//
//     ⟦{tag}…⟧     a range (the tag is optional; ranges may nest)
//     ‸{tag}       a cursor (the tag is optional: a bare `‸` is the cursor '')
//
// A `{` right after a marker always starts its tag.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { PlanSet, type DocumentHost, type OffsetRange, type PlanDocument } from '../../../server/src/engine';
import type { PlanIndex, TextEdit } from '../../../server/src/engine/editor/types';
import type { Scope } from '../../../server/src/engine/scope';

export const CURSOR = '‸';
export const OPEN = '⟦';
export const CLOSE = '⟧';

export interface TaggedRange {
  tag: string;
  range: OffsetRange;
}

export interface Marked {
  /** The source without its markers. */
  text: string;
  /** Each cursor's offset in `text`, by tag ('' for a bare `‸`). */
  cursors: Map<string, number>;
  /** Every range, in text order: by start, an enclosing range before the ranges it holds. */
  ranges: TaggedRange[];
}

/** Strips `⟦{tag}…⟧` and `‸{tag}` markers (tags optional, ranges may nest) and records their offsets. */
export function mark(source: string): Marked {
  let text = '';
  const cursors = new Map<string, number>();
  const ranges: TaggedRange[] = [];
  const open: { tag: string; start: number }[] = [];
  const markers = /[⟦⟧‸]/g;
  let copied = 0;
  for (let found = markers.exec(source); found; found = markers.exec(source)) {
    const i = found.index;
    text += source.slice(copied, i);
    copied = i + 1;
    if (found[0] === CLOSE) {
      const o = open.pop();
      assert.ok(o, `a ${CLOSE} without ${OPEN} at offset ${i} of the fixture`);
      ranges.push({ tag: o.tag, range: { start: o.start, end: text.length } });
      continue;
    }
    let tag = '';
    if (source[i + 1] === '{') {
      const close = source.indexOf('}', i);
      assert.ok(close >= 0, `an unterminated marker tag at offset ${i} of the fixture`);
      tag = source.slice(i + 2, close);
      copied = close + 1;
      markers.lastIndex = copied;
    }
    if (found[0] === OPEN) open.push({ tag, start: text.length });
    else {
      assert.ok(!cursors.has(tag), `cursor ${JSON.stringify(tag)} marked twice in the fixture`);
      cursors.set(tag, text.length);
    }
  }
  text += source.slice(copied);
  assert.equal(open.length, 0, `an unclosed ${OPEN} in the fixture`);
  ranges.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  return { text, cursors, ranges };
}

/** The ranges by tag, for fixtures that tag each range once. */
export function rangesByTag(m: Marked): Map<string, OffsetRange> {
  const byTag = new Map<string, OffsetRange>();
  for (const { tag, range } of m.ranges) {
    assert.ok(!byTag.has(tag), `range ${JSON.stringify(tag)} marked twice in the fixture`);
    byTag.set(tag, range);
  }
  return byTag;
}

/** The text without its markers, and the offset of its bare cursor `‸`. */
export function cursorIn(source: string): { text: string; offset: number } {
  const { text, cursors } = mark(source);
  const offset = cursors.get('');
  assert.ok(offset !== undefined, `fixture has no ${CURSOR}`);
  return { text, offset };
}

/**
 * `text` with each `from` in turn replaced by its `to`, taken literally. Each `from` must occur
 * exactly once (overlapping occurrences count), so a test never edits the wrong place.
 */
export function edit(text: string, ...pairs: [from: string, to: string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    const at = out.indexOf(from);
    assert.ok(at >= 0, `edit: ${JSON.stringify(from)} does not occur (it must occur once)`);
    assert.equal(out.indexOf(from, at + 1), -1, `edit: ${JSON.stringify(from)} occurs more than once (it must occur once)`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** Apply edits of one text, which must not overlap (checked), from its end backwards. */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'range' | 'newText'>[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].range.end <= sorted[i].range.start, 'edits overlap');
  let out = text;
  for (const e of sorted.reverse()) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/** An import path resolved against the importing document's folder (posix join, which normalises). */
export function resolveUri(fromUri: string, relativePath: string): string {
  return path.posix.join(path.posix.dirname(fromUri), relativePath);
}

/** A host over a fixed set of texts; every other uri cannot be read. */
export function memoryHost(files: ReadonlyMap<string, string>): DocumentHost {
  return { read: (uri) => files.get(uri), resolve: resolveUri };
}

/**
 * A PlanIndex over PlanSet and a set of texts, as the language server's workspace index is.
 * `workspace`, when given, is what allUris lists: the index may read more documents than its
 * workspace lists (a library outside it).
 */
export class MemoryIndex implements PlanIndex {
  readonly texts: ReadonlyMap<string, string>;
  readonly set: PlanSet;
  private readonly listed: readonly string[] | undefined;

  constructor(files: ReadonlyMap<string, string> | Readonly<Record<string, string>> = {}, workspace?: readonly string[]) {
    this.texts = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
    this.set = new PlanSet(memoryHost(this.texts));
    this.listed = workspace && [...this.texts.keys()].filter((uri) => workspace.includes(uri));
  }

  get(uri: string): PlanDocument | undefined {
    return this.set.get(uri);
  }

  scopeOf(doc: PlanDocument): Scope {
    return this.set.scopeOf(doc);
  }

  allUris(): Iterable<string> {
    return this.listed ?? this.texts.keys();
  }
}

// ---------------------------------------------------------------------------------------------
// Plans shared by suites.

/**
 * The head of the coverage and lens plans: plan, contacts (the teams secops and iam-team, the
 * automation revoker-bot), severities sev1 (contain within 1h) and sev2, services ci-pipeline and
 * deploy-bot. `credential_classes:` and `drills:` follow.
 */
export const COVERAGE_HEAD = `irplan: "1"
plan:
  id: acme-nhi
  title: ACME plan
  owner: secops
  incident_lead: secops
  last_reviewed: 2026-10-01
  review_interval: 90d
contacts:
  secops:
    kind: team
    page: pagerduty:PSECOPS
  iam-team:
    kind: team
    email: iam@acme.example
  revoker-bot:
    kind: automation
    credential_ttl: 1h
severities:
  sev1:
    contain_within: 1h
  sev2:
    contain_within: 1d
services:
  ci-pipeline:
    owner: iam-team
  deploy-bot:
    owner: secops
`;

/** A class with all seven controls in place (an entry of `credential_classes:`). */
export const COVERED_CLASS = `  github-pat:
    kind: api-key
    owner: iam-team
    deputy: secops
    severity: sev1
    used_by: [ci-pipeline]
    revocation:
      target: 30m
      steps:
        - id: revoke
          action: Revoke the token
          actor: revoker-bot
          duration: 2m
        - id: reissue
          action: Issue a replacement token
          actor: iam-team
          duration: 10m
          after: [revoke]
      validate:
        - service: ci-pipeline
          check: A CI run on main succeeds
    rollback:
      criteria:
        - Deploys fail for 10 minutes
    evidence:
      - id: audit-log
        source: GitHub audit log
        action: Export the token's events
        actor: secops
        retain: 1y
`;

/** The main plan of the completion and hover tests, and the library it imports. */
export const MAIN = '/ws/plans/main.irplan.yaml';
export const LIBRARY = '/ws/plans/shared/contacts.irplan.yaml';

/** The library: contacts secops-oncall (a team) and revoker-bot (automation), sev1 and sev2, the service ci-pipeline. */
export const LIBRARY_TEXT = `irplan: "1"
plan:
  id: shared
  title: Shared contacts
  library: true
contacts:
  secops-oncall:
    kind: team
    name: Security on-call
    page: pagerduty:PSEC
    chat: "#secops"
  revoker-bot:
    kind: automation
    name: Token revocation bot
    credential_ttl: 1h
severities:
  sev1:
    description: Production write access exposed
    acknowledge_within: 15m
    contain_within: 1h
    notify: [secops-oncall]
  sev2:
    contain_within: 1d
services:
  ci-pipeline:
    owner: secops-oncall
    description: GitHub Actions on the monorepo
`;

/** The main plan's head, importing the library, up to the contact iam-team's page (its other channels follow). */
export const MAIN_HEAD = `irplan: "1"
plan:
  id: acme
  title: ACME plan
  owner: iam-team
  incident_lead: secops-oncall
  last_reviewed: 2026-10-01
  review_interval: 90d
imports:
  - shared/contacts.irplan.yaml
contacts:
  iam-team:
    kind: team
    name: IAM engineering
    page: pagerduty:PIAM
`;
