// Validation of a set of plan documents: each document is read and analysed once, its imports
// resolved through the same cache, every rule run on it, then configuration levels, suppression
// comments and one-line ranges applied. The CLI and the language server both drive this.
import type { Finding, RuleLevel } from './findings';
import type { DocumentHost } from './host';
import { analyzeDocument, type PlanDocument } from './document';
import { buildScope, type Scope } from './scope';
import { RULES, RULES_BY_ID } from './rules';
import { docsPath, type RuleContext } from './rules/rule';
import { isSuppressed } from './suppressions';
import { findSecret } from './secrets';
import type { RuleConfig } from './config';
import type { YNode } from './yaml/tree';

export interface ValidateOptions {
  /** Today as a day number (time.ts: parseDate / todayDay). */
  today: number;
  config?: RuleConfig;
}

export class PlanSet {
  private readonly cache = new Map<string, PlanDocument | null>();

  constructor(private readonly host: DocumentHost) {}

  /** The analysed document, or undefined when the host cannot read it. Cached per uri. */
  get(uri: string): PlanDocument | undefined {
    let doc = this.cache.get(uri);
    if (doc === undefined) {
      const text = this.host.read(uri);
      doc = text === undefined ? null : analyzeDocument(uri, text);
      this.cache.set(uri, doc);
    }
    return doc ?? undefined;
  }

  /** Forget a document (the language server calls this when its text changes). */
  invalidate(uri: string): void {
    this.cache.delete(uri);
  }

  scopeOf(doc: PlanDocument): Scope {
    return buildScope(doc, (uri) => this.get(uri), (from, path) => this.host.resolve(from, path));
  }

  validate(uri: string, options: ValidateOptions): Finding[] | undefined {
    const doc = this.get(uri);
    return doc ? validateDocument(doc, this.scopeOf(doc), options) : undefined;
  }
}

interface RawFinding {
  ruleId: string;
  message: string;
  start: number;
  end: number;
}

interface ClassResult {
  /** What the class's findings depended on outside the class (classEnvironment). */
  environment: Environment;
  drilled: boolean;
  /** The class key's offset when the findings' offsets were last right. */
  at: number;
  findings: RawFinding[];
}

/**
 * Findings of each credential class, by the class key's node. An unchanged class keeps its nodes
 * from one version of a document to the next (yaml/chunked.ts), so its findings are reused, moved
 * with it, while nothing they depend on changed: this is what keeps a re-validation after a small
 * edit of a large plan short. The results are those of a full run (a property test checks it).
 */
const classResults = new WeakMap<object, ClassResult>();

const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));

export function validateDocument(doc: PlanDocument, scope: Scope, options: ValidateOptions): Finding[] {
  const raw: RawFinding[] = [];
  let drilled: Set<string> | undefined;
  const drilledClasses = (): Set<string> =>
    (drilled ??= new Set([...doc.model.drills.values()].flatMap((d) => (d.class ? [d.class.value] : []))));
  const context = (sink: RawFinding[], ruleId: string): RuleContext => ({
    doc,
    scope,
    today: options.today,
    drilledClasses,
    report(at: YNode | { start: number; end: number }, message: string) {
      const range = oneLine(doc.text, at.start, at.end);
      sink.push({ ruleId, message: redactSecrets(message), start: range.start, end: range.end });
    },
  });

  for (const rule of RULES) rule.check?.(context(raw, rule.id));

  const environment = classEnvironment(doc, scope, options.today);
  for (const cls of doc.model.classes.values()) {
    if (!cls.node) continue;
    const isDrilled = drilledClasses().has(cls.id);
    const cached = classResults.get(cls.key);
    if (cached && cached.environment === environment && cached.drilled === isDrilled) {
      const delta = cls.key.start - cached.at;
      if (delta !== 0) {
        for (const f of cached.findings) {
          f.start += delta;
          f.end += delta;
        }
        cached.at = cls.key.start;
      }
      raw.push(...cached.findings);
      continue;
    }
    const findings: RawFinding[] = [];
    for (const rule of RULES) rule.checkClass?.(context(findings, rule.id), cls);
    classResults.set(cls.key, { environment, drilled: isDrilled, at: cls.key.start, findings });
    raw.push(...findings);
  }

  // Levels and suppression comments apply last, to fresh and reused findings alike.
  const levels = options.config?.rules ?? {};
  const findings: Finding[] = [];
  for (const r of raw) {
    const level: RuleLevel = levels[r.ruleId] ?? RULES_BY_ID.get(r.ruleId)!.defaultSeverity;
    if (level === 'off' || doc.suppressions.file.has(r.ruleId)) continue;
    if (isSuppressed(doc.suppressions, r.ruleId, () => doc.lines().position(r.start).line)) continue;
    findings.push({ ruleId: r.ruleId, severity: level, message: r.message, uri: doc.uri, range: { start: r.start, end: r.end }, docs: docsPath(r.ruleId) });
  }
  return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || RULE_ORDER.get(a.ruleId)! - RULE_ORDER.get(b.ruleId)!);
}

/**
 * Everything outside a class that a rule's checkClass may read (rule.ts): today, the incident
 * lead, the first severity, and the ids (with contact kinds and severities' contain_within) the
 * document can see.
 */
function classEnvironment(doc: PlanDocument, scope: Scope, today: number): Environment {
  const parts = [String(today), doc.model.plan?.incidentLead?.value ?? '', scope.firstSeverity ?? ''];
  for (const [id, v] of scope.contacts) parts.push(`c ${id} ${v.def.kind?.value ?? ''}`);
  for (const id of scope.services.keys()) parts.push(`s ${id}`);
  for (const [id, v] of scope.severities) parts.push(`v ${id} ${v.def.containWithin?.value ?? ''}`);
  const text = parts.join('\n');
  // One object per distinct environment, so each class compares identities, not long strings;
  // a few are kept, for a workspace whose documents are validated in turn.
  let environment = environments.get(text);
  if (!environment) {
    if (environments.size >= 32) environments.delete(environments.keys().next().value!);
    environment = { text };
    environments.set(text, environment);
  }
  return environment;
}

interface Environment {
  text: string;
}

const environments = new Map<string, Environment>();

/** Ranges stay on one line (the first line of the node), and are never empty where text exists. */
function oneLine(text: string, from: number, to: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(from, text.length));
  const end = Math.max(start, Math.min(to, text.length));
  let stop = end;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      stop = i;
      break;
    }
  }
  if (stop <= start) {
    const c = text.charCodeAt(start);
    stop = start < text.length && c !== 10 && c !== 13 ? start + 1 : start;
  }
  return { start, end: stop };
}

/**
 * Masks anything that looks like a secret in a text meant for output. Messages quote values
 * through quote(), which redacts already; this is the second line of defence, and what adapters
 * use for plan texts they print themselves (drill titles, inject messages).
 */
export function redactSecrets(message: string): string {
  let out = message;
  for (let i = 0; i < 5; i++) {
    const secret = findSecret(out);
    if (!secret) break;
    out = `${out.slice(0, secret.start)}[redacted ${secret.kind}]${out.slice(secret.end)}`;
  }
  return out;
}
