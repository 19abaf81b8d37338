#!/usr/bin/env node
// `npm run screenshots`: the pictures of the README, made from the real thing. The workbench
// pictures (the coverage views, the drill view, the hover, the Problems panel, the quick fix, the
// walkthrough) are taken by the UI tests in the current VS Code (scripts/vscode/ui.mjs
// --docs-images); the heat map is what `irplan coverage examples --format svg` prints. Written to
// docs/images/.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, TESTED_VERSIONS } from './vscode/install.mjs';

const images = path.join(REPO, 'docs', 'images');
mkdirSync(images, { recursive: true });

const svg = execFileSync(process.execPath, [path.join(REPO, 'bin', 'irplan.js'), 'coverage', 'examples', '--format', 'svg'], { cwd: REPO, encoding: 'utf8' });
writeFileSync(path.join(images, 'coverage.svg'), svg);
console.log(`screenshots: ${path.relative(REPO, path.join(images, 'coverage.svg'))}`);

const current = TESTED_VERSIONS[TESTED_VERSIONS.length - 1];
const ui = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'vscode', 'ui.mjs'), '--code-server', current, '--docs-images'], { cwd: REPO, stdio: 'inherit' });
if (ui.status !== 0) {
  console.error(`screenshots: the UI tests did not pass (exit ${ui.status ?? ui.signal}): the workbench pictures may be missing or stale`);
  process.exit(1);
}
