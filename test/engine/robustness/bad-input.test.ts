// Hostile and broken inputs through the full validation (PlanSet over an in-memory host, today
// 2026-11-25). Every test goes through check(), which asserts that validation returns, that every
// finding is well formed (known rule, severity, a one-line range inside the text) and that
// Object.prototype is untouched; each test then asserts the finding a plan author should see.
// No timing assertions: the large inputs only get a generous mocha timeout.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Finding } from '../../../server/src/engine';
import { VALID_PLAN, check, describeFindings, edit, positionOf, seededRandom } from './helpers';

function syntax(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.ruleId === 'yaml-syntax');
}

function lineOfOffset(text: string, offset: number): number {
  return positionOf(text, offset).line;
}

/** The offset of the n-th (0-based) occurrence of `needle`. */
function nth(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `test setup: occurrence ${n} of ${JSON.stringify(needle)} not found`);
  }
  return at;
}

describe('robustness: bad input', function () {
  this.timeout(60_000);

  it('the reference plan is clean (every test below breaks exactly one thing)', () => {
    const findings = check(VALID_PLAN);
    assert.deepEqual(findings, [], describeFindings(VALID_PLAN, findings));
  });

  describe('malformed YAML', () => {
    it('unclosed [ in a flow sequence: yaml-syntax on the [ line or where the parser gives up (the next line)', () => {
      const text = edit('    used_by: [ci-pipeline]\n', '    used_by: [ci-pipeline\n');
      const findings = check(text);
      const issues = syntax(findings);
      assert.equal(issues.length, 1, describeFindings(text, findings));
      const bracket = text.indexOf('[ci-pipeline');
      const bracketLine = lineOfOffset(text, bracket);
      const at = positionOf(text, issues[0].range.start);
      // The parser notices at the next line; the finding points back at the [ that is never closed.
      assert.deepEqual(at, { line: bracketLine, character: positionOf(text, bracket).character }, describeFindings(text, findings));
      assert.match(issues[0].message, /\]/, 'the message names the missing ]');
    });

    it('unclosed [ at the very end of the file: yaml-syntax on the [, range inside the text', () => {
      const text = 'irplan: "1"\ncontacts: [secops, iam-team';
      const findings = check(text); // asserts range.end <= text.length
      const issues = syntax(findings);
      assert.equal(issues.length, 1, describeFindings(text, findings));
      assert.deepEqual(positionOf(text, issues[0].range.start), positionOf(text, text.indexOf('[')), 'on the bracket that is never closed');
      assert.match(issues[0].message, /\]/);
    });

    it('unclosed double quote: yaml-syntax on the line of the opening quote', () => {
      const text = edit('    description: GitHub tokens\n', '    description: "GitHub tokens\n');
      const findings = check(text);
      const issues = syntax(findings);
      assert.equal(issues.length, 1, describeFindings(text, findings));
      const quoteAt = text.indexOf('"GitHub tokens');
      // The scalar runs to the end of the file; a finding at the end of a long plan ("close the
      // quoted string that starts before this point") leaves the author to search the whole file.
      assert.equal(
        positionOf(text, issues[0].range.start).line,
        lineOfOffset(text, quoteAt),
        `the finding should be on the line where the quote opens (line ${lineOfOffset(text, quoteAt) + 1})\n${describeFindings(text, findings)}`,
      );
      assert.match(issues[0].message, /quot/);
    });

    it('unclosed double quote at the very end of the file: range inside the text', () => {
      const text = 'irplan: "1';
      const findings = check(text); // asserts range.end <= text.length
      assert.equal(syntax(findings).length, 1, describeFindings(text, findings));
      assert.match(syntax(findings)[0].message, /quot/);
    });

    it('bad indentation (a key one space short of its siblings): yaml-syntax on that line first', () => {
      const text = edit('    deputy: secops\n', '   deputy: secops\n');
      const findings = check(text);
      const issues = syntax(findings);
      assert.ok(issues.length >= 1, describeFindings(text, findings));
      const badLine = lineOfOffset(text, text.indexOf('   deputy'));
      const first = positionOf(text, issues[0].range.start);
      assert.equal(first.line, badLine, describeFindings(text, findings));
      assert.ok(first.character === 0 || first.character === 3, `column ${first.character + 1}: the indentation or the key`);
      assert.match(issues[0].message, /indent|align|column/i);
    });

    it('tab used as indentation: yaml-syntax on that line saying to use spaces', () => {
      const text = edit('    deputy: secops\n', '\tdeputy: secops\n');
      const findings = check(text);
      const issues = syntax(findings);
      assert.ok(issues.length >= 1, describeFindings(text, findings));
      assert.deepEqual(positionOf(text, issues[0].range.start), { line: lineOfOffset(text, text.indexOf('\tdeputy')), character: 0 });
      assert.match(issues[0].message, /tab/i);
      assert.match(issues[0].message, /space/i);
    });
  });

  describe('alias bombs', () => {
    function bomb(open: string, close: string, item: (prev: string, i: number) => string): string {
      const names = 'abcdefghi';
      let text = `a: &a ${open}${Array.from({ length: 9 }, (_, i) => item('x', i)).join(', ')}${close}\n`;
      for (let level = 1; level < names.length; level++) {
        const prev = `*${names[level - 1]}`;
        text += `${names[level]}: &${names[level]} ${open}${Array.from({ length: 9 }, (_, i) => item(prev, i)).join(', ')}${close}\n`;
      }
      return text;
    }

    function assertDefused(text: string): void {
      const heapBefore = process.memoryUsage().heapUsed;
      const findings = check(text);
      const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
      const alias = syntax(findings).filter((f) => /alias/i.test(f.message));
      assert.equal(alias.length, 1, `one finding about the alias expansion\n${describeFindings(text, findings)}`);
      assert.match(alias[0].message, /expan/i);
      assert.match(text.slice(alias[0].range.start, alias[0].range.end), /^\*[a-i]$/, 'the finding is on an alias');
      // 9^9 ≈ 387 million nodes if expanded; a defused bomb costs next to nothing.
      assert.ok(heapGrowth < 256 * 1024 * 1024, `heap grew by ${Math.round(heapGrowth / 1048576)} MB`);
    }

    it('billion laughs with sequences (9 levels of 9 aliases)', () => {
      assertDefused(bomb('[', ']', (prev) => prev));
    });

    it('billion laughs with mappings (9 levels of 9 aliases)', () => {
      assertDefused(bomb('{', '}', (prev, i) => `k${i}: ${prev}`));
    });
  });

  describe('10,000-deep nesting', () => {
    const DEPTH = 10_000;

    function assertOneNestingFinding(text: string, expectedChar: string): void {
      let findings: Finding[] = [];
      assert.doesNotThrow(() => {
        findings = check(text);
      }, RangeError);
      const nesting = syntax(findings).filter((f) => /nest|deep/i.test(f.message));
      assert.equal(nesting.length, 1, `one finding for one too-deep structure\n${describeFindings(text, findings)}`);
      assert.match(nesting[0].message, /too deep|deeper than/i);
      assert.match(nesting[0].message, /flatten/i, 'the message says what to do');
      assert.equal(text[nesting[0].range.start], expectedChar, 'the finding is on a node of the nested structure');
    }

    it('flow sequences [[[[…]]]]', () => {
      assertOneNestingFinding(`irplan: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`, '[');
    });

    it('block sequences on one line - - - - …', () => {
      assertOneNestingFinding(`${'- '.repeat(DEPTH)}x\n`, '-');
    });

    it('block sequences, one level per line', () => {
      let text = '';
      for (let i = 0; i < DEPTH; i++) text += `${' '.repeat(i * 2)}-\n`;
      text += `${' '.repeat(DEPTH * 2)}x\n`;
      assertOneNestingFinding(text, '-');
    });

    it('nested block mappings', () => {
      let text = '';
      for (let i = 0; i < DEPTH; i++) text += `${' '.repeat(i)}k:\n`;
      text += `${' '.repeat(DEPTH)}v\n`;
      assertOneNestingFinding(text, 'k');
    });

    // Whether deep nesting is survived must not depend on what the process did before. In a
    // long-running process (the language server) the engine has already validated other
    // documents; after validating `'` and then `!`, composing a 10,000-deep flow sequence with
    // the `yaml` package aborts Node (20.x) with "FATAL ERROR: RegExpCompiler Allocation failed -
    // process out of memory" — not an exception, so no try/catch can help. Run in a child process
    // so that an abort fails this test instead of killing the test run.
    it('flow sequences [[[[…]]]] in a process that has validated other documents: the process survives', () => {
      const enginePath = path.resolve(__dirname, '../../../server/src/engine');
      const script = `
        const { PlanSet, parseDate } = require(${JSON.stringify(enginePath)});
        const validate = (text) => new PlanSet({ read: () => text, resolve: (_, p) => p }).validate('a', { today: parseDate('2026-11-25') });
        for (const earlier of ["'", '!']) validate(earlier);
        const deep = 'irplan: ' + '['.repeat(${DEPTH}) + ']'.repeat(${DEPTH});
        const findings = validate(deep);
        process.stdout.write(JSON.stringify(findings.filter((f) => /nest|deep/i.test(f.message)).length));
      `;
      const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      const stderr = (child.stderr ?? '').split('\n').filter((l) => /FATAL|Error/.test(l)).slice(0, 3).join('\n');
      assert.equal(child.signal, null, `the validating process was killed by ${child.signal}:\n${stderr}`);
      assert.equal(child.status, 0, `the validating process exited with ${child.status}:\n${stderr}`);
      assert.equal(child.stdout, '1', 'one nesting finding');
    });
  });

  it('a 20 MB plan (200,000 services in one mapping) validates with no syntax finding', function () {
    this.timeout(300_000);
    const services: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const id = `svc-${String(i).padStart(6, '0')}`;
      services.push(`  ${id}:\n    owner: iam-team\n    description: Service number ${i} of the very large generated plan\n`);
    }
    const text = edit('services:\n', `services:\n${services.join('')}`);
    assert.ok(text.length >= 20 * 1024 * 1024, `generated ${text.length} characters`);
    const started = process.hrtime.bigint();
    const findings = check(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`      20 MB plan (${(text.length / 1048576).toFixed(1)} MiB, 200,000 services): validated in ${Math.round(ms)} ms`);
    assert.deepEqual(syntax(findings), []);
    assert.deepEqual(findings, [], describeFindings(text, findings.slice(0, 20)));
  });

  describe('binary and encoding', () => {
    it('binary bytes (NUL and random bytes): one finding saying it is binary', () => {
      const random = seededRandom(2026);
      const bytes = new Uint8Array(4096);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      bytes[0] = 0x89; // a PNG-like header, then a NUL early on
      bytes[1] = 0x50;
      bytes[2] = 0x4e;
      bytes[3] = 0x47;
      bytes[7] = 0x00;
      const text = new TextDecoder('utf-8').decode(bytes);
      const findings = check(text);
      assert.equal(findings.length, 1, describeFindings(text, findings));
      assert.equal(findings[0].ruleId, 'yaml-syntax');
      assert.match(findings[0].message, /binary/i);
    });

    it('a text with a NUL in the middle of a plan: one finding saying it is binary, at the NUL', () => {
      const text = edit('title: ACME plan', 'title: ACME\u0000plan');
      const findings = check(text);
      assert.equal(findings.length, 1, describeFindings(text, findings));
      assert.equal(findings[0].ruleId, 'yaml-syntax');
      assert.match(findings[0].message, /binary/i);
      assert.equal(findings[0].range.start, text.indexOf('\u0000'));
    });

    it('invalid UTF-8 (0xC3 0x28) decoded with TextDecoder: a finding at that position saying it is not UTF-8', () => {
      const [before, after] = VALID_PLAN.split('ACME plan');
      const bytes = Buffer.concat([Buffer.from(`${before}ACME `, 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(` plan${after}`, 'utf8')]);
      const text = new TextDecoder('utf-8').decode(bytes);
      const bad = text.indexOf('\ufffd');
      assert.ok(bad >= 0, 'TextDecoder turns the bad byte into U+FFFD');
      const findings = check(text);
      assert.equal(findings.length, 1, describeFindings(text, findings));
      assert.equal(findings[0].ruleId, 'yaml-syntax');
      assert.match(findings[0].message, /UTF-8/);
      assert.deepEqual(positionOf(text, findings[0].range.start), positionOf(text, bad));
      assert.deepEqual(positionOf(text, bad), { line: 3, character: 14 });
    });

    it('a BOM before a clean plan: no finding', () => {
      const text = `\ufeff${VALID_PLAN}`;
      const findings = check(text);
      assert.deepEqual(findings, [], describeFindings(text, findings));
    });

    it('a BOM before a plan with one error: the range is exactly the bad value (later line and first line)', () => {
      for (const [from, to, bad] of [
        ['      target: 15m', '      target: 15x', '15x'],
        ['irplan: "1"', 'irplan: 2', '2'],
      ] as const) {
        const text = `\ufeff${edit(from, to)}`;
        const findings = check(text);
        assert.equal(findings.length, 1, describeFindings(text, findings));
        assert.equal(findings[0].ruleId, 'schema');
        const expected = text.indexOf(to) + to.length - bad.length;
        assert.deepEqual(findings[0].range, { start: expected, end: expected + bad.length }, describeFindings(text, findings));
      }
    });

    it('CRLF line endings on a clean plan: no finding', () => {
      const text = VALID_PLAN.replace(/\n/g, '\r\n');
      const findings = check(text);
      assert.deepEqual(findings, [], describeFindings(text, findings));
    });

    it('CRLF line endings on a plan with one error: the range is exactly the value, no \\r inside', () => {
      for (const [from, to, bad] of [
        ['      target: 15m', '      target: 15x', '15x'],
        ['    kind: api-key', '    kind: api-keyy', 'api-keyy'],
        ['  review_interval: 90d', '  review_interval: 90 days', '90 days'],
      ] as const) {
        const text = edit(from, to).replace(/\n/g, '\r\n');
        const findings = check(text);
        assert.equal(findings.length, 1, describeFindings(text, findings));
        assert.equal(findings[0].ruleId, 'schema');
        const expected = text.indexOf(to) + to.length - bad.length;
        assert.deepEqual(findings[0].range, { start: expected, end: expected + bad.length }, describeFindings(text, findings));
        assert.equal(text.slice(findings[0].range.start, findings[0].range.end), bad);
      }
    });
  });

  describe('duplicate keys', () => {
    it('a duplicate top-level key: yaml-syntax on the second key', () => {
      const text = `${VALID_PLAN}irplan: "1"\n`;
      const findings = check(text);
      assert.equal(findings.length, 1, describeFindings(text, findings));
      assert.equal(findings[0].ruleId, 'yaml-syntax');
      const second = nth(text, 'irplan:', 1);
      assert.deepEqual(findings[0].range, { start: second, end: second + 'irplan'.length });
      assert.match(findings[0].message, /duplicate/i);
      assert.match(findings[0].message, /remove|rename/i);
    });

    it('a duplicate key inside a class: yaml-syntax on the second key', () => {
      const text = edit('    deputy: secops\n', '    deputy: secops\n    owner: secops\n');
      const findings = check(text);
      const issues = syntax(findings);
      assert.equal(issues.length, 1, describeFindings(text, findings));
      const second = text.indexOf('    owner: secops\n') + 4;
      assert.deepEqual(issues[0].range, { start: second, end: second + 'owner'.length });
    });

    it('a duplicate contact id: yaml-syntax on the second key', () => {
      const text = edit('  iam-team:\n    kind: team\n', '  secops:\n    kind: team\n    name: x\n    page: y\n  iam-team:\n    kind: team\n');
      const findings = check(text);
      const issues = syntax(findings);
      assert.equal(issues.length, 1, describeFindings(text, findings));
      const second = nth(text, '  secops:\n', 1) + 2;
      assert.deepEqual(issues[0].range, { start: second, end: second + 'secops'.length });
    });
  });

  describe('__proto__ and constructor keys', () => {
    function assertSchemaOnKey(text: string, key: string, keyOffset: number, message: RegExp): void {
      const findings = check(text);
      const onKey = findings.filter((f) => f.ruleId === 'schema' && f.range.start === keyOffset && f.range.end === keyOffset + key.length);
      assert.ok(onKey.length >= 1, `a schema finding on ${key}\n${describeFindings(text, findings)}`);
      assert.ok(onKey.some((f) => message.test(f.message)), describeFindings(text, onKey));
      assert.deepEqual(syntax(findings), [], 'these are valid YAML');
    }

    for (const key of ['__proto__', 'constructor']) {
      it(`${key} at top level (with {polluted: true}): unknown key`, () => {
        const text = `${VALID_PLAN}${key}: {polluted: true}\n`;
        assertSchemaOnKey(text, key, text.lastIndexOf(`${key}:`), /unknown key/);
      });

      it(`${key} inside a class: unknown key`, () => {
        const text = edit('    kind: api-key\n', `    kind: api-key\n    ${key}:\n      polluted: true\n`);
        assertSchemaOnKey(text, key, text.indexOf(`${key}:`), /unknown key/);
      });

      it(`${key} inside plan: unknown key`, () => {
        const text = edit('  id: acme-nhi\n', `  id: acme-nhi\n  ${key}: {polluted: true}\n`);
        assertSchemaOnKey(text, key, text.indexOf(`${key}:`), /unknown key/);
      });

      it(`${key} inside a revocation step: unknown key`, () => {
        const text = edit('          duration: 2m\n', `          duration: 2m\n          ${key}: {polluted: true}\n`);
        assertSchemaOnKey(text, key, text.indexOf(`${key}:`), /unknown key/);
      });
    }

    it('__proto__ as a contact id (with polluted: true): not a valid id', () => {
      const text = edit('contacts:\n', 'contacts:\n  __proto__:\n    polluted: true\n');
      assertSchemaOnKey(text, '__proto__', text.indexOf('__proto__'), /not a valid id/);
    });

    it('__proto__ as a credential class id: not a valid id', () => {
      const text = edit('credential_classes:\n', 'credential_classes:\n  __proto__:\n    polluted: true\n');
      assertSchemaOnKey(text, '__proto__', text.indexOf('__proto__'), /not a valid id/);
    });

    // `constructor` matches the id pattern of spec section 1 (^[a-z][a-z0-9-]{0,63}$), so as a
    // map key under contacts it is a legal id, not an error. What must hold is that it is an
    // ordinary id: defined, it resolves; undefined, it does not resolve through Object.prototype.
    it('constructor as a contact id is an ordinary id: defined and used, no finding', () => {
      let text = edit('contacts:\n', 'contacts:\n  constructor:\n    kind: team\n    name: Builders\n    page: pagerduty:PBLD\n');
      text = edit('    deputy: secops\n', '    deputy: constructor\n', text);
      const findings = check(text);
      assert.deepEqual(findings, [], describeFindings(text, findings));
    });

    it('constructor referenced but not defined: unresolved-reference, not resolved through Object.prototype', () => {
      for (const [from, to] of [
        ['    deputy: secops\n', '    deputy: constructor\n'],
        ['    severity: sev1\n', '    severity: constructor\n'],
        ['    used_by: [ci-pipeline]\n', '    used_by: [ci-pipeline, constructor]\n'],
        ['          duration: 2m\n', '          duration: 2m\n          after: [constructor]\n'],
        ['    class: github-pat\n', '    class: constructor\n'],
      ] as const) {
        const text = edit(from, to);
        const findings = check(text);
        const at = text.indexOf('constructor');
        const unresolved = findings.filter((f) => f.ruleId === 'unresolved-reference');
        assert.equal(unresolved.length, 1, `${to.trim()}\n${describeFindings(text, findings)}`);
        assert.deepEqual(unresolved[0].range, { start: at, end: at + 'constructor'.length });
      }
    });
  });

  describe('not a plan-shaped document', () => {
    for (const [name, text] of [
      ['a list', '- irplan\n- plan\n'],
      ['a scalar', 'hello world\n'],
      ['a number', '42\n'],
    ] as const) {
      it(`top level is ${name}: one clear schema finding`, () => {
        const findings = check(text);
        assert.equal(findings.length, 1, describeFindings(text, findings));
        assert.equal(findings[0].ruleId, 'schema');
        assert.equal(findings[0].range.start, 0);
        assert.match(findings[0].message, /mapping/);
      });
    }

    // Decision: "clear" is either one finding saying the plan is empty, or findings naming the
    // required top-level keys that are missing (irplan, plan, credential_classes). What is not
    // acceptable is silence: an empty *.irplan.yaml would then pass `irplan validate` in CI.
    for (const [name, text] of [
      ['an empty file', ''],
      ['a whitespace-only file', '  \n\n\t\n   '],
      ['a comment-only file', '# irplan plan, to be written\n\n# owner: secops\n'],
    ] as const) {
      it(`${name}: a clear finding that the plan is empty or lacks its required keys`, () => {
        const findings = check(text);
        assert.ok(findings.length >= 1, `no finding for ${name}: it would pass validation`);
        assert.ok(
          findings.every((f) => f.ruleId === 'schema' || f.ruleId === 'yaml-syntax'),
          describeFindings(text, findings),
        );
        assert.ok(findings.every((f) => f.severity === 'error'), describeFindings(text, findings));
        const saysEmpty = findings.some((f) => /empty/i.test(f.message));
        const namesMissing = ['irplan', 'plan', 'credential_classes'].every((k) => findings.some((f) => f.message.includes(`"${k}"`) || f.message.includes(` ${k}:`)));
        assert.ok(saysEmpty || namesMissing, describeFindings(text, findings));
      });
    }

    it('two YAML documents in one file: a yaml-syntax finding on the second document', () => {
      const text = `${VALID_PLAN}---\nirplan: "1"\n`;
      const findings = check(text);
      assert.equal(findings.length, 1, describeFindings(text, findings));
      assert.equal(findings[0].ruleId, 'yaml-syntax');
      const marker = text.indexOf('---');
      assert.deepEqual(findings[0].range, { start: marker, end: marker + 3 });
      assert.match(findings[0].message, /one YAML document/);
    });

    it('an explicit document end then a second document: a finding on the second document', () => {
      const text = `---\n${VALID_PLAN}...\n---\nfoo: 1\n`;
      const findings = check(text);
      assert.equal(findings.length, 1, describeFindings(text, findings));
      assert.equal(findings[0].ruleId, 'yaml-syntax');
      assert.equal(positionOf(text, findings[0].range.start).line, lineOfOffset(text, text.lastIndexOf('---')));
    });
  });

  describe('very long lines', () => {
    it('a 1 MB plain scalar on one line: returns, and the plan is still valid', () => {
      const text = edit('title: ACME plan', `title: ${'y'.repeat(1 << 20)}`);
      const findings = check(text);
      assert.deepEqual(findings, [], describeFindings(text, findings.map((f) => ({ ...f, message: f.message.slice(0, 200) }))));
    });

    it('a 1 MB quoted scalar on one line: returns, and the plan is still valid', () => {
      const text = edit('title: ACME plan', `title: "${'y '.repeat(1 << 19)}"`);
      const findings = check(text);
      assert.deepEqual(findings, []);
    });

    it('a 1 MB key on one line: returns with well-formed findings', () => {
      const text = `${'k'.repeat(1 << 20)}: 1\n`;
      const findings = check(text);
      assert.ok(findings.length >= 1);
      assert.ok(findings.every((f) => f.message.length < 2000), 'messages do not repeat the megabyte');
    });
  });
});
