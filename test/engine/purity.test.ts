// The fence around the engine. The engine runs in the CLI, in the language server and in tests,
// so it reaches documents only through a DocumentHost: no file system, no processes, no network,
// no LSP and no VS Code. This test reads every TypeScript source under server/src/engine and
// fails on any import, export-from, `import x = require()`, require() or dynamic import() of
// those modules. It also checks that the public index exports what the CLI and the language
// server use, including every value the sources outside the engine import from it today.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import * as engine from '../../server/src/engine';

/** Compiled to out/test/engine/purity.test.js: the repository root is three levels up. */
const ROOT = path.resolve(__dirname, '../../..');
const ENGINE_DIR = path.join(ROOT, 'server', 'src', 'engine');
const SERVER_SRC = path.join(ROOT, 'server', 'src');

const FORBIDDEN: { name: string; test: (specifier: string) => boolean }[] = [
  { name: 'vscode', test: (s) => s === 'vscode' || s.startsWith('vscode/') },
  { name: 'vscode-languageserver*', test: (s) => s.startsWith('vscode-languageserver') },
  { name: 'vscode-languageclient', test: (s) => s.startsWith('vscode-languageclient') },
  { name: 'fs', test: (s) => /^(node:)?fs(\/.*)?$/.test(s) },
  { name: 'child_process', test: (s) => /^(node:)?child_process$/.test(s) },
  { name: 'net', test: (s) => /^(node:)?net$/.test(s) },
  { name: 'http', test: (s) => /^(node:)?http2?$/.test(s) },
  { name: 'https', test: (s) => /^(node:)?https$/.test(s) },
];

function typeScriptFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...typeScriptFiles(full));
    else if (entry.isFile() && /\.(c|m)?tsx?$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Every module specifier a file names: imports, export-from, import = require, require(), import(). */
function moduleSpecifiers(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

describe('engine purity', () => {
  const engineFiles = typeScriptFiles(ENGINE_DIR);

  it('finds the engine sources (so the scan below is not vacuous)', () => {
    assert.ok(engineFiles.some((f) => relative(f) === 'server/src/engine/index.ts'), `no index.ts under ${ENGINE_DIR}`);
    assert.ok(engineFiles.some((f) => relative(f) === 'server/src/engine/yaml/parse.ts'), 'sub-folders are scanned');
    assert.ok(engineFiles.length >= 10, `only ${engineFiles.length} files found`);
  });

  it('the scanner sees every form of import', () => {
    const source = [
      "import * as a from 'node:fs';",
      "import type { B } from 'vscode-languageserver/node';",
      "export { c } from 'child_process';",
      "import d = require('net');",
      "const e = require('https');",
      "void import('vscode');",
    ].join('\n');
    const found = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
    assert.deepEqual(found.sort(), ['child_process', 'https', 'net', 'node:fs', 'vscode', 'vscode-languageserver/node'].sort());
    for (const specifier of found) assert.ok(FORBIDDEN.some((f) => f.test(specifier)), `${specifier} is not caught`);
    for (const allowed of ['yaml', 'ajv/dist/2020', './text/lineIndex', '../../../schemas/irplan.schema.json', 'fast-check', 'netmask', 'fsm']) {
      assert.ok(!FORBIDDEN.some((f) => f.test(allowed)), `${allowed} must not be caught`);
    }
  });

  it('no engine file imports vscode, vscode-languageserver*, vscode-languageclient, fs, child_process, net or http(s)', () => {
    const violations: string[] = [];
    for (const file of engineFiles) {
      for (const specifier of moduleSpecifiers(file)) {
        const rule = FORBIDDEN.find((f) => f.test(specifier));
        if (rule) violations.push(`${relative(file)} imports ${JSON.stringify(specifier)} (${rule.name})`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('no engine file imports from outside the engine except packages and the JSON Schema', () => {
    const violations: string[] = [];
    for (const file of engineFiles) {
      for (const specifier of moduleSpecifiers(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), specifier);
        const inside = target === ENGINE_DIR || target.startsWith(ENGINE_DIR + path.sep);
        const schema = relative(target) === 'schemas/irplan.schema.json';
        if (!inside && !schema) violations.push(`${relative(file)} imports ${JSON.stringify(specifier)} (${relative(target)})`);
      }
    }
    assert.deepEqual(violations, []);
  });

  describe('the public index (server/src/engine/index.ts)', () => {
    it('exports PlanSet, RULES, LineIndex and parseConfig', () => {
      assert.equal(typeof engine.PlanSet, 'function');
      assert.equal(typeof engine.LineIndex, 'function');
      assert.equal(typeof engine.parseConfig, 'function');
      assert.ok(Array.isArray(engine.RULES) && engine.RULES.length > 0, 'RULES is a non-empty list');
      for (const rule of engine.RULES) {
        assert.equal(typeof rule.id, 'string');
        assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity), rule.id);
        assert.ok(typeof rule.check === 'function' || typeof rule.checkClass === 'function', `${rule.id} checks the document or each class`);
      }
      assert.deepEqual(
        engine.RULES.slice(0, 2).map((r) => r.id),
        ['yaml-syntax', 'schema'],
        'the catalogue starts with the syntax and schema rules',
      );
    });

    it('the exports work together: PlanSet over a host, LineIndex over its text, parseConfig for levels', () => {
      const text = 'irplan: "1"\nplan: 1\n';
      const set = new engine.PlanSet({ read: (uri) => (uri === 'a' ? text : undefined), resolve: (_from, p) => p });
      const { config, findings: configFindings } = engine.parseConfig('.irplan.yaml', 'rules:\n  schema: warning\n');
      assert.deepEqual(configFindings, []);
      const findings = set.validate('a', { today: 0, config });
      assert.ok(findings && findings.length > 0);
      assert.ok(findings.every((f) => f.ruleId !== 'schema' || f.severity === 'warning'));
      assert.equal(set.validate('missing', { today: 0 }), undefined);
      const lines = new engine.LineIndex(text);
      assert.deepEqual(lines.position(text.indexOf('\nplan') + 1), { line: 1, character: 0 });
    });

    it('exports every value that the code outside the engine imports from it', () => {
      // Value (not type-only) named imports of the engine's index from server/src outside the
      // engine (the CLI today, the language server when it lands).
      const needed = new Map<string, string>();
      const others = typeScriptFiles(SERVER_SRC).filter((f) => !f.startsWith(ENGINE_DIR + path.sep));
      for (const file of others) {
        const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
        for (const statement of source.statements) {
          if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
          const target = path.resolve(path.dirname(file), statement.moduleSpecifier.text);
          if (target !== ENGINE_DIR && target !== path.join(ENGINE_DIR, 'index')) continue;
          const clause = statement.importClause;
          if (!clause || clause.isTypeOnly) continue;
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamedImports(bindings)) {
            for (const element of bindings.elements) {
              if (element.isTypeOnly) continue;
              needed.set((element.propertyName ?? element.name).text, relative(file));
            }
          }
        }
      }
      assert.ok(needed.has('PlanSet'), `the CLI's imports were found: ${[...needed.keys()].join(', ')}`);
      const exported = engine as unknown as Record<string, unknown>;
      const missing = [...needed].filter(([name]) => exported[name] === undefined).map(([name, file]) => `${name} (used by ${file})`);
      assert.deepEqual(missing, []);
    });
  });
});
