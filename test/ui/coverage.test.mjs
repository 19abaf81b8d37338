// The coverage views as a person sees them: the irplan icon in the activity bar opens the Coverage
// tree (plan → class → control, pass/fail icons in the theme's colours, n/7 per class) and the
// Frameworks tree (risk → the classes tagged with it); a click on a row opens the plan where it
// points; the coverage matrix webview's cells lead to the plan too. What each row must say comes
// from `irplan coverage --format json` on the same workspace: the views and the CLI must agree.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { activeTab, cursorAt, irplan, openViewContainer, runCommand, screenshot, session, setSideBarVisible, themeColor, until, visible, webviewFrame } from './workbench.mjs';

/** The tree's words for the seven controls (spec section 10), in the CLI's order. */
const CONTROL_LABELS = {
  owner: 'owner',
  deputy: 'deputy',
  revocation: 'revocation path',
  rollback: 'rollback criteria',
  evidence: 'evidence',
  validation: 'dependent validation',
  drilled: 'drilled',
};

const headerSelector = (title) => `.pane-header[aria-label="${title} Section"]`;
const paneHeader = (title) => session.page.locator(`.part.sidebar ${headerSelector(title)}`);
const pane = (title) => session.page.locator('.part.sidebar .pane', { has: session.page.locator(headerSelector(title)) });

/** Expands or collapses a side bar section by its header, as a person clicks it. */
async function setSectionExpanded(title, expanded) {
  const header = await visible(paneHeader(title), `the ${title} section header`);
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await until(async () => (await header.getAttribute('aria-expanded')) === String(expanded), `the ${title} section ${expanded ? 'expanded' : 'collapsed'}`);
}

/** Unfolds or folds a tree row with its chevron, as a person clicks it. */
async function setRowExpanded(row, expanded, what) {
  if ((await row.getAttribute('aria-expanded')) !== String(expanded)) await row.locator('.monaco-tl-twistie').click();
  await until(async () => (await row.getAttribute('aria-expanded')) === String(expanded), `${what} ${expanded ? 'unfolded' : 'folded'}`);
}

/** The rows a tree shows, top to bottom: level, label, description, codicon and icon colour. */
function treeRows(section) {
  return pane(section)
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows
        .map((row) => {
          const icon = row.querySelector('.custom-view-tree-node-item-icon');
          return {
            top: row.getBoundingClientRect().top,
            level: Number(row.getAttribute('aria-level')),
            label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
            description: row.querySelector('.label-description')?.textContent?.trim() || undefined,
            icon: [...(icon?.classList ?? [])].find((c) => c.startsWith('codicon-'))?.slice('codicon-'.length),
            color: icon ? getComputedStyle(icon).color : undefined,
          };
        })
        .sort((a, b) => a.top - b.top)
        .map(({ top: _top, ...row }) => row),
    );
}

/** The rows right under the row `label` (at `level`), up to the next row at that level or above. */
function childrenOf(rows, label, level) {
  const at = rows.findIndex((r) => r.label === label && r.level === level);
  assert.ok(at >= 0, `no row "${label}" at level ${level}: ${JSON.stringify(rows.map((r) => r.label))}`);
  const end = rows.findIndex((r, i) => i > at && r.level <= level);
  return rows.slice(at + 1, end < 0 ? undefined : end).filter((r) => r.level === level + 1);
}

/** The rows of the tree `section` that read `label, description` (their accessible name). */
function rowIn(section, label, description) {
  const aria = description === undefined ? label : `${label}, ${description}`;
  return pane(section).locator(`.monaco-list-row[aria-label=${JSON.stringify(aria)}]`);
}

/** 1-based line of the first line at or after `fromLine` (1-based) in the workspace file that matches `pattern`. */
function lineOf(file, pattern, fromLine = 1) {
  const lines = readFileSync(path.join(session.workspace, file), 'utf8').split('\n');
  const i = lines.findIndex((l, n) => n + 1 >= fromLine && pattern.test(l));
  assert.ok(i >= 0, `${file} has no line matching ${pattern} from line ${fromLine}`);
  return i + 1;
}

/** Where the status bar puts the cursor after a click that selects the class key (CLI line and column are 1-based). */
const classSelection = (c) => `Ln ${c.line}, Col ${c.column + c.id.length} (${c.id.length} selected)`;

