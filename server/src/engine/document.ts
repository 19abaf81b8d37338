// One plan document analysed once per version: its text, the YAML tree, the typed model and its
// suppression comments. Everything else (rules, editor features) reads from this.
import { LineIndex } from './text/lineIndex';
import { buildModel, type PlanModel } from './model';
import { parseYaml, type ParsedYaml } from './yaml/parse';
import { readSuppressions, type Suppressions } from './suppressions';

export interface PlanDocument {
  uri: string;
  text: string;
  parsed: ParsedYaml;
  model: PlanModel;
  suppressions: Suppressions;
  /** Built on first use: most validations never need a line number. */
  lines(): LineIndex;
}

/**
 * Analyses a text. Given the previous version of the same document, unchanged entries (classes,
 * services, contacts…) are reused from it; that previous version must not be used afterwards.
 */
export function analyzeDocument(uri: string, text: string, previous?: PlanDocument): PlanDocument {
  const parsed = parseYaml(text, previous?.parsed.cache);
  let lines: LineIndex | undefined;
  return {
    uri,
    text,
    parsed,
    model: buildModel(parsed.root),
    suppressions: readSuppressions(text),
    lines: () => (lines ??= new LineIndex(text)),
  };
}

/** A document that an import can use: it parsed to a mapping with the `irplan` version key. */
export function isIrplanDocument(doc: PlanDocument): boolean {
  return doc.model.root !== null && doc.model.root.byKey.has('irplan');
}
