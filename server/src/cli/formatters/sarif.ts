// SARIF 2.1.0 for code-scanning uploads: one run, the full rule catalogue in tool.driver.rules
// (so a rule's level and help are known even when it did not fire), and one result per finding
// with a region in 1-based UTF-16 columns and the path relative to %SRCROOT%, the working folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type Rule, type Severity } from '../../engine';
import { version } from '../../../../package.json';
import type { Formatter } from '../report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/irplan';

export const sarif: Formatter = (report, ctx) => {
  const rules = RULES.map(describeRule);
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: level(f.severity),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriReference(file.path), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    })),
  );
  const root = pathToFileURL(ctx.cwd).href;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'irplan', informationUri: INFORMATION_URI, version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

/** A relative path as a URI reference: each segment percent-encoded, `..` kept. */
function uriReference(relativePath: string): string {
  return relativePath
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function describeRule(rule: Rule) {
  const page = docsFile(rule.id);
  const docs = readRuleDocs(page);
  const fires = docs?.fires ?? rule.description;
  const fix = docs?.fix ?? `${rule.description} See docs/rules/${rule.id}.md in the irplan package.`;
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: plainText(fires), markdown: fires },
    helpUri: pathToFileURL(page).href,
    help: { text: plainText(fix), markdown: fix },
    defaultConfiguration: { level: level(rule.defaultSeverity) },
    properties: { tags: ['irplan', 'incident-response', 'non-human-identity'] },
  };
}

/**
 * The rule's page in the installed package. There is no public documentation site, so helpUri is
 * the page's absolute file URI next to the bundle (dist/cli.js → ../docs/rules/<id>.md): it opens
 * where irplan is installed, and the page's text is also copied into fullDescription and help so
 * a SARIF viewer elsewhere still shows it.
 */
function docsFile(ruleId: string): string {
  return path.resolve(__dirname, '..', 'docs', 'rules', `${ruleId}.md`);
}

/** From a rule page: the paragraph under the title that says when it fires, and "How to fix". */
function readRuleDocs(file: string): { fires?: string; fix?: string } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const sections = text.replace(/\r\n?/g, '\n').split(/^## /m);
  const intro = sections[0]
    .split('\n\n')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('#') && !p.startsWith('**Default severity'));
  const fixSection = sections.find((s) => s.startsWith('How to fix\n'));
  const fix = fixSection?.slice('How to fix\n'.length).trim();
  return { fires: intro[0], fix: fix || undefined };
}

function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
