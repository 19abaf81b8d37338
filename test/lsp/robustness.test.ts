// What an editor throws at a server: documents that do not parse (features still work on what
// did), requests with bad positions, unknown documents and wrong params (an answer or a proper
// JSON-RPC error, and the server keeps answering), 10,000-deep nesting and binary content.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { codes, flattenSymbols, hoverText, SymbolKind, useSession, type LspSession } from './harness';

const CI = 'ci.irplan.yaml';

/** The server still answers: a hover on a contact reference in ci.irplan.yaml shows the contact. */
async function assertStillAnswering(s: LspSession): Promise<void> {
  const hover = await s.hover(CI, s.positionOf(CI, 'iam-team', { after: 'github-pat:' }, 2));
  assert.match(hoverText(hover), /IAM engineering/, 'a hover after the bad requests');
  assert.equal(s.exitCode, undefined, 'the server process is alive');
  assert.doesNotMatch(s.stderr, /Uncaught|FATAL|heap out of memory/i);
}

/** A request's outcome must be an answer or a JSON-RPC error with an integer code and a message. */
async function answerOrError(s: LspSession, method: string, params: unknown): Promise<unknown> {
  const outcome = await s.attempt<unknown>(method, params);
  if ('error' in outcome) {
    assert.ok(Number.isInteger(outcome.error.code), `${method}: error code ${String(outcome.error.code)}`);
    assert.equal(typeof outcome.error.message, 'string');
    return outcome.error;
  }
  return outcome.result;
}

/** A deterministic pseudo-random byte string with every byte value, NULs included. */
function binaryBytes(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i < 256 ? i : x & 0xff;
  }
  return out;
}

