// The editor features over the protocol, on a workspace where lib/contacts.irplan.yaml (a
// library) is imported by ci.irplan.yaml and payments.irplan.yaml: completion, hover, definition,
// references and rename across files, outline and workspace symbols, quick fixes and code lenses.
import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, Location, Position, Range } from 'vscode-languageserver-protocol';
import {
  DiagnosticSeverity,
  SymbolKind,
  applyTextEdits,
  codes,
  compare,
  contains,
  documentationText,
  editsByUri,
  flattenSymbols,
  hoverText,
  summaries,
  useSession,
} from './harness';

const LIBRARY = 'lib/contacts.irplan.yaml';
const CI = 'ci.irplan.yaml';
const PAYMENTS = 'payments.irplan.yaml';
const FINDINGS = 'findings.irplan.yaml';

const key = (l: Location) => `${l.uri}#${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;
const keys = (ls: readonly Location[]) => ls.map(key).sort();

function labels(items: readonly CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function item(items: readonly CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no completion item ${JSON.stringify(label)} among ${JSON.stringify(labels(items))}`);
  return found;
}

/** Every item replaces text on the cursor's line, around the cursor. */
function assertEditsAtCursor(items: readonly CompletionItem[], cursor: Position): void {
  for (const i of items) {
    const edit = i.textEdit;
    if (!edit) continue;
    const range: Range = 'range' in edit ? edit.range : edit.replace;
    assert.equal(range.start.line, cursor.line, `${i.label}: edit ${JSON.stringify(range)} is not on the cursor's line`);
    assert.ok(contains(range, cursor), `${i.label}: edit ${JSON.stringify(range)} does not hold the cursor ${JSON.stringify(cursor)}`);
  }
}

function quickFixes(actions: readonly unknown[]): CodeAction[] {
  return actions.filter((a): a is CodeAction => typeof a === 'object' && a !== null && 'title' in a && !('command' in a && typeof (a as { command: unknown }).command === 'string'));
}

