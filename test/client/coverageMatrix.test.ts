// The coverage matrix webview's page (client/src/coverage/matrixPage.ts with media/coverage-matrix.*)
// in a real headless Chromium, in the light and the dark theme: the server's heat map of a real
// workspace, its cells as buttons that post the node they stand for (click, Enter, Space), the
// theme's colours, and hostile plan text kept inert under the page's content security policy.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderMatrixPage } from '../../client/src/coverage/matrixPage';
import { coverageSummary } from '../../client/src/coverage/model';
import { newNonce } from '../../client/src/webview/page';
import type { CoverageResult } from '../../server/src/protocol';
import { WORKSPACE, workspaceCoverage } from './coverageFixture';
import { chromiumAvailable, REPO, THEMES, WebviewBrowser, type InPage, type ThemeName } from './webviewBrowser';

const HOSTILE_ID = '<script>window.__pwned=1</script>';
const HOSTILE_TITLE = '"><img src=x onerror="window.__pwned=2">';

const HOSTILE_PLAN = `irplan: "1"
plan:
  id: hostile
  title: '${HOSTILE_TITLE}'
  owner: iam-team
  incident_lead: iam-team
  last_reviewed: 2026-10-01
  review_interval: 90d
imports:
  - lib/contacts.irplan.yaml
credential_classes:
  '${HOSTILE_ID}':
    kind: other
    owner: iam-team
    severity: sev2
    frameworks: [OWASP-NHI1]
  '${HOSTILE_TITLE}':
    kind: other
    severity: sev2
`;

interface Posted {
  type: string;
  cells?: number;
  uri?: string;
  classId?: string;
  control?: string;
  tag?: string;
}

