#!/usr/bin/env node
// Installs the real VS Code the end-to-end tests run in: the VS Code server inside the npm
// package code-server, into the git-ignored cache folder .vscode-test/code-server-<version>/, when
// it is missing. Idempotent: a finished install leaves a marker file, and a second call only checks
// it (milliseconds). See /work/shared/guides/vscode.md for why code-server and every pitfall below.
//
//   node scripts/vscode/install.mjs            install if missing, print the folder
//   node scripts/vscode/install.mjs --check    only report what the machine lacks (exit 1 if anything)
//   node scripts/vscode/install.mjs --force    reinstall
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** code-server 4.100.3 bundles VS Code 1.100.3, the minimum the manifest supports (engines.vscode ^1.100.0). */
export const DEFAULT_VERSION = '4.100.3';

/**
 * What each code-server version needs. `node`: the major Node.js it runs on (the system node for
 * 4.100.3). `ripgrep`: the @vscode/ripgrep version pinned in its lib/vscode/npm-shrinkwrap.json,
 * whose postinstall downloads `rg` from GitHub unless a tarball waits in its cache folder.
 */
const VERSIONS = {
  '4.100.3': { node: 20, ripgrep: { pkg: '1.15.11', release: 'v13.0.0-10' } },
};

/** The paths of one installed code-server. */
export function codeServerPaths(version = DEFAULT_VERSION) {
  const dir = path.join(REPO, '.vscode-test', `code-server-${version}`);
  const pkg = path.join(dir, 'node_modules', 'code-server');
  return {
    version,
    dir,
    pkg,
    /** The bare VS Code server (the tests need its --enable-smoke-test-driver, which code-server's CLI rejects). */
    serverMain: path.join(pkg, 'lib', 'vscode', 'out', 'server-main.js'),
    marker: path.join(dir, '.installed.json'),
    log: path.join(dir, 'install.log'),
  };
}

export const CHROMIUM = process.env.IRPLAN_CHROMIUM || '/usr/bin/chromium';

/** The Debian packages a fresh machine needs, in one line to paste. */
export const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'build-essential', 'pkg-config', 'python3'];
const APT_LINE = (pkgs) => `apt-get update && apt-get install -y ${pkgs.join(' ')}`;

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * What this machine lacks, as { what, pkg } (pkg: the Debian package that provides it).
 * `for: 'run'` checks only what running the tests needs (chromium); `'install'` also what
 * installing code-server needs (ripgrep, the Kerberos headers, a compiler, python3).
 */
export function missingFromSystem({ for: purpose = 'install' } = {}) {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push({ what: `chromium (${CHROMIUM})`, pkg: 'chromium' });
  if (purpose === 'install') {
    if (!onPath('rg')) missing.push({ what: 'rg (stands in for the ripgrep @vscode/ripgrep downloads from GitHub)', pkg: 'ripgrep' });
    if (!['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'].some((h) => existsSync(h)))
      missing.push({ what: 'gssapi/gssapi.h (the kerberos native module of the server)', pkg: 'libkrb5-dev' });
    for (const tool of ['cc', 'c++', 'make']) if (!onPath(tool)) missing.push({ what: `${tool} (node-gyp builds native modules)`, pkg: 'build-essential' });
    if (!onPath('pkg-config')) missing.push({ what: 'pkg-config', pkg: 'pkg-config' });
    if (!onPath('python3')) missing.push({ what: 'python3 (node-gyp)', pkg: 'python3' });
  }
  return missing;
}

/** A loud, actionable description of `missing` (from missingFromSystem), or '' when nothing is. */
export function describeMissing(missing) {
  if (missing.length === 0) return '';
  const pkgs = [...new Set(missing.map((m) => m.pkg))];
  return [`missing from this machine: ${missing.map((m) => m.what).join('; ')}.`, `fix (as root): ${APT_LINE(pkgs)}`].join('\n');
}

/** True when `version` is installed and complete (the marker is written last). */
export function isInstalled(version = DEFAULT_VERSION) {
  const p = codeServerPaths(version);
  return existsSync(p.marker) && existsSync(p.serverMain);
}

/**
 * Installs code-server `version` unless it is already there; returns its paths. Throws with the
 * reason (and the tail of the npm log) when it cannot.
 */
