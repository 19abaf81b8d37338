// Bundles the CLI (and, as they land, the language server and the VS Code client) into dist/.
// Type checking is tsc's job (npm run typecheck); esbuild only bundles.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
};

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
].filter((e) => existsSync(e.in));

// The webviews' own scripts, for the browser inside the webview: one file each, no source map
// (it would ship in the VSIX beside them).
const webviewEntries = [{ in: 'client/webview/drill.ts', out: 'media/dist/drill.js' }].filter((e) => existsSync(e.in));
const webview = { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', minify: common.minify, logLevel: 'warning' };

await Promise.all([
  ...entries.map((e) => build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [] })),
  ...webviewEntries.map((e) => build({ ...webview, entryPoints: [e.in], outfile: e.out })),
]);

// Webviews may load only from media/ (their localResourceRoots): the codicon font and its
// stylesheet are copied there from @vscode/codicons, beside the views' own script bundles
// (media/dist/ is built, not committed).
mkdirSync('media/dist/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `media/dist/codicons/${file}`);
