// Rule levels over the protocol: `irplan.rules` from initializationOptions, from
// workspace/didChangeConfiguration (a client without workspace/configuration pushes them), from
// workspace/configuration (a client that has it is asked), and the `.irplan.yaml` file at the
// workspace root, which the settings override.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DiagnosticSeverity, codes, expected, summaries, useSession, type LspSession } from './harness';

const FINDINGS = 'findings.irplan.yaml';

const sameCodes = (want: string[]) => (d: { code?: unknown }[]) => JSON.stringify(d.map((x) => String(x.code)).sort()) === JSON.stringify([...want].sort());

async function assertStill(s: LspSession, uri: string, want: string[]): Promise<void> {
  await s.barrier();
  assert.deepEqual(codes(s.lastPublished(uri)!), [...want].sort(), 'a later publication changed the result');
}

describe('lsp: settings', function () {
  this.timeout(20_000);

  describe('initializationOptions', () => {
    const session = useSession({ initializationOptions: { rules: { 'undrilled-class': 'off' } } });

    it('{rules: {"undrilled-class": "off"}} turns the rule off', async () => {
      const s = session();
      const want = ['class-deputy', 'unknown-framework'];
      await s.waitForDiagnostics(FINDINGS, sameCodes(want), 'undrilled-class off');
      await assertStill(s, FINDINGS, want);
    });
  });

  describe('initializationOptions with unknown rules and levels', () => {
    const session = useSession({ initializationOptions: { rules: { 'undrilled-class': 'loud', 'no-such-rule': 'off', 'class-deputy': 7, schema: null } } });

    it('ignores what it does not know and keeps the defaults', async () => {
      const s = session();
      const want = ['class-deputy', 'undrilled-class', 'unknown-framework'];
      await s.waitForDiagnostics(FINDINGS, sameCodes(want), 'the default levels');
      await assertStill(s, FINDINGS, want);
    });
  });

  describe('workspace/didChangeConfiguration (the client has no workspace/configuration)', () => {
    const session = useSession({ configuration: false });

    it('pushed settings turn a rule off, change a level, and back', async () => {
      const s = session();
      assert.deepEqual(codes(s.lastPublished(FINDINGS)!), ['class-deputy', 'undrilled-class', 'unknown-framework']);
      let since = s.mark();
      await s.configurationChanged({ irplan: { rules: { 'undrilled-class': 'off', 'class-deputy': 'warning' } } });
      const changed = await s.waitForDiagnostics(FINDINGS, sameCodes(['class-deputy', 'unknown-framework']), 'the pushed settings', since);
      assert.equal(changed.find((d) => d.code === 'class-deputy')!.severity, DiagnosticSeverity.Warning);
      assert.ok(!s.serverRequests.some((r) => r.method === 'workspace/configuration'), 'the server must not ask a client that cannot answer');

      since = s.mark();
      await s.configurationChanged({ irplan: { rules: {} } });
      const back = await s.waitForDiagnostics(FINDINGS, sameCodes(['class-deputy', 'undrilled-class', 'unknown-framework']), 'the defaults again', since);
      assert.equal(back.find((d) => d.code === 'class-deputy')!.severity, DiagnosticSeverity.Error);
    });
  });

  describe('workspace/configuration (the client has it)', () => {
    const session = useSession({ configuration: true, settings: { rules: { 'undrilled-class': 'off' } } });

    it('asks for the irplan section and applies it; on didChangeConfiguration it asks again', async () => {
      const s = session();
      await s.waitFor(() => s.serverRequests.find((r) => r.method === 'workspace/configuration'), 'a workspace/configuration request');
      const asked = s.serverRequests.find((r) => r.method === 'workspace/configuration')!.params as { items: { section?: string }[] };
      assert.deepEqual(asked.items.map((i) => i.section), ['irplan']);
      await s.waitForDiagnostics(FINDINGS, sameCodes(['class-deputy', 'unknown-framework']), 'undrilled-class off');
      await assertStill(s, FINDINGS, ['class-deputy', 'unknown-framework']);

      s.settings = { rules: { 'unknown-framework': 'warning' } };
      const since = s.mark();
      const before = s.serverRequests.length;
      await s.configurationChanged(null);
      await s.waitFor(() => s.serverRequests.slice(before).some((r) => r.method === 'workspace/configuration'), 'a second workspace/configuration request');
      const after = await s.waitForDiagnostics(FINDINGS, sameCodes(['class-deputy', 'undrilled-class', 'unknown-framework']), 'the new settings', since);
      assert.equal(after.find((d) => d.code === 'unknown-framework')!.severity, DiagnosticSeverity.Warning);
    });
  });

  describe('workspace/configuration answered with null (the client has no irplan section)', () => {
    const session = useSession({ configuration: true, settings: null, initializationOptions: { rules: { 'undrilled-class': 'off' } } });

    it('keeps the rules given in initializationOptions', async () => {
      // Clients such as Neovim answer null for a section they hold no settings for; that is not
      // a request to drop the settings the client passed at initialization.
      const s = session();
      await s.waitFor(() => s.serverRequests.find((r) => r.method === 'workspace/configuration'), 'a workspace/configuration request');
      const want = ['class-deputy', 'unknown-framework'];
      await s.waitForDiagnostics(FINDINGS, sameCodes(want), 'undrilled-class still off');
      await assertStill(s, FINDINGS, want);
    });
  });

  describe('pull mode', () => {
    const session = useSession({ pull: true, refreshSupport: true, initializationOptions: { rules: { 'undrilled-class': 'off' } } });

    it('textDocument/diagnostic honours the settings, and a settings change asks the client to refresh', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      const report = await s.pullDiagnostics(uri);
      assert.ok(report.kind === 'full');
      assert.deepEqual(codes(report.items), ['class-deputy', 'unknown-framework']);

      const refreshes = () => s.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
      const already = refreshes();
      await s.configurationChanged({ irplan: { rules: { 'class-deputy': 'off' } } });
      await s.waitFor(() => refreshes() > already, 'a workspace/diagnostic/refresh request');
      const after = await s.pullDiagnostics(uri);
      assert.ok(after.kind === 'full');
      assert.deepEqual(codes(after.items), ['undrilled-class', 'unknown-framework']);
    });
  });

  describe('.irplan.yaml at the workspace root', () => {
    const session = useSession({ fixture: 'configured' });

    it('is honoured: class-deputy off, undrilled-class raised to warning', async () => {
      const s = session();
      const plan = 'plan.irplan.yaml';
      const classKey = s.rangeOf(plan, 'deploy-key', { after: 'credential_classes:' });
      const want = [expected('undrilled-class', classKey, DiagnosticSeverity.Warning), expected('unknown-framework', s.rangeOf(plan, 'OWASP-NHI42'), DiagnosticSeverity.Error)].sort();
      const got = await s.waitForDiagnostics(plan, (d) => JSON.stringify(summaries(d)) === JSON.stringify(want), 'the configured levels');
      assert.deepEqual(summaries(got), want);
      // The same in an open document.
      const since = s.mark();
      const uri = await s.open(plan);
      const open = await s.waitForDiagnostics(uri, () => true, 'diagnostics on open', since);
      assert.deepEqual(summaries(open), want);
    });

    it('is read again when the watcher reports it changed', async () => {
      const s = session();
      const plan = 'plan.irplan.yaml';
      fs.writeFileSync(s.path('.irplan.yaml'), 'rules:\n  unknown-framework: warning\n');
      const since = s.mark();
      await s.watchedFilesChanged([{ uri: s.uri('.irplan.yaml'), type: 2 }]);
      const got = await s.waitForDiagnostics(plan, sameCodes(['class-deputy', 'undrilled-class', 'unknown-framework']), 'the new configuration', since);
      assert.equal(got.find((d) => d.code === 'unknown-framework')!.severity, DiagnosticSeverity.Warning);
      assert.equal(got.find((d) => d.code === 'undrilled-class')!.severity, DiagnosticSeverity.Information);
    });
  });

  describe('.irplan.yaml and settings together', () => {
    const session = useSession({ fixture: 'configured', initializationOptions: { rules: { 'class-deputy': 'error' } } });

    it('the settings override the file, rule by rule', async () => {
      const s = session();
      const got = await s.waitForDiagnostics('plan.irplan.yaml', sameCodes(['class-deputy', 'undrilled-class', 'unknown-framework']), 'class-deputy back on');
      assert.equal(got.find((d) => d.code === 'class-deputy')!.severity, DiagnosticSeverity.Error);
      assert.equal(got.find((d) => d.code === 'undrilled-class')!.severity, DiagnosticSeverity.Warning, 'the file still raises undrilled-class');
    });
  });

  describe('a multi-root workspace', () => {
    const session = useSession({ folders: ['workspace', 'configured'] });

    it("each folder's .irplan.yaml applies to that folder's plans only", async () => {
      const s = session();
      // configured/.irplan.yaml turns class-deputy off and raises undrilled-class: only there.
      const configured = await s.waitForDiagnostics('configured/plan.irplan.yaml', sameCodes(['undrilled-class', 'unknown-framework']), 'the configured folder');
      assert.equal(configured.find((d) => d.code === 'undrilled-class')!.severity, DiagnosticSeverity.Warning);
      await s.barrier();
      const plain = s.lastPublished('workspace/findings.irplan.yaml')!;
      assert.deepEqual(codes(plain), ['class-deputy', 'undrilled-class', 'unknown-framework'], 'the other folder has no .irplan.yaml: default levels');
      assert.equal(plain.find((d) => d.code === 'undrilled-class')!.severity, DiagnosticSeverity.Information);
    });
  });
});
