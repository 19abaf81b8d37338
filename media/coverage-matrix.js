// The coverage matrix webview's script: it posts { type: 'ready', cells } once it runs; a click,
// Enter or Space on a heat-map cell posts
// { type: 'reveal', uri, classId, control?, tag? } read from the cell's data-* attributes; the
// extension checks it against the coverage it drew (client/src/coverage/model.ts) before it opens
// anything. The page is redrawn when coverage changes: the scroll position and the focused cell
// are kept in the webview state and restored.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();

  /** @param {EventTarget | null} node */
  function cellOf(node) {
    return node instanceof Element ? node.closest('[role="button"][data-uri][data-class]') : null;
  }

  /** @param {Element} cell */
  function keyOf(cell) {
    return ['uri', 'class', 'control', 'tag'].map((k) => cell.getAttribute(`data-${k}`) ?? '').join('\u0000');
  }

  /** @param {Element} cell */
  function reveal(cell) {
    const message = { type: 'reveal', uri: cell.getAttribute('data-uri'), classId: cell.getAttribute('data-class') };
    const control = cell.getAttribute('data-control');
    const tag = cell.getAttribute('data-tag');
    if (control) message.control = control;
    if (tag) message.tag = tag;
    vscode.postMessage(message);
  }

  function save() {
    const focused = cellOf(document.activeElement);
    vscode.setState({ x: window.scrollX, y: window.scrollY, focus: focused ? keyOf(focused) : undefined });
  }

  document.addEventListener('click', (event) => {
    const cell = cellOf(event.target);
    if (cell) reveal(cell);
  });
  document.addEventListener('keydown', (event) => {
    const cell = cellOf(event.target);
    if (cell && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      reveal(cell);
    }
  });
  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      save();
    });
  });
  document.addEventListener('focusin', save);

  // Tell the extension the page runs, and how many cells it offers (its tests wait for this).
  vscode.postMessage({ type: 'ready', cells: document.querySelectorAll('[role="button"][data-uri]').length });

  const state = vscode.getState();
  if (state && typeof state === 'object') {
    window.scrollTo(Number(state.x) || 0, Number(state.y) || 0);
    if (typeof state.focus === 'string') {
      const cell = [...document.querySelectorAll('[role="button"][data-uri]')].find((c) => keyOf(c) === state.focus);
      if (cell instanceof SVGElement || cell instanceof HTMLElement) cell.focus({ preventScroll: true });
    }
  }
})();
