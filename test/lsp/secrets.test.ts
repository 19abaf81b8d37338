// "Nothing irplan prints ever repeats a secret it found in a plan": a token pasted into a plan
// (a contact's name, a drill's title, a class description, a step action) must not come back in
// any answer of the server: diagnostics, hovers, completion, outline, workspace symbols, lenses,
// code actions, irplan/listDrills, irplan/runDrill.
import assert from 'node:assert/strict';
import { LIST_DRILLS, RUN_DRILL } from '../../server/src/protocol';
import { codes, useSession } from './harness';

// Built at run time so that no scanner takes this file for a leak: the shape of a GitHub token.
const TOKEN = ['ghp', 'Zq8Lr2Vt6Xw0Yb4Nc7Md1Kf5Hj9Gs3Pa2EuT'].join('_');

describe('lsp: secrets', function () {
  this.timeout(20_000);
  const session = useSession({});

  it('no answer of the server repeats a secret written in a plan', async () => {
    const s = session();
    assert.equal(TOKEN.length, 40);
    const lib = await s.open('lib/contacts.irplan.yaml');
    await s.replace(lib, 'name: IAM engineering', `name: IAM engineering ${TOKEN}`);
    const ci = await s.open('ci.irplan.yaml');
    await s.replace(ci, 'title: GitHub token leaked in a public repository', `title: GitHub token ${TOKEN} leaked`);
    await s.replace(ci, 'description: Fine-grained GitHub tokens used by automation', `description: Fine-grained GitHub tokens such as ${TOKEN}`);
    await s.replace(ci, 'action: Revoke the token in the GitHub organisation settings', `action: Revoke ${TOKEN} in the GitHub organisation settings`);
    await s.replace(ci, 'message: Audit log shows the token used from an unknown network', `message: Audit log shows ${TOKEN} used from an unknown network`);

    const diagnostics = await s.waitForDiagnostics(ci, (d) => codes(d).includes('inline-secret'), 'inline-secret');
    const libDiagnostics = await s.waitForDiagnostics(lib, (d) => codes(d).includes('inline-secret'), 'inline-secret in the library');
    const at = (search: string, after?: string) => s.positionOf(ci, search, after === undefined ? {} : { after }, 2);
    const answers: [string, unknown][] = [
      ['publishDiagnostics (plan)', diagnostics],
      ['publishDiagnostics (library)', libDiagnostics],
      ['hover on a contact reference', await s.hover(ci, at('iam-team', 'github-pat:'))],
      ['hover on the contact in the library', await s.hover(lib, s.positionOf(lib, 'iam-team', {}, 2))],
      ['hover on the drill', await s.hover(ci, at('leaked-pat'))],
      ['hover on the class', await s.hover(ci, at('github-pat'))],
      ['hover on the class in the drill', await s.hover(ci, at('github-pat', 'drills:'))],
      ['hover on a step id', await s.hover(ci, at('revoke', '- id: '))],
      ['hover on the token', await s.hover(ci, at(TOKEN))],
      ['documentSymbol (plan)', await s.documentSymbols(ci)],
      ['documentSymbol (library)', await s.documentSymbols(lib)],
      ['workspace/symbol', await s.workspaceSymbols('')],
      ['codeLens', await s.codeLenses(ci)],
      ['codeAction', await s.codeActions(ci, { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } }, diagnostics)],
      [LIST_DRILLS, await s.request(LIST_DRILLS, {})],
      [RUN_DRILL, await s.request(RUN_DRILL, { uri: ci, drillId: 'leaked-pat' })],
    ];
    await s.replace(ci, 'owner: iam-team', 'owner: ', { after: 'github-pat:' });
    answers.push(['completion of contacts', await s.completion(ci, s.positionOf(ci, 'owner: ', { after: 'github-pat:' }, 'owner: '.length))]);

    const leaks = answers.filter(([, answer]) => JSON.stringify(answer).includes(TOKEN)).map(([name]) => name);
    assert.deepEqual(leaks, [], `these answers repeat the secret: ${leaks.join(', ')}`);
  });
});
