// The workspace configuration file `.irplan.yaml`: per-rule levels (`off | info | warning |
// error`). Its own problems are findings too, so a typo in CI configuration is visible, not
// silently ignored.
import type { Finding, RuleLevel } from './findings';
import { quote } from './quote';
import { RULES_BY_ID } from './rules';
import { docsPath } from './rules/rule';
import { didYouMean } from './rules/helpers';
import { parseYaml } from './yaml/parse';

export const CONFIG_FILE_NAME = '.irplan.yaml';
const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

export interface RuleConfig {
  rules: Partial<Record<string, RuleLevel>>;
}

export function parseConfig(uri: string, text: string): { config: RuleConfig; findings: Finding[] } {
  const findings: Finding[] = [];
  const report = (ruleId: 'yaml-syntax' | 'schema', range: { start: number; end: number }, message: string) =>
    findings.push({ ruleId, severity: 'error', message, uri, range: { start: range.start, end: range.end }, docs: docsPath(ruleId) });
  const parsed = parseYaml(text);
  parsed.issues.forEach((issue) => report('yaml-syntax', issue, issue.message));
  const config: RuleConfig = { rules: {} };
  const root = parsed.root;
  if (root === null) return { config, findings };
  if (root.kind !== 'map') {
    report('schema', { start: root.start, end: root.start + 1 }, 'the configuration must be a mapping: rules: { <rule-id>: off | info | warning | error }');
    return { config, findings };
  }
  for (const pair of root.pairs) {
    if (pair.key.value !== 'rules') report('schema', pair.key, `unknown key ${quote(pair.key.value)} in ${CONFIG_FILE_NAME}: the only key is rules`);
  }
  const rules = root.byKey.get('rules')?.value;
  if (!rules) return { config, findings };
  if (rules.kind !== 'map') {
    report('schema', root.byKey.get('rules')!.key, 'rules must be a mapping of rule ids to off, info, warning or error');
    return { config, findings };
  }
  for (const pair of rules.pairs) {
    const id = String(pair.key.value);
    if (!RULES_BY_ID.has(id)) {
      report('schema', pair.key, `unknown rule ${quote(id)}${didYouMean(id, RULES_BY_ID.keys())}: see docs/rules/README.md for the rule ids`);
      continue;
    }
    const level = pair.value?.kind === 'scalar' ? pair.value.value : undefined;
    if (typeof level !== 'string' || !LEVELS.includes(level as RuleLevel)) {
      report('schema', pair.value ?? pair.key, `rule ${quote(id)} must be set to one of ${LEVELS.join(', ')}`);
      continue;
    }
    config.rules[id] = level as RuleLevel;
  }
  return { config, findings };
}
