// Hover: what the word under the cursor means. On a key, the schema's description of it; on a
// reference (a contact, service, severity, class, step or evidence id), a summary of what it
// names, or that it names nothing; on a definition's key, the same summary; on a framework tag,
// the catalogue entry. Position comes from the text (cursor.ts), so hover works on a document
// that does not parse; the summaries come from the analysed model and its scope (imports included).
//
// Every text taken from the plan goes through redactSecrets() before it is shown: a hover is a
// place a leaked credential must not travel to.
import { toJson } from '../yaml/tree';
import type { PlanDocument } from '../document';
import type { Contact, CredentialClass, Drill, Evidence, Service, SeverityDef, Step } from '../model';
import type { Scope, Visible } from '../scope';
import { frameworkSuccessor, lookupFramework, suggestFramework, type FrameworkEntry, type FrameworkFamily } from '../frameworks';
import { redactSecrets } from '../validate';
import { didYouMean } from '../rules/helpers';
import type { HoverInfo, PlanIndex } from './types';
import { cursorContext, type CursorContext } from './cursor';
import { schemaAt, type IdKind, type SchemaProperty } from './schemaNav';

// ---------------------------------------------------------------------------------------------
// Safe text.

const MAX_TEXT = 240;

/** A plan text for markdown: secrets redacted, one line, shortened, markdown characters escaped. */
export function mdText(value: unknown): string {
  const text = redactSecrets(String(value ?? '')).replace(/\s+/g, ' ').trim();
  const short = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  return short.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^([#+-])/, '\\$1');
}

/** A plan value as inline code: secrets redacted, one line, shortened, no backticks inside. */
export function mdCode(value: unknown): string {
  const text = redactSecrets(String(value ?? '')).replace(/\s+/g, ' ').trim().replace(/`/g, "'");
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `\`${short}\``;
}

/** The last part of a uri or path: where an imported definition lives. */
export function baseName(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '');
  const parts = clean.split(/[\\/]/);
  let name = parts[parts.length - 1] || clean;
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as written
  }
  return name;
}

/** A " (did you mean …?)" clause, escaped, keeping its leading space. */
function hint(clause: string): string {
  return clause ? ` ${mdText(clause)}` : '';
}

function definedIn(uri: string, docUri: string): string {
  return uri === docUri ? '' : `\n\n_Defined in_ ${mdCode(baseName(uri))}`;
}

// ---------------------------------------------------------------------------------------------
// Summaries: what an id names. Completion shows the same texts in its details pane.

function channelValues(contact: Contact): [string, string][] {
  const json = (toJson(contact.node) ?? {}) as Record<string, unknown>;
  return contact.channels.map((channel) => [channel, String(json[channel])]);
}

/** One line beside a contact in completion: `team · IAM engineering`. */
export function contactDetail(contact: Contact): string {
  return [contact.kind?.value, contact.name?.value].filter((x): x is string => !!x).map((x) => redactSecrets(x)).join(' · ');
}

export function contactMarkdown(visible: Visible<Contact>, docUri: string): string {
  const c = visible.def;
  const lines = [`**${mdText(c.id)}** · contact${c.kind ? ` (${mdText(c.kind.value)})` : ''}`];
  if (c.name) lines.push('', mdText(c.name.value));
  const description = c.node?.byKey.get('description')?.value;
  const descriptionText = description?.kind === 'scalar' ? description.value : undefined;
  if (typeof descriptionText === 'string') lines.push('', mdText(descriptionText));
  const channels = channelValues(c);
  if (channels.length > 0) lines.push('', ...channels.map(([k, v]) => `- ${k}: ${mdCode(v)}`));
  else if (c.kind?.value !== 'automation') lines.push('', '_No reach channel (page, email, chat or phone)._');
  if (c.credentialTtl || c.kind?.value === 'automation') {
    lines.push('', `credential_ttl: ${c.credentialTtl ? mdCode(c.credentialTtl.value) : '_not set (required for automation contacts)_'}`);
  }
  return lines.join('\n') + definedIn(visible.uri, docUri);
}

/** `owner: platform-team · GitHub Actions on the monorepo`. */
export function serviceDetail(service: Service): string {
  return [service.owner ? `owner ${service.owner.value}` : undefined, service.description?.value]
    .filter((x): x is string => !!x)
    .map((x) => redactSecrets(x))
    .join(' · ');
}

export function serviceMarkdown(visible: Visible<Service>, docUri: string, scope?: Scope): string {
  const s = visible.def;
  const lines = [`**${mdText(s.id)}** · service`];
  if (s.description) lines.push('', mdText(s.description.value));
  if (s.owner) lines.push('', `- owner: ${contactRef(s.owner.value, scope)}`);
  return lines.join('\n') + definedIn(visible.uri, docUri);
}

export function severityDetail(severity: SeverityDef): string {
  return [
    severity.containWithin ? `contain within ${severity.containWithin.value}` : undefined,
    severity.acknowledgeWithin ? `acknowledge within ${severity.acknowledgeWithin.value}` : undefined,
  ]
    .filter((x): x is string => !!x)
    .map((x) => redactSecrets(x))
    .join(' · ');
}

export function severityMarkdown(visible: Visible<SeverityDef>, docUri: string, scope?: Scope): string {
  const s = visible.def;
  const lines = [`**${mdText(s.id)}** · severity`];
  if (s.description) lines.push('', mdText(s.description.value));
  const facts: string[] = [];
  if (s.acknowledgeWithin) facts.push(`- acknowledge_within: ${mdCode(s.acknowledgeWithin.value)}`);
  if (s.containWithin) facts.push(`- contain_within: ${mdCode(s.containWithin.value)}`);
  if (s.notify.length > 0) facts.push(`- notify: ${s.notify.map((r) => contactRef(r.value, scope)).join(', ')}`);
  if (facts.length > 0) lines.push('', ...facts);
  return lines.join('\n') + definedIn(visible.uri, docUri);
}

export function classDetail(cls: CredentialClass): string {
  return [cls.kind?.value, cls.owner?.value].filter((x): x is string => !!x).map((x) => redactSecrets(x)).join(' · ');
}

export function classMarkdown(cls: CredentialClass, scope?: Scope): string {
  const lines = [`**${mdText(cls.id)}** · credential class${cls.kind ? ` (${mdText(cls.kind.value)})` : ''}`];
  if (cls.description) lines.push('', mdText(cls.description.value));
  const facts: string[] = [];
  if (cls.owner) facts.push(`- owner: ${contactRef(cls.owner.value, scope)}`);
  if (cls.deputy) facts.push(`- deputy: ${contactRef(cls.deputy.value, scope)}`);
  if (cls.severity) {
    const sev = scope?.severities.get(cls.severity.value)?.def;
    facts.push(`- severity: ${mdCode(cls.severity.value)}${sev?.containWithin ? ` (contain within ${mdText(sev.containWithin.value)})` : ''}`);
  }
  if (cls.revocation?.target) facts.push(`- revocation target: ${mdCode(cls.revocation.target.value)}`);
  if (cls.revocation) facts.push(`- revocation steps: ${cls.revocation.steps.length}`);
  if (cls.usedBy.length > 0) facts.push(`- used by: ${cls.usedBy.map((r) => mdCode(r.value)).join(', ')}`);
  if (facts.length > 0) lines.push('', ...facts);
  return lines.join('\n');
}

export function stepDetail(step: Step): string {
  return [step.actor?.value, step.duration?.value].filter((x): x is string => !!x).map((x) => redactSecrets(x)).join(' · ');
}

export function stepMarkdown(step: Step, cls: CredentialClass | undefined, list: 'revocation' | 'rollback', scope?: Scope): string {
  const where = cls ? ` of ${mdCode(cls.id)}` : '';
  const lines = [`**${mdText(step.id?.value ?? `step ${step.index + 1}`)}** · ${list} step${where}`];
  if (step.action) lines.push('', mdText(step.action.value));
  const facts: string[] = [];
  if (step.actor) facts.push(`- actor: ${contactRef(step.actor.value, scope)}`);
  if (step.duration) facts.push(`- duration: ${mdCode(step.duration.value)}`);
  if (step.after !== undefined) facts.push(`- after: ${step.after.length > 0 ? step.after.map((r) => mdCode(r.value)).join(', ') : '_none (starts at 0)_'}`);
  if (step.impact) facts.push(`- impact: ${mdCode(step.impact.value)}`);
  if (step.approval) facts.push(`- approval: ${mdCode(step.approval.value)}`);
  if (step.automated) facts.push('- automated');
  if (facts.length > 0) lines.push('', ...facts);
  return lines.join('\n');
}

export function evidenceDetail(evidence: Evidence): string {
  return redactSecrets(evidence.source?.value ?? '');
}

export function evidenceMarkdown(evidence: Evidence, cls: CredentialClass | undefined, scope?: Scope): string {
  const where = cls ? ` of ${mdCode(cls.id)}` : '';
  const lines = [`**${mdText(evidence.id?.value ?? 'evidence')}** · evidence${where}`];
  const facts: string[] = [];
  if (evidence.source) facts.push(`- source: ${mdText(evidence.source.value)}`);
  if (evidence.action) facts.push(`- action: ${mdText(evidence.action.value)}`);
  if (evidence.actor) facts.push(`- actor: ${contactRef(evidence.actor.value, scope)}`);
  if (evidence.retain) facts.push(`- retain: ${mdCode(evidence.retain.value)}`);
  if (facts.length > 0) lines.push('', ...facts);
  return lines.join('\n');
}

export function drillMarkdown(drill: Drill): string {
  const lines = [`**${mdText(drill.id)}** · drill`];
  if (drill.title) lines.push('', mdText(drill.title.value));
  const facts: string[] = [];
  if (drill.class) facts.push(`- class: ${mdCode(drill.class.value)}`);
  if (drill.severity) facts.push(`- severity: ${mdCode(drill.severity.value)}`);
  if (drill.unavailable.length > 0) facts.push(`- unavailable: ${drill.unavailable.map((r) => mdCode(r.value)).join(', ')}`);
  if (drill.handoff) facts.push(`- handoff: ${mdCode(drill.handoff.value)}`);
  facts.push(`- injects: ${drill.injects.length}`);
  lines.push('', ...facts);
  return lines.join('\n');
}

/** A contact id with its name when the scope knows it: `` `iam-team` (IAM engineering) ``. */
function contactRef(id: string, scope?: Scope): string {
  const contact = scope?.contacts.get(id)?.def;
  const name = contact?.name?.value;
  return `${mdCode(id)}${name ? ` (${mdText(name)})` : ''}`;
}

export const FAMILY_NAMES: Record<FrameworkFamily, string> = {
  'OWASP-NHI': 'OWASP Top 10 Non-Human Identities Risks 2025',
  'NIST-CSF': 'NIST CSF 2.0',
  'MITRE-ATLAS': 'MITRE ATLAS v5.6',
};

export function frameworkMarkdown(entry: FrameworkEntry): string {
  const lines = [`**${entry.tag}** · ${FAMILY_NAMES[entry.family]} · \`${entry.id}\``, '', `**${entry.title}**`];
  let text = entry.text;
  if (text && text.startsWith(`${entry.title}: `)) text = text.slice(entry.title.length + 2);
  if (text && text !== entry.title) lines.push('', text.charAt(0).toUpperCase() + text.slice(1));
  return lines.join('\n');
}

function unknownFrameworkMarkdown(tag: string): string {
  const lines = [`**${mdText(tag)}** · unknown tag: it is not in the framework catalogue`];
  const successor = frameworkSuccessor(tag);
  if (successor) {
    lines.push('', `${mdText(successor.reason)}: use ${successor.successors.map((s) => `\`${s}\``).join(' or ')}`);
  } else {
    const near = suggestFramework(tag);
    lines.push('', near.length > 0 ? `Did you mean ${near.map((s) => `\`${s}\``).join(' or ')}?` : 'Use `OWASP-NHI1`…`OWASP-NHI10`, `CSF-<CSF 2.0 id>` or `ATLAS-<technique id>`.');
  }
  return lines.join('\n');
}

/** What a value of an enum means, for completion and hover. */
export const ENUM_DOCS: Record<string, Record<string, string>> = {
  kind: {
    team: 'A team with an on-call rota or shared channel.',
    person: 'One named person.',
    vendor: 'An external party. It cannot own a class alone: an internal owner still coordinates (`vendor-owner`).',
    automation: 'A bot or workload identity the response itself relies on. Needs `credential_ttl`; over 24h is flagged when it acts in a step (`automation-long-lived`).',
    'api-key': 'A static API key or personal access token.',
    'oauth-grant': 'An OAuth grant or refresh token held by an app. With `third_party: true`, a step must notify the vendor or review consent (`kind-oauth-consent`).',
    'service-account': 'A service account and its keys.',
    certificate: 'A certificate and its private key. Revocation must validate trust propagation and mTLS recovery (`kind-certificate-trust`).',
    'workload-identity': 'A workload identity (federated or platform-issued).',
    'automation-token': 'A token used by CI/CD or other automation.',
    'ssh-key': 'An SSH key pair.',
    'cloud-access-key': 'A cloud provider access key (AWS, GCP, Azure).',
    'database-credential': 'A database user and password or connection string.',
    'ai-agent-credential': 'A credential an AI agent holds. Evidence must cover prompts, tool logs and authorization traces (`kind-ai-agent-evidence`).',
    'webhook-secret': 'A shared webhook signing secret.',
    'federated-token': 'A token obtained through identity federation.',
    other: 'Anything else.',
  },
  approval: {
    none: 'No approval gate.',
    owner: "The class's owner approves.",
    deputy: "The class's deputy approves.",
    'incident-lead': "The plan's incident lead approves.",
  },
  impact: {
    low: 'The step itself has little blast radius.',
    high: 'The step can cause an outage or break things: it needs an approval gate (`high-impact-unapproved`).',
  },
};

// ---------------------------------------------------------------------------------------------
// Resolving ids at a path.

const SECTIONS: Record<string, 'contact' | 'service' | 'severity' | 'class' | 'drill'> = {
  contacts: 'contact',
  services: 'service',
  severities: 'severity',
  credential_classes: 'class',
  drills: 'drill',
};

/** The class a path is inside, or that its drill exercises. */
export function classAt(doc: PlanDocument, path: readonly string[]): CredentialClass | undefined {
  if (path[0] === 'credential_classes' && path[1] !== undefined) return doc.model.classes.get(path[1]);
  if (path[0] === 'drills' && path[1] !== undefined) {
    const id = doc.model.drills.get(path[1])?.class?.value;
    return id !== undefined ? doc.model.classes.get(id) : undefined;
  }
  return undefined;
}

/** The step list a path's `after` (or a drill's `expect`) names ids of. */
export function stepListAt(doc: PlanDocument, path: readonly string[]): { cls?: CredentialClass; list: 'revocation' | 'rollback'; steps: Step[]; self?: number } {
  const cls = classAt(doc, path);
  if (path[0] === 'credential_classes' && (path[2] === 'revocation' || path[2] === 'rollback') && path[3] === 'steps') {
    const list = path[2];
    const steps = (list === 'revocation' ? cls?.revocation?.steps : cls?.rollback?.steps) ?? [];
    const self = /^\d+$/.test(path[4] ?? '') ? Number(path[4]) : undefined;
    return { cls, list, steps, self };
  }
  return { cls, list: 'revocation', steps: cls?.revocation?.steps ?? [] };
}

function referenceMarkdown(index: PlanIndex, doc: PlanDocument, kind: IdKind, id: string, path: readonly string[]): string {
  const scopeOf = () => index.scopeOf(doc);
  switch (kind) {
    case 'contact': {
      const scope = scopeOf();
      const found = scope.contacts.get(id);
      return found ? contactMarkdown(found, doc.uri) : notDefined('contact', id, 'contacts', scope.contacts.keys());
    }
    case 'service': {
      const scope = scopeOf();
      const found = scope.services.get(id);
      return found ? serviceMarkdown(found, doc.uri, scope) : notDefined('service', id, 'services', scope.services.keys());
    }
    case 'severity': {
      const scope = scopeOf();
      const found = scope.severities.get(id);
      return found ? severityMarkdown(found, doc.uri, scope) : notDefined('severity', id, 'severities', scope.severities.keys());
    }
    case 'class': {
      const found = doc.model.classes.get(id);
      if (found) return classMarkdown(found, scopeOf());
      return `**${mdText(id)}** · not defined: no credential class ${mdCode(id)} in this document${hint(didYouMean(id, doc.model.classes.keys()))}`;
    }
    case 'step': {
      const { cls, list, steps } = stepListAt(doc, path);
      const step = steps.find((s) => s.id?.value === id);
      if (step) return stepMarkdown(step, cls, list, scopeOf());
      const ids = steps.flatMap((s) => (s.id ? [s.id.value] : []));
      const owner = cls ? ` of class ${mdCode(cls.id)}` : '';
      return `**${mdText(id)}** · not defined: no ${list} step ${mdCode(id)}${owner}${hint(didYouMean(id, ids))}`;
    }
    case 'evidence': {
      const cls = classAt(doc, path);
      const evidence = (cls?.evidence ?? []).find((e) => e.id?.value === id);
      if (evidence) return evidenceMarkdown(evidence, cls, scopeOf());
      const ids = (cls?.evidence ?? []).flatMap((e) => (e.id ? [e.id.value] : []));
      const owner = cls ? ` in class ${mdCode(cls.id)}` : '';
      return `**${mdText(id)}** · not defined: no evidence item ${mdCode(id)}${owner}${hint(didYouMean(id, ids))}`;
    }
    case 'framework': {
      const entry = lookupFramework(id);
      return entry ? frameworkMarkdown(entry) : unknownFrameworkMarkdown(id);
    }
  }
}

function notDefined(kind: string, id: string, section: string, known: Iterable<string>): string {
  return `**${mdText(id)}** · not defined: no ${kind} ${mdCode(id)} in this document or its imports (add it under \`${section}\`)${hint(didYouMean(id, known))}`;
}

function definitionMarkdown(index: PlanIndex, doc: PlanDocument, section: string, id: string): string | undefined {
  switch (SECTIONS[section]) {
    case 'contact': {
      const def = doc.model.contacts.get(id);
      return def ? contactMarkdown({ def, uri: doc.uri }, doc.uri) : undefined;
    }
    case 'service': {
      const def = doc.model.services.get(id);
      return def ? serviceMarkdown({ def, uri: doc.uri }, doc.uri, index.scopeOf(doc)) : undefined;
    }
    case 'severity': {
      const def = doc.model.severities.get(id);
      return def ? severityMarkdown({ def, uri: doc.uri }, doc.uri, index.scopeOf(doc)) : undefined;
    }
    case 'class': {
      const def = doc.model.classes.get(id);
      return def ? classMarkdown(def, index.scopeOf(doc)) : undefined;
    }
    case 'drill': {
      const def = doc.model.drills.get(id);
      return def ? drillMarkdown(def) : undefined;
    }
    default:
      return undefined;
  }
}

function keyMarkdown(property: SchemaProperty): string {
  const head = `**${property.name}** · ${mdText(property.label)}${property.required ? ' · required' : ''}`;
  const parts = [head];
  if (property.description) parts.push('', property.description);
  if (property.enum && property.enum.length > 1) parts.push('', `Values: ${property.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (property.default !== undefined) parts.push('', `Default: \`${JSON.stringify(property.default).replace(/^"(.*)"$/, '$1')}\``);
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------

/** What the word at `offset` means, or undefined when there is nothing to say. Never throws. */
export function hoverAt(index: PlanIndex, uri: string, offset: number): HoverInfo | undefined {
  try {
    const doc = index.get(uri);
    if (!doc) return undefined;
    const ctx = cursorContext(doc.text, offset, { presentKeys: false });
    if (ctx.position === 'none' || ctx.word === '') return undefined;
    const markdown = hoverMarkdown(index, doc, ctx);
    return markdown === undefined ? undefined : { range: ctx.range, markdown };
  } catch {
    return undefined;
  }
}

function hoverMarkdown(index: PlanIndex, doc: PlanDocument, ctx: CursorContext): string | undefined {
  // The tree itself: schemaAt reads only the values along the path (schemaNav.ts).
    const json = doc.model.root ?? undefined;
  if (ctx.position === 'key' && !ctx.bareItem) {
    const info = schemaAt(ctx.path, json);
    if (info.keyedByIds && ctx.path.length === 1 && SECTIONS[ctx.path[0]]) return definitionMarkdown(index, doc, ctx.path[0], ctx.word);
    if (!info.known) return undefined;
    const property = info.properties.find((p) => p.name === ctx.word);
    if (property) return keyMarkdown(property);
    if (info.properties.length === 0 || !ctx.hasColon) return undefined;
    const names = info.properties.map((p) => p.name);
    return `**${mdText(ctx.word)}** · unknown key${hint(didYouMean(ctx.word, names))}: ${info.title ? `a ${info.title.toLowerCase()} has` : 'allowed here:'} ${names.map((n) => `\`${n}\``).join(', ')}`;
  }
  // A value: on a `key: value` line, in a flow list, or a `- item`.
  const info = schemaAt(ctx.path, json);
  if (ctx.bareItem && info.properties.length > 0) return undefined; // `- key` being typed
  if (info.idKind) return referenceMarkdown(index, doc, info.idKind, ctx.word, ctx.path);
  const n = ctx.path.length;
  if (ctx.path[n - 1] === 'id' && ctx.path[0] === 'credential_classes') {
    // A step or evidence id's definition.
    const cls = classAt(doc, ctx.path);
    if (ctx.path[3] === 'steps' && (ctx.path[2] === 'revocation' || ctx.path[2] === 'rollback')) {
      const { steps, list } = stepListAt(doc, ctx.path);
      const step = steps.find((s) => s.id?.value === ctx.word);
      if (step) return stepMarkdown(step, cls, list, index.scopeOf(doc));
    }
    if (ctx.path[2] === 'evidence') {
      const evidence = (cls?.evidence ?? []).find((e) => e.id?.value === ctx.word);
      if (evidence) return evidenceMarkdown(evidence, cls, index.scopeOf(doc));
    }
  }
  // Any other value: what its key means, and the meaning of an enum value.
  if (!info.known || ctx.key === undefined) return undefined;
  const parent = schemaAt(ctx.path.slice(0, -1), json);
  const property = parent.properties.find((p) => p.name === ctx.key);
  if (!property) return undefined;
  const meaning = ENUM_DOCS[property.name]?.[ctx.word];
  const head = meaning && property.enum?.includes(ctx.word) ? `\`${ctx.word}\`: ${meaning}\n\n---\n\n` : '';
  return head + keyMarkdown(property);
}
