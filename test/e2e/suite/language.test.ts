// The language features through VS Code's own commands (vscode.execute*Provider), which go from
// the extension host to the workbench and back through vscode-languageclient to the server:
// completion, hover, definition and rename across the import, quick fixes, symbols, code lenses.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  CI,
  FINDINGS,
  LIBRARY,
  codeOf,
  codes,
  drillViewTabs,
  hoverText,
  label,
  openPlan,
  positionOf,
  rangeOf,
  replace,
  revertAll,
  settledDiagnostics,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

function isCodeAction(a: vscode.Command | vscode.CodeAction): a is vscode.CodeAction {
  return typeof (a as vscode.CodeAction).title === 'string' && typeof (a as vscode.Command).command !== 'string';
}

function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

describe('e2e: language features', () => {
  afterEach(revertAll);

  it('completion after `owner: ` offers contact ids, including the imported library\'s', async () => {
    const doc = await openPlan(CI);
    await replace(doc, 'owner: iam-team', 'owner: ', { after: 'github-pat:' });
    const at = positionOf(doc, 'owner: ', { after: 'github-pat:', offset: 'owner: '.length });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const names = list.items.map(label);
    for (const id of ['iam-team', 'platform-team', 'secops-oncall', 'revoker-bot']) assert.ok(names.includes(id), `no contact ${id} among ${JSON.stringify(names)}`);
    for (const id of ['sev1', 'ci-pipeline', 'github-pat']) assert.ok(!names.includes(id), `${id} is not a contact: ${JSON.stringify(names)}`);
    const iam = list.items.find((i) => label(i) === 'iam-team')!;
    assert.match(`${iam.detail ?? ''}`, /IAM engineering/, 'the imported contact names itself in its detail');
  });

  it('hover on a contact reference shows the contact defined in the imported library', async () => {
    const doc = await openPlan(CI);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'iam-team', { after: 'github-pat:', offset: 3 }));
    assert.ok(hovers.length > 0, 'no hover');
    assert.match(hoverText(hovers), /IAM engineering/);
  });

  it('definition of a contact reference is the contact in the imported library', async () => {
    const doc = await openPlan(CI);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'iam-team', { after: 'github-pat:', offset: 2 }));
    assert.equal(found.length, 1, `definitions: ${JSON.stringify(found)}`);
    const target = 'targetUri' in found[0] ? { uri: found[0].targetUri, range: found[0].targetSelectionRange ?? found[0].targetRange } : found[0];
    assert.equal(target.uri.toString(), workspaceUri(LIBRARY).toString());
    const library = await vscode.workspace.openTextDocument(workspaceUri(LIBRARY));
    assert.ok(target.range.isEqual(rangeOf(library, 'iam-team')), `the definition is at ${JSON.stringify(target.range)}`);
  });

  it('rename of a library contact from the plan edits the library and the plan, which stays clean', async () => {
    const doc = await openPlan(CI);
    const library = await vscode.workspace.openTextDocument(workspaceUri(LIBRARY));
    const before = new Map([doc, library].map((d) => [d.uri.toString(), d.getText()]));
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, 'iam-team', { after: 'github-pat:', offset: 4 }), 'iam-engineering');
    assert.ok(edit, 'rename answered nothing');
    assert.deepEqual(edit.entries().map(([uri]) => uri.toString()).sort(), [...before.keys()].sort(), 'the rename touches the library and the importing plan');

    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename edit was refused');
    for (const d of [doc, library]) assert.equal(d.getText(), before.get(d.uri.toString())!.replaceAll('iam-team', 'iam-engineering'), `${d.uri.path} after the rename`);
    assert.deepEqual(codes(await settledDiagnostics(doc)), [], 'the plan still resolves every contact after the rename');
  });

  it('a quick fix for class-deputy, applied with workspace.applyEdit, makes the finding go and leaves the others', async () => {
    const doc = await openPlan(FINDINGS);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => codes(d).includes('class-deputy'), 'class-deputy');
    const deputy = diagnostics.find((d) => codeOf(d) === 'class-deputy')!;
    const actions = (await vscode.commands.executeCommand<(vscode.Command | vscode.CodeAction)[]>('vscode.executeCodeActionProvider', doc.uri, deputy.range)).filter(isCodeAction);
    const fix = actions.find((a) => /deputy/i.test(a.title) && !/disable/i.test(a.title));
    assert.ok(fix, `no quick fix for class-deputy among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    assert.ok(fix.edit, 'the fix carries an edit');
    assert.ok(actions.some((a) => /^Disable class-deputy for this line/.test(a.title)), `no "Disable class-deputy for this line" among ${JSON.stringify(actions.map((a) => a.title))}`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix was refused');
    const after = await waitForDiagnostics(doc.uri, (d) => !codes(d).includes('class-deputy'), 'class-deputy to go');
    assert.deepEqual(codes(after), ['undrilled-class', 'unknown-framework'], 'the other findings stay, and the fix broke nothing');
  });

  it('document symbols outline the plan: the class with its steps, and the drill', async () => {
    const doc = await openPlan(CI);
    const symbols = flatten(await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri));
    const cls = symbols.find((s) => s.name === 'github-pat');
    assert.ok(cls, `no github-pat among ${JSON.stringify(symbols.map((s) => s.name))}`);
    assert.equal(cls.kind, vscode.SymbolKind.Class);
    assert.ok(cls.selectionRange.isEqual(rangeOf(doc, 'github-pat')));
    assert.deepEqual(flatten(cls.children).filter((s) => s.kind === vscode.SymbolKind.Method).map((s) => s.name), ['revoke', 'reissue']);
    assert.ok(symbols.some((s) => s.name === 'leaked-pat' && s.kind === vscode.SymbolKind.Event), 'the drill is in the outline');
  });

  it('code lenses: the class\'s controls, and a drill lens whose command opens the drill view', async () => {
    const doc = await openPlan(CI);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const onClass = lenses.filter((l) => l.range.start.line === rangeOf(doc, 'github-pat').start.line);
    assert.equal(onClass.length, 1, `lenses: ${JSON.stringify(lenses.map((l) => [l.range.start.line, l.command?.title]))}`);
    assert.match(onClass[0].command?.title ?? '', /^7\/7 controls\b/);

    const drill = lenses.find((l) => l.command?.command === 'irplan.runDrill');
    assert.ok(drill?.command, 'no drill lens');
    assert.equal(drill.range.start.line, rangeOf(doc, 'leaked-pat', { after: 'drills:' }).start.line);
    assert.deepEqual(drill.command.arguments, [doc.uri.toString(), 'leaked-pat']);

    await vscode.commands.executeCommand(drill.command.command, ...(drill.command.arguments ?? []));
    // The drill view (test/e2e/suite/drill.test.ts tests it further).
    await waitFor(() => drillViewTabs().find((t) => t.label === 'Drill: GitHub token leaked in a public repository'), 'the drill view of leaked-pat');
  });
});