describe('lsp: language features', function () {
  this.timeout(20_000);
  const session = useSession({});

  describe('completion', () => {
    it('offers the missing keys of a credential class, with their descriptions', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      const at = s.positionOf(uri, '    severity: high');
      await s.insert(uri, at, '    \n');
      const cursor = { line: at.line, character: 4 };
      const items = await s.completion(uri, cursor);
      const names = labels(items);
      for (const k of ['deputy', 'lifecycle', 'used_by']) assert.ok(names.includes(k), `no ${k} among ${JSON.stringify(names)}`);
      for (const k of ['incident_lead', 'credential_classes', 'acknowledge_within']) assert.ok(!names.includes(k), `${k} is not a key of a class: ${JSON.stringify(names)}`);
      const deputy = item(items, 'deputy');
      const text = `${deputy.detail ?? ''}\n${documentationText(deputy)}`;
      assert.match(text, /unreachable/, 'the description of deputy comes with it');
      assertEditsAtCursor(items, cursor);
    });

    it('offers contact ids after `owner: `, with a detail line, including contacts from the imported library', async () => {
      const s = session();
      const uri = await s.open(PAYMENTS);
      await s.replace(uri, 'owner: iam-team', 'owner: ', { after: 'stripe-key:' });
      const cursor = s.positionOf(uri, 'owner: ', { after: 'stripe-key:' }, 'owner: '.length);
      const items = await s.completion(uri, cursor);
      const names = labels(items);
      for (const id of ['stripe-support', 'iam-team', 'platform-team', 'secops-oncall', 'revoker-bot']) assert.ok(names.includes(id), `no contact ${id} among ${JSON.stringify(names)}`);
      for (const id of ['sev1', 'checkout', 'stripe-key']) assert.ok(!names.includes(id), `${id} is not a contact: ${JSON.stringify(names)}`);
      assert.match(item(items, 'iam-team').detail ?? '', /IAM engineering/, 'the imported contact names itself in its detail');
      assert.match(item(items, 'stripe-support').detail ?? '', /Stripe support/);
      assertEditsAtCursor(items, cursor);
    });

    it('offers framework tags inside `frameworks: [...]`', async () => {
      const s = session();
      const uri = await s.open(CI);
      await s.replace(uri, 'frameworks: [OWASP-NHI2, CSF-RS.MI-01]', 'frameworks: [OWASP-NHI2, ]');
      const cursor = s.positionOf(uri, 'frameworks: [OWASP-NHI2, ', {}, 'frameworks: [OWASP-NHI2, '.length);
      const items = await s.completion(uri, cursor);
      const names = labels(items);
      for (const tag of ['OWASP-NHI1', 'OWASP-NHI7', 'OWASP-NHI10', 'CSF-RS.MA-01', 'CSF-RS.MI-01']) assert.ok(names.includes(tag), `no ${tag} among ${names.length} items`);
      const nhi7 = item(items, 'OWASP-NHI7');
      assert.match(`${nhi7.detail ?? ''}\n${documentationText(nhi7)}`, /Long-Lived Secrets/);
      assertEditsAtCursor(items, cursor);
    });
  });

  describe('hover', () => {
    it('on a key shows what the key means', async () => {
      const s = session();
      const at = s.positionOf(CI, 'deputy', { after: 'github-pat:' }, 2);
      const hover = await s.hover(CI, at);
      assert.match(hoverText(hover), /unreachable/);
      if (hover?.range) assert.ok(contains(hover.range, at), `hover range ${JSON.stringify(hover.range)} is not at the cursor`);
    });

    it('on a contact reference shows the contact, defined in the imported library', async () => {
      const s = session();
      const at = s.positionOf(CI, 'iam-team', { after: 'github-pat:' }, 3);
      const hover = await s.hover(CI, at);
      const text = hoverText(hover);
      assert.match(text, /IAM engineering/);
      assert.match(text, /team/);
      assert.ok(hover?.range, 'a hover range');
      assert.deepEqual(hover.range, s.rangeOf(CI, 'iam-team', { after: 'github-pat:' }));
    });

    it('on a framework tag shows its title', async () => {
      const s = session();
      const at = s.positionOf(CI, 'OWASP-NHI2', {}, 4);
      const hover = await s.hover(CI, at);
      assert.match(hoverText(hover), /Secret Leakage/);
      assert.match(hoverText(hover), /NHI2/);
    });

    it('answers null on a comment', async () => {
      const s = session();
      assert.equal(await s.hover(CI, { line: 0, character: 3 }), null);
    });
  });

  describe('navigation', () => {
    it('definition of a contact reference is the contact in the imported library (a Location in the other file)', async () => {
      const s = session();
      const locations = await s.definition(CI, s.positionOf(CI, 'iam-team', { after: 'github-pat:' }, 2));
      assert.deepEqual(keys(locations), keys([{ uri: s.uri(LIBRARY), range: s.rangeOf(LIBRARY, 'iam-team') }]));
    });

    it('references of a library contact are found in both importing plans, with or without the declaration', async () => {
      const s = session();
      const uses = [...s.rangesOf(CI, 'iam-team').map((range) => ({ uri: s.uri(CI), range })), ...s.rangesOf(PAYMENTS, 'iam-team').map((range) => ({ uri: s.uri(PAYMENTS), range }))];
      assert.equal(uses.length, 6);
      const declaration = { uri: s.uri(LIBRARY), range: s.rangeOf(LIBRARY, 'iam-team') };
      const from = s.positionOf(CI, 'iam-team', { after: 'github-pat:' }, 1);
      assert.deepEqual(keys(await s.references(CI, from, false)), keys(uses));
      assert.deepEqual(keys(await s.references(CI, from, true)), keys([...uses, declaration]));
      // From the definition in the library too.
      assert.deepEqual(keys(await s.references(LIBRARY, s.positionOf(LIBRARY, 'iam-team'), true)), keys([...uses, declaration]));
    });

    it('prepareRename then rename a library contact edits the library and both plans', async () => {
      const s = session();
      const at = s.positionOf(CI, 'iam-team', { after: 'github-pat:' }, 4);
      const prepared = await s.prepareRename(CI, at);
      assert.ok(prepared && 'range' in prepared, `prepareRename answered ${JSON.stringify(prepared)}`);
      assert.deepEqual(prepared.range, s.rangeOf(CI, 'iam-team', { after: 'github-pat:' }));
      if ('placeholder' in prepared) assert.equal(prepared.placeholder, 'iam-team');

      const edit = await s.rename(CI, at, 'iam-engineering');
      assert.ok(edit, 'rename answered null');
      const byUri = editsByUri(edit);
      assert.deepEqual([...byUri.keys()].sort(), [s.uri(LIBRARY), s.uri(CI), s.uri(PAYMENTS)].sort());
      for (const file of [LIBRARY, CI, PAYMENTS]) {
        const before = s.disk(file);
        assert.equal(applyTextEdits(before, byUri.get(s.uri(file))!), before.replaceAll('iam-team', 'iam-engineering'), `${file} after the rename`);
      }

      // Applied in the editor, the workspace stays clean.
      for (const file of [LIBRARY, CI, PAYMENTS]) await s.openAndSettle(file);
      const since = s.mark();
      await s.applyEdit(edit);
      for (const file of [LIBRARY, CI, PAYMENTS]) {
        await s.waitForDiagnostics(file, () => true, 'diagnostics after the rename', since);
      }
      await s.barrier();
      for (const file of [LIBRARY, CI, PAYMENTS]) assert.deepEqual(summaries(s.lastPublished(file)!), [], `${file} after the rename`);
    });

    it('a rename to an invalid or taken name is a JSON-RPC error saying why', async () => {
      const s = session();
      const at = s.positionOf(CI, 'iam-team', { after: 'github-pat:' }, 2);
      const invalid = await s.attempt('textDocument/rename', { textDocument: { uri: s.uri(CI) }, position: at, newName: 'IAM Team' });
      assert.ok('error' in invalid, `renaming to "IAM Team" answered ${JSON.stringify(invalid)}`);
      assert.ok(Number.isInteger(invalid.error.code), `error code ${invalid.error.code}`);
      assert.match(invalid.error.message, /not a valid id/);
      const taken = await s.attempt('textDocument/rename', { textDocument: { uri: s.uri(CI) }, position: at, newName: 'platform-team' });
      assert.ok('error' in taken, `renaming to an existing contact answered ${JSON.stringify(taken)}`);
      assert.match(taken.error.message, /already exists/);
    });

    it('prepareRename on a reference that does not resolve is a JSON-RPC error saying why (not a silent null)', async () => {
      // The server throws a ResponseError for this case; it must reach the client, whose rename
      // box then shows the reason instead of a generic "cannot rename".
      const s = session();
      const uri = await s.open(CI);
      await s.replace(uri, 'owner: iam-team', 'owner: nobody', { after: 'github-pat:' });
      const outcome = await s.attempt('textDocument/prepareRename', { textDocument: { uri }, position: s.positionOf(uri, 'nobody', {}, 2) });
      assert.ok('error' in outcome, `prepareRename on an unresolved reference answered ${JSON.stringify(outcome)}`);
      assert.match(outcome.error.message, /contact "nobody" is not defined/);
      assert.ok(!s.log.some((l) => /\bat .*server\.js:\d+/.test(l)), `a stack trace was logged for an expected refusal:\n${s.log.join('\n')}`);
    });

    it('definition of a step in `after:` is that step; renaming the step edits its id, `after` and the drill\'s `expect`', async () => {
      const s = session();
      const after = s.positionOf(CI, 'revoke', { after: 'after: [' }, 2);
      assert.deepEqual(keys(await s.definition(CI, after)), keys([{ uri: s.uri(CI), range: s.rangeOf(CI, 'revoke', { after: '- id: ' }) }]));
      const edit = await s.rename(CI, after, 'revoke-token');
      assert.ok(edit);
      const byUri = editsByUri(edit);
      assert.deepEqual([...byUri.keys()], [s.uri(CI)], 'a step is local to its plan');
      const before = s.disk(CI);
      const want = before.replace('- id: revoke\n', '- id: revoke-token\n').replace('after: [revoke]', 'after: [revoke-token]').replace('expect: [revoke]', 'expect: [revoke-token]');
      assert.notEqual(want, before);
      assert.equal(applyTextEdits(before, byUri.get(s.uri(CI))!), want);
    });

    it('prepareRename where there is no id answers null', async () => {
      const s = session();
      assert.equal(await s.prepareRename(CI, s.positionOf(CI, 'title:', {}, 2)), null);
    });
  });

  describe('symbols', () => {
    it('documentSymbol outlines the plan: classes with their steps', async () => {
      const s = session();
      const all = flattenSymbols(await s.documentSymbols(CI));
      const cls = all.find((e) => e.symbol.name === 'github-pat');
      assert.ok(cls, `no github-pat in ${JSON.stringify(all.map((e) => e.symbol.name))}`);
      assert.equal(cls.symbol.kind, SymbolKind.Class);
      assert.deepEqual(cls.symbol.selectionRange, s.rangeOf(CI, 'github-pat'));
      assert.ok(contains(cls.symbol.range, cls.symbol.selectionRange.start) && contains(cls.symbol.range, cls.symbol.selectionRange.end), 'the range holds the selection');
      const steps = flattenSymbols(cls.symbol.children ?? []).filter((e) => e.symbol.kind === SymbolKind.Method);
      assert.deepEqual(steps.map((e) => e.symbol.name), ['revoke', 'reissue']);
      for (const step of steps) {
        assert.ok(compare(cls.symbol.range.start, step.symbol.range.start) <= 0 && compare(step.symbol.range.end, cls.symbol.range.end) <= 0, `${step.symbol.name} is inside its class`);
      }
      assert.ok(all.some((e) => e.symbol.name === 'leaked-pat'), 'the drill is in the outline');
    });

    it('workspace/symbol finds a class by a fuzzy query, in a plan that is not open', async () => {
      const s = session();
      const found = await s.workspaceSymbols('ghpat');
      const cls = found.find((x) => x.name === 'github-pat');
      assert.ok(cls, `no github-pat among ${JSON.stringify(found.map((x) => x.name))}`);
      assert.equal(cls.kind, SymbolKind.Class);
      assert.ok('range' in cls.location, 'a location with a range');
      assert.equal(cls.location.uri, s.uri(CI));
      assert.deepEqual(cls.location.range.start, s.rangeOf(CI, 'github-pat').start);
      const stripe = await s.workspaceSymbols('strpkey');
      assert.ok(stripe.some((x) => x.name === 'stripe-key' && x.location.uri === s.uri(PAYMENTS)), `no stripe-key among ${JSON.stringify(stripe.map((x) => x.name))}`);
    });
  });

  describe('code actions', () => {
    it('a class without deputy gets a quick fix; applying its edit makes class-deputy go away', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      const diagnostics = await s.waitForDiagnostics(uri, (d) => codes(d).includes('class-deputy'), 'class-deputy');
      const deputy = diagnostics.find((d) => d.code === 'class-deputy')!;
      const actions = quickFixes(await s.codeActions(uri, deputy.range, [deputy]));
      const fix = actions.find((a) => /deputy/i.test(a.title) && !/disable/i.test(a.title));
      assert.ok(fix, `no quick fix for class-deputy among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(fix.kind, 'quickfix');
      assert.ok(fix.edit, 'the fix carries a WorkspaceEdit');
      assert.deepEqual([...editsByUri(fix.edit).keys()], [uri], 'the fix edits this document only');

      const since = s.mark();
      await s.applyEdit(fix.edit);
      const after = await s.waitForDiagnostics(uri, () => true, 'diagnostics after the fix', since);
      assert.ok(!codes(after).includes('class-deputy'), `class-deputy is still there: ${JSON.stringify(summaries(after))}`);
      for (const broken of ['yaml-syntax', 'schema']) assert.ok(!codes(after).includes(broken), `the fix introduced ${broken}: ${JSON.stringify(summaries(after))}`);
      assert.ok(codes(after).includes('unknown-framework'), 'the other findings stay');
    });

    it('"Disable … for this line" silences that rule on that line only', async () => {
      const s = session();
      const uri = await s.open(FINDINGS);
      const diagnostics = await s.waitForDiagnostics(uri, (d) => codes(d).includes('class-deputy'), 'class-deputy');
      const deputy = diagnostics.find((d) => d.code === 'class-deputy')!;
      const actions = quickFixes(await s.codeActions(uri, deputy.range, [deputy]));
      const disable = actions.find((a) => /^Disable\b.*\bclass-deputy\b.*\bfor this line\b/i.test(a.title));
      assert.ok(disable?.edit, `no "Disable class-deputy for this line" among ${JSON.stringify(actions.map((a) => a.title))}`);

      const since = s.mark();
      await s.applyEdit(disable.edit);
      assert.match(s.text(uri), /# irplan-disable[a-z-]* class-deputy/);
      const after = await s.waitForDiagnostics(uri, () => true, 'diagnostics after the disable', since);
      assert.deepEqual(codes(after), ['undrilled-class', 'unknown-framework'], 'only class-deputy is silenced (undrilled-class is on the same line)');
      const classKey = s.rangeOf(uri, 'deploy-key', { after: 'credential_classes:' });
      assert.deepEqual(after.find((d) => d.code === 'undrilled-class')!.range, classKey);
      assert.equal(after.find((d) => d.code === 'undrilled-class')!.severity, DiagnosticSeverity.Information);
    });

    it('a quick fix in a CRLF document keeps its CRLF line endings', async () => {
      const s = session();
      const uri = await s.open('untitled:crlf', s.disk(FINDINGS).replace(/\n/g, '\r\n'));
      const diagnostics = await s.waitForDiagnostics(uri, (d) => codes(d).includes('class-deputy'), 'class-deputy');
      const deputy = diagnostics.find((d) => d.code === 'class-deputy')!;
      assert.deepEqual(deputy.range, s.rangeOf(uri, 'deploy-key', { after: 'credential_classes:' }));
      const fix = quickFixes(await s.codeActions(uri, deputy.range, [deputy])).find((a) => /deputy/i.test(a.title) && !/disable/i.test(a.title));
      assert.ok(fix?.edit);
      const since = s.mark();
      await s.applyEdit(fix.edit);
      assert.doesNotMatch(s.text(uri), /[^\r]\n/, 'a bare LF was inserted into a CRLF document');
      const after = await s.waitForDiagnostics(uri, () => true, 'diagnostics after the fix', since);
      assert.deepEqual(codes(after), ['undrilled-class', 'unknown-framework']);
    });

    it('offers no quick fix where there is no finding', async () => {
      const s = session();
      const uri = await s.open(CI);
      const range = s.rangeOf(uri, 'title: ACME CI credentials');
      assert.deepEqual(quickFixes(await s.codeActions(uri, range, [])), []);
    });
  });

  describe('code lenses', () => {
    it('above each class: `n/7 controls …`', async () => {
      const s = session();
      const lenses = await s.codeLenses(CI);
      const onClass = lenses.filter((l) => l.range.start.line === s.rangeOf(CI, 'github-pat').start.line);
      assert.equal(onClass.length, 1, `lenses: ${JSON.stringify(lenses)}`);
      assert.match(onClass[0].command?.title ?? '', /^7\/7 controls\b/, 'github-pat has every control');
      const findings = await s.codeLenses(FINDINGS);
      const line = s.rangeOf(FINDINGS, 'deploy-key', { after: 'credential_classes:' }).start.line;
      const deploy = findings.find((l) => l.range.start.line === line);
      assert.ok(deploy, `no lens on deploy-key: ${JSON.stringify(findings)}`);
      assert.match(deploy.command?.title ?? '', /^[0-5]\/7 controls\b/, 'deploy-key has no deputy and no drill');
    });

    it('above each drill: a command irplan.runDrill with the uri and drill id', async () => {
      const s = session();
      const lenses = await s.codeLenses(CI);
      const drill = lenses.find((l) => l.command?.command === 'irplan.runDrill');
      assert.ok(drill, `no drill lens: ${JSON.stringify(lenses)}`);
      assert.equal(drill.range.start.line, s.rangeOf(CI, 'leaked-pat', { after: 'drills:' }).start.line);
      assert.deepEqual(drill.command!.arguments, [s.uri(CI), 'leaked-pat']);
      assert.ok(drill.command!.title.length > 0);
      assert.equal(lenses.filter((l) => l.command?.command === 'irplan.runDrill').length, 1);
    });
  });
});
