#!/usr/bin/env node
// The last part of `npm start`: the extension, packaged as users get it (scripts/package.mjs),
// installed into a real VS Code (the VS Code server inside code-server, see install.mjs) that
// serves its workbench on 127.0.0.1, with a copy of examples/ open. It prints the address to open
// in a browser and runs until Ctrl+C.
//
//   node scripts/vscode/try.mjs [--code-server <version>] [--port <port or range>]
//     --code-server  default: the newest installed tested version, else 4.100.3 (installed here,
//                    about a minute, into .vscode-test/)
//     --port         default 8350-8399 (the first free one); 0 for any
//
// The profile (settings, open editors) stays in .vscode-test/try/ between runs; the examples are
// copied afresh into .vscode-test/try/examples/ each time, so edits there never touch the
// repository's examples/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_VERSION, REPO, TESTED_VERSIONS, describeMissing, isInstalled, missingFromSystem, vscodeVersionOf } from './install.mjs';
import { startServer } from './workbench.mjs';

const HOME = path.join(REPO, '.vscode-test', 'try');

/** A person's profile: quiet and offline, otherwise VS Code's defaults. */
const TRY_USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  // The chat panel of recent versions asks to sign in, which an offline VS Code cannot.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The copy of examples/ lives inside this repository's .vscode-test/: not a repository to open.
  'git.openRepositoryInParentFolders': 'never',
};

function parseArgs(argv) {
  const options = { version: undefined, port: '8350-8399' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--code-server') options.version = argv[++i];
    else if (argv[i] === '--port') options.port = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (known: --code-server <version>, --port <port or range>)`);
  }
  return options;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const version = options.version ?? [...TESTED_VERSIONS].reverse().find(isInstalled) ?? DEFAULT_VERSION;
  const say = (line) => console.log(`[try] ${line}`);

  console.log(`\n== irplan in a real VS Code ${vscodeVersionOf(version)} (code-server ${version})`);
  if (!isInstalled(version)) {
    const missing = missingFromSystem({ for: 'install', versions: [version], browser: false });
    if (missing.length > 0) {
      console.error(`Cannot install VS Code here to try the extension:\n${describeMissing(missing)}\n(The command line demo above ran; the extension needs these to run in the browser.)`);
      return 1;
    }
  }

  const { buildVsix, defaultVsixPath } = await import('../package.mjs');
  const started = Date.now();
  const { vsix, bytes } = buildVsix(defaultVsixPath());
  say(`packaged ${path.relative(REPO, vsix)} (${(bytes / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const workspace = path.join(HOME, 'examples');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(HOME, { recursive: true });
  cpSync(path.join(REPO, 'examples'), workspace, { recursive: true });

  const server = await startServer({
    version,
    vsix,
    // One profile per VS Code version: an older VS Code may not read a newer one's state.
    dataDir: path.join(HOME, `profile-${vscodeVersionOf(version)}`),
    logs: path.join(HOME, 'logs'),
    port: options.port,
    userSettings: TRY_USER_SETTINGS,
    cwd: workspace,
    say,
  });
  const url = server.workbenchUrl({ folder: workspace });
  console.log(
    [
      '',
      `  irplan is running in VS Code ${server.cs.vscodeVersion}. Open this address in a browser on this machine:`,
      '',
      `    ${url}`,
      '',
      `  The folder is a copy of examples/ (${path.relative(REPO, workspace)}): edit a plan and break it to see the`,
      '  findings, the quick fixes (Ctrl+.), the outline and the status bar. The walkthrough',
      '  "Get started with irplan" (F1, then "Welcome: Open Walkthrough...") shows the rest.',
      ...(onPath('code')
        ? ['', '  A desktop VS Code is on this machine too: to use the extension there instead, run', `    code --install-extension ${path.relative(process.cwd(), vsix) || vsix}`]
        : []),
      '',
      '  Ctrl+C stops it.',
      '',
    ].join('\n'),
  );

  return new Promise((resolve) => {
    const stop = (signal) => {
      say(`${signal}: stopping VS Code`);
      void server.stop().then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    server.onExit((code, signal) => {
      console.error(`[try] the VS Code server stopped by itself (${code ?? signal}); its log: ${path.relative(REPO, path.join(HOME, 'logs', 'server.log'))}`);
      resolve(1);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(`[try] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  process.exit();
}
