// The drill view as a person sees it, inside its webview: opened from the drill's code lens (or
// the command palette), the simulated timeline (a lane per actor, the step bars where the
// simulation puts them, the inject markers, the contain_within line, the verdict) in the theme's
// colours; the live drill (the clock at ×10, a step started and finished "now" drawn as the
// team's actual bar, the next inject arriving); and "Save after-action report", which writes
// drills/reports/<drill>-<date>.md beside the plan and opens it, leaving the plan as it was.
// What the view must show comes from `irplan drill --format json` on the same plan.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { activeTab, goTo, irplan, openFile, runCommand, screenshot, session, setSideBarVisible, themeColor, until, visible, webviewFrame } from './workbench.mjs';

const PLAN = 'ci.irplan.yaml';

/** Minutes in a plan's duration (`30m`, `2h`, `1d`: the units of spec section 4). */
function minutesOf(duration) {
  const m = /^(\d+)([mhd])$/.exec(String(duration));
  assert.ok(m, `a duration the test reads: ${duration}`);
  return Number(m[1]) * { m: 1, h: 60, d: 1440 }[m[2]];
}

/** T+mm:ss on the drill clock, in minutes. */
function clockMinutes(text) {
  const m = /^T\+(\d+):(\d{2})$/.exec(text?.trim() ?? '');
  return m ? Number(m[1]) + Number(m[2]) / 60 : undefined;
}

/** The local date as the extension names reports (YYYY-MM-DD). */
function localDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const near = (actual, expected, what) => assert.ok(Math.abs(Number(actual) - expected) < 0.2, `${what}: ${actual}, expected ${expected}`);

