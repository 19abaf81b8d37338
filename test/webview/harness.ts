// Webview pages in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core,
// never a browser download): a tiny HTTP server on 127.0.0.1 serves the page and the extension's
// media folder (the webview's only resource root), the page gets a test origin as its CSP source,
// a stand-in for VS Code's `acquireVsCodeApi` records what the page posts and keeps its state, and
// VS Code's theme variables are set as VS Code sets them (light, dark, high contrast).
//
// When chromium is missing the suites are skipped with a loud warning, never passed (and fail
// when IRPLAN_E2E_REQUIRED=1, as in CI).
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const CHROMIUM = process.env.IRPLAN_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumMissing(): string | undefined {
  return fs.existsSync(CHROMIUM) ? undefined : `${CHROMIUM} does not exist (apt-get install -y chromium, or set IRPLAN_CHROMIUM)`;
}

/** Skips the suite loudly when chromium is missing (call in a `before` hook, with mocha's `this`). */
export function skipWithoutChromium(ctx: Mocha.Context, suite: string): void {
  const missing = chromiumMissing();
  if (!missing) return;
  // As for the end-to-end suite, CI (IRPLAN_E2E_REQUIRED=1) must not pass without them.
  const required = process.env.IRPLAN_E2E_REQUIRED === '1' || process.env.IRPLAN_E2E_REQUIRED === 'true';
  if (required) throw new Error(`the ${suite} tests in headless Chromium cannot run: ${missing} (IRPLAN_E2E_REQUIRED is set)`);
  const bar = '!'.repeat(100);
  console.error(`\n${bar}\n!! WARNING: the ${suite} tests in headless Chromium did NOT run: ${missing}.\n!! They count as skipped, not passed.\n${bar}\n`);
  ctx.skip();
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Serves `/page` (whatever html is set) and `/media/...` from the repository's media folder. */
export class PageServer {
  html = '';
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  media(...parts: string[]): string {
    return `${this.origin}/media/${parts.join('/')}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end(); // a webview asks for none; a plain page does
      return;
    }
    if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(this.html);
      return;
    }
    const media = path.join(REPO, 'media');
    const file = path.normalize(path.join(media, decodeURIComponent(url.pathname.replace(/^\/media\//, ''))));
    if (!url.pathname.startsWith('/media/') || !file.startsWith(media + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = { '.css': 'text/css', '.js': 'text/javascript', '.ttf': 'font/ttf' }[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  }
}

export type Theme = 'light' | 'dark' | 'high-contrast';

/** A subset of VS Code's theme colours (Light Modern, Dark Modern, High Contrast), as --vscode-* variables. */
export const THEMES: Record<Theme, Record<string, string>> = {
  light: {
    foreground: '#3b3b3b',
    'editor-background': '#ffffff',
    'editor-foreground': '#3b3b3b',
    descriptionForeground: '#6e6e6e',
    errorForeground: '#a1260d',
    focusBorder: '#005fb8',
    'panel-border': '#e5e5e5',
    'widget-border': '#e5e5e5',
    'button-background': '#005fb8',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#0258a8',
    'button-secondaryBackground': '#e5e5e5',
    'button-secondaryForeground': '#3b3b3b',
    'button-secondaryHoverBackground': '#cccccc',
    'input-background': '#ffffff',
    'input-foreground': '#3b3b3b',
    'input-border': '#cecece',
    'dropdown-background': '#ffffff',
    'dropdown-foreground': '#3b3b3b',
    'dropdown-border': '#cecece',
    'textBlockQuote-background': '#f8f8f8',
    'charts-blue': '#1a85ff',
    'charts-red': '#e51400',
    'charts-green': '#388a34',
    'charts-yellow': '#bf8803',
    'charts-orange': '#d18616',
    'charts-purple': '#652d90',
    'testing-iconPassed': '#388a34',
    'testing-iconFailed': '#f14c4c',
  },
  dark: {
    foreground: '#cccccc',
    'editor-background': '#1f1f1f',
    'editor-foreground': '#cccccc',
    descriptionForeground: '#9d9d9d',
    errorForeground: '#f85149',
    focusBorder: '#0078d4',
    'panel-border': '#2b2b2b',
    'widget-border': '#313131',
    'button-background': '#0078d4',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#026ec1',
    'button-secondaryBackground': '#313131',
    'button-secondaryForeground': '#cccccc',
    'button-secondaryHoverBackground': '#3c3c3c',
    'input-background': '#313131',
    'input-foreground': '#cccccc',
    'input-border': '#3c3c3c',
    'dropdown-background': '#313131',
    'dropdown-foreground': '#cccccc',
    'dropdown-border': '#3c3c3c',
    'textBlockQuote-background': '#2b2b2b',
    'charts-blue': '#3794ff',
    'charts-red': '#f14c4c',
    'charts-green': '#89d185',
    'charts-yellow': '#cca700',
    'charts-orange': '#d18616',
    'charts-purple': '#b180d7',
    'testing-iconPassed': '#73c991',
    'testing-iconFailed': '#f14c4c',
  },
  'high-contrast': {
    foreground: '#ffffff',
    'editor-background': '#000000',
    'editor-foreground': '#ffffff',
    descriptionForeground: '#ffffff',
    errorForeground: '#f48771',
    focusBorder: '#f38518',
    contrastBorder: '#6fc3df',
    'panel-border': '#6fc3df',
    'button-background': '#000000',
    'button-foreground': '#ffffff',
    'button-border': '#6fc3df',
    'button-secondaryBackground': '#000000',
    'button-secondaryForeground': '#ffffff',
    'input-background': '#000000',
    'input-foreground': '#ffffff',
    'input-border': '#6fc3df',
    'dropdown-background': '#000000',
    'dropdown-foreground': '#ffffff',
    'dropdown-border': '#6fc3df',
    'textBlockQuote-background': '#000000',
    'charts-blue': '#3794ff',
    'charts-red': '#f14c4c',
    'charts-green': '#89d185',
    'charts-yellow': '#cca700',
    'charts-orange': '#d18616',
    'charts-purple': '#b180d7',
    'testing-iconPassed': '#73c991',
    'testing-iconFailed': '#f14c4c',
  },
};

const FONTS: Record<string, string> = {
  'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  'font-size': '13px',
  'editor-font-family': '"Droid Sans Mono", "monospace", monospace',
};

export interface OpenOptions {
  theme: Theme;
  /** What the page's `getState()` returns first (the state VS Code kept for the webview). */
  state?: unknown;
  viewport?: { width: number; height: number };
}

/** What the page did: messages it posted, errors, and its kept state. */
export interface PageRecord {
  console: string[];
  errors: string[];
}

/** Opens the page the server holds, as a VS Code webview would show it. */
export async function openPage(browser: Browser, server: PageServer, options: OpenOptions): Promise<{ page: Page; seen: PageRecord }> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1100, height: 900 } });
  const seen: PageRecord = { console: [], errors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  // VS Code's webview API, as the page sees it: posted messages (window.__posted) and the kept
  // state (window.__state) are readable by the test. An init script runs before the page's own
  // scripts, outside its CSP.
  await page.addInitScript({
    content: `(() => {
      window.__posted = [];
      window.__state = ${JSON.stringify(options.state ?? null)};
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
        getState: () => window.__state,
        setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
      });
    })();`,
  });
  await applyThemeOnLoad(page, options.theme);
  await page.goto(`${server.origin}/page`);
  await page.waitForLoadState('load');
  return { page, seen };
}

/** VS Code puts its colours on <html> as --vscode-* variables and the theme kind on <body> as a class. */
async function applyThemeOnLoad(page: Page, theme: Theme): Promise<void> {
  const vars = Object.entries({ ...FONTS, ...THEMES[theme] }).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ');
  const bodyClass = theme === 'light' ? 'vscode-light' : theme === 'dark' ? 'vscode-dark' : 'vscode-high-contrast';
  await page.addInitScript({
    content: `document.addEventListener('DOMContentLoaded', () => {
      document.documentElement.setAttribute('style', ${JSON.stringify(vars)});
      document.body.classList.add(${JSON.stringify(bodyClass)});
    });`,
  });
}

/** `#rrggbb` as the rgb() a computed style reports. */
export function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** A computed style property of the first element `locator` finds. */
export function computed(locator: Locator, property: string): Promise<string> {
  // Runs in the page: its globals are the browser's (this file is compiled without DOM types).
  type Window = { getComputedStyle(e: unknown): Record<string, string> };
  return locator.first().evaluate((e, p) => (globalThis as unknown as Window).getComputedStyle(e)[p], property);
}

/** An attribute of every element `locator` finds. */
export function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
  type Element = { getAttribute(name: string): string | null };
  return locator.evaluateAll((els, n) => (els as unknown as Element[]).map((e) => e.getAttribute(n)), name);
}

/**
 * Polls a JavaScript expression in the page until it is truthy. (Playwright's waitForFunction
 * with a string evaluates it with eval inside the page, which the page's CSP rightly forbids;
 * each evaluate here comes from the devtools protocol instead.)
 */
export async function waitForExpression(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