describe('UI: coverage views', () => {
  let coverage;
  before(() => {
    const run = irplan('coverage', '--format', 'json');
    assert.equal(run.status, 0, `irplan coverage: ${run.stderr}`);
    coverage = run.json;
  });
  // The side bar, and both its sections, as VS Code first shows them.
  afterEach(async () => {
    await setSideBarVisible(true);
    if (await paneHeader('Frameworks').isVisible()) {
      await setSectionExpanded('Coverage', true);
      await setSectionExpanded('Frameworks', true);
    }
  });

  // The Explorer in the side bar again, as the other tests (and their screenshots) expect it.
  after(async () => {
    await session.page.keyboard.press('Control+Shift+E');
    await visible(session.page.locator('.part.sidebar .pane-header[aria-label^="Explorer Section"]'), 'the Explorer');
  });

  const failing = () => {
    const plan = coverage.plans.find((p) => p.classes.some((c) => !c.fully_covered));
    const cls = plan.classes.find((c) => !c.fully_covered);
    return { plan, cls, control: Object.keys(CONTROL_LABELS).find((k) => !cls.controls[k].ok) };
  };

  it('the activity bar icon opens the Coverage tree: each plan, its classes at n/7 and their controls, as the CLI counts them', async () => {
    assert.ok(coverage.plans.length >= 2 && coverage.plans.some((p) => p.classes.some((c) => c.fully_covered)) && failing().cls, 'the fixture has a covered and an uncovered class');
    await openViewContainer('irplan', paneHeader('Coverage'));
    // The Frameworks section folded, so every row of the Coverage tree is drawn.
    await setSectionExpanded('Coverage', true);
    await setSectionExpanded('Frameworks', false);
    await visible(pane('Coverage').getByText(`${coverage.summary.fully_covered} of ${coverage.summary.classes} credential classes fully covered (${coverage.summary.percent}%)`), 'the summary above the tree');

    // Each plan with its fully covered classes; a class that lacks a control opens on its controls.
    for (const plan of coverage.plans) {
      await visible(rowIn('Coverage', plan.path, `${plan.summary.fully_covered}/${plan.summary.classes}`), `the plan ${plan.path} with ${plan.summary.fully_covered}/${plan.summary.classes}`);
      for (const c of plan.classes) await visible(rowIn('Coverage', c.id, `${c.covered}/${c.total}`), `the class ${c.id} at ${c.covered}/${c.total}`);
    }
    // A covered class is folded: a click on its chevron shows its controls.
    const covered = coverage.plans.flatMap((p) => p.classes).find((c) => c.fully_covered);
    const coveredRow = rowIn('Coverage', covered.id, `${covered.covered}/${covered.total}`).first();
    assert.equal(await coveredRow.getAttribute('aria-expanded'), 'false', `${covered.id} starts folded`);
    await setRowExpanded(coveredRow, true, covered.id);

    // The theme's colours now (a workbench can switch from its first theme to the user's after it shows).
    const passColor = await themeColor('--vscode-testing-iconPassed');
    const failColor = await themeColor('--vscode-testing-iconFailed');
    const rows = await until(async () => {
      const r = await treeRows('Coverage');
      return coverage.plans.every((p) => p.classes.every((c) => r.some((row) => row.label === c.id) && childrenOf(r, c.id, 2).length === 8)) ? r : undefined;
    }, 'every class with its seven controls and its last drill');
    for (const plan of coverage.plans) {
      const planRow = rows.find((r) => r.level === 1 && r.label === plan.path);
      const complete = plan.summary.fully_covered === plan.summary.classes;
      assert.deepEqual([planRow.icon, planRow.color], complete ? ['pass', passColor] : ['error', failColor], `the icon of ${plan.path}`);
      assert.deepEqual(childrenOf(rows, plan.path, 1).map((r) => [r.label, r.description]), plan.classes.map((c) => [c.id, `${c.covered}/${c.total}`]));
      for (const c of plan.classes) {
        const expected = Object.entries(CONTROL_LABELS).map(([name, label]) => {
          const state = c.controls[name];
          // A missing control says what is wrong: the first clause of the CLI's message.
          return state.ok ? { label, description: undefined, icon: 'pass', color: passColor } : { label, description: state.missing.split(':')[0], icon: 'error', color: failColor };
        });
        const seen = childrenOf(rows, c.id, 2);
        assert.deepEqual(seen.slice(0, 7).map(({ label, description, icon, color }) => ({ label, description, icon, color })), expected, `the controls of ${c.id}`);
        const verdict = c.drills.length === 0 ? 'none' : `${c.last_drill_verdict} (${c.drills.at(-1)})`;
        assert.deepEqual([seen[7].label, seen[7].description], ['last drill', verdict], `the last drill of ${c.id}`);
      }
    }
    await screenshot('coverage-tree-expanded');

    // The chevron folds it again: its controls go.
    await setRowExpanded(coveredRow, false, covered.id);
    await until(async () => childrenOf(await treeRows('Coverage'), covered.id, 2).length === 0, `${covered.id}'s controls gone`);
  });

  it('a click on a class goes to it; a click on a missing control, to where its key belongs', async () => {
    const { plan, cls, control } = failing();
    await openViewContainer('irplan', paneHeader('Coverage'));
    // Only the class at hand unfolded, so its rows fit beside the Frameworks section.
    for (const c of coverage.plans.flatMap((p) => p.classes)) await setRowExpanded(rowIn('Coverage', c.id, `${c.covered}/${c.total}`).first(), c === cls, c.id);
    await rowIn('Coverage', cls.id, `${cls.covered}/${cls.total}`).first().locator('.label-name').click();
    await activeTab(path.posix.basename(plan.path));
    await cursorAt(classSelection(cls), `the class key ${cls.id} selected`);

    // The class's rows are under it; its missing control (e.g. deputy) is one of them.
    const label = CONTROL_LABELS[control];
    const missing = rowIn('Coverage', label, cls.controls[control].missing.split(':')[0]);
    await (await visible(missing, `the missing ${label} of ${cls.id}`)).click();
    // A deputy belongs under the owner, before severity: where its quick fix writes it.
    assert.equal(control, 'deputy', 'the fixture class lacks a deputy first');
    const expected = lineOf(plan.path, /^\s+severity:/, cls.line);
    await cursorAt(`Ln ${expected}, Col 1`, `the cursor where ${cls.id}'s deputy belongs`);
    await screenshot('coverage-tree');
  });

  it('the Frameworks tree: each OWASP NHI risk with what is tagged with it; a tagged class leads to the plan', async () => {
    await openViewContainer('irplan', paneHeader('Frameworks'));
    await setSectionExpanded('Frameworks', true);
    await setSectionExpanded('Coverage', false);
    const owasp = coverage.frameworks.filter((f) => f.group === 'owasp-nhi');
    assert.equal(owasp.length, 10);
    const counts = (f) => [f.classes.length && `${f.classes.length} ${f.classes.length === 1 ? 'class' : 'classes'}`, f.drills.length && `${f.drills.length} ${f.drills.length === 1 ? 'drill' : 'drills'}`].filter(Boolean).join(', ') || 'gap';
    const riskLabel = (f) => `${f.id.replace(/:2025$/, '')} ${f.title}`;
    for (const f of owasp) await visible(rowIn('Frameworks', riskLabel(f), counts(f)), `${riskLabel(f)}: ${counts(f)}`);

    // A risk with a class: expanded, the class with its plan.
    const risk = owasp.find((f) => f.classes.length > 0);
    await setRowExpanded(rowIn('Frameworks', riskLabel(risk), counts(risk)).first(), true, riskLabel(risk));
    const rows = await until(async () => {
      const r = await treeRows('Frameworks');
      return childrenOf(r, riskLabel(risk), 2).length === risk.classes.length + risk.drills.length ? r : undefined;
    }, `the classes tagged ${risk.tag}`);
    assert.deepEqual(
      childrenOf(rows, riskLabel(risk), 2).map((r) => [r.label, r.description, r.icon]),
      risk.classes.map((c) => [c.class, c.path, 'symbol-class']),
    );
    const tagged = risk.classes[0];
    await screenshot('coverage-frameworks');

    await rowIn('Frameworks', tagged.class, tagged.path).first().click();
    await activeTab(path.posix.basename(tagged.path));
    const cls = coverage.plans.find((p) => p.path === tagged.path).classes.find((c) => c.id === tagged.class);
    await cursorAt(classSelection(cls), `the class ${cls.id} selected`);
  });

  it('the coverage matrix (command palette) shows every control of every class; a cell, clicked or entered, opens the plan beside it', async () => {
    await setSideBarVisible(false); // room for the matrix
    await runCommand('irplan: Show Coverage Matrix');
    await activeTab('irplan: Coverage Matrix');
    const matrix = await webviewFrame('svg.irplan-coverage [role="button"][data-control]', 'the coverage matrix');
    const classes = coverage.plans.flatMap((p) => p.classes.map((c) => ({ plan: p, c })));
    await until(async () => (await matrix.locator('[role="button"][data-control]').count()) === classes.length * 7, `${classes.length} × 7 control cells`);
    for (const { c } of classes) {
      for (const name of Object.keys(CONTROL_LABELS)) {
        const cell = matrix.locator(`[role="button"][data-class="${c.id}"][data-control="${name}"]`);
        assert.match((await cell.getAttribute('class')) ?? '', c.controls[name].ok ? /\bpass\b/ : /\bfail\b/, `the cell ${c.id} × ${name}`);
      }
    }
    await visible(matrix.getByText(`${coverage.summary.fully_covered} of ${coverage.summary.classes} credential classes fully covered (${coverage.summary.percent}%)`).first(), 'the summary in the matrix');
    await screenshot('coverage-matrix');

    // A click on a missing control's cell: the plan opens where the key belongs, beside the matrix.
    const { plan, cls, control } = failing();
    await matrix.locator(`[role="button"][data-class="${cls.id}"][data-control="${control}"]`).click();
    await activeTab(path.posix.basename(plan.path));
    await cursorAt(`Ln ${lineOf(plan.path, /^\s+severity:/, cls.line)}, Col 1`, `the cursor where ${cls.id}'s ${control} belongs`);
    await activeTab('irplan: Coverage Matrix');
    assert.ok(await matrix.locator('svg.irplan-coverage').isVisible(), 'the matrix stays in sight');
    await screenshot('coverage-matrix-reveal');

    // By keyboard: a class's row label, focused, and Enter.
    const other = classes.find(({ c }) => c.id !== cls.id);
    const label = matrix.locator(`[role="button"].row-label[data-class="${other.c.id}"]`);
    await label.focus();
    await label.press('Enter');
    await activeTab(path.posix.basename(other.plan.path));
    await cursorAt(classSelection(other.c), `the class ${other.c.id} selected`);
  });
});
