// Navigation in the irplan JSON Schema for the editor: which keys a mapping allows, what a value
// may be, and what kind of id a value names. The schema file stays the single source of key names,
// descriptions, enums and defaults; this module only walks it ($ref, properties,
// additionalProperties, items, prefixItems, allOf/anyOf/oneOf, if/then/else).
//
// A location is memoised per path shape (map ids become `*`, list indexes `#`), so a keystroke
// costs a few map look-ups. Conditional branches are structural no-ops in this schema (they add
// `required` and descriptions), so descending merges them; at the location itself the branch is
// picked from the document's values when given (a contact of kind automation requires
// credential_ttl; a library's plan requires no owner), else a key is required only when every
// branch requires it.
import schemaJson from '../../../../schemas/irplan.schema.json';
import { toJson, type YNode } from '../yaml/tree';

function isTreeNode(value: unknown): value is YNode {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return (kind === 'map' || kind === 'seq' || kind === 'scalar') && typeof (value as { start?: unknown }).start === 'number';
}

export type IdKind = 'contact' | 'service' | 'severity' | 'class' | 'step' | 'evidence' | 'framework';

export interface SchemaProperty {
  name: string;
  /** Markdown (the schema's markdownDescription, else its description). */
  description: string;
  required: boolean;
  /** The JSON type: string, boolean, object, array, … */
  type?: string;
  enum?: unknown[];
  default?: unknown;
  /** A short, human label of what the value is: `duration`, `contact id`, `list of service ids`, `low | high`. */
  label: string;
  /** What kind of id the value names (for a list, its items). */
  idKind?: IdKind;
  /** For a list, the JSON type of its items. */
  itemType?: string;
}

export interface SchemaInfo {
  /** The keys allowed here (empty when the value is not a mapping with named keys). */
  properties: SchemaProperty[];
  /** Allowed values (a `const` is a one-value enum). */
  enum?: unknown[];
  type?: string;
  default?: unknown;
  /** Markdown. */
  description?: string;
  title?: string;
  label?: string;
  /** What kind of id the value at this path names. */
  idKind?: IdKind;
  /** A mapping keyed by ids (contacts, credential_classes, …): its keys are definitions. */
  keyedByIds: boolean;
  /** False when the path leads nowhere in the schema (an unknown key). */
  known: boolean;
}

interface Schema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  items?: Schema | boolean;
  prefixItems?: Schema[];
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  if?: Schema;
  then?: Schema;
  else?: Schema;
}

const ROOT = schemaJson as unknown as Schema;

/** A location: the schemas that apply there (after $ref and allOf), and its path shape. */
interface Location {
  schemas: Schema[];
  shape: string[];
  /** `shape` joined: the memo key. */
  key: string;
  /** Property names across the schemas and both branches of their conditionals. */
  names: Set<string>;
  hasItems: boolean;
  hasAdditional: boolean;
}

/** Every location reached so far, by shape: a bounded set (the schema's shapes are finite). */
const MEMO = new Map<string, Location | null>();

