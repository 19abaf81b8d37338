// Quick fixes for findings (section 7), as text edits in UTF-16 offsets. Three kinds:
//   - a class that lacks a control (owner, deputy, revocation, rollback, evidence) gets a skeleton
//     of the missing part, written in the class's own indentation and line ending, placed where a
//     plan author would put it (the spec's key order: before the first existing key that comes
//     later in it, else after the class's last line; a deputy goes right after the owner);
//   - a reference to a contact or service that no document defines gets "Create contact/service",
//     a skeleton entry at the end of this document's section (the section is created, in the
//     spec's top-level order, when the document has none);
//   - every finding gets "Disable RULE for this line" and "Disable RULE for this file", which write
//     the suppression comments of section 7 (extending a directive that is already there).
// Every edit keeps the document valid YAML and removes the finding it fixes (the tests apply the
// edits and validate again). A place the fix cannot write safely (flow style, a block scalar) gets
// no concrete fix; the disable fixes are still offered.
import type { Finding, OffsetRange } from '../findings';
import type { PlanDocument } from '../document';
import type { CoverageControlName } from '../coverage';
import type { CredentialClass, Ref } from '../model';
import type { Scope } from '../scope';
import type { LineIndex } from '../text/lineIndex';
import { quote } from '../quote';
import { parseDuration } from '../time';
import { isId } from '../rules/helpers';
import type { YMap, YNode, YPair } from '../yaml/tree';
import type { PlanIndex, QuickFix, TextEdit } from './types';

export function quickFixes(index: PlanIndex, finding: Finding): QuickFix[] {
  const doc = index.get(finding.uri);
  if (!doc) return [];
  const fx = new FixContext(doc, index.scopeOf(doc));
  const concrete = concreteFixes(fx, finding);
  if (concrete.length > 0) concrete[0] = { ...concrete[0], isPreferred: true };
  return [...concrete, ...disableFixes(fx, finding)];
}

