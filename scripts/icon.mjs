#!/usr/bin/env node
// Draws media/icon.png, the extension's 128×128 icon (the Marketplace and the Extensions view
// want a PNG), from the SVG below, rendered by Debian's chromium through playwright-core with a
// transparent background. Run it after changing the drawing: node scripts/icon.mjs
//
// The drawing: a shield (incident response) around a key (a non-human identity's credential), on
// the dark blue of the manifest's galleryBanner.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './vscode/workbench.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#16202c"/>
  <path d="M64 17 L101 30 V58 C101 83 85 100 64 111 C43 100 27 83 27 58 V30 Z"
        fill="#1f3b4d" stroke="#4fd1c5" stroke-width="7" stroke-linejoin="round"/>
  <circle cx="64" cy="48" r="12" fill="none" stroke="#ffffff" stroke-width="7"/>
  <path d="M64 60 V92 M64 77 H75 M64 88 H72" fill="none" stroke="#ffffff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  const out = path.join(REPO, 'media', 'icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
}