describe('client: coverage matrix in Chromium', function () {
  this.timeout(60_000);
  let browser: WebviewBrowser;
  let folder: string;
  let result: CoverageResult;

  before(async function () {
    if (!chromiumAvailable()) {
      console.warn('      !! chromium is not installed (apt-get install chromium): the webview browser tests are skipped, not passed');
      this.skip();
    }
    assert.ok(fs.existsSync(path.join(REPO, 'media', 'dist', 'codicons', 'codicon.css')), 'media/dist is missing: run node esbuild.mjs first');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'irplan-matrix-'));
    fs.cpSync(WORKSPACE, folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'hostile.irplan.yaml'), HOSTILE_PLAN);
    result = workspaceCoverage({ matrix: true, folder });
    browser = await WebviewBrowser.start();
  });

  after(async () => {
    await browser?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  function html(): string {
    return renderMatrixPage({
      summary: coverageSummary(result),
      svg: result.matrix!,
      cspSource: browser.origin,
      nonce: newNonce(),
      codicons: browser.media('dist', 'codicons', 'codicon.css'),
      stylesheet: browser.media('coverage-matrix.css'),
      script: browser.media('coverage-matrix.js'),
    });
  }

  for (const theme of ['light', 'dark'] as ThemeName[]) {
    describe(`${theme} theme`, () => {
      it('shows a button per class and control, per tagged framework cell, in the theme colours', async () => {
        const { page, violations } = await browser.open(html(), theme);
        try {
          const classes = result.plans.reduce((n, p) => n + p.classes.length, 0);
          assert.equal(await page.locator('svg.irplan-coverage [role="button"][data-control]').count(), classes * 7);
          assert.equal(await page.locator('svg [role="button"][data-tag]').count(), result.frameworks.reduce((n, f) => n + new Set(f.classes.map((c) => c.uri + c.classId)).size, 0));
          assert.equal(await page.locator('.summary').textContent(), coverageSummary(result));
          // The cells take VS Code's colours: the pass mark is testing.iconPassed, the background the editor's.
          const colours = await page.evaluate(() => {
            const { document, getComputedStyle } = globalThis as InPage;
            const pass = document.querySelector('svg .cell.pass path')!;
            const bg = document.querySelector('svg .bg')!;
            return { pass: getComputedStyle(pass).stroke, bg: getComputedStyle(bg).fill };
          });
          const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
          assert.equal(colours.pass, rgb(THEMES[theme].vars['--vscode-testing-iconPassed']));
          assert.equal(colours.bg, rgb(THEMES[theme].vars['--vscode-editor-background']));
          // The codicon font loaded from media/ (the legend's marks).
          assert.equal(await page.evaluate(() => (globalThis as InPage).document.fonts.check('16px codicon')), true);
          assert.deepEqual(violations, []);
          if (process.env.IRPLAN_SCREENSHOTS) {
            fs.mkdirSync(process.env.IRPLAN_SCREENSHOTS, { recursive: true });
            await page.screenshot({ path: path.join(process.env.IRPLAN_SCREENSHOTS, `coverage-matrix-test-${theme}.png`), fullPage: true });
          }
        } finally {
          await page.context().close();
        }
      });

      it('posts the node a cell stands for on a click, Enter or Space; and nothing for an untagged cell', async () => {
        const { page } = await browser.open(html(), theme);
        try {
          const deploy = result.plans.find((p) => p.label === 'findings.irplan.yaml')!;
          await page.locator(`[data-class="deploy-key"][data-control="deputy"]`).click();
          await page.locator(`[data-class="deploy-key"][data-control="owner"]`).focus();
          await page.keyboard.press('Enter');
          await page.locator(`[data-class="github-pat"][data-tag="OWASP-NHI2"]`).focus();
          await page.keyboard.press(' ');
          await page.locator('svg .tag-none').first().click();
          const [ready, ...posted] = await page.evaluate(() => (globalThis as InPage).__posted as Posted[]);
          const ci = result.plans.find((p) => p.label === 'ci.irplan.yaml')!;
          assert.deepEqual(ready, { type: 'ready', cells: await page.locator('svg [role="button"]').count() });
          assert.deepEqual(posted, [
            { type: 'reveal', uri: deploy.uri, classId: 'deploy-key', control: 'deputy' },
            { type: 'reveal', uri: deploy.uri, classId: 'deploy-key', control: 'owner' },
            { type: 'reveal', uri: ci.uri, classId: 'github-pat', tag: 'OWASP-NHI2' },
          ]);
          // The focused cell and the scroll position are kept for the next redraw.
          const state = await page.evaluate(() => (globalThis as InPage).__state as { focus?: string });
          assert.match(state.focus ?? '', /github-pat/);
        } finally {
          await page.context().close();
        }
      });

      it('keeps hostile plan text inert: shown as text, never run', async () => {
        const { page, violations } = await browser.open(html(), theme);
        try {
          await page.locator(`[data-class="${HOSTILE_ID.replace(/"/g, '\\"')}"][data-control="owner"]`).click();
          const seen = await page.evaluate(() => {
            const w = globalThis as InPage;
            return {
              pwned: w.__pwned as number | undefined,
              images: w.document.querySelectorAll('img').length as number,
              scripts: [...w.document.querySelectorAll('script')].map((s: InPage) => (s.getAttribute('src') ?? s.id) as string),
              texts: [...w.document.querySelectorAll('svg text')].map((t: InPage) => t.textContent as string),
            };
          });
          assert.equal(seen.pwned, undefined);
          assert.equal(seen.images, 0);
          assert.deepEqual(seen.scripts, [browser.media('coverage-matrix.js')]);
          assert.ok(seen.texts.includes(HOSTILE_ID), 'the hostile class id is shown as it is written');
          assert.ok(seen.texts.some((t) => t?.includes(HOSTILE_TITLE)), 'the hostile title is shown as text');
          const posted = await page.evaluate(() => (globalThis as InPage).__posted as Posted[]);
          assert.deepEqual(posted.map((p) => p.classId), [undefined, HOSTILE_ID]);
          assert.deepEqual(violations, []);
        } finally {
          await page.context().close();
        }
      });
    });
  }
});