function concreteFixes(fx: FixContext, finding: Finding): QuickFix[] {
  switch (finding.ruleId) {
    case 'class-owner':
    case 'class-deputy':
    case 'class-revocation':
    case 'class-rollback':
    case 'class-evidence':
    case 'unvalidated-dependent':
    case 'undrilled-class': {
      const cls = classAt(fx.doc, finding.range.start);
      const fix = cls && classFix(fx, finding.ruleId, cls);
      return fix ? [fix] : [];
    }
    case 'unresolved-reference': {
      const fix = createDefinitionFix(fx, finding.range.start);
      return fix ? [fix] : [];
    }
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Layout: where lines go, at what indentation, with which line ending.

/** A skeleton line: indentation = base column + level × unit + extra (extra: inside a `- ` item). */
type Line = [level: number, extra: number, text: string];

/** An insertion or replacement; insertions at the same offset are joined in order. */
interface Change {
  range: OffsetRange;
  newText: string;
}

class FixContext {
  readonly text: string;
  readonly eol: string;
  readonly lines: LineIndex;
  /** The document's indentation step, read from its first nested mapping (default 2). */
  readonly unit: number;

  constructor(
    readonly doc: PlanDocument,
    readonly scope: Scope,
  ) {
    this.text = doc.text;
    this.lines = doc.lines();
    this.eol = lineEnding(doc.text);
    this.unit = this.documentUnit();
  }

  lineOf(offset: number): number {
    return this.lines.position(offset).line;
  }

  col(offset: number): number {
    return this.lines.position(offset).character;
  }

  /** The line of a node's last character that is not white space (block scalars end past theirs). */
  lastLine(node: { start: number; end: number }): number {
    let k = Math.min(node.end, this.text.length) - 1;
    while (k > node.start && /\s/.test(this.text[k])) k--;
    return this.lineOf(Math.max(node.start, k));
  }

  /** Where a pair ends: its value's last line, or its key's line when it has no value. */
  pairLastLine(pair: YPair): number {
    return this.lastLine(pair.value ?? pair.key);
  }

  render(base: number, unit: number, lines: Line[]): string[] {
    return lines.map(([level, extra, text]) => `${' '.repeat(base + level * unit + extra)}${text}`);
  }

  /** Insert whole lines after line `line`. */
  afterLine(line: number, body: string[]): Change {
    if (line + 1 < this.lines.lineCount) {
      const at = this.lines.lineStart(line + 1);
      return { range: { start: at, end: at }, newText: body.map((l) => l + this.eol).join('') };
    }
    const at = this.text.length; // the last line, with no line break after it
    return { range: { start: at, end: at }, newText: this.eol + body.join(this.eol) };
  }

  /** Insert whole lines before line `line` (and above the comments written just over it). */
  beforeLine(line: number, body: string[], aboveComments = true): Change {
    const indent = this.indentOf(line);
    let l = line;
    while (aboveComments && l > 0 && this.isCommentLine(l - 1) && this.indentOf(l - 1) === indent) l--;
    const at = this.lines.lineStart(l);
    return { range: { start: at, end: at }, newText: body.map((b) => b + this.eol).join('') };
  }

  lineText(line: number): string {
    return this.text.slice(this.lines.lineStart(line), this.lines.lineEnd(line));
  }

  indentOf(line: number): number {
    return /^[ \t]*/.exec(this.lineText(line))![0].length;
  }

  isCommentLine(line: number): boolean {
    return this.lineText(line).trimStart().startsWith('#');
  }

  /** A flow collection (`{…}` or `[…]`) cannot take block lines. */
  isFlow(node: YNode): boolean {
    return node.kind !== 'scalar' && (this.text[node.start] === '{' || this.text[node.start] === '[');
  }

  private documentUnit(): number {
    const root = this.doc.model.root;
    for (const pair of root?.pairs ?? []) {
      const value = pair.value;
      if (value?.kind !== 'map' || this.isFlow(value) || value.pairs.length === 0) continue;
      const step = this.col(value.pairs[0].key.start) - this.col(pair.key.start);
      if (step > 0) return step;
    }
    return 2;
  }
}

function lineEnding(text: string): string {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}

/** Text edits for the changes, with insertions at one offset joined (their order is kept). */
function toEdits(uri: string, changes: Change[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const c of changes) {
    const same = edits.find((e) => e.range.start === c.range.start && e.range.end === c.range.start && c.range.end === c.range.start);
    if (same) same.newText += c.newText;
    else edits.push({ uri, range: { ...c.range }, newText: c.newText });
  }
  return edits.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** A value written as a YAML plain scalar when that reads back as the same string, else quoted. */
function yamlString(value: string): string {
  const plain =
    /^[A-Za-z][A-Za-z0-9 ._,'()/-]*$/.test(value) &&
    !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value) &&
    !value.endsWith(' ');
  return plain ? value : JSON.stringify(value);
}

/** `iam-team` → `Iam team`. */
function displayName(id: string): string {
  const words = id.split('-').filter((w) => w !== '').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Where a missing key goes in a block mapping: before the first existing key that the spec's
 * order puts after it (above the comments written just over that key), else after the mapping's
 * last line.
 */
function placeKey(fx: FixContext, map: YMap, key: string, order: readonly string[], body: string[]): Change {
  const rank = order.indexOf(key);
  const later = map.pairs.find((p) => order.indexOf(p.key.value as string) > rank);
  // Comments above a mapping's first key may belong to what is outside it (the file's directives).
  if (later) return fx.beforeLine(fx.lineOf(later.key.start), body, later !== map.pairs[0]);
  return fx.afterLine(fx.lastLine(map), body);
}

/**
 * Write `lines` as the content of a pair that has no usable value (`key:`, `key: ~`, `key: []`,
 * `key: {}`): the empty value is removed and the lines go under the key. Undefined when the value
 * holds something (a non-empty flow collection, a block scalar).
 */
function fillPair(fx: FixContext, pair: YPair, unit: number, lines: Line[]): Change[] | undefined {
  const body = fx.render(fx.col(pair.key.start) + unit, unit, lines);
  const keyLine = fx.lineOf(pair.key.start);
  const v = pair.value;
  if (v === null) return [fx.afterLine(keyLine, body)];
  const empty = v.kind === 'scalar' ? v.value === null || v.value === '' : (v.kind === 'map' ? v.pairs.length : v.items.length) === 0;
  if (!empty || (v.kind === 'scalar' && v.block) || fx.lineOf(v.start) !== keyLine) return undefined;
  if (v.kind !== 'scalar' && !fx.isFlow(v)) return undefined;
  let from = v.start; // also remove the spaces between the colon and the value
  while (from > pair.key.end && fx.text[from - 1] === ' ') from--;
  return [{ range: { start: from, end: v.end }, newText: '' }, fx.afterLine(keyLine, body)];
}

/** Set a one-line scalar value of an existing pair (`owner:` with nothing, or with a null). */
function setPairValue(fx: FixContext, pair: YPair, value: string): Change | undefined {
  const v = pair.value;
  if (v === null) {
    const colon = fx.text.indexOf(':', pair.key.end);
    if (colon < 0) return undefined;
    return { range: { start: colon + 1, end: colon + 1 }, newText: ` ${value}` };
  }
  if (v.kind === 'scalar' && !v.block && fx.lineOf(v.start) === fx.lineOf(v.end)) return { range: { start: v.start, end: v.end }, newText: value };
  if (v.kind !== 'scalar' && fx.isFlow(v) && fx.lineOf(v.start) === fx.lineOf(v.end)) return { range: { start: v.start, end: v.end }, newText: value };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Contacts the skeletons name.

const PEOPLE_KINDS = ['team', 'person'];

function contactKind(fx: FixContext, id: string): string | undefined {
  return fx.scope.contacts.get(id)?.def.kind?.value;
}

/** Defined team contacts, then persons, in scope order (this document first, then its imports). */
function peopleContacts(fx: FixContext): string[] {
  const all = [...fx.scope.contacts.entries()];
  return PEOPLE_KINDS.flatMap((kind) => all.filter(([, v]) => v.def.kind?.value === kind).map(([id]) => id));
}

/** The owner a skeleton names: the class owner; else the plan owner; else the first team contact. */
function ownerFor(fx: FixContext, cls: CredentialClass): string | undefined {
  if (cls.owner && isId(cls.owner.value)) return cls.owner.value;
  return defaultOwner(fx, cls.deputy?.value);
}

function defaultOwner(fx: FixContext, not?: string): string | undefined {
  const planOwner = fx.doc.model.plan?.owner?.value;
  const usable = (id: string | undefined): id is string => id !== undefined && id !== not && isId(id);
  if (usable(planOwner) && fx.scope.contacts.has(planOwner) && PEOPLE_KINDS.includes(contactKind(fx, planOwner) ?? '')) return planOwner;
  const candidate = peopleContacts(fx).find(usable);
  if (candidate) return candidate;
  if (usable(planOwner)) return planOwner; // undefined as a contact: "Create contact" fixes that next
  return [...fx.scope.contacts.keys()].find((id) => usable(id) && contactKind(fx, id) !== 'vendor');
}

/** A deputy: a team (then person) contact other than the owner, else the incident lead. */
function deputyFor(fx: FixContext, cls: CredentialClass): string | undefined {
  const owner = cls.owner?.value ?? defaultOwner(fx);
  const candidate = peopleContacts(fx).find((id) => id !== owner && isId(id));
  if (candidate) return candidate;
  const lead = fx.doc.model.plan?.incidentLead?.value;
  return lead !== undefined && lead !== owner && fx.scope.contacts.has(lead) && isId(lead) ? lead : undefined;
}

// ---------------------------------------------------------------------------------------------
// Class skeletons.

const CLASS_ORDER = ['kind', 'description', 'owner', 'deputy', 'severity', 'third_party', 'used_by', 'lifecycle', 'revocation', 'rollback', 'evidence', 'frameworks'];
const REVOCATION_ORDER = ['target', 'approval', 'steps', 'validate'];
const ROLLBACK_ORDER = ['criteria', 'steps'];

function classAt(doc: PlanDocument, offset: number): CredentialClass | undefined {
  for (const cls of doc.model.classes.values()) {
    if (cls.key.start <= offset && offset <= (cls.node?.end ?? cls.key.end)) return cls;
  }
  return undefined;
}

/**
 * The quick fix that puts a coverage control of `cls` in place (section 10): the fix of the rule
 * that reports the control missing, whether or not that rule fires (undrilled-class fires for the
 * first severity only; every class counts as undrilled for coverage). Undefined when the control
 * is in place or cannot be written safely. One FixContext is shared by the calls of one document.
 */
export function controlFixer(doc: PlanDocument, scope: Scope): (cls: CredentialClass, control: CoverageControlName) => QuickFix | undefined {
  const fx = new FixContext(doc, scope);
  return (cls, control) => classFix(fx, CONTROL_RULES[control], cls);
}

/** The rule whose fix writes each coverage control. */
const CONTROL_RULES: Record<CoverageControlName, string> = {
  owner: 'class-owner',
  deputy: 'class-deputy',
  revocation: 'class-revocation',
  rollback: 'class-rollback',
  evidence: 'class-evidence',
  validation: 'unvalidated-dependent',
  drilled: 'undrilled-class',
};

function classFix(fx: FixContext, ruleId: string, cls: CredentialClass): QuickFix | undefined {
  if (!cls.node || fx.isFlow(cls.node) || cls.node.pairs.length === 0) return undefined;
  const keyCol = fx.col(cls.node.pairs[0].key.start);
  const unit = keyCol - fx.col(cls.key.start) > 0 ? keyCol - fx.col(cls.key.start) : fx.unit;
  const c: ClassFix = { fx, cls, node: cls.node, keyCol, unit };
  const name = quote(cls.id);
  const build = (title: string, changes: Change[] | undefined): QuickFix | undefined =>
    changes && changes.length > 0 ? { title, ruleId, edits: toEdits(fx.doc.uri, changes) } : undefined;
  switch (ruleId) {
    case 'class-owner':
      return build(`Add an owner to class ${name}`, ownerChanges(c));
    case 'class-deputy':
      return build(`Add a deputy to class ${name}`, deputyChanges(c));
    case 'class-revocation':
      return build(cls.revocation ? `Complete the revocation of class ${name}` : `Add a revocation path to class ${name}`, revocationChanges(c));
    case 'class-rollback':
      return build(`Add rollback criteria to class ${name}`, rollbackChanges(c));
    case 'class-evidence':
      return build(`Add an evidence item to class ${name}`, evidenceChanges(c));
    case 'unvalidated-dependent': {
      const services = uncheckedServices(cls);
      const which = services.length === 1 ? `service ${quote(services[0])}` : `${services.length} services`;
      return build(`Add a revocation.validate check for ${which} of class ${name}`, validationChanges(c, services));
    }
    case 'undrilled-class':
      return build(`Add a drill of class ${name}`, drillChanges(c));
    default:
      return undefined;
  }
}

interface ClassFix {
  fx: FixContext;
  cls: CredentialClass;
  node: YMap;
  /** Column of the class's keys. */
  keyCol: number;
  /** The class's indentation step (its keys' column minus the class id's). */
  unit: number;
}

/**
 * Add `key` with `content` (written one level under the key) to the class: under the key when it
 * is there but empty, else as a new key in spec order.
 */
function addToClass(c: ClassFix, key: string, content: Line[]): Change[] | undefined {
  const pair = c.node.byKey.get(key);
  if (pair) return fillPair(c.fx, pair, c.unit, content);
  const lines: Line[] = [[0, 0, `${key}:`], ...content.map(([level, extra, text]): Line => [level + 1, extra, text])];
  return [placeKey(c.fx, c.node, key, CLASS_ORDER, c.fx.render(c.keyCol, c.unit, lines))];
}

function ownerChanges(c: ClassFix): Change[] | undefined {
  if (c.cls.owner) return undefined;
  const owner = defaultOwner(c.fx, c.cls.deputy?.value);
  if (!owner) return undefined;
  const pair = c.node.byKey.get('owner');
  if (pair) return single(setPairValue(c.fx, pair, yamlString(owner)));
  return [placeKey(c.fx, c.node, 'owner', CLASS_ORDER, c.fx.render(c.keyCol, c.unit, [[0, 0, `owner: ${yamlString(owner)}`]]))];
}

function deputyChanges(c: ClassFix): Change[] | undefined {
  if (c.cls.deputy) return undefined;
  const deputy = deputyFor(c.fx, c.cls);
  if (!deputy) return undefined;
  const pair = c.node.byKey.get('deputy');
  if (pair) return single(setPairValue(c.fx, pair, yamlString(deputy)));
  const body = c.fx.render(c.keyCol, c.unit, [[0, 0, `deputy: ${yamlString(deputy)}`]]);
  const owner = c.node.byKey.get('owner');
  if (owner) return [c.fx.afterLine(c.fx.pairLastLine(owner), body)];
  return [placeKey(c.fx, c.node, 'deputy', CLASS_ORDER, body)];
}

function single(change: Change | undefined): Change[] | undefined {
  return change ? [change] : undefined;
}

function targetFor(c: ClassFix): string {
  const severity = c.cls.severity && c.fx.scope.severities.get(c.cls.severity.value)?.def;
  const within = severity?.containWithin?.value;
  return within !== undefined && parseDuration(within) !== undefined ? within : '15m';
}

function revokeStep(c: ClassFix, level: number): Line[] {
  const actor = ownerFor(c.fx, c.cls) ?? 'owner';
  // A third-party OAuth grant also needs its consent reviewed and the vendor told (kind-oauth-consent).
  const action =
    c.cls.kind?.value === 'oauth-grant' && c.cls.thirdParty
      ? 'Revoke the grant at its issuer, review the consent grants and notify the vendor'
      : 'Revoke the credential at its issuer';
  return [
    [level, 0, '- id: revoke'],
    [level, 2, `action: ${action}`],
    [level, 2, `actor: ${yamlString(actor)}`],
    [level, 2, 'duration: 5m'],
  ];
}

function revocationChanges(c: ClassFix): Change[] | undefined {
  const r = c.cls.revocation;
  const target = `target: ${targetFor(c)}`;
  if (!r) {
    // The whole path; used_by services get their validate check, so none is left unvalidated.
    const validate: Line[] = c.cls.usedBy.length === 0 ? [] : [[0, 0, 'validate:'], ...c.cls.usedBy.flatMap((s): Line[] => [
      [1, 0, `- service: ${yamlString(s.value)}`],
      [1, 2, `check: ${yamlString(`${s.value} works with the new credential`)}`],
    ])];
    return addToClass(c, 'revocation', [[0, 0, target], [0, 0, 'steps:'], ...revokeStep(c, 1), ...validate]);
  }
  const pair = c.node.byKey.get('revocation')!;
  if (!r.node) return fillPair(c.fx, pair, c.unit, [[0, 0, target], [0, 0, 'steps:'], ...revokeStep(c, 1)]);
  if (c.fx.isFlow(r.node)) return undefined;
  const col = c.fx.col(r.node.pairs[0].key.start);
  const changes: Change[] = [];
  if (!r.target) {
    const targetPair = r.node.byKey.get('target');
    const change = targetPair
      ? setPairValue(c.fx, targetPair, targetFor(c))
      : placeKey(c.fx, r.node, 'target', REVOCATION_ORDER, c.fx.render(col, c.unit, [[0, 0, target]]));
    if (!change) return undefined;
    changes.push(change);
  }
  if (r.steps.length === 0) {
    const stepsPair = r.node.byKey.get('steps');
    if (stepsPair) {
      const fill = fillPair(c.fx, stepsPair, c.unit, revokeStep(c, 0));
      if (!fill) return undefined;
      changes.push(...fill);
    } else {
      changes.push(placeKey(c.fx, r.node, 'steps', REVOCATION_ORDER, c.fx.render(col, c.unit, [[0, 0, 'steps:'], ...revokeStep(c, 1)])));
    }
  }
  return changes;
}

function criterionFor(c: ClassFix): string {
  const who = c.cls.usedBy[0]?.value ?? 'A service that uses the credential';
  return `- ${yamlString(`${who} fails for more than 15 minutes after revocation`)}`;
}

function rollbackChanges(c: ClassFix): Change[] | undefined {
  const r = c.cls.rollback;
  const criterion = criterionFor(c);
  if (!r) return addToClass(c, 'rollback', [[0, 0, 'criteria:'], [1, 0, criterion]]);
  const pair = c.node.byKey.get('rollback')!;
  if (!r.node) return fillPair(c.fx, pair, c.unit, [[0, 0, 'criteria:'], [1, 0, criterion]]);
  if (c.fx.isFlow(r.node) || r.criteria.length > 0) return undefined;
  const criteriaPair = r.node.byKey.get('criteria');
  if (criteriaPair) return fillPair(c.fx, criteriaPair, c.unit, [[0, 0, criterion]]);
  const col = c.fx.col(r.node.pairs[0].key.start);
  return [placeKey(c.fx, r.node, 'criteria', ROLLBACK_ORDER, c.fx.render(col, c.unit, [[0, 0, 'criteria:'], [1, 0, criterion]]))];
}

function evidenceChanges(c: ClassFix): Change[] | undefined {
  if (c.cls.evidence && c.cls.evidence.length > 0) return undefined;
  const actor = ownerFor(c.fx, c.cls) ?? 'owner';
  // An AI agent's evidence must cover prompts, tool logs and authorization traces (kind-ai-agent-evidence).
  const agent = c.cls.kind?.value === 'ai-agent-credential';
  const item = (level: number): Line[] => [
    [level, 0, `- id: ${agent ? 'agent-trace' : 'audit-log'}`],
    [level, 2, `source: ${agent ? "The agent platform's prompt, tool call and authorization logs" : "The issuer's audit log"}`],
    [level, 2, `action: ${agent ? "Export the agent's prompts, tool calls and authorization decisions for the incident window" : "Export the credential's audit events for the last 90 days"}`],
    [level, 2, `actor: ${yamlString(actor)}`],
    [level, 2, 'retain: 1y'],
  ];
  return addToClass(c, 'evidence', item(0));
}

/** Services of used_by (valid ids, once each) that no revocation.validate entry checks. */
function uncheckedServices(cls: CredentialClass): string[] {
  const validated = new Set((cls.revocation?.validate ?? []).flatMap((v) => (v.service ? [v.service.value] : [])));
  return [...new Set(cls.usedBy.map((r) => r.value))].filter((s) => isId(s) && !validated.has(s));
}

/**
 * A validate entry per unchecked service: appended to the validate list, or under an empty
 * `validate:`, or as a new `validate:` key of the revocation. No revocation path: that is the
 * class-revocation fix's to write (it writes validate entries too).
 */
function validationChanges(c: ClassFix, services: string[]): Change[] | undefined {
  const r = c.cls.revocation;
  if (services.length === 0 || !r?.node || c.fx.isFlow(r.node) || r.node.pairs.length === 0) return undefined;
  const items = (level: number): Line[] =>
    services.flatMap((s): Line[] => [
      [level, 0, `- service: ${yamlString(s)}`],
      [level, 2, `check: ${yamlString(`${s} works with the new credential`)}`],
    ]);
  const pair = r.node.byKey.get('validate');
  if (!pair) {
    const col = c.fx.col(r.node.pairs[0].key.start);
    return [placeKey(c.fx, r.node, 'validate', REVOCATION_ORDER, c.fx.render(col, c.unit, [[0, 0, 'validate:'], ...items(1)]))];
  }
  const list = pair.value;
  if (list?.kind !== 'seq' || list.items.length === 0) return fillPair(c.fx, pair, c.unit, items(0));
  if (c.fx.isFlow(list)) return undefined;
  // The new items go under the existing ones, at their dash's column.
  let dash = list.items[0].start - 1;
  while (dash > list.start && c.fx.text[dash] !== '-') dash--;
  return [c.fx.afterLine(c.fx.lastLine(list), c.fx.render(c.fx.col(dash), c.unit, items(0)))];
}

/**
 * A drill of the class at the end of `drills:` (created when missing): its title, its class and,
 * when the plan says how fast the class must be revoked, that as the objective.
 */
function drillChanges(c: ClassFix): Change[] | undefined {
  const { cls, fx } = c;
  if (!isId(cls.id) || [...fx.doc.model.drills.values()].some((d) => d.class?.value === cls.id)) return undefined;
  const target = cls.revocation?.target?.value;
  const within = target !== undefined && parseDuration(target) !== undefined ? target : targetFor(c);
  const fields: Line[] = [
    [0, 0, `title: ${yamlString(`${cls.id} exposed`)}`],
    [0, 0, `class: ${cls.id}`],
    [0, 0, 'objectives:'],
    [1, 0, `- contain_within: ${within}`],
  ];
  return addDefinition(fx, 'drills', freeDrillId(fx.doc, cls.id), fields);
}

/** `<class>-drill`, or `<class>-drill-2`…, whichever no drill of the document has (at most 64 characters). */
function freeDrillId(doc: PlanDocument, classId: string): string {
  const base = `${classId.slice(0, 64 - '-drill-99'.length)}-drill`;
  if (!doc.model.drills.has(base)) return base;
  for (let n = 2; ; n++) if (!doc.model.drills.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ---------------------------------------------------------------------------------------------
// Create a contact or service that a reference names.

type DefinitionKind = 'contact' | 'service';

/** The contact or service reference written at `offset`, if that is what sits there. */
function referenceAt(doc: PlanDocument, offset: number): { kind: DefinitionKind; id: string } | undefined {
  const m = doc.model;
  const contacts: (Ref | undefined)[] = [m.plan?.owner, m.plan?.incidentLead];
  const services: (Ref | undefined)[] = [];
  for (const sev of m.severities.values()) contacts.push(...sev.notify);
  for (const svc of m.services.values()) contacts.push(svc.owner);
  for (const cls of m.classes.values()) {
    contacts.push(cls.owner, cls.deputy, ...(cls.evidence ?? []).map((e) => e.actor));
    for (const step of [...(cls.revocation?.steps ?? []), ...(cls.rollback?.steps ?? [])]) contacts.push(step.actor);
    services.push(...cls.usedBy, ...(cls.revocation?.validate ?? []).map((v) => v.service));
  }
  for (const drill of m.drills.values()) contacts.push(...drill.unavailable);
  const at = (refs: (Ref | undefined)[]) => refs.find((r) => r !== undefined && r.node.start === offset);
  const contact = at(contacts);
  if (contact) return { kind: 'contact', id: contact.value };
  const service = at(services);
  return service ? { kind: 'service', id: service.value } : undefined;
}

const TOP_ORDER = ['irplan', 'plan', 'imports', 'contacts', 'severities', 'services', 'credential_classes', 'drills'];

function createDefinitionFix(fx: FixContext, offset: number): QuickFix | undefined {
  const ref = referenceAt(fx.doc, offset);
  if (!ref || !isId(ref.id)) return undefined;
  const visible = ref.kind === 'contact' ? fx.scope.contacts : fx.scope.services;
  if (visible.has(ref.id)) return undefined;
  let fields: Line[];
  if (ref.kind === 'contact') {
    fields = [
      [0, 0, 'kind: team'],
      [0, 0, `name: ${yamlString(displayName(ref.id))}`],
      [0, 0, `chat: ${JSON.stringify(`#${ref.id}`)}`],
    ];
  } else {
    const owner = defaultOwner(fx);
    fields = [
      ...(owner ? [[0, 0, `owner: ${yamlString(owner)}`] as Line] : []),
      [0, 0, `description: ${yamlString(`What ${ref.id} is and where it runs`)}`],
    ];
  }
  const changes = addDefinition(fx, ref.kind === 'contact' ? 'contacts' : 'services', ref.id, fields);
  if (!changes) return undefined;
  return { title: `Create ${ref.kind} ${quote(ref.id)}`, ruleId: 'unresolved-reference', edits: toEdits(fx.doc.uri, changes) };
}

/** An entry `id:` with `fields` (written one level under the id) at the end of a top-level section. */
function addDefinition(fx: FixContext, section: string, id: string, fields: Line[]): Change[] | undefined {
  const root = fx.doc.model.root;
  if (!root || fx.isFlow(root) || root.pairs.length === 0) return undefined;
  const rootCol = fx.col(root.pairs[0].key.start);
  const entry = (level: number): Line[] => [[level, 0, `${id}:`], ...fields.map(([l, e, t]): Line => [l + level + 1, e, t])];
  const pair = root.byKey.get(section);
  if (!pair) return [placeKey(fx, root, section, TOP_ORDER, fx.render(rootCol, fx.unit, [[0, 0, `${section}:`], ...entry(1)]))];
  const value = pair.value;
  if (value?.kind !== 'map' || value.pairs.length === 0) return fillPair(fx, pair, fx.unit, entry(0));
  if (fx.isFlow(value)) return undefined;
  const entryCol = fx.col(value.pairs[0].key.start);
  const sample = value.pairs.find((p) => p.value?.kind === 'map' && !fx.isFlow(p.value) && p.value.pairs.length > 0)?.value as YMap | undefined;
  const fieldUnit = sample ? fx.col(sample.pairs[0].key.start) - entryCol : 0;
  const unit = fieldUnit > 0 ? fieldUnit : fx.unit;
  return [fx.afterLine(fx.lastLine(value), fx.render(entryCol, unit, entry(0)))];
}

// ---------------------------------------------------------------------------------------------
// Suppression comments.

const NEXT_LINE = /^(\s*#\s*irplan-disable-next-line\s+[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;
const FILE_DIRECTIVE = /^(\s*#\s*irplan-disable\s+[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

function disableFixes(fx: FixContext, finding: Finding): QuickFix[] {
  const { ruleId } = finding;
  const fixes: QuickFix[] = [];
  const line = fx.lineOf(Math.min(finding.range.start, fx.text.length));
  const lineFix = disableLine(fx, ruleId, line);
  if (lineFix) fixes.push({ title: `Disable ${ruleId} for this line`, ruleId, edits: toEdits(fx.doc.uri, [lineFix]) });
  fixes.push({ title: `Disable ${ruleId} for this file`, ruleId, edits: toEdits(fx.doc.uri, [disableFile(fx, ruleId)]) });
  return fixes;
}

function disableLine(fx: FixContext, ruleId: string, line: number): Change | undefined {
  // A comment inside a block or multi-line scalar would become part of its text.
  if (insideMultilineScalar(fx, fx.doc.parsed.root, line)) return undefined;
  if (line > 0) {
    const above = NEXT_LINE.exec(fx.lineText(line - 1));
    if (above) {
      if (listedRules(above[1]).includes(ruleId)) return undefined; // already there: nothing to add
      const at = fx.lines.lineStart(line - 1) + above[1].length;
      return { range: { start: at, end: at }, newText: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(fx.lineText(line).replace(/^\uFEFF/, ''))![0];
  const at = line === 0 && fx.text.charCodeAt(0) === 0xfeff ? 1 : fx.lines.lineStart(line);
  return { range: { start: at, end: at }, newText: `${indent}# irplan-disable-next-line ${ruleId}${fx.eol}` };
}

function listedRules(directive: string): string[] {
  return directive.replace(/^\s*#\s*irplan-disable(?:-next-line)?\s+/, '').split(',').map((r) => r.trim());
}

/** After the leading comments (before any content), or extending a file directive found there. */
function disableFile(fx: FixContext, ruleId: string): Change {
  const bom = fx.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let insertAfter = -1;
  for (let line = 0; line < fx.lines.lineCount; line++) {
    const text = fx.lineText(line).replace(/^\uFEFF/, '');
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('#')) break;
    const directive = FILE_DIRECTIVE.exec(text);
    if (directive && !listedRules(directive[1]).includes(ruleId)) {
      const at = fx.lines.lineStart(line) + (line === 0 ? bom : 0) + directive[1].length;
      return { range: { start: at, end: at }, newText: `, ${ruleId}` };
    }
    insertAfter = line;
  }
  const comment = `# irplan-disable ${ruleId}`;
  // Never between a next-line directive and the line it silences.
  while (insertAfter >= 0 && NEXT_LINE.test(fx.lineText(insertAfter).replace(/^\uFEFF/, ''))) insertAfter--;
  if (insertAfter < 0) return { range: { start: bom, end: bom }, newText: comment + fx.eol };
  return fx.afterLine(insertAfter, [comment]);
}

/** Whether `line` is a continuation line of a scalar that spans lines (block or multi-line flow). */
function insideMultilineScalar(fx: FixContext, node: YNode | null, line: number): boolean {
  if (!node) return false;
  const offset = fx.lines.lineStart(line);
  if (node.kind === 'scalar') return fx.lineOf(node.start) < line && line <= fx.lastLine(node);
  if (offset < fx.lines.lineStart(fx.lineOf(node.start)) || offset > node.end) return false;
  const children = node.kind === 'map' ? node.pairs.flatMap((p) => (p.value ? [p.value] : [])) : node.items;
  return children.some((child) => insideMultilineScalar(fx, child, line));
}
