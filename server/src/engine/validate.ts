// Validation of a set of plan documents: each document is read and analysed once, its imports
// resolved through the same cache, every rule run on it, then configuration levels, suppression
// comments and one-line ranges applied. The CLI and the language server both drive this.
import type { Finding, RuleLevel } from './findings';
import type { DocumentHost } from './host';
import { analyzeDocument, type PlanDocument } from './document';
import { buildScope, type Scope } from './scope';
import { RULES } from './rules';
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

export function validateDocument(doc: PlanDocument, scope: Scope, options: ValidateOptions): Finding[] {
  const findings: Finding[] = [];
  const levels = options.config?.rules ?? {};
  for (const rule of RULES) {
    const level: RuleLevel = levels[rule.id] ?? rule.defaultSeverity;
    if (level === 'off' || doc.suppressions.file.has(rule.id)) continue;
    const ctx: RuleContext = {
      doc,
      scope,
      today: options.today,
      report(at: YNode | { start: number; end: number }, message: string) {
        const range = oneLine(doc.text, at.start, at.end);
        if (isSuppressed(doc.suppressions, rule.id, () => doc.lines().position(range.start).line)) return;
        findings.push({ ruleId: rule.id, severity: level, message: redactSecrets(message), uri: doc.uri, range, docs: docsPath(rule.id) });
      },
    };
    rule.check(ctx);
  }
  return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

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
