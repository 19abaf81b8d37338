// The whole test run: every mocha suite of the project in one process, then one plain
// "N passed, N failed" line that CI reads. `npm test` builds first (pretest).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suites = ['out/test/engine', 'out/test/client', 'out/test/cli', 'out/test/lsp'];
const files = suites.flatMap((dir) => testFilesUnder(path.join(root, dir))).sort();
if (files.length === 0) {
  console.error('no compiled tests found under out/test: run `npm test` (it builds first)');
  process.exit(1);
}

const mocha = new Mocha({ reporter: 'spec', timeout: 20000 });
for (const f of files) mocha.addFile(f);

const runner = mocha.run((failures) => {
  const { passes = 0, pending = 0 } = runner.stats ?? {};
  console.log(`\n${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
  process.exitCode = failures > 0 ? 1 : 0;
});

function testFilesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return testFilesUnder(full);
    return e.name.endsWith('.test.js') ? [full] : [];
  });
}
