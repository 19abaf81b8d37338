// The JSON Schema check: one compiled validator (compiled on first use and kept), and a mapping
// from each ajv error to the exact node and a message that says what to do. Missing keys that a
// rule of its own covers (owner, deputy, revocation, rollback, evidence and their required parts)
// are left to that rule, as section 7 asks.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import schemaJson from '../../../schemas/irplan.schema.json';
import { quote } from './quote';
import { parseDate } from './time';
import { nodeAtPath, type YMap, type YNode, type YScalar } from './yaml/tree';
import { didYouMean } from './rules/helpers';

export interface SchemaProblem {
  message: string;
  start: number;
  end: number;
}

interface Validators {
  /** The whole document against the whole schema. */
  document: ValidateFunction;
  /** The document with each class checked only for being a mapping (classes are checked apart). */
  outsideClasses: ValidateFunction;
  /** One credential class. */
  credentialClass: ValidateFunction;
}

let compiled: Validators | undefined;

/** Compiled once, on first use, in one ajv instance. */
function validators(): Validators {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    ajv.addKeyword('markdownDescription');
    ajv.addFormat('date', { type: 'string', validate: (s: string) => parseDate(s) !== undefined });
    const document = ajv.compile(schemaJson);
    const id = (schemaJson as { $id: string }).$id;
    const credentialClass = ajv.getSchema(`${id}#/$defs/credentialClass`);
    const defs = (schemaJson as { $defs: Record<string, object> }).$defs;
    const outsideClasses = ajv.compile({
      ...schemaJson,
      $id: id.replace(/\.schema\.json$/, "-outside-classes.schema.json"),
      $defs: { ...defs, credentialClass: { type: 'object' } },
    });
    if (!credentialClass) throw new Error('the schema has no $defs/credentialClass');
    compiled = { document, outsideClasses, credentialClass };
  }
  return compiled;
}

/** The validator of the whole schema (benchmarks measure the floor with it). */
export function schemaValidator(): ValidateFunction {
  return validators().document;
}

/** Problems of the whole document. */
export function checkSchema(root: YNode | null, json: unknown): SchemaProblem[] {
  return check(validators().document, root, json, '');
}

/** Problems outside the credential classes' mappings (checkClassSchema covers those). */
export function checkSchemaOutsideClasses(root: YNode | null, json: unknown): SchemaProblem[] {
  return check(validators().outsideClasses, root, json, '');
}