function refTarget(ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = ROOT;
  for (const raw of ref.slice(1).split('/').filter((s) => s !== '')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== null && typeof node === 'object' ? (node as Schema) : undefined;
}

/** The schema and everything it refers to or includes, most specific first. */
function expand(schema: Schema | boolean | undefined, out: Schema[] = [], depth = 0): Schema[] {
  if (!schema || schema === true || depth > 32) return out;
  out.push(schema);
  if (schema.$ref) expand(refTarget(schema.$ref), out, depth + 1);
  for (const sub of schema.allOf ?? []) expand(sub, out, depth + 1);
  for (const sub of schema.anyOf ?? []) expand(sub, out, depth + 1);
  for (const sub of schema.oneOf ?? []) expand(sub, out, depth + 1);
  return out;
}

/** The schemas and, for descending, both branches of their conditionals. */
function withBranches(schemas: Schema[]): Schema[] {
  const out: Schema[] = [];
  for (const s of schemas) {
    out.push(s);
    if (s.then) expand(s.then, out);
    if (s.else) expand(s.else, out);
  }
  return out;
}

function makeLocation(schemas: Schema[], shape: string[]): Location {
  const all = withBranches(schemas);
  const names = new Set<string>();
  for (const s of all) for (const name of Object.keys(s.properties ?? {})) names.add(name);
  return {
    schemas,
    shape,
    key: shape.join('/'),
    names,
    hasItems: all.some((s) => (s.items && typeof s.items === 'object') || (s.prefixItems?.length ?? 0) > 0),
    hasAdditional: all.some((s) => s.additionalProperties && typeof s.additionalProperties === 'object'),
  };
}

function isIndex(segment: string): boolean {
  return /^\d+$/.test(segment);
}

/** What a segment is at a location: a named key, a list index (`#`), a map id (`*`), or nothing. */
function placeholderOf(location: Location, segment: string): string | undefined {
  if (location.names.has(segment)) return segment;
  if (isIndex(segment) && location.hasItems) return '#';
  if (location.hasAdditional) return '*';
  return undefined;
}

function child(location: Location, placeholder: string): Location | null {
  const all = withBranches(location.schemas);
  const schemas: Schema[] = [];
  if (placeholder === '#') {
    for (const s of all) {
      const prefix = s.prefixItems?.[0];
      if (prefix) expand(prefix, schemas);
      if (s.items && typeof s.items === 'object') expand(s.items, schemas);
    }
  } else if (placeholder === '*') {
    for (const s of all) if (s.additionalProperties && typeof s.additionalProperties === 'object') expand(s.additionalProperties, schemas);
  } else {
    for (const s of all) if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, placeholder)) expand(s.properties[placeholder], schemas);
  }
  return schemas.length > 0 ? makeLocation(schemas, [...location.shape, placeholder]) : null;
}

const ROOT_LOCATION = makeLocation(expand(ROOT), []);

function locate(path: readonly string[]): Location | null {
  let location = ROOT_LOCATION;
  for (const segment of path) {
    const placeholder = placeholderOf(location, segment);
    if (placeholder === undefined) return null;
    const key = location.key === '' ? placeholder : `${location.key}/${placeholder}`;
    let next = MEMO.get(key);
    if (next === undefined) {
      next = child(location, placeholder);
      MEMO.set(key, next);
    }
    if (!next) return null;
    location = next;
  }
  return location;
}

// ---------------------------------------------------------------------------------------------
// Which ids a value names, by the location's shape.

const CONTACT_KEYS = new Set(['owner', 'deputy', 'actor', 'incident_lead']);

