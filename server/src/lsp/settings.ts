// Rule levels for the workspace: the `.irplan.yaml` file at a workspace folder's root, with the
// `irplan.rules` setting on top (a setting is the author's own choice for this editor). Works
// without workspace/configuration: initialization options carry the settings too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, RULES_BY_ID, parseConfig, type RuleConfig, type RuleLevel } from '../engine';

const LEVELS = new Set(['off', 'info', 'warning', 'error']);

/** Only known rule ids with known levels: settings come from the client and are not trusted. */
export function sanitizeRuleSettings(value: unknown): Partial<Record<string, RuleLevel>> {
  const result: Partial<Record<string, RuleLevel>> = {};
  if (!value || typeof value !== 'object') return result;
  for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
    if (RULES_BY_ID.has(id) && typeof level === 'string' && LEVELS.has(level)) result[id] = level as RuleLevel;
  }
  return result;
}

export function readWorkspaceConfig(folderPaths: readonly string[]): RuleConfig {
  const rules: Partial<Record<string, RuleLevel>> = {};
  for (const folder of folderPaths) {
    const file = path.join(folder, CONFIG_FILE_NAME);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    Object.assign(rules, parseConfig(file, text).config.rules);
  }
  return { rules };
}

export function mergeConfig(file: RuleConfig, settings: Partial<Record<string, RuleLevel>>): RuleConfig {
  return { rules: { ...file.rules, ...settings } };
}
