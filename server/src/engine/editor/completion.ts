// Completion: the keys a mapping still lacks, and the values a key takes (enums, booleans, and
// the ids a reference may name, resolved through the document's scope, imports included).
//
// Where the cursor is comes from the text (cursor.ts), so completion works while the document is
// broken; what the ids are comes from the PlanDocument the index already holds (the last model it
// has), so nothing is parsed here: a 65,000-line plan costs a scan of the lines between the cursor
// and the root, and a walk of the ids offered.
import type { OffsetRange } from '../findings';
import type { PlanDocument } from '../document';
import { FRAMEWORKS } from '../frameworks';
import type { CompletionEntry, PlanIndex } from './types';
import { cursorContext, type CursorContext } from './cursor';
import { schemaAt, type SchemaInfo, type SchemaProperty } from './schemaNav';
import {
  ENUM_DOCS,
  classAt,
  classDetail,
  classMarkdown,
  contactDetail,
  contactMarkdown,
  evidenceDetail,
  evidenceMarkdown,
  frameworkMarkdown,
  serviceDetail,
  serviceMarkdown,
  severityDetail,
  severityMarkdown,
  stepDetail,
  stepListAt,
  stepMarkdown,
} from './hover';

/**
 * The completions at `offset` in the document `uri`. Each entry's range is the word at the cursor
 * (empty, at the cursor, when nothing is typed). Never throws; [] when there is nothing to offer.
 *
 * Key entries insert `key: `; a mapping key `key:` and a new line indented two columns past the
 * key, a list-of-mappings key the same with `- `, a list-of-ids key `key: [$0]` (snippets). The
 * new line's indentation is written relative to the current line's own indentation, which is how
 * an editor applies a multi-line insert by default (LSP InsertTextMode.adjustIndentation).
 */
