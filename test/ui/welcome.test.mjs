// A window without a folder: the Explorer offers to create a plan (viewsWelcome), and its link
// opens the extension's walkthrough with its four steps. In a second browser tab of the same
// VS Code, so the folder window of the other tests stays as it is.
import assert from 'node:assert/strict';
import { screenshot, session, until, visible } from './workbench.mjs';

describe('UI: getting started', () => {
  let page;
  before(async () => {
    page = await session.context.newPage();
    await page.goto(session.server.workbenchUrl());
  });
  after(() => page?.close());

  it('an empty window\'s Explorer says there is no plan yet and offers to create one', async () => {
    await visible(page.locator('.monaco-workbench .part.activitybar'), 'the workbench');
    await page.keyboard.press('Control+Shift+E');
    const welcome = page.locator('.welcome-view-content', { hasText: 'No incident-response plan yet.' });
    await visible(welcome, 'the irplan welcome content in the Explorer');
    const button = await visible(welcome.locator('a.monaco-button', { hasText: 'Create a plan' }), 'the "Create a plan" button');
    await screenshot('welcome-explorer', page);

    // The button runs irplan.newPlan (activating the extension): the server's starter plan is
    // fetched, then the save dialog (VS Code's own, in a web workbench) asks where to write it.
    await button.click();
    const dialog = page.locator('.quick-input-widget');
    await visible(dialog.getByText('New irplan plan'), 'the "New irplan plan" save dialog');
    await page.keyboard.press('Escape');
    await until(async () => !(await dialog.isVisible()), 'the save dialog to close');
  });

  it('"Learn more" opens the walkthrough: write a plan, fix a finding, run a drill, add the CLI to CI', async () => {
    const link = await visible(page.locator('.welcome-view-content a.monaco-link', { hasText: 'Learn more' }), 'the "Learn more" link');
    await link.click();
    const walkthrough = page.locator('.gettingStartedContainer');
    await visible(walkthrough.getByText('Get started with irplan'), 'the walkthrough title');
    const titles = await until(async () => {
      const t = (await walkthrough.locator('.getting-started-step .step-title').allTextContents()).map((s) => s.trim());
      return t.length === 4 ? t : undefined;
    }, 'the four steps');
    assert.deepEqual(titles, ['Write a first plan', 'Fix a finding', 'Run a drill', 'Add the CLI to CI']);
    // The side bar hidden, the walkthrough has room for its two columns: the steps, and the first
    // step's Markdown (media/walkthrough/write-plan.md) rendered in a webview.
    await page.keyboard.press('Control+B');
    const media = page.frameLocator('.getting-started-media iframe.webview').frameLocator('iframe#active-frame');
    await until(async () => (await media.locator('h1').textContent({ timeout: 1000 }))?.trim() === 'Write a first plan', 'the first step\'s Markdown, rendered');
    await visible(media.locator('code', { hasText: 'deputy' }), 'the Markdown\'s example plan');
    await screenshot('welcome-walkthrough', page);
  });
});
