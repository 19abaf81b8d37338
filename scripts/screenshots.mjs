#!/usr/bin/env node
// `npm run screenshots`: the pictures of the README, made from the real thing. The coverage tree
// and the coverage matrix are photographed in a real VS Code (the e2e coverage tests, with
// IRPLAN_E2E_SCREENSHOTS set: scripts/vscode/launch.mjs takes the pictures when a test asks);
// the heat map is what `irplan coverage examples --format svg` prints. Written to docs/images/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_VERSION, REPO } from './vscode/install.mjs';

const images = path.join(REPO, 'docs', 'images');
mkdirSync(images, { recursive: true });

const svg = execFileSync(process.execPath, [path.join(REPO, 'bin', 'irplan.js'), 'coverage', 'examples', '--format', 'svg'], { cwd: REPO, encoding: 'utf8' });
writeFileSync(path.join(images, 'coverage.svg'), svg);
console.log(`screenshots: ${path.relative(REPO, path.join(images, 'coverage.svg'))}`);

process.env.IRPLAN_E2E_SCREENSHOTS = images;
const { runE2e } = await import('./vscode/e2e.mjs');
const results = await runE2e({ grep: 'e2e: coverage views', only: 'host', versions: [DEFAULT_VERSION] });
if (results.status !== 'passed') {
  console.error(`screenshots: the coverage tests did not pass (${results.status}): the workbench pictures may be missing or stale`);
  process.exit(1);
}
console.log('screenshots: docs/images/coverage-tree.png, docs/images/coverage-matrix.png');
