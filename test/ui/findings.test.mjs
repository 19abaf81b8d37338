// A broken plan as a person sees it: the squiggle under the finding, the hover with its rule id,
// and the Problems panel entry with the rule id and position.
import assert from 'node:assert/strict';
import { openFile, runCommand, screenshot, session, textOf, until, visible } from './workbench.mjs';

describe('UI: findings of a broken plan', () => {
  it('the finding is underlined where it is, and its hover names the rule', async () => {
    const { page } = session;
    await openFile('findings.irplan.yaml');
    // class-deputy is reported on the class key `deploy-key` (line 26): its squiggle is there.
    const line = page.locator('.view-line', { hasText: /^\s*deploy-key:\s*$/ });
    await visible(line, 'the line of deploy-key');
    // The class's code lens arrives a moment later and moves the lines under it down: wait for it,
    // or the pointer would land where deploy-key was.
    await visible(page.locator('.codelens-decoration', { hasText: /\d+\/7 controls/ }), 'the code lens of deploy-key');
    // The editor re-renders its overlays as code lenses arrive: compare positions until they agree.
    await until(async () => {
      const lineBox = await line.first().boundingBox();
      const squiggles = await page.locator('.view-overlays .squiggly-error').all();
      const boxes = await Promise.all(squiggles.map((s) => s.boundingBox()));
      return lineBox !== null && boxes.some((b) => b !== null && b.width > 0 && Math.abs(b.y - lineBox.y) < lineBox.height);
    }, 'an error squiggle on the deploy-key line');
    await screenshot('findings-squiggle');

    await line.first().getByText('deploy-key').hover();
    const hover = await visible(page.locator('.monaco-hover:not(.hidden)', { hasText: 'has no deputy' }), 'the hover of the class-deputy finding');
    assert.match((await textOf(hover)) ?? '', /^class "deploy-key" has no deputy: add deputy: <contact id>/);
    // "irplan(class-deputy)" on screen, the rule id a link to its page.
    await visible(hover.locator('a', { hasText: /^class-deputy$/ }), 'the rule id class-deputy as a link in the hover');
    await screenshot('findings-hover');
  });

  it('the Problems panel lists each finding with its rule id and position', async () => {
    const { page } = session;
    await openFile('findings.irplan.yaml');
    await runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const panel = page.locator('.markers-panel');
    const row = (ruleId) => panel.locator('.monaco-list-row', { hasText: ruleId });
    for (const ruleId of ['class-deputy', 'unknown-framework', 'undrilled-class']) await visible(row(ruleId), `the ${ruleId} entry in the Problems panel`);
    assert.match((await textOf(row('class-deputy'))) ?? '', /class "deploy-key" has no deputy: add deputy: .*irplan\(?class-deputy\)?\s*\[Ln 26, Col 3\]/);
    assert.match((await textOf(row('unknown-framework'))) ?? '', /unknown framework tag "OWASP-NHI42".*\[Ln 47, Col 30\]/);
    const label = await until(() => row('class-deputy').first().getAttribute('aria-label'), 'the accessible label of the class-deputy entry');
    assert.match(label, /^Error: class "deploy-key" has no deputy/);
    await screenshot('findings-problems');
  });
});
