// What a rule is: metadata (id, default severity, one-line description) and a check over the
// typed plan model. A rule reports a node (or an exact range) and a message; the engine applies
// configuration, suppression comments and redaction, and keeps every range on one line.
import type { Severity } from '../findings';
import type { PlanDocument } from '../document';
import type { Scope } from '../scope';
import type { CredentialClass } from '../model';
import type { YNode } from '../yaml/tree';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule checks (the docs page says why). */
  description: string;
}

export interface RuleContext {
  doc: PlanDocument;
  scope: Scope;
  /** Today as a day number (see time.ts). */
  today: number;
  report(at: YNode | { start: number; end: number }, message: string): void;
  /** Classes that some drill of this document exercises. */
  drilledClasses(): ReadonlySet<string>;
}

/**
 * A rule checks the document (`check`) and, separately, each credential class (`checkClass`).
 * What `checkClass` reports must lie inside the class and depend only on the class and on what
 * `classEnvironment` (validate.ts) captures of the rest — scope ids, severities, the incident
 * lead, drilled classes, today — so a class's findings can be reused while it does not change.
 */
export interface Rule extends RuleMeta {
  check?(ctx: RuleContext): void;
  checkClass?(ctx: RuleContext, cls: CredentialClass): void;
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
