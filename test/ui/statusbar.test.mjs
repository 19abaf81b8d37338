// The workspace status bar item: the errors of every plan in the workspace (as `irplan validate`
// counts them) and the share of credential classes with every control, whatever file is open;
// a click opens the Problems panel.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { screenshot, session, textOf, until, visible } from './workbench.mjs';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'irplan.js');

describe('UI: status bar', () => {
  it('shows the workspace\'s errors as the CLI counts them and its coverage; a click opens Problems', async () => {
    const { page, workspace } = session;
    let summary;
    try {
      execFileSync(process.execPath, [CLI, 'validate', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
      assert.fail('the workspace has errors: irplan validate should exit 1');
    } catch (error) {
      summary = JSON.parse(error.stdout).summary;
    }
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
