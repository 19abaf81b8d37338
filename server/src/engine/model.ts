// The typed plan model: what a plan says, with the YAML node of every part so rules and editor
// features can point at it. Extraction is tolerant: a value of the wrong shape is left out here
// (the schema check reports it) so that every rule still runs on whatever did parse.
import { asText, isMap, isScalar, isSeq, pairOf, stringAt, valueOf, type YMap, type YNode, type YPair, type YScalar, type YSeq } from './yaml/tree';

/** A string value and where it is written. */
export interface Text {
  value: string;
  node: YScalar;
}

/** A reference by id to something defined elsewhere in the plan or its imports. */
export type Ref = Text;

interface Defined {
  id: string;
  /** The id's key: definitions, rename and "missing key" findings point here. */
  key: YScalar;
  /** The definition's mapping; null when the value is not a mapping (the schema reports it). */
  node: YMap | null;
}

export interface PlanMeta {
  key: YScalar;
  node: YMap | null;
  id?: Text;
  title?: Text;
  owner?: Ref;
  incidentLead?: Ref;
  lastReviewed?: Text;
  reviewInterval?: Text;
  library: boolean;
}

export const CONTACT_CHANNELS = ['page', 'email', 'chat', 'phone'] as const;

export interface Contact extends Defined {
  kind?: Text;
  name?: Text;
  channels: string[];
  credentialTtl?: Text;
}

export interface SeverityDef extends Defined {
  description?: Text;
  acknowledgeWithin?: Text;
  containWithin?: Text;
  notify: Ref[];
}

export interface Service extends Defined {
  owner?: Ref;
  description?: Text;
}

export type Approver = 'owner' | 'deputy' | 'incident-lead';

export interface Step {
  node: YMap;
  index: number;
  id?: Text;
  action?: Text;
  actor?: Ref;
  duration?: Text;
  /** undefined when the step has no `after` key: it then follows the previous step. */
  after?: Ref[];
  afterNode?: YSeq;
  impact?: Text;
  approval?: Text;
  automated?: boolean;
}

export interface Validation {
  node: YMap;
  service?: Ref;
  check?: Text;
}

export interface Revocation {
  key: YScalar;
  node: YMap | null;
  target?: Text;
  approval?: Text;
  stepsKey?: YScalar;
  steps: Step[];
  validateKey?: YScalar;
  validate: Validation[];
}

export interface Rollback {
  key: YScalar;
  node: YMap | null;
  criteriaKey?: YScalar;
  criteria: Text[];
  steps: Step[];
}

export interface Evidence {
  node: YMap;
  id?: Text;
  source?: Text;
  action?: Text;
  actor?: Ref;
  retain?: Text;
}

export interface Lifecycle {
  maxTtl?: Text;
  rotationInterval?: Text;
  lastRotated?: Text;
}

export interface CredentialClass extends Defined {
  kind?: Text;
  description?: Text;
  owner?: Ref;
  deputy?: Ref;
  severity?: Ref;
  thirdParty: boolean;
  usedBy: Ref[];
  lifecycle?: Lifecycle;
  revocation?: Revocation;
  rollback?: Rollback;
  evidenceKey?: YScalar;
  evidence?: Evidence[];
  frameworks: Ref[];
}

export interface Objective {
  node: YMap;
  containWithin?: Text;
  evidence?: Ref[];
}

export interface Inject {
  node: YMap;
  at?: Text;
  message?: Text;
  question?: Text;
  expect?: Ref[];
}

export interface Drill extends Defined {
  title?: Text;
  class?: Ref;
  severity?: Ref;
  unavailable: Ref[];
  handoff?: Text;
  objectives: Objective[];
  injects: Inject[];
  frameworks: Ref[];
}

export interface ImportEntry {
  path: string;
  node: YScalar;
}

export interface PlanModel {
  root: YMap | null;
  version?: YNode | null;
  plan?: PlanMeta;
  imports: ImportEntry[];
  contacts: Map<string, Contact>;
  severities: Map<string, SeverityDef>;
  services: Map<string, Service>;
  classes: Map<string, CredentialClass>;
  drills: Map<string, Drill>;
}

