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

/** The rule levels of one workspace folder: its `.irplan.yaml` (none: defaults). */
export function readFolderConfig(folder: string): RuleConfig {
  const file = path.join(folder, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { rules: {} };
  }
  return parseConfig(file, text).config;
}

export function mergeConfig(file: RuleConfig, settings: Partial<Record<string, RuleLevel>>): RuleConfig {
  return { rules: { ...file.rules, ...settings } };
}

/**
 * Each folder's configuration with the settings on top; a document takes its folder's (the
 * deepest folder that contains it), and one outside every folder takes the settings alone.
 */
export class FolderConfigs {
  private configs = new Map<string, RuleConfig>();
  private outside: RuleConfig = { rules: {} };

  /**
   * Re-reads the folders' files. A configuration whose levels did not change keeps its object:
   * validation caches compare configurations by identity, and a settings pull that changes
   * nothing must not make every plan be validated again.
   */
  reload(folders: readonly string[], settings: Partial<Record<string, RuleLevel>>): void {
    const keep = (old: RuleConfig | undefined, next: RuleConfig): RuleConfig => (old && sameRules(old, next) ? old : next);
    this.configs = new Map(folders.map((f) => [path.resolve(f), keep(this.configs.get(path.resolve(f)), mergeConfig(readFolderConfig(f), settings))]));
    this.outside = keep(this.outside, { rules: { ...settings } });
  }

  forPath(file: string | undefined): RuleConfig {
    if (file === undefined) return this.outside;
    let best: string | undefined;
    for (const folder of this.configs.keys()) {
      if ((file === folder || file.startsWith(folder + path.sep)) && (!best || folder.length > best.length)) best = folder;
    }
    return best ? this.configs.get(best)! : this.outside;
  }
}

function sameRules(a: RuleConfig, b: RuleConfig): boolean {
  const keys = new Set([...Object.keys(a.rules), ...Object.keys(b.rules)]);
  return [...keys].every((k) => a.rules[k] === b.rules[k]);
}