/** Problems inside one credential class, positioned in the whole document. */
export function checkClassSchema(root: YNode, classId: string, json: unknown): SchemaProblem[] {
  return check(validators().credentialClass, root, json, `/credential_classes/${classId.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

function check(validate: ValidateFunction, root: YNode | null, json: unknown, prefix: string): SchemaProblem[] {
  if (root === null) return []; // an empty or unparsable document: the syntax rule speaks
  if (validate(json)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const problem = describe(prefix ? { ...error, instancePath: prefix + error.instancePath } : error, root);
    if (!problem) continue;
    const key = `${problem.start}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Missing keys and empty values that rules of their own report. */
const RULE_COVERED: { parent: RegExp; keys: Set<string> }[] = [
  { parent: /^\/credential_classes\/[^/]+$/, keys: new Set(['owner', 'deputy', 'revocation', 'rollback', 'evidence']) },
  { parent: /^\/credential_classes\/[^/]+\/revocation$/, keys: new Set(['target', 'steps']) },
  { parent: /^\/credential_classes\/[^/]+\/rollback$/, keys: new Set(['criteria']) },
];

function coveredByRule(parentPath: string, key: string): boolean {
  return RULE_COVERED.some((c) => c.keys.has(key) && c.parent.test(parentPath));
}

function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function where(pointer: string): string {
  const parts = segments(pointer);
  if (parts.length === 0) return 'the document';
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function describe(error: ErrorObject, root: YNode): SchemaProblem | undefined {
  const path = error.instancePath;
  const parts = segments(path);
  const { node, pair } = nodeAtPath(root, parts);
  const params = error.params as Record<string, unknown>;
  const place = where(path);

  switch (error.keyword) {
    case 'if':
    case 'then':
    case 'else':
    case 'propertyNames':
      return undefined; // the errors inside the branch or name check are reported themselves
    case 'required': {
      const missing = String(params.missingProperty);
      if (coveredByRule(path, missing)) return undefined;
      const at = keyOf(root, node, pair?.key);
      return { ...at, message: `${place} is missing ${quote(missing)}: add ${missing}: ${hintFor(error, missing)}` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const keyNode = (node as YMap | null)?.byKey?.get(extra)?.key;
      const allowed = Object.keys(((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      const at = keyNode ?? keyOf(root, node, pair?.key);
      return { ...at, message: `unknown key ${quote(extra)} in ${place}${didYouMean(extra, allowed)}: remove it or use one of ${allowed.join(', ')}` };
    }
  }

  if (error.propertyName !== undefined) {
    const keyNode = (node as YMap | null)?.byKey?.get(error.propertyName)?.key;
    const at = keyNode ?? keyOf(root, node, pair?.key);
    return { ...at, message: `${quote(error.propertyName)} is not a valid id in ${place}: ids are lower-case letters, digits and dashes, start with a letter, and are at most 64 long` };
  }

  // A null value where a rule-covered key must be given is "missing" for that rule.
  const parentPath = parts.length > 0 ? `/${parts.slice(0, -1).join('/')}` : '';
  if (error.keyword === 'type' && error.data === null && parts.length > 0 && coveredByRule(parentPath === '/' ? '' : parentPath, parts[parts.length - 1])) return undefined;

  const at = valueRange(root, node, pair?.key);
  const value = error.data;
  switch (error.keyword) {
    case 'type':
      return { ...at, message: `${place} must be ${article(String(params.type))}${value === null ? ', but it is empty' : `, not ${describeValue(value)}`}: ${typeHint(error)}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return { ...at, message: `${quote(value)} is not a valid ${lastName(parts)}${didYouMean(String(value), allowed)}: use one of ${allowed.join(', ')}` };
    }
    case 'const':
      if (path === '/irplan') return { ...at, message: `irplan must be the string "1" (the format version): write irplan: "1" with the quotes` };
      return { ...at, message: `${place} must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern':
    case 'format':
      return { ...at, message: patternMessage(error, value, place) };
    case 'minProperties':
      if (path === '/credential_classes') return { ...keyOf(root, node, pair?.key), message: 'credential_classes is empty: add at least one credential class, or mark an import-only file with plan.library: true' };
      return { ...keyOf(root, node, pair?.key), message: `${place} needs ${describeCount(params.limit, 'key')}: ${error.message ?? ''}`.trim() };
    case 'maxProperties':
      if (path === '/credential_classes') return { ...keyOf(root, node, pair?.key), message: 'a library (plan.library: true) holds no credential classes: move them to a plan that imports this file' };
      if (/\/objectives\/\d+$/.test(path)) return { ...keyOf(root, node, pair?.key), message: `${place} has more than one objective: write contain_within and evidence as two list items` };
      return { ...keyOf(root, node, pair?.key), message: `${place} has too many keys: at most ${String(params.limit)}` };
    default:
      return { ...at, message: `${place} ${error.message ?? 'does not fit the schema'}` };
  }
}

function lastName(parts: string[]): string {
  for (let i = parts.length - 1; i >= 0; i--) if (!/^\d+$/.test(parts[i])) return parts[i];
  return 'value';
}

function article(type: string): string {
  const t = type.split(',')[0];
  return t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : t === 'integer' ? 'an integer' : `a ${t}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return `${typeof value} ${quote(value)}`;
}

function describeCount(limit: unknown, what: string): string {
  return `at least ${String(limit)} ${what}${limit === 1 ? '' : 's'}`;
}

function typeHint(error: ErrorObject): string {
  const t = String((error.params as { type?: string }).type);
  if (t === 'object') return 'write the keys indented under it';
  if (t === 'array') return 'write a list (- item, or [a, b])';
  if (t === 'boolean') return 'write true or false';
  if (t === 'string') return 'write text (quote it if YAML reads it as a number or boolean)';
  return 'fix the value';
}

function hintFor(error: ErrorObject, missing: string): string {
  const props = (error.parentSchema as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
  const description = props?.[missing]?.description;
  return description ? `<${firstSentence(description)}>` : '<value>';
}

function firstSentence(text: string): string {
  const end = text.search(/[.:;](\s|$)/);
  const s = end > 0 ? text.slice(0, end) : text;
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

function patternMessage(error: ErrorObject, value: unknown, place: string): string {
  const schemaPath = error.schemaPath;
  if (schemaPath.includes('/duration/')) return `${quote(value)} is not a duration: write a whole number and a unit (s, m, h, d, w, y), e.g. 15m, 2h, 90d`;
  if (schemaPath.includes('/date/')) return `${quote(value)} is not a date: write a real calendar date as YYYY-MM-DD, e.g. 2026-06-23`;
  if (schemaPath.includes('/id/')) return `${quote(value)} is not a valid id: ids are lower-case letters, digits and dashes, start with a letter, and are at most 64 long`;
  return `${place} ${error.message ?? 'does not match its pattern'}`;
}

/** For a missing or unknown key: the key of the mapping, on one line. */
function keyOf(root: YNode, node: YNode | null, key: YScalar | undefined): { start: number; end: number } {
  if (key) return key;
  if (node && node.kind === 'map' && node.pairs.length > 0) return node.pairs[0].key;
  if (node) return { start: node.start, end: node.start + 1 };
  if (root.kind === 'map' && root.pairs.length > 0) return root.pairs[0].key;
  return { start: root.start, end: root.start + 1 };
}

/** For a bad value: the value itself when it is a scalar, else the key that holds it. */
function valueRange(root: YNode, node: YNode | null, key: YScalar | undefined): { start: number; end: number } {
  if (node && node.kind === 'scalar' && node.end > node.start) return node;
  return keyOf(root, node, key);
}
