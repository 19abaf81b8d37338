// The VSIX as `npm run package` makes it (scripts/package.mjs, run as a process into a temporary
// folder): exactly the files we mean to ship (`vsce ls`), everything bundled (no node_modules, no
// source maps, no sources), under the size budget.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const MAX_BYTES = 1_500_000; // 1.5 MB read strictly (decimal)

/**
 * What the VSIX must hold, and nothing else: the manifest, the bundles (client, server, CLI), the
 * files the manifest points at, one page per rule, the codicons of the webviews, the images the
 * README shows.
 */
function expectedFiles(): string[] {
  const c = manifest.contributes;
  const relative = (p: string) => p.replace(/^\.\//, '');
  const readmeImages = [...fs.readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  return [
    'package.json',
    'README.md',
    'LICENSE',
    'bin/irplan.js',
    'dist/cli.js',
    'dist/server.js',
    relative(manifest.main),
    manifest.icon,
    ...c.languages.map((l: { configuration?: string }) => l.configuration).filter(Boolean).map(relative),
    ...c.grammars.map((g: { path: string }) => relative(g.path)),
    ...c.snippets.map((s: { path: string }) => relative(s.path)),
    ...c.yamlValidation.map((v: { url: string }) => relative(v.url)),
    ...c.walkthroughs.flatMap((w: { steps: { media: { markdown: string } }[] }) => w.steps.map((s) => s.media.markdown)),
    'docs/rules/README.md',
    ...RULES.map((r) => `docs/rules/${r.id}.md`),
    'media/dist/codicons/codicon.css',
    'media/dist/codicons/codicon.ttf',
    ...c.viewsContainers.activitybar.map((v: { icon: string }) => relative(v.icon)),
    // The webviews' own scripts and styles: the coverage matrix and the drill view.
    'media/coverage-matrix.css',
    'media/coverage-matrix.js',
    'media/drill.css',
    'media/dist/drill.js',
    ...readmeImages,
  ]
    .filter((f, i, all) => all.indexOf(f) === i)
    .sort();
}

describe('VSIX (npm run package)', function () {
  this.timeout(120_000);
  let dir: string;
  let listed: string[];
  let vsix: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irplan-vsix-'));
    vsix = path.join(dir, 'irplan.vsix');
    const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--out', vsix, '--list'], { cwd: root, encoding: 'utf8' });
    // `--list` prints vsce ls (one path a line), then the summary line.
    const lines = out.trim().split('\n');
    assert.match(lines.at(-1)!, /: \d+ files, \d+ KB$/);
    listed = lines.slice(0, -1).sort();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds exactly the expected files (vsce ls)', () => {
    const expected = expectedFiles();
    assert.deepEqual(
      { unexpected: listed.filter((f) => !expected.includes(f)), missing: expected.filter((f) => !listed.includes(f)) },
      { unexpected: [], missing: [] },
      'change .vscodeignore (an allow-list) or this test, knowingly',
    );
  });

  it(`is under ${MAX_BYTES / 1e6} MB, and packaging leaves the development build in dist/ alone`, () => {
    const bytes = fs.statSync(vsix).size;
    assert.ok(bytes < MAX_BYTES, `the VSIX is ${bytes} bytes`);
    // The package's bundles are minified in a staging copy; dist/ keeps npm run build's readable
    // bundles (and their source maps), which the other tests run.
    const devServer = fs.readFileSync(path.join(root, 'dist', 'server.js'), 'utf8');
    assert.ok(devServer.split('\n').length > 1000 && fs.existsSync(path.join(root, 'dist', 'server.js.map')), 'dist/server.js is still the development build');
  });
});