function idKindOf(shape: readonly string[]): IdKind | undefined {
  const n = shape.length;
  const last = shape[n - 1];
  const parent = shape[n - 2];
  if (n === 0) return undefined;
  if (last === '#') {
    if (parent === 'notify' || parent === 'unavailable') return 'contact';
    if (parent === 'used_by') return 'service';
    if (parent === 'after' || parent === 'expect') return 'step';
    if (parent === 'frameworks') return 'framework';
    if (parent === 'evidence' && shape[n - 4] === 'objectives') return 'evidence';
    return undefined;
  }
  if (CONTACT_KEYS.has(last)) return 'contact';
  if (last === 'service' && parent === '#' && shape[n - 3] === 'validate') return 'service';
  if (last === 'severity' && (shape[0] === 'credential_classes' || shape[0] === 'drills') && n === 3) return 'severity';
  if (last === 'class' && shape[0] === 'drills' && n === 3) return 'class';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading a location.

function first<K extends keyof Schema>(schemas: Schema[], key: K): Schema[K] | undefined {
  for (const s of schemas) if (s[key] !== undefined) return s[key];
  return undefined;
}

function descriptionOf(schemas: Schema[]): string | undefined {
  for (const s of schemas) {
    if (typeof s.markdownDescription === 'string') return s.markdownDescription;
    if (typeof s.description === 'string') return s.description;
  }
  return undefined;
}

function typeOf(schemas: Schema[]): string | undefined {
  const t = first(schemas, 'type');
  if (Array.isArray(t)) return t.join(' | ');
  if (t !== undefined) return t;
  if (schemas.some((s) => s.const !== undefined)) return typeof schemas.find((s) => s.const !== undefined)!.const;
  return undefined;
}

function enumOf(schemas: Schema[]): unknown[] | undefined {
  for (const s of schemas) {
    if (s.const !== undefined) return [s.const];
    if (Array.isArray(s.enum)) return s.enum;
  }
  return undefined;
}

const DEF_LABELS: Record<string, string> = {
  '#/$defs/id': 'id',
  '#/$defs/duration': 'duration',
  '#/$defs/date': 'date',
  '#/$defs/frameworkTag': 'framework tag',
};

const ID_LABELS: Record<IdKind, string> = {
  contact: 'contact id',
  service: 'service id',
  severity: 'severity id',
  class: 'class id',
  step: 'step id',
  evidence: 'evidence id',
  framework: 'framework tag',
};

function labelOf(schemas: Schema[], idKind: IdKind | undefined, itemSchemas: Schema[] | undefined, itemIdKind: IdKind | undefined): string {
  const constant = schemas.find((s) => s.const !== undefined);
  if (constant) return JSON.stringify(constant.const);
  const values = enumOf(schemas);
  if (values && values.length > 4) return `one of ${values.length} values`;
  if (values) return values.map((v) => JSON.stringify(v).replace(/^"(.*)"$/, '$1')).join(' | ');
  if (idKind) return ID_LABELS[idKind];
  for (const s of schemas) if (s.$ref && DEF_LABELS[s.$ref]) return DEF_LABELS[s.$ref];
  const type = typeOf(schemas);
  if (type === 'array') {
    if (itemIdKind) return `list of ${ID_LABELS[itemIdKind]}s`;
    const item = itemSchemas ? labelOf(itemSchemas, undefined, undefined, undefined) : undefined;
    const title = itemSchemas ? first(itemSchemas, 'title') : undefined;
    if (title && item === 'mapping') return `list of ${title.toLowerCase()}s`;
    return item && item !== 'value' ? `list of ${item}s` : 'list';
  }
  if (type === 'object') return 'mapping';
  return type ?? 'value';
}

/** A minimal check of an `if` schema against a value: type, const, enum, required, properties. */
function matches(schema: Schema | undefined, value: unknown, depth = 0): boolean {
  if (!schema || depth > 16) return true;
  for (const s of expand(schema)) {
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((t) => typeMatches(t, value))) return false;
    }
    if (s.const !== undefined && s.const !== value) return false;
    if (s.enum && !s.enum.includes(value)) return false;
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    if (isObject) {
      const obj = value as Record<string, unknown>;
      for (const r of s.required ?? []) if (!Object.prototype.hasOwnProperty.call(obj, r)) return false;
      for (const [name, sub] of Object.entries(s.properties ?? {})) {
        if (Object.prototype.hasOwnProperty.call(obj, name) && !matches(sub, obj[name], depth + 1)) return false;
      }
    }
  }
  return true;
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return true;
  }
}

/**
 * The document's value at a path. `json` is a plain value, or the document's YAML tree, walked
 * node by node so that only the value found is turned into plain data (a large plan is never
 * converted whole for a completion).
 */
function valueAt(json: unknown, path: readonly string[]): unknown {
  if (isTreeNode(json)) {
    let tree: YNode | null | undefined = json;
    for (const segment of path) {
      if (!tree) return undefined;
      if (tree.kind === 'map') tree = tree.byKey.get(segment)?.value;
      else if (tree.kind === 'seq') tree = tree.items[Number(segment)];
      else return undefined;
    }
    return tree === undefined ? undefined : toJson(tree);
  }
  let node = json;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (node !== null && typeof node === 'object') node = Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
    else return undefined;
  }
  return node;
}

interface Collected {
  order: string[];
  schemas: Map<string, Schema[]>;
  required: Set<string>;
}

function collect(into: Collected, schemas: Schema[], required: boolean): void {
  for (const s of schemas) {
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      let list = into.schemas.get(name);
      if (!list) {
        list = [];
        into.schemas.set(name, list);
        into.order.push(name);
      }
      expand(sub, list);
    }
    if (required) for (const r of s.required ?? []) into.required.add(r);
  }
}

