// The drill view's page in a real headless Chromium: the page the extension renders
// (client/src/drill/drillPage.ts) with its script (media/dist/drill.js, built by `npm run build`)
// and stylesheet, under its content security policy, in VS Code's light, dark and high-contrast
// colours. A drill whose texts are all hostile must show them as text; the live mode is driven by
// clicks as a facilitator would.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { drillPageHtml } from '../../client/src/drill/drillPage';
import { drillKey } from '../../client/src/drill/key';
import type { DrillSimulation } from '../../server/src/protocol';
import { HOSTILE, hostileSimulation, simulationOf } from '../engine/drill/fixtures';
import { COVERAGE_HEAD, COVERED_CLASS } from '../engine/editor/fixture';
import { attributes, computed, launchBrowser, openPage, PageServer, REPO, rgb, skipWithoutChromium, THEMES, waitForExpression, type OpenOptions, type PageRecord, type Theme } from './harness';

const KEY = drillKey('file:///ws/hostile.irplan.yaml', 'leaked');

describe('webview: the drill view in headless Chromium', function () {
  this.timeout(30_000);
  let browser: Browser;
  const server = new PageServer();
  const pages: Page[] = [];

  before(async function () {
    skipWithoutChromium(this, 'drill view');
    assert.ok(fs.existsSync(path.join(REPO, 'media', 'dist', 'drill.js')), 'media/dist/drill.js is missing: run npm run build');
    await server.start();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
  });

  async function show(sim: DrillSimulation, options: OpenOptions, key = KEY): Promise<{ page: Page; seen: PageRecord }> {
    server.html = drillPageHtml({
      key,
      simulation: sim,
      cspSource: server.origin,
      nonce: 'dGVzdC1ub25jZS0xMjM0NTY3OA==',
      styles: [server.media('dist', 'codicons', 'codicon.css'), server.media('drill.css')],
      script: server.media('dist', 'drill.js'),
    });
    const opened = await openPage(browser, server, options);
    pages.push(opened.page);
    // The script has run once it re-rendered the timeline at the panel's width.
    await waitForExpression(opened.page, 'document.querySelector("#timeline svg")?.getAttribute("width") !== "820"');
    return opened;
  }

  function clean(seen: PageRecord): void {
    assert.deepEqual(seen.errors, [], 'errors thrown on the page');
    assert.deepEqual(seen.console, [], 'console errors (a CSP violation, a missing resource)');
  }

  const x = async (page: Page, selector: string, attr = 'x') => Number(await page.locator(selector).first().getAttribute(attr));

  for (const theme of ['light', 'dark'] as Theme[]) {
    describe(`${theme} theme`, () => {
      it('draws a lane per actor, a bar per step with its approval and handoff waits apart, the injects and the contain_within line', async () => {
        const { page, seen } = await show(hostileSimulation(), { theme });
        const svg = page.locator('#timeline svg');
        // Lanes: who acts after replacement; the deputy's lane says whom it stands in for.
        assert.deepEqual(await attributes(svg.locator('.lane'), 'data-lane'), ['revoker-bot', 'platform', 'secops']);
        assert.equal(await svg.locator('.lane[data-lane="platform"] .lane-note').textContent(), 'for iam-team');
        // Bars: revoke waits 10 min for the replaced approver, then works 2 min.
        const origin = Number(await svg.getAttribute('data-origin'));
        const perMinute = Number(await svg.getAttribute('data-per-minute'));
        const at = (m: number) => origin + m * perMinute;
        const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1.5, `${what}: ${a} is not ${b}`);
        near(await x(page, '.step[data-step="revoke"] .seg-approval'), at(0), 'revoke approval wait starts at 0');
        near(await x(page, '.step[data-step="revoke"] .seg-approval', 'width'), 10 * perMinute, 'revoke approval wait lasts 10 min');
        near(await x(page, '.step[data-step="revoke"] .seg-work'), at(10), 'revoke works from 10');
        near(await x(page, '.step[data-step="revoke"] .seg-work', 'width'), 2 * perMinute, 'revoke works 2 min');
        assert.equal(await svg.locator('.step[data-step="revoke"] .seg-handoff').count(), 0);
        // reissue: iam-team is away, platform takes over after the 10 min handoff.
        near(await x(page, '.step[data-step="reissue"] .seg-handoff'), at(12), 'reissue handoff from 12');
        near(await x(page, '.step[data-step="reissue"] .seg-work'), at(22), 'reissue works from 22');
        assert.equal(await svg.locator('.lane[data-lane="platform"]').count(), 1);
        // Injects: a marker per inject at its minute, carrying its message and question.
        assert.equal(await svg.locator('.inject').count(), 2);
        near(await x(page, '.inject[data-inject="1"] .inject-line', 'x1'), at(5), 'inject 2 at 5 min');
        const title = await svg.locator('.inject[data-inject="1"] title').textContent();
        assert.ok(title?.includes(HOSTILE.question), title ?? '');
        assert.equal(await svg.locator('.inject[data-inject="1"].missed').count(), 1, 'the inject expecting revoke by 5m is missed');
        // The tightest contain_within objective.
        near(await x(page, '.contain-line line', 'x1'), at(45), 'contain_within at 45 min');
        assert.equal((await svg.locator('.contain-label').textContent())?.trim(), 'contain within 45 min');
        // The verdict and the objectives.
        assert.equal(await page.locator('[data-verdict]').getAttribute('data-verdict'), 'pass');
        assert.match((await page.locator('.verdict').textContent()) ?? '', /Pass, time to contain 32 min \(objective: within 45 min\)/);
        assert.equal(await page.locator('.objectives li.met').count(), 3);
        clean(seen);
      });

      it('shows every hostile string as text: no script ran, no image was made, no javascript: link', async () => {
        const { page, seen } = await show(hostileSimulation(), { theme });
        assert.equal(await page.evaluate('window.__pwned'), undefined, 'a script from the plan ran');
        assert.equal(await page.locator('img').count(), 0, 'an <img> element was created');
        assert.equal(await page.evaluate('[...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => /^\\s*javascript:/i.test(a.value))).length'), 0);
        assert.equal(await page.evaluate('[...document.querySelectorAll("[onerror], [onclick], [onload]")].length'), 0);
        // The texts are there, as written.
        assert.equal((await page.locator('h1').textContent())?.trim(), HOSTILE.drillTitle);
        assert.ok((await page.locator('#summary').textContent())?.includes(HOSTILE.question));
        assert.ok((await page.locator('#summary').textContent())?.includes("javascript:window.__pwned='message'"));
        assert.ok((await page.locator('.step[data-step="revoke"] title').textContent())?.includes(HOSTILE.action));
        assert.equal(await page.locator('#step-table th[scope="row"]').first().getAttribute('title'), HOSTILE.action);
        // The secret in the inject never reached the page.
        assert.ok(!(await page.content()).includes('aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'));
        // Script-made markup is escaped too: add an improvement item, whose owner list names the hostile contact.
        await page.getByRole('button', { name: 'Add improvement item' }).click();
        assert.ok((await page.locator('select[data-field="improvement.owner"] option').allTextContents()).includes(`iam-team: ${HOSTILE.contactName}`));
        assert.equal(await page.locator('img').count(), 0);
        assert.equal(await page.evaluate('window.__pwned'), undefined);
        clean(seen);
      });

      it('takes its colours from the theme variables', async () => {
        const { page } = await show(hostileSimulation(), { theme });
        const fill = (selector: string) => computed(page.locator(selector), 'fill');
        const colors = THEMES[theme];
        assert.equal(await fill('.seg-work'), rgb(colors['charts-blue']));
        assert.equal(await fill('.inject-marker'), rgb(colors['charts-yellow']));
        assert.equal(await computed(page.locator('body'), 'backgroundColor'), rgb(colors['editor-background']));
        assert.equal(await computed(page.locator('body'), 'color'), rgb(colors.foreground));
        assert.equal(await computed(page.locator('button.primary'), 'backgroundColor'), rgb(colors['button-background']));
      });
    });
  }

  it('high contrast: bars are outlined with the contrast border', async () => {
    const { page, seen } = await show(hostileSimulation(), { theme: 'high-contrast' });
    assert.equal(await computed(page.locator('.seg-work'), 'stroke'), rgb(THEMES['high-contrast'].contrastBorder));
    clean(seen);
  });

  it('draws a blocked step apart, dashed, and says why the drill fails', async () => {
    const text = `${COVERAGE_HEAD}credential_classes:\n${COVERED_CLASS}drills:\n  all-out:\n    title: Everyone out\n    class: github-pat\n    unavailable: [iam-team, secops]\n`;
    const { page, seen } = await show(simulationOf('/ws/p.irplan.yaml', text, 'all-out'), { theme: 'dark' });
    const blocked = page.locator('.step.blocked[data-step="reissue"] .seg-blocked');
    assert.equal(await blocked.count(), 1);
    assert.notEqual(await computed(blocked, 'strokeDasharray'), 'none');
    assert.equal(await page.locator('.step[data-step="reissue"] .seg-work').count(), 0);
    assert.equal(await page.locator('[data-verdict]').getAttribute('data-verdict'), 'fail');
    assert.match((await page.locator('.reasons').textContent()) ?? '', /step "reissue" is blocked/);
    clean(seen);
  });

  it('live mode: the clock runs at ×10, injects appear at their time with their question, a recorded step gets its actual bar', async () => {
    const { page, seen } = await show(hostileSimulation(), { theme: 'dark' });
    assert.equal(await page.locator('.inject-card').count(), 0, 'no inject before the clock starts');
    await page.getByRole('button', { name: 'Speed ×10' }).click();
    assert.equal(await page.getByRole('button', { name: 'Speed ×10' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // The inject at 0m arrives at once; the clock moves (×10: ten drill seconds a second).
    await page.locator('.inject-card[data-inject="0"]').waitFor();
    await waitForExpression(page, 'document.getElementById("clock").textContent >= "T+00:05"');
    assert.equal(await page.locator('.inject-card[data-inject="1"]').count(), 0, 'the inject at 5m is not there yet');
    // The team starts revoke now.
    await page.getByRole('button', { name: 'Started revoke now' }).click();
    assert.match(await page.locator('input[data-field="step.start"][data-step="revoke"]').inputValue(), /^T\+00:\d\d$/);
    await page.locator('.step[data-step="revoke"] .bar-actual.in-progress').waitFor();
    // Jump to the next inject: its question shows, and it is announced.
    await page.getByRole('button', { name: /Next inject/ }).click();
    await page.locator('.inject-card[data-inject="1"] .question').waitFor();
    assert.ok((await page.locator('.inject-card[data-inject="1"] .question').textContent())?.includes(HOSTILE.question));
    assert.match((await page.locator('#announce').textContent()) ?? '', /^Inject 2 at T\+05:00/);
    // Notes on the inject, then revoke finishes, and audit is typed in by hand and skipped.
    await page.locator('textarea[data-field="inject.note"][data-index="1"]').fill('Paged platform for the approval');
    await page.getByRole('button', { name: 'Finished revoke now' }).click();
    await page.locator('.step[data-step="revoke"] .bar-actual:not(.in-progress)').waitFor();
    await page.locator('input[data-field="step.start"][data-step="reissue"]').fill('T+06:30');
    await page.locator('input[data-field="step.start"][data-step="reissue"]').press('Tab');
    await page.locator('.step[data-step="reissue"] .bar-actual').waitFor();
    await page.getByRole('checkbox', { name: 'Skipped audit' }).check();
    await page.locator('.step[data-step="audit"] .actual-skipped').waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    // The record reached the webview state and, a moment later, the extension.
    const state = (await page.evaluate('window.__state')) as { record: { steps: { id: string; start?: number; end?: number; skipped?: boolean }[]; injects: unknown[] } };
    const byId = new Map(state.record.steps.map((s) => [s.id, s]));
    assert.ok(byId.get('revoke')!.start! < byId.get('revoke')!.end!, JSON.stringify(state.record.steps));
    assert.ok(byId.get('revoke')!.end! >= 5);
    assert.equal(byId.get('reissue')!.start, 6.5);
    assert.deepEqual(byId.get('audit'), { id: 'audit', skipped: true });
    assert.deepEqual(state.record.injects, [{ index: 1, note: 'Paged platform for the approval' }]);
    await waitForExpression(page, 'window.__posted.some((m) => m.type === "record" && m.record.steps.length === 3)');
    // Saving posts the record to the extension.
    await page.getByRole('button', { name: 'Save after-action report' }).click();
    const posted = (await page.evaluate('window.__posted.filter((m) => m.type === "save")')) as { record: { steps: unknown[] } }[];
    assert.equal(posted.length, 1);
    assert.equal(posted[0].record.steps.length, 3);
    assert.equal(await page.locator('#status').textContent(), 'Saving the after-action report…');
    clean(seen);
  });

  it('refuses a time that is not one, and says how to write it', async () => {
    const { page } = await show(hostileSimulation(), { theme: 'light' });
    const input = page.locator('input[data-field="step.end"][data-step="revoke"]');
    await input.fill('soon');
    await input.press('Tab');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('#status').textContent()) ?? '', /"soon" is not a drill time/);
    assert.deepEqual(((await page.evaluate('window.__state')) as { record: { steps: unknown[] } } | null)?.record.steps ?? [], []);
  });

  it('keeps the records when the panel comes back (the webview state), and only its own drill\'s', async () => {
    const kept = {
      version: 1,
      key: KEY,
      clock: { running: false, speed: 5, base: 12.5, since: null },
      record: { facilitator: 'Dana', participants: [{ name: 'Ari', role: 'Platform' }], steps: [{ id: 'revoke', start: 3, end: 9 }], injects: [], objectives: [], strengths: [], areasForImprovement: [], improvementPlan: [], clock: 12.5 },
    };
    const { page } = await show(hostileSimulation(), { theme: 'dark', state: kept });
    assert.equal(await page.locator('#clock').textContent(), 'T+12:30');
    assert.equal(await page.getByRole('button', { name: 'Speed ×5' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('#facilitator').inputValue(), 'Dana');
    assert.equal(await page.locator('input[data-field="participant.name"]').inputValue(), 'Ari');
    assert.equal(await page.locator('input[data-field="step.end"][data-step="revoke"]').inputValue(), 'T+09:00');
    assert.equal(await page.locator('.step[data-step="revoke"] .bar-actual').count(), 1);
    assert.equal(await page.locator('.inject-card').count(), 2, 'both injects had arrived by 12:30');
    // Another drill's state is not this drill's.
    const other = await show(hostileSimulation(), { theme: 'dark', state: { ...kept, key: drillKey('file:///ws/other.irplan.yaml', 'leaked') } });
    assert.equal(await other.page.locator('#clock').textContent(), 'T+00:00');
    assert.equal(await other.page.locator('#facilitator').inputValue(), '');
  });

  it('re-renders when the extension sends a new simulation (the plan changed), keeping the records', async () => {
    const { page, seen } = await show(hostileSimulation(), { theme: 'dark' });
    await page.locator('#facilitator').fill('Dana');
    const changed = hostileSimulation();
    changed.verdict = 'fail';
    changed.reasons = ['contain within 45m missed: 50m > 45m'];
    changed.steps[1] = { ...changed.steps[1], duration: 28, end: 50 };
    changed.timeToContain = 50;
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'simulation', simulation: changed })}, '*')`);
    await page.locator('[data-verdict="fail"]').waitFor();
    assert.match((await page.locator('.reasons').textContent()) ?? '', /50m > 45m/);
    assert.equal(await page.locator('#facilitator').inputValue(), 'Dana');
    clean(seen);
  });

  it('is reachable by keyboard, with a name for every control', async () => {
    const { page } = await show(hostileSimulation(), { theme: 'dark' });
    // Tab order reaches the timeline's steps and injects, and the clock's buttons.
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push((await page.evaluate('(() => { const e = document.activeElement; return e.getAttribute("data-step") ?? e.getAttribute("data-inject") ?? e.getAttribute("data-action") ?? e.tagName; })()')) as string);
    }
    assert.deepEqual(reached.slice(0, 4), ['revoke', 'reissue', 'audit', '0'], reached.join(' '));
    assert.ok(reached.includes('start'), reached.join(' '));
    // A focused bar says what it is below the chart.
    await page.locator('.step[data-step="reissue"]').focus();
    assert.match((await page.locator('#timeline-detail').textContent()) ?? '', /^Step reissue: Issue a replacement token\. Acted by platform for iam-team \(unavailable\) \(Platform engineering\)\. Handoff wait 10 min\./);
    // Every button, input, select and textarea has an accessible name.
    const unnamed = await page.evaluate(`[...document.querySelectorAll('button, input, select, textarea')].filter((e) => {
      const label = e.getAttribute('aria-label') || (e.id && document.querySelector('label[for="' + e.id + '"]')) || e.textContent.trim();
      return !label;
    }).map((e) => e.outerHTML)`);
    assert.deepEqual(unnamed, []);
  });

  it('renders the example drill (examples/saas) in the dark theme: its lanes, steps, injects and the team\'s bars', async () => {
    const base = path.join(REPO, 'examples', 'saas');
    const read = (file: string) => fs.readFileSync(path.join(base, file), 'utf8');
    const uri = (file: string) => pathToFileURL(path.join(base, file)).href;
    const sim = simulationOf(uri('platform.irplan.yaml'), read('platform.irplan.yaml'), 'ksa-token-exfil-platform-out', {
      [uri('shared/contacts.irplan.yaml')]: read('shared/contacts.irplan.yaml'),
      [uri('shared/services.irplan.yaml')]: read('shared/services.irplan.yaml'),
    });
    const key = drillKey(uri('platform.irplan.yaml'), sim.drillId);
    // A drill 27 minutes in: the team was slower to unbind than the plan says.
    const state = {
      version: 1,
      key,
      clock: { running: false, speed: 10, base: 27, since: null },
      record: {
        facilitator: 'Priya Raman',
        participants: [
          { name: 'Sam (SRE on-call)', role: 'Deputy for the platform team' },
          { name: 'Lee (security on-call)', role: 'Incident lead' },
        ],
        steps: [
          { id: 'quarantine', start: 4, end: 16 },
          { id: 'unbind', start: 14, end: 24 },
          { id: 'recreate-ksa', start: 24.5 },
        ],
        injects: [{ index: 1, note: 'Approval went to the incident lead in the channel; nobody knew SRE could approve' }],
        objectives: [],
        strengths: [],
        areasForImprovement: [],
        improvementPlan: [],
        clock: 27,
      },
    };
    const { page, seen } = await show(sim, { theme: 'dark', state, viewport: { width: 1100, height: 1060 } }, key);
    assert.deepEqual(await attributes(page.locator('#timeline .lane'), 'data-lane'), ['sre', 'argocd']);
    assert.equal(await page.locator('#timeline .step').count(), 5);
    assert.equal(await page.locator('#timeline .inject').count(), 4);
    assert.equal(await page.locator('#timeline .bar-actual').count(), 3);
    assert.equal(await page.locator('[data-verdict]').getAttribute('data-verdict'), 'pass');
    clean(seen);
  });
});