export function completionsAt(index: PlanIndex, uri: string, offset: number): CompletionEntry[] {
  try {
    const doc = index.get(uri);
    if (!doc) return [];
    const ctx = cursorContext(doc.text, offset);
    // The tree itself: schemaAt reads only the values along the path (schemaNav.ts).
    const json = doc.model.root ?? undefined;
    if (ctx.position === 'key') return keyEntries(index, doc, ctx, json);
    if (ctx.position === 'value') return valueEntries(index, doc, ctx, ctx.path, json, '');
    return [];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Keys.

function lineIndentAt(text: string, offset: number): number {
  const start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  let i = start;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i - start;
}

function keyEntries(index: PlanIndex, doc: PlanDocument, ctx: CursorContext, json: unknown): CompletionEntry[] {
  const info = schemaAt(ctx.path, json);
  if (ctx.bareItem && info.properties.length === 0) {
    // `- word`: a scalar list item (a service id under used_by, a framework tag, …).
    return valueEntries(index, doc, ctx, ctx.path, json, '');
  }
  if (!info.known || info.keyedByIds) return []; // a new id: the author names it
  const relative = ctx.indent + 2 - lineIndentAt(doc.text, ctx.range.start);
  if (info.type === 'array' && info.properties.length === 0) {
    // At a list's column without `- ` yet: offer the items' keys (or values) as new items.
    const item = schemaAt([...ctx.path, '0'], json);
    if (item.properties.length > 0) return propertyEntries(item.properties, new Set(), ctx, relative + 2, '- ');
    return valueEntries(index, doc, ctx, [...ctx.path, '0'], json, '- ');
  }
  return propertyEntries(info.properties, new Set(ctx.presentKeys), ctx, relative, '');
}

function propertyEntries(properties: SchemaProperty[], present: Set<string>, ctx: CursorContext, relative: number, lead: string): CompletionEntry[] {
  const pad = ' '.repeat(Math.max(0, relative));
  const entries: CompletionEntry[] = [];
  properties.forEach((p, order) => {
    if (present.has(p.name)) return;
    const entry: CompletionEntry = {
      label: p.name,
      kind: 'key',
      detail: p.required ? `${p.label} · required` : p.label,
      documentation: keyDocumentation(p),
      range: ctx.range,
      sortText: `${p.required ? '0' : '1'}${String(order).padStart(3, '0')}`,
    };
    if (ctx.hasColon) {
      entry.insertText = p.name; // `ow‸: value`: the colon is already there
    } else if (p.enum?.length === 1 && typeof p.enum[0] === 'string') {
      entry.insertText = `${lead}${p.name}: ${JSON.stringify(p.enum[0])}`; // irplan: "1"
    } else if (p.type === 'object') {
      entry.insertText = `${lead}${p.name}:\n${pad}$0`;
      entry.snippet = true;
    } else if (p.type === 'array' && p.idKind) {
      entry.insertText = `${lead}${p.name}: [$0]`; // ids and tags: used_by: [a, b]
      entry.snippet = true;
    } else if (p.type === 'array') {
      entry.insertText = `${lead}${p.name}:\n${pad}- $0`; // mappings and sentences: one per line
      entry.snippet = true;
    } else {
      entry.insertText = `${lead}${p.name}: `;
    }
    entries.push(entry);
  });
  return entries;
}

function keyDocumentation(p: SchemaProperty): string {
  const parts = [p.description];
  if (p.default !== undefined) parts.push(`Default: \`${JSON.stringify(p.default).replace(/^"(.*)"$/, '$1')}\``);
  return parts.filter((x) => x !== '').join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Values.

/** Text for a snippet: `$`, `}` and `\` are placeholders' syntax. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function valueEntries(index: PlanIndex, doc: PlanDocument, ctx: CursorContext, path: string[], json: unknown, lead: string): CompletionEntry[] {
  const info = schemaAt(path, json);
  const space = ctx.needsSpace ? ' ' : '';
  let entries: CompletionEntry[];
  if (info.idKind) {
    entries = idEntries(index, doc, info, path, ctx.range);
  } else if (info.enum) {
    entries = enumEntries(info, path, ctx.range);
  } else if (info.type === 'boolean') {
    entries = [true, false].map((v, order) => ({
      label: String(v),
      kind: 'value' as const,
      detail: info.default === v ? 'boolean · default' : 'boolean',
      documentation: info.description,
      range: ctx.range,
      sortText: String(order),
    }));
  } else if (info.type === 'array' && !ctx.inFlow && !lead) {
    // `used_by: ‸`: a flow list of the ids.
    const items = valueEntries(index, doc, { ...ctx, needsSpace: false }, [...path, '0'], json, '');
    entries = items.map((e) => ({ ...e, insertText: `[${escapeSnippet(e.insertText ?? e.label)}$0]`, snippet: true }));
    return space ? entries.map((e) => ({ ...e, insertText: `${space}${e.insertText}` })) : entries;
  } else {
    return [];
  }
  const skip = new Set(ctx.flowItems);
  return entries
    .filter((e) => !skip.has(e.label))
    .map((e) => (space || lead ? { ...e, insertText: `${space}${lead}${e.insertText ?? e.label}` } : e));
}

function enumEntries(info: SchemaInfo, path: string[], range: OffsetRange): CompletionEntry[] {
  const key = [...path].reverse().find((s) => !/^\d+$/.test(s)) ?? '';
  const docs = ENUM_DOCS[key] ?? {};
  return (info.enum ?? []).map((value, order) => {
    const label = typeof value === 'string' && path.length === 1 && path[0] === 'irplan' ? JSON.stringify(value) : String(value);
    const meaning = typeof value === 'string' ? docs[value] : undefined;
    const entry: CompletionEntry = {
      label,
      kind: 'value',
      detail: `${key}${info.default === value ? ' · default' : ''}`,
      documentation: [meaning, info.description].filter((x): x is string => !!x).join('\n\n'),
      range,
      sortText: String(order).padStart(3, '0'),
    };
    return entry;
  });
}

function idEntries(index: PlanIndex, doc: PlanDocument, info: SchemaInfo, path: string[], range: OffsetRange): CompletionEntry[] {
  const sort = (order: number) => String(order).padStart(6, '0');
  switch (info.idKind) {
    case 'contact': {
      const scope = index.scopeOf(doc);
      return [...scope.contacts.values()].map((v, order) => ({
        label: v.def.id,
        kind: 'reference',
        detail: contactDetail(v.def),
        documentation: contactMarkdown(v, doc.uri),
        range,
        sortText: sort(order),
      }));
    }
    case 'service': {
      const scope = index.scopeOf(doc);
      return [...scope.services.values()].map((v, order) => ({
        label: v.def.id,
        kind: 'reference',
        detail: serviceDetail(v.def),
        documentation: serviceMarkdown(v, doc.uri, scope),
        range,
        sortText: sort(order),
      }));
    }
    case 'severity': {
      const scope = index.scopeOf(doc);
      return [...scope.severities.values()].map((v, order) => ({
        label: v.def.id,
        kind: 'reference',
        detail: severityDetail(v.def),
        documentation: severityMarkdown(v, doc.uri, scope),
        range,
        sortText: sort(order),
      }));
    }
    case 'class': {
      const scope = index.scopeOf(doc);
      return [...doc.model.classes.values()].map((cls, order) => ({
        label: cls.id,
        kind: 'reference',
        detail: classDetail(cls),
        documentation: classMarkdown(cls, scope),
        range,
        sortText: sort(order),
      }));
    }
    case 'step': {
      const { cls, list, steps, self } = stepListAt(doc, path);
      const selfId = self !== undefined ? steps.find((s) => s.index === self)?.id?.value : undefined;
      const scope = index.scopeOf(doc);
      const seen = new Set<string>();
      const entries: CompletionEntry[] = [];
      for (const step of steps) {
        const id = step.id?.value;
        if (!id || id === selfId || seen.has(id)) continue;
        seen.add(id);
        entries.push({
          label: id,
          kind: 'reference',
          detail: stepDetail(step),
          documentation: stepMarkdown(step, cls, list, scope),
          range,
          sortText: sort(step.index),
        });
      }
      return entries;
    }
    case 'evidence': {
      const cls = classAt(doc, path);
      const scope = index.scopeOf(doc);
      return (cls?.evidence ?? []).flatMap((e, order) =>
        e.id
          ? [{ label: e.id.value, kind: 'reference' as const, detail: evidenceDetail(e), documentation: evidenceMarkdown(e, cls, scope), range, sortText: sort(order) }]
          : [],
      );
    }
    case 'framework':
      return FRAMEWORKS.map((entry, order) => ({
        label: entry.tag,
        kind: 'framework',
        detail: entry.title,
        documentation: frameworkMarkdown(entry),
        range,
        sortText: sort(order),
      }));
    default:
      return [];
  }
}
