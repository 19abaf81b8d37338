#!/usr/bin/env node
// `npm run package`: the extension as a VSIX, made by @vscode/vsce. The bundles are built
// minified into a staging copy of the repository, so packaging never replaces the development
// build in dist/ (with its source maps) under the tests' feet; .vscodeignore (an allow-list)
// decides what of the copy ships. Everything the extension runs is bundled (client, server, CLI),
// so the package has no node_modules (--no-dependencies).
//
//   node scripts/package.mjs [--out <file.vsix>] [--list]
//     --out   where to write the VSIX (default irplan-<version>.vsix in the repository)
//     --list  also print `vsce ls`: the files the VSIX holds
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSCE = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');

/** The VSIX must stay small: it is downloaded by everyone who installs the extension. */
export const MAX_VSIX_BYTES = 1_500_000; // 1.5 MB read strictly (decimal)

/** Folders of a working copy that are never part of the package's sources (built, cached, installed). */
const NOT_SOURCES = new Set(['.git', 'node_modules', '.vscode-test', 'out', 'dist', 'media/dist', 'bench/.cache', 'test/.tmp']);

/**
 * The arguments every vsce call gets. --no-dependencies: everything is bundled.
 * --allow-missing-repository and --no-rewrite-relative-links: the project names no public
 * repository yet (docs/decisions.md), so the README's relative links stay relative instead of
 * being rewritten to a guessed host. --allow-package-secrets github: vsce's secret scan flags the
 * made-up token (ghp_EXAMPLE000…) of docs/rules/inline-secret.md's bad example, which is the point
 * of that page; only that kind of secret is allowed, any other still stops the packaging.
 */
const VSCE_COMMON = ['--no-dependencies'];
const VSCE_PACKAGE = [...VSCE_COMMON, '--allow-missing-repository', '--no-rewrite-relative-links', '--allow-package-secrets', 'github'];

function run(command, args, cwd, what) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${`${result.stdout ?? ''}${result.stderr ?? ''}`.trim()}`);
  return result.stdout;
}

/** A copy of the repository's sources, with the bundles built minified into it; `dispose()` removes it. */
export function stage() {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'irplan-package-')));
  cpSync(REPO, dir, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(REPO, source).split(path.sep).join('/');
      return !NOT_SOURCES.has(relative) && !relative.endsWith('.vsix');
    },
  });
  // esbuild resolves the bundles' imports (and esbuild.mjs copies the codicons) from node_modules.
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  run(process.execPath, [path.join(dir, 'esbuild.mjs'), '--minify'], dir, 'the minified build (node esbuild.mjs --minify)');
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `vsce ls` of a staged copy: the files the VSIX would hold, sorted. */
export function listFiles(stagedDir) {
  return run(process.execPath, [VSCE, 'ls', ...VSCE_COMMON], stagedDir, 'vsce ls')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

/** Packages a staged copy into `out`; resolves with { vsix, bytes }. */
export function packageStaged(stagedDir, out) {
  run(process.execPath, [VSCE, 'package', ...VSCE_PACKAGE, '--out', out], stagedDir, 'vsce package');
  return { vsix: out, bytes: statSync(out).size };
}

/** Stage, package, clean up: { vsix, bytes, files }. */
export function buildVsix(out) {
  const staged = stage();
  try {
    const files = listFiles(staged.dir);
    return { ...packageStaged(staged.dir, out), files };
  } finally {
    staged.dispose();
  }
}

export function defaultVsixPath() {
  const { name, version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  return path.join(REPO, `${name}-${version}.vsix`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const outAt = argv.indexOf('--out');
  const out = path.resolve(outAt >= 0 ? argv[outAt + 1] : defaultVsixPath());
  try {
    const { vsix, bytes, files } = buildVsix(out);
    if (argv.includes('--list')) console.log(files.join('\n'));
    const size = `${(bytes / 1024).toFixed(0)} KB`;
    console.log(`${path.relative(process.cwd(), vsix) || vsix}: ${files.length} files, ${size}`);
    if (bytes > MAX_VSIX_BYTES) {
      console.error(`the VSIX is ${size}, over the ${MAX_VSIX_BYTES} bytes budget: what grew? (node scripts/package.mjs --list)`);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
