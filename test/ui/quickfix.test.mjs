// A quick fix from the light bulb: the cursor on the finding, the light bulb, the fix picked from
// its menu; the text changes and the finding goes.
import assert from 'node:assert/strict';
import { goTo, openFile, problemCounts, screenshot, session, until, visible, visibleEditorText } from './workbench.mjs';

describe('UI: quick fix', () => {
  it('the light bulb on a class without deputy offers "Add a deputy", which adds one and clears the error', async () => {
    const { page } = session;
    await openFile('findings.irplan.yaml');
    await until(async () => /^Errors: 2\b/.test((await problemCounts()) ?? ''), 'the two errors of findings.irplan.yaml in the status bar');
    assert.doesNotMatch(await visibleEditorText(), /^\s+deputy:/m, 'the class has no deputy yet');

    await goTo(26, 4); // on `deploy-key`, where class-deputy is reported
    const bulb = await visible(page.locator('.lightBulbWidget'), 'the light bulb');
    await bulb.click();
    const menu = page.locator('.action-widget');
    const fixTitle = 'Add a deputy to class "deploy-key"';
    await visible(menu.locator('.monaco-list-row.action', { hasText: fixTitle }), 'the "Add a deputy" fix in the light bulb menu');
    const titles = await menu.locator('.monaco-list-row.action .title').allTextContents();
    assert.ok(titles.includes('Disable class-deputy for this line'), `menu: ${JSON.stringify(titles)}`);
    // Picked with the keyboard, as the menu's own hint says ("Enter to Apply"): the menu's
    // opening animation keeps a pointer shield over it for a while.
    const focused = menu.locator('.monaco-list-row.action.focused .title');
    for (let i = 0; i < titles.length && (await focused.textContent()) !== fixTitle; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await focused.textContent(), fixTitle);
    await screenshot('quickfix-menu');

    await page.keyboard.press('Enter');
    await until(async () => /^\s+deputy:/m.test(await visibleEditorText()), 'a deputy: line in the class');
    await until(async () => /^Errors: 1\b/.test((await problemCounts()) ?? ''), 'one error left (unknown-framework) in the status bar');
    await screenshot('quickfix-applied');
  });
});
