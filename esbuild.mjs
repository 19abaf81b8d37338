// Bundles the CLI (and, as they land, the language server and the VS Code client) into dist/.
// Type checking is tsc's job (npm run typecheck); esbuild only bundles.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

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

await Promise.all(entries.map((e) => build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [] })));