function propertiesOf(location: Location, path: readonly string[], json: unknown): SchemaProperty[] {
  const known = json !== undefined;
  const value = known ? valueAt(json, path) : undefined;
  const subject = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const collected: Collected = { order: [], schemas: new Map(), required: new Set() };
  collect(collected, location.schemas, true);
  for (const s of location.schemas) {
    if (!s.if || (!s.then && !s.else)) continue;
    const branches = known ? [matches(s.if, subject) ? s.then : s.else] : [s.then, s.else];
    const expanded = branches.map((b) => (b ? expand(b) : []));
    for (const b of expanded) collect(collected, b, false);
    // A branch's required keys: required when its branch is taken, or (not knowing the values)
    // when every branch requires them.
    const requiredSets = expanded.map((b) => new Set(b.flatMap((x) => x.required ?? [])));
    for (const name of requiredSets[0] ?? []) {
      if (requiredSets.every((set) => set.has(name))) collected.required.add(name);
    }
  }
  return collected.order.map((name) => {
    const schemas = collected.schemas.get(name)!;
    const shape = [...location.shape, name];
    const idKind = idKindOf(shape);
    const type = typeOf(schemas);
    let itemSchemas: Schema[] | undefined;
    let itemIdKind: IdKind | undefined;
    if (type === 'array') {
      itemSchemas = [];
      for (const s of schemas) if (s.items && typeof s.items === 'object') expand(s.items, itemSchemas);
      itemIdKind = idKindOf([...shape, '#']);
    }
    const property: SchemaProperty = {
      name,
      description: descriptionOf(schemas) ?? '',
      required: collected.required.has(name),
      label: labelOf(schemas, idKind, itemSchemas, itemIdKind),
    };
    if (type !== undefined) property.type = type;
    const values = enumOf(schemas);
    if (values) property.enum = values;
    const def = first(schemas, 'default');
    if (def !== undefined) property.default = def;
    if (idKind ?? itemIdKind) property.idKind = idKind ?? itemIdKind;
    if (itemSchemas && itemSchemas.length > 0) {
      const itemType = typeOf(itemSchemas);
      if (itemType) property.itemType = itemType;
    }
    return property;
  });
}

/**
 * The schema at `path` (map keys and list indexes from the root). `json` is the whole document's
 * value (the parsed root's JSON), used to pick if/then/else branches; without it, branches merge.
 * Never throws; an unknown path gives `known: false` and no properties.
 */
export function schemaAt(path: readonly string[], json?: unknown): SchemaInfo {
  try {
    const location = locate(path);
    if (!location) return { properties: [], keyedByIds: false, known: false };
    const schemas = location.schemas;
    const idKind = idKindOf(location.shape);
    const type = typeOf(schemas);
    let itemSchemas: Schema[] | undefined;
    if (type === 'array') {
      itemSchemas = [];
      for (const s of schemas) if (s.items && typeof s.items === 'object') expand(s.items, itemSchemas);
    }
    const info: SchemaInfo = {
      properties: propertiesOf(location, path, json),
      keyedByIds: schemas.some((s) => typeof s.additionalProperties === 'object') && !schemas.some((s) => s.properties && Object.keys(s.properties).length > 0),
      known: true,
      label: labelOf(schemas, idKind, itemSchemas, type === 'array' ? idKindOf([...location.shape, '#']) : undefined),
    };
    if (type !== undefined) info.type = type;
    const values = enumOf(schemas);
    if (values) info.enum = values;
    const def = first(schemas, 'default');
    if (def !== undefined) info.default = def;
    const description = descriptionOf(schemas);
    if (description !== undefined) info.description = description;
    const title = first(schemas, 'title');
    if (title !== undefined) info.title = title;
    if (idKind) info.idKind = idKind;
    return info;
  } catch {
    return { properties: [], keyedByIds: false, known: false };
  }
}

/** The path shape `schemaAt` memoises by: map ids as `*`, list indexes as `#`; undefined off-schema. */
export function schemaShape(path: readonly string[]): string[] | undefined {
  try {
    return locate(path)?.shape;
  } catch {
    return undefined;
  }
}
