// Diagnostics over the protocol: pushed (publishDiagnostics) and pulled (textDocument/diagnostic),
// with the rule id as code, source irplan, a docs link and exact one-line ranges; after incremental
// changes; under a burst of edits; and across files, when a library the plans import changes in
// the editor or on disk.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ResponseError, type WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { DiagnosticSeverity, codes, expected, messageOf, summaries, useSession, type LspSession } from './harness';

const FINDINGS = 'findings.irplan.yaml';
const LIBRARY = 'lib/contacts.irplan.yaml';
const IMPORTERS = ['ci.irplan.yaml', 'payments.irplan.yaml'];

/** What findings.irplan.yaml reports as it is on disk. */
function findingsOnDisk(s: LspSession, uri = FINDINGS): string[] {
  const classKey = s.rangeOf(uri, 'deploy-key', { after: 'credential_classes:' });
  return [
    expected('class-deputy', classKey, DiagnosticSeverity.Error),
    expected('undrilled-class', classKey, DiagnosticSeverity.Information),
    expected('unknown-framework', s.rangeOf(uri, 'OWASP-NHI42'), DiagnosticSeverity.Error),
  ].sort();
}

function assertWellFormed(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    assert.equal(d.source, 'irplan', `source of ${JSON.stringify(d)}`);
    assert.equal(typeof d.code, 'string', `code of ${JSON.stringify(d)}`);
    const href = d.codeDescription?.href;
    assert.ok(href, `no codeDescription.href on ${JSON.stringify(d)}`);
    assert.ok(href.endsWith(`docs/rules/${String(d.code)}.md`), `href ${href} does not end with docs/rules/${String(d.code)}.md`);
    if (href.startsWith('file:')) assert.ok(fs.existsSync(fileURLToPath(href)), `the rule page ${href} does not exist`);
    assert.equal(d.range.start.line, d.range.end.line, `a range stays on one line: ${JSON.stringify(d.range)}`);
    assert.ok(messageOf(d).length > 0);
  }
}

/** A deputy line inserted into the findings plan's class, before its severity. */
async function addDeputy(s: LspSession, uri: string, deputy = 'backup-team'): Promise<void> {
  await s.insert(uri, s.positionOf(uri, '    severity: high'), `    deputy: ${deputy}\n`);
}

