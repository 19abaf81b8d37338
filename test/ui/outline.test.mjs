// The Outline view of a plan: its sections, the credential class with its revocation steps, the
// drill.
import assert from 'node:assert/strict';
import { openFile, runCommand, screenshot, session, until, visible } from './workbench.mjs';

describe('UI: outline', () => {
  after(async () => {
    // Give the explorer its room back for the other tests.
    const header = session.page.locator('.pane-header[aria-label^="Explorer Section"]');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  });

  it('shows the plan\'s sections, the class with its steps, and the drill', async () => {
    const { page } = session;
    await openFile('ci.irplan.yaml');
    await runCommand('Explorer: Focus on Outline View');
    // The file tree folded, so the outline has the side bar's height.
    const explorer = page.locator('.pane-header[aria-label^="Explorer Section"]');
    if ((await explorer.getAttribute('aria-expanded')) === 'true') await explorer.click();
    const outline = page.locator('.pane', { has: page.locator('.pane-header[aria-label^="Outline"]') });
    const row = (label) => outline.locator(`.monaco-list-row[aria-label^=${JSON.stringify(label)}]`);
    for (const [label, what] of [
      ['credential_classes', 'the credential_classes section'],
      ['github-pat', 'the class'],
      ['revoke', 'its first revocation step'],
      ['reissue', 'its second step'],
      ['drills', 'the drills section'],
      ['leaked-pat', 'the drill'],
    ])
      await visible(row(label), `${what} (${label}) in the outline`);
    const levels = Object.fromEntries(
      await Promise.all(['credential_classes', 'github-pat', 'revoke'].map(async (l) => [l, Number(await row(l).first().getAttribute('aria-level'))])),
    );
    assert.ok(levels['credential_classes'] < levels['github-pat'] && levels['github-pat'] < levels['revoke'], `nesting: ${JSON.stringify(levels)}`);
    await until(async () => (await row('github-pat').first().getAttribute('aria-label'))?.includes('class'), 'the class shown as a class symbol');
    await screenshot('outline');
  });
});
