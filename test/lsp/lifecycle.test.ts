// The server's life: initialize answers with every capability the editor relies on, and
// shutdown + exit end the process with code 0.
import assert from 'node:assert/strict';
import { LspSession, useSession } from './harness';

describe('lsp: lifecycle', function () {
  this.timeout(20_000);

  describe('initialize', () => {
    const session = useSession({ waitForIndex: false }, 'shared');

    it('returns the capabilities: incremental sync, completion, hover, navigation, rename with prepare, symbols, code actions, code lens, pull diagnostics', () => {
      const { capabilities, serverInfo } = session().initializeResult;
      assert.equal(serverInfo?.name, 'irplan');

      const sync = capabilities.textDocumentSync;
      assert.ok(sync && typeof sync === 'object', `textDocumentSync is ${JSON.stringify(sync)}`);
      assert.equal(sync.openClose, true);
      assert.equal(sync.change, 2, 'change must be TextDocumentSyncKind.Incremental (2)');

      assert.ok(capabilities.completionProvider, 'completionProvider');
      assert.ok((capabilities.completionProvider.triggerCharacters ?? []).includes(':'), 'completion is triggered by ":"');
      assert.equal(capabilities.hoverProvider, true);
      assert.equal(capabilities.definitionProvider, true);
      assert.equal(capabilities.referencesProvider, true);
      assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
      assert.equal(capabilities.documentSymbolProvider, true);
      assert.equal(capabilities.workspaceSymbolProvider, true);
      const codeAction = capabilities.codeActionProvider;
      assert.ok(codeAction && typeof codeAction === 'object', `codeActionProvider is ${JSON.stringify(codeAction)}`);
      assert.ok(codeAction.codeActionKinds?.includes('quickfix'), 'code actions of kind quickfix');
      assert.ok(capabilities.codeLensProvider, 'codeLensProvider');
      const diagnostic = capabilities.diagnosticProvider;
      assert.ok(diagnostic, 'diagnosticProvider');
      assert.equal(diagnostic.interFileDependencies, true, 'a library edit changes its importers: interFileDependencies');
    });
  });

  describe('ending', () => {
    it('shutdown then exit ends the process with code 0', async () => {
      const session = await LspSession.start();
      try {
        await session.open('ci.irplan.yaml');
        assert.equal(await session.request('shutdown', undefined), null, 'shutdown answers null');
        await session.connection.sendNotification('exit');
        assert.equal(await session.waitForExit(), 0);
      } finally {
        await session.dispose();
      }
    });

    it('exit without shutdown ends the process with code 1 (LSP: exit before shutdown is an error)', async () => {
      const session = await LspSession.start({ waitForIndex: false });
      try {
        await session.connection.sendNotification('exit');
        assert.equal(await session.waitForExit(), 1);
      } finally {
        await session.dispose();
      }
    });
  });

  describe('workspaces', () => {
    it('requests sent right after initialized, before any diagnostics, already see the whole workspace', async () => {
      const session = await LspSession.start({ waitForIndex: false });
      try {
        const [symbols, references] = await Promise.all([
          session.workspaceSymbols('ghpat'),
          session.references('ci.irplan.yaml', session.positionOf('ci.irplan.yaml', 'iam-team', { after: 'github-pat:' }, 2), false),
        ]);
        assert.ok(symbols.some((x) => x.name === 'github-pat'), JSON.stringify(symbols));
        assert.equal(references.length, 6, JSON.stringify(references));
      } finally {
        await session.dispose();
      }
    });

    it('a client that sends rootUri only (no workspaceFolders) gets the folder indexed', async () => {
      const session = await LspSession.start({ announce: 'rootUri' });
      try {
        assert.deepEqual(session.lastPublished('ci.irplan.yaml'), []);
        assert.equal(session.lastPublished('findings.irplan.yaml')!.length, 3);
      } finally {
        await session.dispose();
      }
    });

    it('without any workspace, an opened plan is validated with its imports read from disk', async () => {
      const session = await LspSession.start({ announce: 'none' });
      try {
        const uri = await session.open('ci.irplan.yaml');
        assert.deepEqual(await session.waitForDiagnostics(uri, () => true, 'diagnostics of a single file'), []);
        const [definition] = await session.definition(uri, session.positionOf(uri, 'iam-team', { after: 'github-pat:' }, 2));
        assert.equal(definition?.uri, session.uri('lib/contacts.irplan.yaml'));
      } finally {
        await session.dispose();
      }
    });
  });
});
