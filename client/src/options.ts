// Pure helpers behind the client's options and commands: sanitising settings, choosing the URI
// schemes to serve, naming a new plan and reading the rule catalogue from the manifest. No
// `vscode` import, so test/client runs them under plain mocha.

/** The levels a rule can be set to, in the order the settings UI lists them. */
export const LEVELS = ['off', 'info', 'warning', 'error'] as const;
export type Level = (typeof LEVELS)[number];

/** Rule ids have the shape of every id in the format (schema: `^[a-z][a-z0-9-]{0,63}$`). */
const RULE_ID = /^[a-z][a-z0-9-]{0,63}$/;

export function isRuleId(value: unknown): value is string {
  return typeof value === 'string' && RULE_ID.test(value);
}

function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/**
 * The `irplan.rules` setting as the server may rely on it: an object of rule id → level. Settings
 * are user-edited JSON, so anything else (a wrong type, a misspelt level) is dropped here rather
 * than sent; the settings editor already underlines it against the manifest's schema.
 */
export function sanitizeRules(value: unknown): Record<string, Level> {
  const rules: Record<string, Level> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return rules;
  for (const [id, level] of Object.entries(value)) {
    if (isRuleId(id) && isLevel(level)) rules[id] = level;
  }
  return rules;
}

/**
 * The URI schemes whose irplan documents the server validates: saved files, untitled buffers, and
 * whatever scheme a virtual workspace's folders use (`vscode-vfs` for Remote Repositories, …).
 * Not every scheme: `git:` and other read-only views of old versions would get diagnostics of
 * their own and show every finding twice.
 */
export function documentSchemes(workspaceFolderSchemes: readonly string[]): string[] {
  const schemes = ['file', 'untitled'];
  for (const scheme of workspaceFolderSchemes) {
    if (!schemes.includes(scheme)) schemes.push(scheme);
  }
  return schemes;
}

/** The workspace configuration file: `*.irplan.yaml` matches it, yet it is not a plan. */
export const CONFIG_FILE_NAME = '.irplan.yaml';

/**
 * The file name for a new plan from the name a person typed: plans must end in `.irplan.yaml` or
 * `.irplan.yml` for VS Code, the server and `irplan validate` to pick them up, so `nhi` and
 * `nhi.yaml` become `nhi.irplan.yaml`. Undefined for a name that cannot be a plan.
 */
export function planFileName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.includes('/') || trimmed.includes('\\')) return undefined;
  const lower = trimmed.toLowerCase();
  if (lower === CONFIG_FILE_NAME || lower === '.irplan.yml') return undefined;
  if (lower.endsWith('.irplan.yaml') || lower.endsWith('.irplan.yml')) return trimmed;
  const yamlExtension = /\.(yaml|yml)$/i.exec(trimmed);
  if (yamlExtension) {
    const stem = trimmed.slice(0, yamlExtension.index);
    return stem === '' ? undefined : `${stem}.irplan.${yamlExtension[1]}`;
  }
  return `${trimmed}.irplan.yaml`;
}

export interface RuleEntry {
  id: string;
  /** The setting's description of the rule (what it checks, its default level). */
  description: string;
}

/**
 * The rule catalogue as the manifest declares it (the properties of the `irplan.rules` setting).
 * The client imports nothing from the engine; the manifest is kept in step with the engine's
 * RULES by a test, so it is the client's list of rule ids.
 */
export function ruleCatalogue(packageJSON: unknown): RuleEntry[] {
  const configuration = field(field(packageJSON, 'contributes'), 'configuration');
  const sections = Array.isArray(configuration) ? configuration : [configuration];
  for (const section of sections) {
    const properties = field(field(field(section, 'properties'), 'irplan.rules'), 'properties');
    if (typeof properties !== 'object' || properties === null) continue;
    return Object.entries(properties)
      .filter(([id]) => isRuleId(id))
      .map(([id, schema]) => {
        const text = field(schema, 'markdownDescription') ?? field(schema, 'description');
        return { id, description: typeof text === 'string' ? text : '' };
      });
  }
  return [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
