// Inline suppression comments (section 7):
//   # irplan-disable-next-line RULE[, RULE]   silences those rules on the next line
//   # irplan-disable RULE[, RULE]             at the top of the file (before any content), for the file
// A trailing comment `key: value  # irplan-disable-line RULE` is also accepted, for the same line,
// because authors reach for it first; it is documented with the others.

export interface Suppressions {
  /** Rules silenced for the whole file. */
  file: Set<string>;
  /** 0-based line → rules silenced on that line. */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /#\s*irplan-disable(-next-line|-line)?\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function readSuppressions(text: string): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  if (!text.includes('irplan-disable')) return result;
  const lines = text.split(/\r\n|\r|\n/);
  let beforeContent = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    const isComment = trimmed.startsWith('#');
    const match = DIRECTIVE.exec(line);
    if (match) {
      const rules = match[2].split(',').map((r) => r.trim());
      const kind = match[1];
      if (kind === '-next-line' && isComment) add(result.lines, i + 1, rules);
      else if (kind === '-line') add(result.lines, i, rules);
      else if (kind === undefined && isComment && beforeContent) rules.forEach((r) => result.file.add(r));
    }
    if (trimmed !== '' && !isComment && trimmed !== '---') beforeContent = false;
  }
  return result;
}

function add(lines: Map<number, Set<string>>, line: number, rules: string[]): void {
  const set = lines.get(line) ?? new Set<string>();
  rules.forEach((r) => set.add(r));
  lines.set(line, set);
}

export function isSuppressed(s: Suppressions, ruleId: string, line: () => number): boolean {
  if (s.file.has(ruleId)) return true;
  if (s.lines.size === 0) return false;
  return s.lines.get(line())?.has(ruleId) ?? false;
}