describe('lsp: robustness', function () {
  this.timeout(30_000);
  const session = useSession(() => ({
    prepare: (root: string) => fs.writeFileSync(`${root}/blob.irplan.yaml`, binaryBytes(8192)),
  }));

  describe('malformed documents', () => {
    async function openBroken(s: LspSession): Promise<string> {
      const uri = await s.open(CI);
      // An unclosed flow sequence in the drill at the end, and an empty owner to complete.
      await s.replace(uri, 'unavailable: [iam-team]', 'unavailable: [iam-team');
      await s.replace(uri, 'owner: platform-team', 'owner: ', { after: 'ci-pipeline:' });
      await s.waitForDiagnostics(uri, (d) => codes(d).includes('yaml-syntax'), 'yaml-syntax');
      return uri;
    }

    it('still get an outline of the parts that parse', async () => {
      const s = session();
      const uri = await openBroken(s);
      const all = flattenSymbols(await s.documentSymbols(uri));
      const cls = all.find((e) => e.symbol.name === 'github-pat');
      assert.ok(cls, `no github-pat in the outline: ${JSON.stringify(all.map((e) => e.symbol.name))}`);
      assert.equal(cls.symbol.kind, SymbolKind.Class);
      assert.deepEqual(
        flattenSymbols(cls.symbol.children ?? []).filter((e) => e.symbol.kind === SymbolKind.Method).map((e) => e.symbol.name),
        ['revoke', 'reissue'],
      );
    });

    it('still get hovers on the parts that parse', async () => {
      const s = session();
      const uri = await openBroken(s);
      const hover = await s.hover(uri, s.positionOf(uri, 'iam-team', { after: 'github-pat:' }, 2));
      assert.match(hoverText(hover), /IAM engineering/);
    });

    it('still get completion on the parts that parse', async () => {
      const s = session();
      const uri = await openBroken(s);
      const items = await s.completion(uri, s.positionOf(uri, 'owner: ', { after: 'ci-pipeline:' }, 'owner: '.length));
      const names = items.map((i) => i.label);
      for (const id of ['iam-team', 'platform-team']) assert.ok(names.includes(id), `no ${id} among ${JSON.stringify(names)}`);
    });
  });

  describe('bad requests', () => {
    it('a position past the end of the document gets an answer or an error, and the server keeps answering', async () => {
      const s = session();
      const uri = await s.open(CI);
      for (const position of [
        { line: 10_000, character: 0 },
        { line: 0, character: 10_000 },
        { line: s.text(uri).split('\n').length, character: 5 },
      ]) {
        for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/prepareRename']) {
          await answerOrError(s, method, { textDocument: { uri }, position });
        }
        await answerOrError(s, 'textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
        await answerOrError(s, 'textDocument/rename', { textDocument: { uri }, position, newName: 'x' });
        await answerOrError(s, 'textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
      }
      await assertStillAnswering(s);
    });

    it('an unknown document uri gets an empty answer or an error, and the server keeps answering', async () => {
      const s = session();
      const position = { line: 1, character: 1 };
      for (const uri of ['file:///nowhere/missing.irplan.yaml', 'untitled:never-opened', 'not a uri']) {
        const textDocument = { uri };
        assert.equal(await answerOrError(s, 'textDocument/hover', { textDocument, position }), null);
        for (const method of ['textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol', 'textDocument/codeLens']) {
          const result = await answerOrError(s, method, { textDocument, position });
          if (!(result instanceof Error)) assert.ok(result === null || (Array.isArray(result) && result.length === 0), `${method} on ${uri}: ${JSON.stringify(result)}`);
        }
        await answerOrError(s, 'textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
        await answerOrError(s, 'textDocument/prepareRename', { textDocument, position });
        await answerOrError(s, 'textDocument/rename', { textDocument, position, newName: 'valid-name' });
        await answerOrError(s, 'textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } });
        const report = await answerOrError(s, 'textDocument/diagnostic', { textDocument });
        if (!(report instanceof Error)) assert.deepEqual(report, { kind: 'full', items: [] });
      }
      await assertStillAnswering(s);
    });

    it('requests with wrong params get an answer or a proper JSON-RPC error, and the server keeps answering', async () => {
      const s = session();
      const uri = await s.open(CI);
      const cases: [string, unknown][] = [
        ['textDocument/hover', {}],
        ['textDocument/hover', { textDocument: { uri }, position: { line: 'one', character: null } }],
        ['textDocument/completion', { textDocument: 42 }],
        ['textDocument/definition', null],
        ['textDocument/references', { textDocument: { uri }, position: { line: 4, character: 10 } }],
        ['textDocument/prepareRename', { textDocument: {} }],
        ['textDocument/rename', {}],
        ['textDocument/rename', { textDocument: { uri }, position: { line: 4, character: 10 } }],
        ['textDocument/documentSymbol', { textDocument: null }],
        ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
        ['textDocument/codeLens', []],
        ['textDocument/diagnostic', {}],
        ['workspace/symbol', {}],
        ['workspace/symbol', { query: 42 }],
        ['irplan/runDrill', null],
        ['irplan/runDrill', { uri: 5, drillId: ['leaked-pat'] }],
        ['irplan/listDrills', 'wrong'],
      ];
      for (const [method, params] of cases) await answerOrError(s, method, params);
      const unknown = await s.attempt('irplan/noSuchMethod', {});
      assert.ok('error' in unknown, 'an unknown method is an error');
      assert.equal(unknown.error.code, -32601, 'MethodNotFound');
      // Notifications with wrong params must not kill the server either.
      await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.irplan.yaml', version: 2 }, contentChanges: [{ text: 'x' }] });
      await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.irplan.yaml' } });
      await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///nowhere/gone.irplan.yaml', type: 3 }] });
      await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { irplan: { rules: 'all-off' } } });
      await assertStillAnswering(s);
    });
  });

  describe('hostile documents', () => {
    const nesting = 10_000;
    const documents: [string, string][] = [
      ['flow sequences', `irplan: "1"\nplan: ${'['.repeat(nesting)}${']'.repeat(nesting)}\n`],
      ['flow mappings', `irplan: "1"\nplan: ${'{a: '.repeat(nesting)}b${'}'.repeat(nesting)}\n`],
      ['block sequences', `irplan: "1"\ncontacts:\n  x: ${'- '.repeat(nesting)}deep\n`],
      ['unclosed flow sequences', `${'['.repeat(nesting)}\n`],
    ];
    for (const [name, text] of documents) {
      it(`a document of ${nesting.toLocaleString('en')}-deep ${name} does not kill the server`, async () => {
        const s = session();
        const uri = await s.open(`untitled:deep-${name.replace(/ /g, '-')}`, text);
        await s.waitForDiagnostics(uri, () => true, 'diagnostics of the deep document', 0);
        await answerOrError(s, 'textDocument/documentSymbol', { textDocument: { uri } });
        await answerOrError(s, 'textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5000 } });
        await answerOrError(s, 'textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 5000 } });
        await answerOrError(s, 'textDocument/codeLens', { textDocument: { uri } });
        await assertStillAnswering(s);
      });
    }

    it('a binary document (open in the editor, and a file in the workspace) does not kill the server', async () => {
      const s = session();
      // The workspace's blob.irplan.yaml (random bytes) was read at startup: it got diagnostics.
      assert.ok(s.lastPublished('blob.irplan.yaml'), 'the binary file in the workspace was validated');
      const text = binaryBytes(4096).toString('latin1') + '\ud800\udfff\ufffe\u0000';
      const uri = await s.open('untitled:binary', text);
      const diagnostics = await s.waitForDiagnostics(uri, () => true, 'diagnostics of the binary document', 0);
      for (const d of diagnostics) assert.equal(d.range.start.line, d.range.end.line);
      await answerOrError(s, 'textDocument/documentSymbol', { textDocument: { uri } });
      await answerOrError(s, 'textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await answerOrError(s, 'textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await answerOrError(s, 'textDocument/codeLens', { textDocument: { uri } });
      await answerOrError(s, 'textDocument/references', { textDocument: { uri }, position: { line: 0, character: 3 }, context: { includeDeclaration: true } });
      // Rewritten on disk and reported by the watcher: read again, still alive.
      fs.writeFileSync(s.path('blob.irplan.yaml'), binaryBytes(20_000).reverse());
      const since = s.mark();
      await s.watchedFilesChanged([{ uri: s.uri('blob.irplan.yaml'), type: 2 }]);
      await s.waitForDiagnostics('blob.irplan.yaml', () => true, 'diagnostics of the rewritten binary file', since);
      await assertStillAnswering(s);
    });
  });
});
