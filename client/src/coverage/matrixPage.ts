// The coverage matrix webview's HTML: the server's heat map (the SVG `irplan coverage --format svg`
// prints, rendered interactive and unstyled) in the shared page shell (CSP, nonce), with the
// summary and a legend. Pure, so a test renders it in a real headless Chromium. The heat map is
// the server's markup, built from escaped parts; the page adds no plan text of its own but the
// summary, which is escaped here.
import { escapeHtml, renderPage } from '../webview/page';

export interface MatrixPageParts {
  /** The summary line (`2 of 3 credential classes fully covered (66%)`). */
  summary: string;
  /** The heat map's SVG markup, from irplan/coverage. */
  svg: string;
  cspSource: string;
  nonce: string;
  /** Webview URIs of the codicon stylesheet and the matrix's own stylesheet and script. */
  codicons: string;
  stylesheet: string;
  script: string;
}

export const MATRIX_TITLE = 'irplan: Coverage Matrix';

export function renderMatrixPage(parts: MatrixPageParts): string {
  const body = `<header>
<h1><span class="codicon codicon-shield" aria-hidden="true"></span> Coverage</h1>
<p class="summary" role="status">${escapeHtml(parts.summary)}</p>
<p class="hint">Each cell is a button: Enter or a click goes to the class, or to where a missing control belongs.</p>
<ul class="legend" aria-label="Legend">
<li><span class="codicon codicon-pass pass" aria-hidden="true"></span> in place</li>
<li><span class="codicon codicon-error fail" aria-hidden="true"></span> missing</li>
<li><span class="swatch tag-class" aria-hidden="true"></span> tagged on the class</li>
<li><span class="swatch tag-drill" aria-hidden="true"></span> tagged on a drill of the class</li>
</ul>
</header>
<main class="matrix" aria-label="Coverage matrix: credential classes by controls, and frameworks by classes">
${parts.svg}
</main>`;
  return renderPage({
    title: MATRIX_TITLE,
    cspSource: parts.cspSource,
    nonce: parts.nonce,
    styles: [parts.codicons, parts.stylesheet],
    scripts: [parts.script],
    body,
  });
}