describe('UI: drill view', () => {
  let drill;
  let containWithin;
  let title;
  let hadDrillsFolder;
  before(() => {
    hadDrillsFolder = existsSync(path.join(session.workspace, 'drills'));
    const run = irplan('drill', PLAN, '--format', 'json');
    assert.equal(run.status, 0, `irplan drill: ${run.stderr}`);
    assert.equal(run.json.drills.length, 1, 'the fixture plan has one drill');
    drill = run.json.drills[0];
    const plan = parse(readFileSync(path.join(session.workspace, PLAN), 'utf8'));
    const limit = plan.drills[drill.id].objectives.find((o) => o.contain_within !== undefined)?.contain_within;
    containWithin = minutesOf(limit);
    title = `Drill: ${drill.title}`;
  });
  // The workspace and the side bar as the other tests expect them: no reports, the side bar shown
  // (one of these tests hides it to give the view room).
  after(async () => {
    if (!hadDrillsFolder) rmSync(path.join(session.workspace, 'drills'), { recursive: true, force: true });
    await setSideBarVisible(true);
  });

  it('the drill\'s code lens opens its view: a lane per actor, the step bars, the injects, the contain_within line and the verdict, in the theme\'s colours', async () => {
    const { page } = session;
    await openFile(PLAN);
    // The drill's key, and its code lens above it.
    const lines = readFileSync(path.join(session.workspace, PLAN), 'utf8').split('\n');
    await goTo(lines.findIndex((l) => l === `  ${drill.id}:`) + 1);
    const lens = await visible(page.locator('.codelens-decoration a', { hasText: /Run drill/ }), 'the "Run drill" code lens');
    assert.match((await lens.textContent()) ?? '', new RegExp(`Run drill · ${drill.verdict}, contained in ${drill.time_to_contain}m`));
    await lens.click();
    await activeTab(title);
    const view = await webviewFrame('#timeline svg .step', 'the drill view');

    // The verdict and the time to contain, as the CLI simulates them.
    const verdict = view.locator('.verdict');
    assert.equal(await verdict.getAttribute('data-verdict'), drill.verdict);
    assert.match((await verdict.textContent())?.trim() ?? '', new RegExp(`^${drill.verdict === 'pass' ? 'Pass' : 'Fail'}, time to contain ${drill.time_to_contain} min \\(objective: within ${containWithin} min\\)$`));

    // The timeline: drawn to the scale its svg declares, at the panel's width.
    const svg = view.locator('#timeline svg');
    const origin = Number(await svg.getAttribute('data-origin'));
    const perMinute = Number(await svg.getAttribute('data-per-minute'));
    const x = (minutes) => origin + minutes * perMinute;
    const actors = [...new Set(drill.steps.map((s) => s.actor))];
    assert.deepEqual(await view.locator('#timeline .lane').evaluateAll((lanes) => lanes.map((l) => l.getAttribute('data-lane'))), actors, 'one lane per actor, in order of their first step');
    for (const step of drill.steps) {
      const bar = view.locator(`#timeline .step[data-step="${step.id}"]`);
      const work = bar.locator('rect.seg-work');
      near(await work.getAttribute('x'), x(step.start), `${step.id} starts at ${step.start} min`);
      near(await work.getAttribute('width'), (step.end - step.start) * perMinute, `${step.id} works ${step.end - step.start} min`);
      if (step.handoff_wait > 0) near(await bar.locator('rect.seg-handoff').getAttribute('width'), step.handoff_wait * perMinute, `${step.id} waits ${step.handoff_wait} min for the handoff`);
      // In its actor's lane: the bar is inside the lane's band.
      const band = await view.locator(`#timeline .lane[data-lane="${step.actor}"] rect.lane-bg`).boundingBox();
      const box = await work.boundingBox();
      assert.ok(box.y >= band.y && box.y + box.height <= band.y + band.height, `${step.id} in the lane of ${step.actor}`);
      assert.match((await bar.getAttribute('aria-label')) ?? '', new RegExp(`^Step ${step.id}: .*Acted by ${step.actor}\\b`));
    }
    const injects = view.locator('#timeline .inject');
    assert.equal(await injects.count(), drill.injects.length, 'an inject marker per inject');
    for (const [i, inject] of drill.injects.entries()) {
      const marker = injects.nth(i);
      near(await marker.locator('line').getAttribute('x1'), x(inject.at), `inject ${i + 1} at ${inject.at} min`);
      assert.equal((await marker.getAttribute('class')).split(' ').includes('met'), inject.met === true, `inject ${i + 1} met: ${inject.met}`);
    }
    const contain = view.locator('#timeline .contain-line');
    assert.equal(Number(await contain.getAttribute('data-minutes')), containWithin);
    near(await contain.locator('line').getAttribute('x1'), x(containWithin), 'the contain_within line');
    assert.equal((await contain.locator('text').textContent())?.trim(), `contain within ${containWithin} min`);

    // The workbench's theme: the same colours as the workbench around it.
    const colours = await view.evaluate(() => ({
      text: getComputedStyle(document.body).color,
      background: getComputedStyle(document.body).backgroundColor,
      work: getComputedStyle(document.querySelector('#timeline rect.seg-work')).fill,
    }));
    assert.deepEqual(colours, {
      text: await themeColor('--vscode-foreground'),
      background: await themeColor('--vscode-editor-background'),
      work: await themeColor('--vscode-charts-blue'),
    });
    // Beside the plan, with the side bar open, the page never scrolls sideways (wide tables scroll in their own box).
    const overflow = await view.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the panel`);
    await screenshot('drill-view-beside');

    // The side bar hidden, as a facilitator gives the view room.
    await setSideBarVisible(false);
    await view.locator('#timeline-section').scrollIntoViewIfNeeded();
    await screenshot('drill-view');
  });

  it('live: the clock at ×10, a step started and finished "now" drawn under its bar, the next inject; the after-action report saved and opened, the plan untouched', async () => {
    const { workspace } = session;
    const planFile = path.join(workspace, PLAN);
    const planBefore = readFileSync(planFile, 'utf8');
    await runCommand('irplan: Run Drill…', { pick: drill.id });
    await activeTab(title);
    const view = await webviewFrame('#clock-bar [data-action="start"]', 'the drill view\'s clock');
    const clock = view.locator('#clock');
    assert.equal((await clock.textContent())?.trim(), 'T+00:00');

    // ×10, then Start: ten drill seconds a second (at ×1 the next check would take ten seconds).
    await view.locator('button[data-action="speed"][data-speed="10"]').click();
    assert.equal(await view.locator('button[data-action="speed"][data-speed="10"]').getAttribute('aria-pressed'), 'true');
    const started = Date.now();
    await view.locator('button[data-action="start"]').click();
    await visible(view.locator('button[data-action="pause"]'), 'the Pause button of a running clock');
    await until(async () => clockMinutes(await clock.textContent()) >= 10 / 60, 'the drill clock at T+00:10');
    assert.ok(Date.now() - started < 5000, `the clock ran ten drill seconds in ${Date.now() - started} ms`);

    // "Started now" for the first step: the team's bar appears under the simulated one, in progress.
    const step = drill.steps[0];
    const actual = view.locator(`#timeline .step[data-step="${step.id}"] rect.bar-actual`);
    assert.equal(await actual.count(), 0, 'no actual bar before anything is recorded');
    await view.getByRole('button', { name: `Started ${step.id} now` }).click();
    await visible(actual, `the actual bar of ${step.id}`);
    assert.match((await actual.getAttribute('class')) ?? '', /\bin-progress\b/);
    const startedAt = clockMinutes(await view.getByRole('textbox', { name: `Started ${step.id} at (drill clock)` }).inputValue());
    assert.ok(startedAt > 0, 'the start recorded on the drill clock');

    // Next inject: the clock jumps to it and the inject arrives in the feed.
    const next = drill.injects.findIndex((i) => i.at > startedAt);
    await view.locator('button[data-action="next-inject"]').click();
    const card = await visible(view.locator(`.inject-card[data-inject="${next}"]`), `inject ${next + 1} in the feed`);
    assert.equal((await card.locator('.inject-message').textContent())?.trim(), drill.injects[next].message);
    await until(async () => clockMinutes(await clock.textContent()) >= drill.injects[next].at, `the clock at inject ${next + 1}`);

    // "Finished now": the bar ends where the clock is.
    await view.getByRole('button', { name: `Finished ${step.id} now` }).click();
    await until(async () => !/\bin-progress\b/.test((await actual.getAttribute('class')) ?? ''), `${step.id}'s actual bar finished`);
    const finishedAt = clockMinutes(await view.getByRole('textbox', { name: `Finished ${step.id} at (drill clock)` }).inputValue());
    const perMinute = Number(await view.locator('#timeline svg').getAttribute('data-per-minute'));
    near(Number(await actual.getAttribute('width')) / perMinute, finishedAt - startedAt, `${step.id}'s actual bar spans its recorded minutes`);
    await view.locator('#timeline-section').scrollIntoViewIfNeeded();
    await screenshot('drill-live');

    // Save after-action report: a new file under drills/reports/, opened in an editor tab.
    const reports = path.join(workspace, 'drills', 'reports');
    const before = existsSync(reports) ? readdirSync(reports) : [];
    const days = [localDay(new Date())];
    await view.locator('button[data-action="save"]').click();
    days.push(localDay(new Date()));
    const listed = () => (existsSync(reports) ? readdirSync(reports).filter((f) => !before.includes(f)) : []);
    // Written to a hidden temporary file first, then renamed: wait for the report itself.
    const written = await until(() => {
      const now = listed();
      return now.length > 0 && now.every((f) => !f.startsWith('.')) ? now : undefined;
    }, 'a new report in drills/reports/ (and no temporary file)');
    assert.equal(written.length, 1, `one report written: ${written}`);
    assert.ok(days.some((d) => written[0] === `${drill.id}-${d}.md`), `the report is named ${drill.id}-<date>.md: ${written[0]}`);
    await activeTab(written[0]);
    await visible(view.locator('#status', { hasText: `Saved drills/reports/${written[0]}` }), 'the view saying where the report is');
    const report = readFileSync(path.join(reports, written[0]), 'utf8');
    assert.match(report, new RegExp(`^# After-action report: ${drill.title}\\n`));
    // The team's record made it into the report: the step's actual times next to the simulated ones.
    const row = report.split('\n').find((l) => l.startsWith(`| ${step.id} |`));
    assert.match(row ?? '', new RegExp(`^\\| ${step.id} \\| ${step.actor} \\| ${step.start}m to ${step.end}m \\| \\S+ to \\S+ \\|`), `the report's row of ${step.id}`);
    assert.equal(readFileSync(planFile, 'utf8'), planBefore, 'the plan file is unchanged');
    await screenshot('drill-report');
  });
});