describe('lsp: diagnostics', function () {
  this.timeout(20_000);

  describe('push (the client does not pull)', () => {
    const session = useSession({ pull: false });

    it('publishes the findings of a document on open: rule id as code, source irplan, docs link, exact ranges', async () => {
      const s = session();
      const since = s.mark();
      const uri = await s.open(FINDINGS);
      const diagnostics = await s.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics after didOpen', since);
      assert.deepEqual(summaries(diagnostics), findingsOnDisk(s));
      assertWellFormed(diagnostics);
      const deputy = diagnostics.find((d) => d.code === 'class-deputy')!;
      assert.match(messageOf(deputy), /"deploy-key" has no deputy/);
      const unknown = diagnostics.find((d) => d.code === 'unknown-framework')!;
      assert.match(messageOf(unknown), /"OWASP-NHI42"/);
    });

    it('publishes diagnostics for a document outside the workspace (an untitled buffer)', async () => {
      const s = session();
      const uri = await s.open('untitled:Untitled-1', s.disk(FINDINGS));
      const diagnostics = await s.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics of an untitled document');
      assert.deepEqual(summaries(diagnostics), findingsOnDisk(s, uri));
      assertWellFormed(diagnostics);
    });

    it('publishes an empty list for a clean plan', async () => {
      const s = session();
      const since = s.mark();
      const uri = await s.open('ci.irplan.yaml');
      const diagnostics = await s.waitForDiagnostics(uri, () => true, 'diagnostics after didOpen', since);
      assert.deepEqual(diagnostics, []);
    });

    it('after an incremental change that fixes a finding, the finding disappears and the others move with the text', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      await s.waitForDiagnostics(uri, (d) => d.length === 3, 'the three findings');
      const since = s.mark();
      await addDeputy(s, uri);
      const after = await s.waitForDiagnostics(uri, (d) => !codes(d).includes('class-deputy'), 'class-deputy to disappear', since);
      const classKey = s.rangeOf(uri, 'deploy-key', { after: 'credential_classes:' });
      assert.deepEqual(summaries(after), [
        expected('undrilled-class', classKey, DiagnosticSeverity.Information),
        expected('unknown-framework', s.rangeOf(uri, 'OWASP-NHI42'), DiagnosticSeverity.Error),
      ].sort());
      assert.equal(s.rangeOf(uri, 'OWASP-NHI42').start.line, 47, 'the text moved down one line');
    });

    it('after a change that breaks the YAML, yaml-syntax appears and the other rules still report on what parsed', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      await s.waitForDiagnostics(uri, (d) => d.length === 3, 'the three findings');
      const since = s.mark();
      const end = { line: s.positionOf(uri, '    frameworks: [OWASP-NHI7, OWASP-NHI42]').line + 1, character: 0 };
      assert.equal(s.text(uri).split('\n').length - 1, end.line, 'the frameworks line is the last line');
      await s.insert(uri, end, 'drills:\n  leaked-key: {title: "Deploy key leaked", class: deploy-key\n');
      const broken = await s.waitForDiagnostics(uri, (d) => codes(d).includes('yaml-syntax'), 'yaml-syntax', since);
      assertWellFormed(broken);
      const syntax = broken.filter((d) => d.code === 'yaml-syntax');
      for (const d of syntax) {
        assert.equal(d.severity, DiagnosticSeverity.Error);
        assert.ok(d.range.start.line >= end.line, `the syntax error is on the inserted lines, not at ${JSON.stringify(d.range)}`);
      }
      const classKey = s.rangeOf(uri, 'deploy-key', { after: 'credential_classes:' });
      const rest = summaries(broken.filter((d) => d.code !== 'yaml-syntax' && d.code !== 'undrilled-class'));
      assert.deepEqual(rest, [
        expected('class-deputy', classKey, DiagnosticSeverity.Error),
        expected('unknown-framework', s.rangeOf(uri, 'OWASP-NHI42'), DiagnosticSeverity.Error),
      ].sort());
    });

    it('after 20 rapid changes, the last published diagnostics match the final text', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      await s.waitForDiagnostics(uri, (d) => d.length === 3, 'the three findings');
      const since = s.mark();
      // Typing "deputy: backup-team" with typos and backspaces, one keystroke per didChange,
      // without waiting for anything in between.
      const line = s.positionOf(uri, '    severity: high').line;
      const prefix = '    deputy: ';
      const keys = ['r', 'e', '<', '<', 'b', 'a', 'k', '<', 'c', 'k', 'u', 'p', '-', 't', 'e', 'm', '<', 'a', 'm'];
      let typed = '';
      const sent = [s.insert(uri, { line, character: 0 }, `${prefix}\n`)];
      for (const key of keys) {
        const at = prefix.length + typed.length;
        if (key === '<') {
          sent.push(s.change(uri, [{ range: { start: { line, character: at - 1 }, end: { line, character: at } }, text: '' }]));
          typed = typed.slice(0, -1);
        } else {
          sent.push(s.insert(uri, { line, character: at }, key));
          typed += key;
        }
      }
      await Promise.all(sent);
      assert.equal(sent.length, 20);
      assert.equal(typed, 'backup-team');
      assert.ok(s.text(uri).includes('\n    deputy: backup-team\n    severity: high\n'));

      const classKey = s.rangeOf(uri, 'deploy-key', { after: 'credential_classes:' });
      const final = [
        expected('undrilled-class', classKey, DiagnosticSeverity.Information),
        expected('unknown-framework', s.rangeOf(uri, 'OWASP-NHI42'), DiagnosticSeverity.Error),
      ].sort();
      // Every intermediate text has a finding on the deputy line: only the final text gives these.
      await s.waitForDiagnostics(uri, (d) => JSON.stringify(summaries(d)) === JSON.stringify(final), 'the final diagnostics', since);
      await s.barrier();
      assert.deepEqual(summaries(s.lastPublished(uri)!), final, 'a stale result was published after the final one');
      const firstFinal = s.published.findIndex((p, i) => i >= since && p.uri === uri && JSON.stringify(summaries(p.diagnostics)) === JSON.stringify(final));
      const later = s.published.slice(firstFinal).filter((p) => p.uri === uri);
      for (const p of later) assert.deepEqual(summaries(p.diagnostics), final, 'diagnostics of an older version were published after those of the final text');
    });

    it('editing a library in the editor (its importers not open) publishes new diagnostics for both importers', async () => {
      const s = session();
      for (const plan of IMPORTERS) assert.deepEqual(s.lastPublished(plan), [], `${plan} starts clean`);
      const lib = await s.openAndSettle(LIBRARY, IMPORTERS);
      const since = s.mark();
      // Remove the iam-team contact: every reference to it in the importers no longer resolves.
      const start = s.positionOf(lib, '  iam-team:\n');
      const end = s.positionOf(lib, '  platform-team:\n');
      await s.change(lib, [{ range: { start, end }, text: '' }]);
      for (const plan of IMPORTERS) {
        const want = s.rangesOf(plan, 'iam-team').map((r) => expected('unresolved-reference', r, DiagnosticSeverity.Error));
        assert.equal(want.length, 3, `${plan} references iam-team three times`);
        const got = await s.waitForDiagnostics(plan, (d) => codes(d).includes('unresolved-reference'), 'unresolved-reference', since);
        assert.deepEqual(summaries(got.filter((d) => d.code === 'unresolved-reference')), want.sort(), plan);
        assertWellFormed(got);
        assert.match(messageOf(got.find((d) => d.code === 'unresolved-reference')!), /iam-team/);
      }
      // Undo: both importers are clean again.
      const undo = s.mark();
      await s.insert(lib, start, s.disk(LIBRARY).slice(s.disk(LIBRARY).indexOf('  iam-team:\n'), s.disk(LIBRARY).indexOf('  platform-team:\n')));
      assert.equal(s.text(lib), s.disk(LIBRARY));
      for (const plan of IMPORTERS) await s.waitForDiagnostics(plan, (d) => d.length === 0, 'no diagnostics after the undo', undo);
    });

    it('closing an edited library without saving re-validates the importers against the file on disk', async () => {
      const s = session();
      const lib = await s.openAndSettle(LIBRARY, IMPORTERS);
      const since = s.mark();
      await s.replace(lib, '  platform-team:', '  platform-squad:');
      for (const plan of IMPORTERS) await s.waitForDiagnostics(plan, (d) => codes(d).includes('unresolved-reference'), 'unresolved-reference', since);
      const closed = s.mark();
      await s.close(lib);
      for (const plan of IMPORTERS) await s.waitForDiagnostics(plan, (d) => d.length === 0, 'clean importers after the close', closed);
    });

    it('a watched-file change (a library rewritten on disk) re-validates its importers', async () => {
      const s = session();
      const since = s.mark();
      // Remove platform-team from the library on disk, as a git checkout would.
      const before = s.disk(LIBRARY);
      const from = before.indexOf('  platform-team:\n');
      const to = before.indexOf('  secops-oncall:\n');
      fs.writeFileSync(s.path(LIBRARY), before.slice(0, from) + before.slice(to));
      await s.watchedFilesChanged([{ uri: s.uri(LIBRARY), type: 2 }]);
      for (const plan of IMPORTERS) {
        const want = s.rangesOf(plan, 'platform-team').map((r) => expected('unresolved-reference', r, DiagnosticSeverity.Error));
        assert.ok(want.length >= 2, `${plan} references platform-team`);
        const got = await s.waitForDiagnostics(plan, (d) => codes(d).includes('unresolved-reference'), 'unresolved-reference', since);
        assert.deepEqual(summaries(got.filter((d) => d.code === 'unresolved-reference')), want.sort(), plan);
      }
    });

    it('a watched-file deletion of the library re-validates its importers: each import entry becomes unresolved', async () => {
      const s = session();
      const since = s.mark();
      fs.rmSync(s.path(LIBRARY));
      await s.watchedFilesChanged([{ uri: s.uri(LIBRARY), type: 3 }]);
      for (const plan of IMPORTERS) {
        const entry = s.rangeOf(plan, 'lib/contacts.irplan.yaml');
        const got = await s.waitForDiagnostics(plan, (d) => codes(d).includes('unresolved-reference'), 'unresolved-reference', since);
        assert.ok(
          summaries(got).includes(expected('unresolved-reference', entry, DiagnosticSeverity.Error)),
          `${plan}: no unresolved-reference on the import entry ${JSON.stringify(entry)} in ${JSON.stringify(summaries(got))}`,
        );
      }
    });

    it('editing a library so that it is no longer an irplan document re-validates its importers', async () => {
      // Cutting the `irplan: "1"` line: the file can no longer be imported (spec section 1).
      const s = session();
      const lib = await s.openAndSettle(LIBRARY, IMPORTERS);
      const since = s.mark();
      await s.replace(lib, 'irplan: "1"\n', '');
      for (const plan of IMPORTERS) {
        const entry = s.rangeOf(plan, 'lib/contacts.irplan.yaml');
        const got = await s.waitForDiagnostics(plan, (d) => codes(d).includes('unresolved-reference'), 'unresolved-reference', since);
        assert.ok(
          summaries(got).includes(expected('unresolved-reference', entry, DiagnosticSeverity.Error)),
          `${plan}: no unresolved-reference on the import entry ${JSON.stringify(entry)} in ${JSON.stringify(summaries(got))}`,
        );
      }
    });

    it('a library created on disk (watched-file Created) re-validates the importers that could not read it', async () => {
      const s = session();
      const text = s.disk(LIBRARY);
      fs.rmSync(s.path(LIBRARY));
      await s.watchedFilesChanged([{ uri: s.uri(LIBRARY), type: 3 }]);
      // Opening an importer shows what the server now knows: the import does not resolve.
      const ci = await s.open('ci.irplan.yaml');
      await s.waitForDiagnostics(ci, (d) => codes(d).includes('unresolved-reference'), 'unresolved-reference with the library gone');
      await s.close(ci);
      const since = s.mark();
      fs.writeFileSync(s.path(LIBRARY), text);
      await s.watchedFilesChanged([{ uri: s.uri(LIBRARY), type: 1 }]);
      for (const plan of IMPORTERS) await s.waitForDiagnostics(plan, (d) => d.length === 0, 'clean importers with the library back', since);
    });

    it('a plan created on disk is validated; a plan deleted on disk has its diagnostics cleared', async () => {
      const s = session();
      let since = s.mark();
      fs.writeFileSync(s.path('new.irplan.yaml'), s.disk(FINDINGS));
      await s.watchedFilesChanged([{ uri: s.uri('new.irplan.yaml'), type: 1 }]);
      const created = await s.waitForDiagnostics('new.irplan.yaml', () => true, 'diagnostics of the new plan', since);
      assert.deepEqual(summaries(created), findingsOnDisk(s, 'new.irplan.yaml'));
      since = s.mark();
      fs.rmSync(s.path(FINDINGS));
      await s.watchedFilesChanged([{ uri: s.uri(FINDINGS), type: 3 }]);
      await s.waitForDiagnostics(FINDINGS, (d) => d.length === 0, 'an empty publication for the deleted plan', since);
    });

    it('ranges are exact in a CRLF document and count UTF-16 code units after astral characters', async () => {
      const s = session();
      const crlf = await s.open('untitled:crlf', s.disk(FINDINGS).replace(/\n/g, '\r\n'));
      assert.deepEqual(summaries(await s.waitForDiagnostics(crlf, (d) => d.length > 0, 'CRLF diagnostics')), findingsOnDisk(s, crlf));
      const wide = await s.open('untitled:wide', s.disk(FINDINGS).replace('frameworks: [OWASP-NHI7, OWASP-NHI42]', 'frameworks: ["🔑é", OWASP-NHI42]'));
      const got = await s.waitForDiagnostics(wide, (d) => d.length > 0, 'diagnostics after astral characters');
      const tag = s.rangeOf(wide, 'OWASP-NHI42');
      assert.equal(tag.start.character, 'frameworks: ["🔑é", '.length + 4, 'UTF-16: the emoji is two code units');
      assert.ok(summaries(got).includes(expected('unknown-framework', tag, DiagnosticSeverity.Error)), JSON.stringify(summaries(got)));
      assert.ok(summaries(got).includes(expected('unknown-framework', s.rangeOf(wide, '"🔑é"'), DiagnosticSeverity.Error)), JSON.stringify(summaries(got)));
    });

    it('closing a document outside the workspace clears its diagnostics', async () => {
      const s = session();
      const uri = await s.open('untitled:Untitled-2', s.disk(FINDINGS));
      await s.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics of an untitled document');
      const since = s.mark();
      await s.close(uri);
      await s.waitForDiagnostics(uri, (d) => d.length === 0, 'an empty publication after didClose', since);
    });
  });

  describe('pull (the client announces textDocument.diagnostic)', () => {
    const session = useSession({ pull: true });

    it('textDocument/diagnostic returns a full report with the rule id as code, source irplan, docs link and exact ranges', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      const report = await s.pullDiagnostics(uri);
      assert.equal(report.kind, 'full');
      assert.ok(report.kind === 'full');
      assert.deepEqual(summaries(report.items), findingsOnDisk(s));
      assertWellFormed(report.items);
    });

    it('textDocument/diagnostic reflects an incremental change at once', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      await addDeputy(s, uri);
      const report = await s.pullDiagnostics(uri);
      assert.ok(report.kind === 'full');
      assert.deepEqual(codes(report.items), ['undrilled-class', 'unknown-framework']);
    });

    it('does not also push diagnostics for a document it expects the client to pull', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      const since = s.mark();
      await addDeputy(s, uri);
      const report = await s.pullDiagnostics(uri);
      assert.ok(report.kind === 'full');
      await s.barrier();
      // Clearing what was pushed while it was closed (an empty list) is not a duplicate.
      const pushed = s.published.slice(since).filter((p) => p.uri === uri && p.diagnostics.length > 0);
      assert.deepEqual(pushed, [], 'pushed diagnostics for an open document in pull mode would show twice');
    });

    it('clears (or updates) what it pushed for a plan before it was opened, once the client pulls for it: no stale duplicates', async () => {
      // In pull mode the server pushes diagnostics for plans that are not open (the workspace
      // index). When such a plan is opened, the client pulls for it; the pushed set must then be
      // cleared (or kept equal to what a pull returns), otherwise the editor keeps showing the
      // old pushed findings beside the pulled ones, even after they are fixed.
      const s = session();
      assert.deepEqual(codes(s.lastPublished(FINDINGS)!), ['class-deputy', 'undrilled-class', 'unknown-framework'], 'pushed before open');
      const uri = await s.open(FINDINGS);
      await addDeputy(s, uri);
      const report = await s.pullDiagnostics(uri);
      assert.ok(report.kind === 'full');
      assert.deepEqual(codes(report.items), ['undrilled-class', 'unknown-framework']);
      await s.barrier();
      const pushed = s.lastPublished(uri)!;
      assert.ok(
        pushed.length === 0 || JSON.stringify(summaries(pushed)) === JSON.stringify(summaries(report.items)),
        `the last pushed diagnostics ${JSON.stringify(summaries(pushed))} still stand beside the pulled ${JSON.stringify(summaries(report.items))}`,
      );
    });

    it('pushes new diagnostics for importers that are not open when a library changes', async () => {
      const s = session();
      const lib = await s.openAndSettle(LIBRARY, IMPORTERS, false);
      const since = s.mark();
      await s.replace(lib, '  revoker-bot:', '  revocation-bot:');
      const got = await s.waitForDiagnostics('ci.irplan.yaml', (d) => codes(d).includes('unresolved-reference'), 'unresolved-reference', since);
      assert.deepEqual(
        summaries(got.filter((d) => d.code === 'unresolved-reference')),
        [expected('unresolved-reference', s.rangeOf('ci.irplan.yaml', 'revoker-bot'), DiagnosticSeverity.Error)],
      );
    });
  });

  describe('pull with workspace/diagnostic/refresh support', () => {
    const session = useSession({ pull: true, refreshSupport: true });

    it('asks the client to refresh when a library edit changes an open importer, whose pull then shows the change', async () => {
      const s = session();
      const ci = await s.open('ci.irplan.yaml');
      const before = await s.pullDiagnostics(ci);
      assert.ok(before.kind === 'full');
      assert.deepEqual(before.items, []);
      const lib = await s.open(LIBRARY);
      const refreshes = () => s.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
      const already = refreshes();
      await s.replace(lib, '  revoker-bot:', '  revocation-bot:');
      await s.waitFor(() => refreshes() > already, 'a workspace/diagnostic/refresh request');
      const after = await s.pullDiagnostics(ci);
      assert.ok(after.kind === 'full');
      assert.deepEqual(summaries(after.items), [expected('unresolved-reference', s.rangeOf(ci, 'revoker-bot'), DiagnosticSeverity.Error)]);
    });
  });

  describe('workspace diagnostics (workspace/diagnostic)', () => {
    const session = useSession({ pull: true, refreshSupport: true });

    /** The full reports of an answer, by workspace-relative path. */
    function byPath(s: LspSession, report: WorkspaceDiagnosticReport): Map<string, { resultId?: string; codes: string[] }> {
      return new Map(
        report.items.map((item) => {
          assert.equal(item.kind, 'full', `only changed documents are reported, in full: ${JSON.stringify(item)}`);
          const relative = path.relative(s.path(''), fileURLToPath(item.uri)).split(path.sep).join('/');
          return [relative, { resultId: item.resultId, codes: item.kind === 'full' ? codes(item.items) : [] }];
        }),
      );
    }

    it('reports every plan of the workspace with its findings, open or not', async () => {
      const s = session();
      const report = byPath(s, await s.pullWorkspace().answer);
      assert.deepEqual(report.get(FINDINGS)?.codes, ['class-deputy', 'undrilled-class', 'unknown-framework']);
      for (const plan of IMPORTERS) assert.ok(report.has(plan), `${plan} is in the workspace report`);
      for (const item of report.values()) assert.ok(item.resultId, 'every report has a result id');
    });

    it('holds a pull with current result ids until something changes, then reports only that', async () => {
      const s = session();
      const first = await s.pullWorkspace().answer;
      const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
      const held = s.pullWorkspace(previous);
      let settled = false;
      void held.answer.then(() => (settled = true));
      await s.barrier();
      assert.equal(settled, false, 'nothing changed: the request is held, not answered with the whole workspace again');
      const uri = await s.open(FINDINGS);
      await addDeputy(s, uri);
      const changed = byPath(s, await held.answer);
      assert.deepEqual([...changed.keys()], [FINDINGS]);
      assert.deepEqual(changed.get(FINDINGS)?.codes, ['undrilled-class', 'unknown-framework']);
    });

    it('answers a held pull when the client cancels it', async () => {
      const s = session();
      const first = await s.pullWorkspace().answer;
      const held = s.pullWorkspace(first.items.map((i) => ({ uri: i.uri, value: i.resultId! })));
      held.cancel();
      await held.answer.then(
        (report) => assert.deepEqual(report.items, []),
        (error: unknown) => assert.ok(error instanceof ResponseError, String(error)),
      );
      await s.barrier(); // and keeps answering
    });

    it("keeps a closed plan's findings in the workspace report and stops pushing once the client pulls the workspace", async () => {
      const s = session();
      const first = await s.pullWorkspace().answer;
      const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
      await s.barrier();
      const since = s.mark();
      const lib = await s.open(LIBRARY);
      await s.replace(lib, '  revoker-bot:', '  revocation-bot:');
      const changed = byPath(s, await s.pullWorkspace(previous).answer);
      await s.barrier();
      const importer = 'ci.irplan.yaml';
      const report = changed.get(importer) ?? byPath(s, await s.pullWorkspace([]).answer).get(importer);
      assert.ok(report?.codes.includes('unresolved-reference'), `the importer's new finding is in the workspace report: ${JSON.stringify(report)}`);
      const pushedAfter = s.published.slice(since).filter((p) => p.diagnostics.length > 0);
      assert.deepEqual(pushedAfter.map((p) => p.uri), [], 'no plan is pushed while the client pulls the workspace');
    });
  });
});
