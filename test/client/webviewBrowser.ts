// Webview pages in a real headless Chromium (Debian's, driven by playwright-core; never a browser
// download): each page is served from a local origin that plays the webview's cspSource, next to
// the extension's media/ folder, so its content security policy, stylesheets and scripts work as
// in VS Code. `acquireVsCodeApi` is provided and records what the page posts; the theme is a set
// of VS Code's CSS variables (the Light Modern and Dark Modern values of those our pages use).
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const CHROMIUM = process.env.IRPLAN_CHROMIUM || '/usr/bin/chromium';

export type ThemeName = 'light' | 'dark';

/** VS Code's colours for the variables the webviews use, in its default light and dark themes. */
export const THEMES: Record<ThemeName, { bodyClass: string; vars: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
      '--vscode-font-size': '13px',
      '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
      '--vscode-foreground': '#3b3b3b',
      '--vscode-editor-background': '#ffffff',
      '--vscode-descriptionForeground': '#3b3b3b',
      '--vscode-editorWidget-border': '#c8c8c8',
      '--vscode-panel-border': '#e5e5e5',
      '--vscode-testing-iconPassed': '#388a34',
      '--vscode-testing-iconFailed': '#f14c4c',
      '--vscode-inputValidation-errorBackground': '#f2dede',
      '--vscode-focusBorder': '#005fb8',
      '--vscode-textLink-activeForeground': '#005fb8',
      '--vscode-contrastBorder': 'transparent',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
      '--vscode-font-size': '13px',
      '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
      '--vscode-foreground': '#cccccc',
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-editorWidget-border': '#454545',
      '--vscode-panel-border': '#2b2b2b',
      '--vscode-testing-iconPassed': '#73c991',
      '--vscode-testing-iconFailed': '#f14c4c',
      '--vscode-inputValidation-errorBackground': '#5a1d1d',
      '--vscode-focusBorder': '#0078d4',
      '--vscode-textLink-activeForeground': '#4daafc',
      '--vscode-contrastBorder': 'transparent',
    },
  },
};

/**
 * The page's globals, for the callbacks given to page.evaluate and addInitScript, which run in the
 * page (the tests compile without the DOM library): `const { document } = globalThis as InPage`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InPage = any;

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.html': 'text/html' };

/** A local origin serving media/ and the pages put on it, and a Chromium to open them in. */
export class WebviewBrowser {
  private constructor(
    /** Pages by path, served beside media/. */
    private readonly pages: Map<string, string>,
    private readonly server: http.Server,
    readonly origin: string,
    private readonly browser: Browser,
  ) {}

  static async start(): Promise<WebviewBrowser> {
    const pages = new Map<string, string>();
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const page = pages.get(url.pathname);
      const file = path.join(REPO, decodeURIComponent(url.pathname));
      if (page === undefined && (!file.startsWith(path.join(REPO, 'media') + path.sep) || !fs.existsSync(file))) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(url.pathname)] ?? 'application/octet-stream' });
      res.end(page ?? fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    });
    return new WebviewBrowser(pages, server, origin, browser);
  }

  /** A media file's URL on the origin, as asWebviewUri gives one in VS Code. */
  media(...parts: string[]): string {
    return `${this.origin}/media/${parts.join('/')}`;
  }

  /**
   * Opens a page in the theme, with acquireVsCodeApi recording posted messages in
   * `window.__posted`, and the CSP violations the page reports in `violations`.
   */
  async open(html: string, theme: ThemeName, viewport = { width: 1200, height: 900 }): Promise<{ page: Page; violations: string[] }> {
    const name = `/page-${Math.random().toString(36).slice(2)}.html`;
    this.pages.set(name, html);
    const context = await this.browser.newContext({ viewport });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const { bodyClass, vars } = THEMES[theme];
    await page.addInitScript(
      ({ bodyClass, vars }) => {
        const w = globalThis as InPage;
        const document = w.document;
        w.__posted = [];
        w.acquireVsCodeApi = () => ({
          postMessage: (m: unknown) => w.__posted.push(m),
          getState: () => w.__state,
          setState: (s: unknown) => (w.__state = s),
        });
        // What VS Code does to every webview: the theme's variables on <html>, its kind on <body>.
        document.addEventListener('DOMContentLoaded', () => {
          for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
          document.body.classList.add(bodyClass);
        });
      },
      { bodyClass, vars },
    );
    await page.goto(`${this.origin}${name}`, { waitUntil: 'load' });
    return { page, violations };
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
