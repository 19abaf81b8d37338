// The HTML shell every irplan webview uses (drill view, coverage matrix): one place for the content
// security policy, the nonce and escaping, so no view can forget them. Pure string building, no
// `vscode` or Node import: the same pages are rendered in a plain headless Chromium by the tests,
// and the views' own scripts (bundled for the browser) escape with the same function.

/** Text for an HTML text node or a double-quoted attribute value: every plan string goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** A fresh nonce per render: scripts without it do not run. */
export function newNonce(): string {
  // Web Crypto: the same global in Node 20 and in a browser.
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}

/**
 * The policy: nothing by default; styles, fonts and images only from the extension's own media
 * (cspSource) — `style-src` also allows inline style attributes, which SVG presentation needs;
 * scripts only with this render's nonce. No remote origin, no eval, no inline event handlers.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface PageParts {
  title: string;
  /** `webview.cspSource` in VS Code; a test origin in the browser tests. */
  cspSource: string;
  nonce: string;
  /** Stylesheet URLs (already webview URIs), in order. */
  styles: string[];
  /** Script URLs (already webview URIs), in order; each gets the nonce. */
  scripts: string[];
  /** Trusted markup built by the view from escaped parts. */
  body: string;
  /** JSON data for the page's script, embedded as an inert `application/json` block. */
  data?: unknown;
}

export function renderPage(parts: PageParts): string {
  const styles = parts.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n');
  const scripts = parts.scripts.map((src) => `<script nonce="${escapeHtml(parts.nonce)}" src="${escapeHtml(src)}"></script>`).join('\n');
  const data = parts.data === undefined ? '' : `<script id="irplan-data" type="application/json">${jsonForScript(parts.data)}</script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(parts.title)}</title>
${styles}
</head>
<body>
${parts.body}
${data}
${scripts}
</body>
</html>
`;
}

/**
 * JSON that cannot end its <script> block or open a comment: `<`, `>`, `&` and the two line
 * separators JavaScript once rejected are written as \u escapes, which JSON.parse reads back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