export function buildModel(root: YNode | null): PlanModel {
  const map = isMap(root) ? root : null;
  return {
    root: map,
    version: valueOf(map, 'irplan'),
    plan: planMeta(map),
    imports: listOf(valueOf(map, 'imports'))
      .filter((n): n is YScalar => isScalar(n) && typeof n.value === 'string')
      .map((node) => ({ path: node.value as string, node })),
    contacts: definitions(map, 'contacts', contact),
    severities: definitions(map, 'severities', severity),
    services: definitions(map, 'services', service),
    classes: definitions(map, 'credential_classes', credentialClass),
    drills: definitions(map, 'drills', drill),
  };
}

/** A string scalar's Text: the node itself when the readers built it (no object per reference). */
function textOf(node: YScalar): Text {
  return asText(node) ?? { value: node.value as string, node };
}

function text(map: YMap | null | undefined, key: string): Text | undefined {
  const node = stringAt(map, key);
  return node ? textOf(node) : undefined;
}

function listOf(node: YNode | null | undefined): YNode[] {
  return isSeq(node) ? node.items : [];
}

function refs(map: YMap | null | undefined, key: string): Ref[] {
  return listOf(valueOf(map, key))
    .filter((n): n is YScalar => isScalar(n) && typeof n.value === 'string')
    .map(textOf);
}

function maps(node: YNode | null | undefined): YMap[] {
  return listOf(node).filter(isMap);
}

/**
 * Definitions by entry: an entry a new version of the document shares with the previous one
 * (yaml/chunked.ts) keeps its model object, since the model is a function of the entry alone.
 */
const definitionCaches = new Map<string, WeakMap<YPair, Defined>>();

function definitions<T extends Defined>(root: YMap | null, key: string, make: (base: Defined) => T): Map<string, T> {
  const result = new Map<string, T>();
  const section = valueOf(root, key);
  if (!isMap(section)) return result;
  // One cache per section: an entry moved to another section (a section key deleted above it)
  // is a different kind of definition.
  let definitionCache = definitionCaches.get(key);
  if (!definitionCache) definitionCaches.set(key, (definitionCache = new WeakMap()));
  for (const pair of section.pairs) {
    const id = String(pair.key.value);
    if (result.has(id)) continue; // a duplicate key, reported by the parser
    let def = definitionCache.get(pair) as T | undefined;
    if (!def) {
      def = make({ id, key: pair.key, node: isMap(pair.value) ? pair.value : null });
      definitionCache.set(pair, def);
    }
    result.set(id, def);
  }
  return result;
}

function planMeta(root: YMap | null): PlanMeta | undefined {
  const pair = pairOf(root, 'plan');
  if (!pair) return undefined;
  const node = isMap(pair.value) ? pair.value : null;
  const library = valueOf(node, 'library');
  return {
    key: pair.key,
    node,
    id: text(node, 'id'),
    title: text(node, 'title'),
    owner: text(node, 'owner'),
    incidentLead: text(node, 'incident_lead'),
    lastReviewed: text(node, 'last_reviewed'),
    reviewInterval: text(node, 'review_interval'),
    library: isScalar(library) && library.value === true,
  };
}

function contact(base: Defined): Contact {
  const n = base.node;
  return {
    ...base,
    kind: text(n, 'kind'),
    name: text(n, 'name'),
    channels: CONTACT_CHANNELS.filter((channel) => {
      const value = valueOf(n, channel);
      return isScalar(value) && value.value !== null && String(value.value).trim() !== '';
    }),
    credentialTtl: text(n, 'credential_ttl'),
  };
}

function severity(base: Defined): SeverityDef {
  const n = base.node;
  return {
    ...base,
    description: text(n, 'description'),
    acknowledgeWithin: text(n, 'acknowledge_within'),
    containWithin: text(n, 'contain_within'),
    notify: refs(n, 'notify'),
  };
}

function service(base: Defined): Service {
  return { ...base, owner: text(base.node, 'owner'), description: text(base.node, 'description') };
}

