// The workspace status bar item: the errors of every plan in the workspace (as `irplan validate`
// counts them) and the share of credential classes with every control, whatever file is open;
// a click opens the Problems panel.
import assert from 'node:assert/strict';
import { irplan, screenshot, session, textOf, until, visible } from './workbench.mjs';

describe('UI: status bar', () => {
  it('shows the workspace\'s errors as the CLI counts them and its coverage; a click opens Problems', async () => {
    const { page } = session;
    const validate = irplan('validate', '--format', 'json');
    assert.equal(validate.status, 1, 'the workspace has errors: irplan validate should exit 1');
    const { summary } = validate.json;
    assert.equal(summary.errors, 2, 'the fixture workspace has two errors (class-deputy, unknown-framework)');
    // Coverage: of the two classes, github-pat has every control, deploy-key has no deputy.
    const expected = `${summary.errors} errors · 50% covered`;

    // No file is open: the item is about the workspace, and the server validated it by itself.
    assert.equal(await page.locator('.tabs-container .tab').count(), 0);
    const item = page.locator('.statusbar-item[aria-label^="irplan:"]');
    await until(async () => (await textOf(item)) === expected, `the status bar item to read "${expected}"`);
    assert.equal(await item.first().getAttribute('aria-label'), 'irplan: 2 errors, 50 percent of credential classes covered');
    await screenshot('statusbar');

    await item.first().click();
    await visible(page.locator('.markers-panel .monaco-list-row', { hasText: 'class-deputy' }), 'the Problems panel, opened by the item');
  });
});