export async function ensureCodeServer({ version = DEFAULT_VERSION, force = false, log = (line) => console.error(line) } = {}) {
  const p = codeServerPaths(version);
  if (!force && isInstalled(version)) return p;
  const spec = VERSIONS[version];
  if (spec === undefined) throw new Error(`scripts/vscode/install.mjs knows no code-server ${version}; known: ${Object.keys(VERSIONS).join(', ')}`);
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== spec.node) throw new Error(`code-server ${version} runs on Node ${spec.node}; this is Node ${process.versions.node}`);
  const missing = missingFromSystem({ for: 'install' });
  if (missing.length > 0) throw new Error(describeMissing(missing));

  const started = Date.now();
  log(`irplan e2e: installing code-server ${version} into ${path.relative(REPO, p.dir)}/ (about a minute, once)`);
  // A half-finished install (no marker) is not trusted: start over.
  rmSync(p.dir, { recursive: true, force: true });
  const tmp = path.join(p.dir, 'tmp');
  const xdg = path.join(p.dir, 'xdg');
  for (const d of [tmp, path.join(xdg, 'config'), path.join(xdg, 'data'), path.join(xdg, 'cache')]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(p.dir, 'package.json'), `${JSON.stringify({ name: 'irplan-vscode-cache', private: true, description: 'code-server for the irplan e2e tests; made by scripts/vscode/install.mjs' }, null, 2)}\n`);
  if (spec.ripgrep) ripgrepTarballs(spec.ripgrep, tmp);

  const env = cleanNpmEnv(process.env);
  Object.assign(env, {
    // As root, code-server's postinstall refuses without it.
    npm_config_unsafe_perm: 'true',
    // ~/.npmrc may say yes=false, which makes node-pty's `npx node-gyp` abort.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // @vscode/ripgrep's download.js looks in $TMPDIR/vscode-ripgrep-cache-<version>/ first.
    TMPDIR: tmp,
    // code-server writes to ~/.config and ~/.local/share on any call.
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
  });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // No --prefix, --no-save or --no-package-lock: npm exports command-line settings to the
  // postinstall, whose nested `npm install` in lib/vscode would then install elsewhere or ignore
  // its npm-shrinkwrap.json (and fetch another @vscode/ripgrep than the tarball is named for).
  // The cwd's package.json makes this folder the prefix.
  const args = ['install', `code-server@${version}`, '--foreground-scripts', '--loglevel', 'warn'];
  const out = createWriteStream(p.log);
  out.write(`$ ${npm} ${args.join(' ')}\n`);
  const code = await new Promise((resolve) => {
    const child = spawn(npm, args, { cwd: p.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', (error) => {
      out.write(`${error.stack}\n`);
      resolve(-1);
    });
    child.on('close', resolve);
  });
  await new Promise((resolve) => out.end(resolve));
  const problems = [];
  if (code !== 0) problems.push(`npm install exited with ${code}`);
  if (!existsSync(p.serverMain)) problems.push(`${path.relative(REPO, p.serverMain)} is missing`);
  const rg = path.join(p.pkg, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(rg)) problems.push(`${path.relative(REPO, rg)} is missing (the ripgrep tarball trick failed)`);
  if (problems.length > 0) {
    const tail = readFileSync(p.log, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`installing code-server ${version} failed: ${problems.join('; ')}\n--- last lines of ${p.log}:\n${tail}`);
  }
  rmSync(tmp, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  writeFileSync(p.marker, `${JSON.stringify({ version, node: process.version, installedAt: new Date().toISOString(), seconds: Number(seconds) }, null, 2)}\n`);
  log(`irplan e2e: code-server ${version} installed in ${seconds} s`);
  return p;
}

/**
 * A tarball holding Debian's `rg` under each name @vscode/ripgrep's download.js may look for, so
 * its postinstall unpacks it instead of downloading from GitHub (unreachable here).
 */
function ripgrepTarballs({ pkg, release }, tmp) {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  const staging = path.join(tmp, 'rg-staging');
  mkdirSync(staging, { recursive: true });
  copyFileSync(rg, path.join(staging, 'rg'));
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[os.arch()] ?? `${os.arch()}-unknown-linux-musl`;
  const cache = path.join(tmp, `vscode-ripgrep-cache-${pkg}`);
  mkdirSync(cache, { recursive: true });
  const releases = new Set([release, 'v13.0.0-13', 'v13.0.0-10', 'v13.0.0-4']);
  for (const r of releases) {
    const tarball = path.join(cache, `ripgrep-${r}-${target}.tar.gz`);
    const tar = spawnSync('tar', ['czf', tarball, '-C', staging, 'rg'], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`could not make ${tarball}: ${tar.stderr}`);
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * The environment without what an enclosing `npm run` leaks into it (npm_package_*, the
 * lifecycle, its prefix), which could send this install into the project's own node_modules.
 */
function cleanNpmEnv(source) {
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|https?_proxy|proxy|noproxy|strict_ssl|cafile|ca)$/i;
  const env = {};
  for (const [k, v] of Object.entries(source)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    if (k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return env;
}

async function main(argv) {
  const version = argv.find((a) => /^\d+\.\d+\.\d+$/.test(a)) ?? DEFAULT_VERSION;
  if (argv.includes('--check')) {
    const missing = missingFromSystem({ for: isInstalled(version) ? 'run' : 'install' });
    console.log(missing.length === 0 ? `ok: nothing missing${isInstalled(version) ? ` (code-server ${version} installed)` : ''}` : describeMissing(missing));
    return missing.length === 0 ? 0 : 1;
  }
  try {
    const p = await ensureCodeServer({ version, force: argv.includes('--force') });
    console.log(p.pkg);
    const missing = missingFromSystem({ for: 'run' });
    if (missing.length > 0) console.error(`WARNING: ${describeMissing(missing)}`);
    return 0;
  } catch (error) {
    console.error(`irplan e2e: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