function step(node: YMap, index: number): Step {
  const after = valueOf(node, 'after');
  const automated = valueOf(node, 'automated');
  return {
    node,
    index,
    id: text(node, 'id'),
    action: text(node, 'action'),
    actor: text(node, 'actor'),
    duration: text(node, 'duration'),
    after: pairOf(node, 'after') ? refs(node, 'after') : undefined,
    afterNode: isSeq(after) ? after : undefined,
    impact: text(node, 'impact'),
    approval: text(node, 'approval'),
    automated: isScalar(automated) && automated.value === true,
  };
}

function revocation(classNode: YMap | null): Revocation | undefined {
  const pair = pairOf(classNode, 'revocation');
  if (!pair) return undefined;
  const node = isMap(pair.value) ? pair.value : null;
  return {
    key: pair.key,
    node,
    target: text(node, 'target'),
    approval: text(node, 'approval'),
    stepsKey: pairOf(node, 'steps')?.key,
    steps: maps(valueOf(node, 'steps')).map(step),
    validateKey: pairOf(node, 'validate')?.key,
    validate: maps(valueOf(node, 'validate')).map((v) => ({ node: v, service: text(v, 'service'), check: text(v, 'check') })),
  };
}

function rollback(classNode: YMap | null): Rollback | undefined {
  const pair = pairOf(classNode, 'rollback');
  if (!pair) return undefined;
  const node = isMap(pair.value) ? pair.value : null;
  return {
    key: pair.key,
    node,
    criteriaKey: pairOf(node, 'criteria')?.key,
    criteria: listOf(valueOf(node, 'criteria'))
      .filter((c): c is YScalar => isScalar(c) && typeof c.value === 'string')
      .map(textOf),
    steps: maps(valueOf(node, 'steps')).map(step),
  };
}

function credentialClass(base: Defined): CredentialClass {
  const n = base.node;
  const lifecycleNode = valueOf(n, 'lifecycle');
  const lifecycle = isMap(lifecycleNode)
    ? { maxTtl: text(lifecycleNode, 'max_ttl'), rotationInterval: text(lifecycleNode, 'rotation_interval'), lastRotated: text(lifecycleNode, 'last_rotated') }
    : undefined;
  const thirdParty = valueOf(n, 'third_party');
  const evidencePair = pairOf(n, 'evidence');
  return {
    ...base,
    kind: text(n, 'kind'),
    description: text(n, 'description'),
    owner: text(n, 'owner'),
    deputy: text(n, 'deputy'),
    severity: text(n, 'severity'),
    thirdParty: isScalar(thirdParty) && thirdParty.value === true,
    usedBy: refs(n, 'used_by'),
    lifecycle,
    revocation: revocation(n),
    rollback: rollback(n),
    evidenceKey: evidencePair?.key,
    evidence: evidencePair
      ? maps(evidencePair.value).map((e) => ({ node: e, id: text(e, 'id'), source: text(e, 'source'), action: text(e, 'action'), actor: text(e, 'actor'), retain: text(e, 'retain') }))
      : undefined,
    frameworks: refs(n, 'frameworks'),
  };
}

function drill(base: Defined): Drill {
  const n = base.node;
  return {
    ...base,
    title: text(n, 'title'),
    class: text(n, 'class'),
    severity: text(n, 'severity'),
    unavailable: refs(n, 'unavailable'),
    handoff: text(n, 'handoff'),
    objectives: maps(valueOf(n, 'objectives')).map((o) => ({
      node: o,
      containWithin: text(o, 'contain_within'),
      evidence: pairOf(o, 'evidence') ? refs(o, 'evidence') : undefined,
    })),
    injects: maps(valueOf(n, 'injects')).map((i) => ({
      node: i,
      at: text(i, 'at'),
      message: text(i, 'message'),
      question: text(i, 'question'),
      expect: pairOf(i, 'expect') ? refs(i, 'expect') : undefined,
    })),
    frameworks: refs(n, 'frameworks'),
  };
}
