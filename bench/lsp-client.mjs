// A minimal LSP client over stdio for the language-server benchmark (bench/lsp.mjs): spawns a
// server, speaks JSON-RPC through vscode-jsonrpc, answers the requests servers send to clients
// (workspace/configuration, client/registerCapability, …), records publishDiagnostics, and reads
// the server's CPU time and memory from /proc. Every wait is bounded by a timeout.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

export class TimeoutError extends Error {
  constructor(what, ms) {
    super(`${what}: timed out after ${(ms / 1000).toFixed(0)} s`);
    this.timedOut = true;
  }
}

/** Resolves with `promise`, or rejects with a TimeoutError after `ms` (and calls `onTimeout`). */
export function withTimeout(promise, ms, what, onTimeout) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new TimeoutError(what, ms));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Servers not yet exited: killed if this process exits first (an exception, Ctrl-C). */
const live = new Set();
process.on('exit', () => {
  for (const server of live) server.kill();
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const server of live) server.kill();
    process.exit(130);
  });
}

/** The kernel's clock tick (USER_HZ): 100 on every Linux this runs on. */
const TICK_MS = 10;

export class LspServer {
  /**
   * @param {string} name label for messages
   * @param {string[]} argv arguments after the node executable (the server runs in its own node)
   * @param {{ cwd: string, configuration: (item: { section?: string, scopeUri?: string }) => unknown, folders: { uri: string, name: string }[] }} options
   */
  constructor(name, argv, { cwd, configuration, folders }) {
    this.name = name;
    this.configuration = configuration;
    this.folders = folders;
    this.configRequests = 0;
    this.publishes = [];
    this.waiters = [];
    this.stderr = '';
    this.exited = false;
    this.child = spawn(process.execPath, argv, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.child.pid;
    live.add(this);
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (s) => {
      this.stderr = (this.stderr + s).slice(-8192);
    });
    this.exitPromise = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exited = true;
        live.delete(this);
        this.exitStatus = code ?? signal;
        for (const w of this.waiters.splice(0)) w.reject(new Error(`${name} exited (${this.exitStatus}): ${this.stderr.trim().split('\n').slice(-3).join(' ')}`));
        resolve();
      });
    });
    // A write to a server that died must not throw in this process.
    this.child.stdin.on('error', () => {});
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.conn.onError(() => {});
    this.conn.onClose(() => {});
    this.conn.onRequest('workspace/configuration', (params) => {
      this.configRequests++;
      return params.items.map((item) => this.configuration(item) ?? null);
    });
    this.conn.onRequest('workspace/workspaceFolders', () => this.folders);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onRequest('workspace/codeLens/refresh', () => null);
    this.conn.onRequest('workspace/semanticTokens/refresh', () => null);
    this.conn.onRequest('workspace/inlayHint/refresh', () => null);
    this.conn.onRequest(() => null); // any other server → client request (custom ones included)
    this.conn.onNotification('textDocument/publishDiagnostics', (params) => {
      const p = { at: performance.now(), uri: params.uri, version: params.version, count: params.diagnostics.length, diagnostics: params.diagnostics };
      this.publishes.push(p);
      const keep = [];
      for (const w of this.waiters) {
        if (w.uri === params.uri) w.resolve(p);
        else keep.push(w);
      }
      this.waiters = keep;
    });
    this.conn.onNotification(() => {}); // logMessage, telemetry, irplan/workspaceStatus, …
    this.conn.listen();
  }

  /** A request bounded by `ms`; on timeout the request is cancelled ($/cancelRequest). */
  request(method, params, ms) {
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited (${this.exitStatus})`));
    const source = new rpc.CancellationTokenSource();
    return withTimeout(this.conn.sendRequest(method, params, source.token), ms, `${this.name} ${method}`, () => source.cancel());
  }

  notify(method, params) {
    if (!this.exited) void this.conn.sendNotification(method, params);
  }

  /** The next publishDiagnostics for `uri` that arrives after this call. */
  nextPublish(uri, ms) {
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited (${this.exitStatus})`));
    let waiter;
    const promise = new Promise((resolve, reject) => {
      waiter = { uri, resolve, reject };
      this.waiters.push(waiter);
    });
    return withTimeout(promise, ms, `${this.name}: diagnostics for ${uri.slice(uri.lastIndexOf('/') + 1)}`, () => {
      this.waiters = this.waiters.filter((w) => w !== waiter);
    });
  }

  /** User + system CPU time of the server process so far, in ms (10 ms resolution). */
  cpuMs() {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime (fields 14 and 15)
    } catch {
      return NaN;
    }
  }

  /** VmHWM (peak resident set) and VmRSS from /proc/<pid>/status, in KiB. */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { hwmKiB: kib('VmHWM'), rssKiB: kib('VmRSS') };
    } catch {
      return { hwmKiB: NaN, rssKiB: NaN };
    }
  }

  /**
   * Waits until the server is idle: its CPU time has not moved for `quietMs` and no diagnostics
   * arrived meanwhile. Gives up after `maxMs` (returns false).
   */
  async settle({ quietMs = 300, maxMs = 120_000, pollMs = 50 } = {}) {
    const start = performance.now();
    let cpu = this.cpuMs();
    let published = this.publishes.length;
    let quietSince = performance.now();
    while (performance.now() - start < maxMs) {
      await sleep(pollMs);
      if (this.exited) return false;
      const now = this.cpuMs();
      if (now !== cpu || this.publishes.length !== published) {
        cpu = now;
        published = this.publishes.length;
        quietSince = performance.now();
      } else if (performance.now() - quietSince >= quietMs) {
        return true;
      }
    }
    return false;
  }

  /** shutdown + exit, then SIGKILL if it is still there after `ms`. Never throws. */
  async stop(ms = 5000) {
    if (!this.exited) {
      try {
        await this.request('shutdown', null, ms);
        this.notify('exit');
      } catch {
        // busy or gone: killed below
      }
      await Promise.race([this.exitPromise, sleep(2000)]);
    }
    this.kill();
    await Promise.race([this.exitPromise, sleep(2000)]);
    this.conn.dispose();
  }

  kill() {
    if (!this.exited) {
      try {
        this.child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
