// The language-server benchmark (issue 3): our server (dist/server.js) and yaml-language-server
// given our JSON Schema, both over stdio, on the same generated plans (bench/generate-plan.mjs) and
// the same edits, in one run. `node bench/lsp.mjs`, or `npm run bench` (bench/run.mjs calls
// runLspBench after the engine and CLI part; `--lsp-only` / `--no-lsp` there).
//
// Per plan size, both servers run side by side (each in its own node process) and are driven
// alternately, one request or edit at a time, the order swapped every sample, so that the noise of
// this shared 2-core machine falls on both alike; between two samples the server just measured is
// left to go idle (its CPU time, read from /proc, stops moving). Measured:
//   - edit → diagnostics: an incremental didChange of one character inside class-<middle> (the
//     `reissue` step's `duration: 10m` → `11m`, then back, alternately, so the plan stays valid),
//     until the next textDocument/publishDiagnostics for the document (neither server puts a version
//     on it); then one edit that makes an error (`10m` → `10x`) and the one that fixes it;
//   - completion at a value position (after `owner: ` in class-<middle>) and at a key position (a
//     new indented line in that class, added by one more edit before), hover on the key `owner`;
//   - peak RSS (VmHWM of /proc/<pid>/status) of each server process before shutdown.
// Every wait is bounded (STEP_TIMEOUT_MS); a server that times out is recorded as "timed out" and
// killed, and both servers are always shut down (then killed) at the end.
//
// Options: --quick (100 classes, few samples, no docs), --no-docs, --sizes 100,1000, --render
// (no measurement: rewrite the section from the last run's bench/.cache/lsp/results.json).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePlan } from './generate-plan.mjs';
import { CACHE, ROOT, writePerformanceSection } from './lib.mjs';
import { LspServer } from './lsp-client.mjs';

const LSP_CACHE = join(CACHE, 'lsp');
// Per step (one edit's diagnostics, one request, going idle); LSP_BENCH_TIMEOUT_MS overrides it (to test).
const STEP_TIMEOUT_MS = Number(process.env.LSP_BENCH_TIMEOUT_MS) || 120_000;
const SCHEMA = join(ROOT, 'schemas', 'irplan.schema.json');
const YAML_LS = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const OUR_SERVER = join(ROOT, 'dist', 'server.js');
/** yaml-language-server waits this long after a change before it validates (yamlSettings.validationDelayMs). */
const YAML_LS_DEBOUNCE_MS = 200;

const FULL_SIZES = [
  { classes: 100, edits: 21, requests: 21 },
  { classes: 1000, edits: 21, requests: 21 },
  { classes: 5000, edits: 7, requests: 7 },
];
const QUICK_SIZES = [{ classes: 100, edits: 5, requests: 5 }];

const TARGETS = {
  edit: { 100: 50, 1000: 100 }, // ours, edit → diagnostics p50, ms
  request: { 1000: 20 }, // ours, completion and hover p50, ms
  rssBytes: { 5000: 300e6 }, // ours, peak RSS; 300 MB read as 300 × 10^6 bytes (286 MiB)
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();
const progress = (s) => process.stderr.write(`bench lsp: ${s}\n`);

// ---- the servers -------------------------------------------------------------------------

function yamlSettings(schemaUri) {
  return {
    // '*.irplan.yaml' is what an editor would set. yaml-language-server matches it as
    // '**/*.irplan.yaml' with picomatch, which does not enter dot folders: the workspace under
    // bench/.cache/ would get no schema at all. The second pattern names that folder explicitly.
    schemas: { [schemaUri]: ['*.irplan.yaml', '.cache/lsp/**/*.irplan.yaml'] },
    validate: true,
    completion: true,
    hover: true,
    // No network: no schema store catalogue, no Kubernetes CRDs.
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
}

const SERVERS = [
  { key: 'ours', label: 'irplan', argv: [OUR_SERVER, '--stdio'], languageId: 'irplan' },
  { key: 'yaml', label: 'yaml-language-server', argv: [YAML_LS, '--stdio'], languageId: 'yaml' },
];

const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: false },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    // Push diagnostics only: no `diagnostic` capability, so our server publishes.
    publishDiagnostics: { relatedInformation: true, versionSupport: false },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/** One server in one size: its process, its document version, and what was measured. */
class Subject {
  constructor(spec, workspace) {
    this.spec = spec;
    this.version = 0;
    this.failed = undefined; // 'timed out' or an error, once the server cannot go on
    this.results = { edits: [], editCpu: [], editCounts: new Set(), valueCompletion: [], keyCompletion: [], hover: [], items: {} };
    const yaml = yamlSettings(workspace.schemaUri);
    this.settings = { yaml, irplan: { rules: {} } };
    this.server = new LspServer(spec.label, spec.argv, {
      cwd: ROOT,
      folders: [workspace.folder],
      configuration: (item) => {
        if (item.section === 'yaml') return yaml;
        if (item.section === 'irplan') return { rules: {} };
        return {};
      },
    });
  }

  get alive() {
    return !this.failed;
  }

  fail(error, stage) {
    this.failed = `${error?.timedOut ? 'timed out' : `failed: ${error?.message ?? error}`} (${stage})`;
    this.results.memoryAtFailure = this.server.memory();
    progress(`${this.spec.label}: ${this.failed}`);
    this.server.kill();
  }
}

// ---- one size ----------------------------------------------------------------------------

function planPositions(text, classes) {
  const lines = text.split('\n');
  const mid = Math.floor(classes / 2);
  const classLine = lines.indexOf(`  class-${mid}:`);
  const find = (from, re) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i])) return i;
    throw new Error(`no line ${re} after line ${from}`);
  };
  const ownerLine = find(classLine, /^ {4}owner: /);
  const reissueLine = find(classLine, /^ {8}- id: reissue$/);
  const durationLine = find(reissueLine, /^ {10}duration: 10m$/);
  const afterLine = find(reissueLine, /^ {10}after: \[revoke\]$/);
  return {
    mid,
    lines: lines.length - 1,
    classLine,
    // `          duration: 10m`: the digit '0' is at column 21, the unit 'm' at 22.
    digit: { line: durationLine, character: 21 },
    unit: { line: durationLine, character: 22 },
    ownerValue: { line: ownerLine, character: '    owner: '.length },
    ownerKey: { line: ownerLine, character: 6 },
    // A new line in the `reissue` step (which has no impact, approval, automated… yet).
    afterEnd: { line: afterLine, character: lines[afterLine].length },
    newKey: { line: afterLine + 1, character: 10 },
  };
}

function replaceChar(at, text) {
  return [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text }];
}

/** Sends an edit and waits for the next diagnostics of the document. Returns { ms, count, cpuMs }. */
async function timedEdit(subject, uri, contentChanges) {
  const { server } = subject;
  const cpu0 = server.cpuMs();
  const published = server.nextPublish(uri, STEP_TIMEOUT_MS);
  const t0 = now();
  server.notify('textDocument/didChange', { textDocument: { uri, version: ++subject.version }, contentChanges });
  const p = await published;
  const ms = p.at - t0;
  // Let the server finish what the edit set off (our status summary runs 300 ms after a change).
  await sleep(350);
  await server.settle({ quietMs: 300, maxMs: STEP_TIMEOUT_MS });
  return { ms, count: p.count, cpuMs: server.cpuMs() - cpu0, diagnostics: p.diagnostics };
}

async function timedRequest(subject, method, params) {
  const t0 = now();
  const result = await subject.server.request(method, params, STEP_TIMEOUT_MS);
  const ms = now() - t0;
  await subject.server.settle({ quietMs: 150, maxMs: STEP_TIMEOUT_MS });
  return { ms, result };
}

/** Runs `step` for each live subject, in the given order; a failure (timeout) retires the subject. */
async function each(subjects, stage, step) {
  for (const s of subjects) {
    if (!s.alive) continue;
    try {
      await step(s);
    } catch (error) {
      s.fail(error, stage);
    }
  }
}

const orderFor = (subjects, i) => (i % 2 === 0 ? subjects : [...subjects].reverse());

async function measureSize({ classes, edits, requests }) {
  const dir = join(LSP_CACHE, `plans-${classes}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const text = generatePlan(classes);
  const file = join(dir, `plan-${classes}.irplan.yaml`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const folderUri = pathToFileURL(dir).href;
  const workspace = { folder: { uri: folderUri, name: `plans-${classes}` }, schemaUri: pathToFileURL(SCHEMA).href };
  const pos = planPositions(text, classes);
  const info = { classes, lines: pos.lines, bytes: Buffer.byteLength(text), edits, requests };
  progress(`${classes} classes (${info.lines.toLocaleString('en-US')} lines): starting both servers`);

  const subjects = SERVERS.map((spec) => new Subject(spec, workspace));
  try {
    // initialize, initialized, settings (pulled by both through workspace/configuration), idle.
    await each(subjects, 'initialize', async (s) => {
      const t0 = now();
      await s.server.request('initialize', { processId: process.pid, clientInfo: { name: 'irplan-bench' }, rootUri: folderUri, workspaceFolders: [workspace.folder], capabilities: CLIENT_CAPABILITIES }, STEP_TIMEOUT_MS);
      s.results.initializeMs = now() - t0;
      s.results.initializedAt = now();
      s.server.notify('initialized', {});
      s.server.notify('workspace/didChangeConfiguration', { settings: s.settings });
    });
    await each(subjects, 'start', async (s) => {
      if (!(await s.server.settle({ quietMs: 500, maxMs: STEP_TIMEOUT_MS }))) throw Object.assign(new Error('not idle after start'), { timedOut: true });
      s.results.configRequests = s.server.configRequests;
      // Our server indexes the workspace folder at start, the plan file included.
      const early = s.server.publishes.find((p) => p.uri === uri);
      if (early) s.results.indexedMs = early.at - s.results.initializedAt;
    });

    // didOpen → first diagnostics.
    await each(subjects, 'open', async (s) => {
      progress(`${classes} classes: ${s.spec.label}: open`);
      const published = s.server.nextPublish(uri, STEP_TIMEOUT_MS);
      const t0 = now();
      s.server.notify('textDocument/didOpen', { textDocument: { uri, languageId: s.spec.languageId, version: ++s.version, text } });
      const p = await published;
      s.results.openMs = p.at - t0;
      s.results.openCount = p.count;
      await s.server.settle({ quietMs: 500, maxMs: STEP_TIMEOUT_MS });
      s.results.afterOpen = s.server.memory();
    });

    // Valid one-character edits, alternately 10m → 11m and back.
    for (let i = 0; i < edits; i++) {
      await each(orderFor(subjects, i), `edit ${i + 1}`, async (s) => {
        const r = await timedEdit(s, uri, replaceChar(pos.digit, i % 2 === 0 ? '1' : '0'));
        s.results.edits.push(r.ms);
        s.results.editCpu.push(r.cpuMs);
        s.results.editCounts.add(r.count);
      });
      progress(`${classes} classes: edit ${i + 1}/${edits}: ${subjects.map((s) => `${s.spec.key} ${s.alive ? `${s.results.edits.at(-1).toFixed(1)} ms` : s.failed}`).join(', ')}`);
    }

    // An edit that makes an error, and the edit that fixes it.
    await each(subjects, 'error edit', async (s) => {
      const broken = await timedEdit(s, uri, replaceChar(pos.unit, 'x'));
      s.results.errorEdit = { ms: broken.ms, count: broken.count, message: broken.diagnostics[0]?.message };
      const fixed = await timedEdit(s, uri, replaceChar(pos.unit, 'm'));
      s.results.fixEdit = { ms: fixed.ms, count: fixed.count };
      progress(`${classes} classes: ${s.spec.label}: error edit ${broken.ms.toFixed(1)} ms (${broken.count} diagnostics), fix ${fixed.ms.toFixed(1)} ms (${fixed.count})`);
    });

    // A new indented line in the `reissue` step, for completion at a key position.
    await each(subjects, 'new line', async (s) => {
      const r = await timedEdit(s, uri, [{ range: { start: pos.afterEnd, end: pos.afterEnd }, text: `\n${' '.repeat(pos.newKey.character)}` }]);
      s.results.newLineEdit = { ms: r.ms, count: r.count };
    });

    const requestsOf = async (name, method, position) => {
      for (let i = 0; i < requests; i++) {
        await each(orderFor(subjects, i), `${name} ${i + 1}`, async (s) => {
          const { ms, result } = await timedRequest(s, method, { textDocument: { uri }, position });
          s.results[name].push(ms);
          const items = method === 'textDocument/hover' ? (result ? 1 : 0) : (Array.isArray(result) ? result : (result?.items ?? [])).length;
          s.results.items[name] = items;
          if (method === 'textDocument/completion' && i === 0) s.results.items[`${name}Labels`] = (Array.isArray(result) ? result : (result?.items ?? [])).slice(0, 5).map((x) => x.label);
        });
      }
      progress(`${classes} classes: ${name}: ${subjects.map((s) => `${s.spec.key} ${s.alive ? `p50 ${percentile(s.results[name], 50).toFixed(1)} ms, ${s.results.items[name]} item(s)` : s.failed}`).join('; ')}`);
    };
    await requestsOf('valueCompletion', 'textDocument/completion', pos.ownerValue);
    await requestsOf('keyCompletion', 'textDocument/completion', pos.newKey);
    await requestsOf('hover', 'textDocument/hover', pos.ownerKey);

    for (const s of subjects) if (s.alive) s.results.memory = s.server.memory();
  } finally {
    await Promise.all(subjects.map((s) => s.server.stop()));
  }
  for (const s of subjects) {
    s.results.failed = s.failed;
    s.results.editCounts = [...s.results.editCounts];
    s.results.stderr = s.server.stderr.trim().split('\n').slice(-5).join('\n');
  }
  rmSync(dir, { recursive: true, force: true });
  return { ...info, ours: subjects[0].results, yaml: subjects[1].results };
}

// ---- statistics and report -----------------------------------------------------------------

/** Nearest-rank percentile. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const int = (x) => Math.round(x).toLocaleString('en-US');
const fmtMs = (x) => (!Number.isFinite(x) ? '–' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 100 ? `${int(x)} ms` : `${x.toFixed(1)} ms`);
const fmtMiB = (kib) => (Number.isFinite(kib) ? `${int(kib / 1024)} MiB` : '–');
const verdict = (ok) => (ok ? 'met' : '**not met**');

function row(size, label, get, { ratio = true, unit = fmtMs, target } = {}) {
  const cell = (r) => {
    const v = get(r);
    if (Number.isFinite(v)) return unit(v);
    return r.failed ? r.failed : '–';
  };
  const a = get(size.ours);
  const b = get(size.yaml);
  const ratioCell = ratio && Number.isFinite(a) && Number.isFinite(b) && a > 0 ? `${(b / a).toFixed(b / a >= 10 ? 0 : 1)}×` : '';
  return [int(size.classes), label, cell(size.ours), cell(size.yaml), ratioCell, target ? target(a) : ''];
}

function tableRows(results) {
  const rows = [];
  for (const size of results) {
    const c = size.classes;
    const editTarget = TARGETS.edit[c];
    const reqTarget = TARGETS.request[c];
    const rssTarget = TARGETS.rssBytes[c];
    const itemsNote = (name) => ` (${size.ours.items[name] ?? '?'} / ${size.yaml.items[name] ?? '?'} items)`;
    rows.push(row(size, `edit → diagnostics, p50 of ${size.edits}`, (r) => percentile(r.edits, 50), { target: editTarget && ((v) => `≤ ${editTarget} ms: ${verdict(v <= editTarget)}`) }));
    rows.push(row(size, `edit → diagnostics, p90 of ${size.edits}`, (r) => percentile(r.edits, 90)));
    rows.push(row(size, 'edit that makes an error → its diagnostics (1 edit)', (r) => r.errorEdit?.ms));
    rows.push(row(size, 'edit that fixes it → diagnostics (1 edit)', (r) => r.fixEdit?.ms));
    rows.push(row(size, `server CPU time per valid edit, median`, (r) => percentile(r.editCpu, 50)));
    rows.push(row(size, `completion after \`owner: \`, p50 of ${size.requests}${itemsNote('valueCompletion')}`, (r) => percentile(r.valueCompletion, 50), { target: reqTarget && ((v) => `≤ ${reqTarget} ms: ${verdict(v <= reqTarget)}`) }));
    rows.push(row(size, `completion at a key position, p50 of ${size.requests}${itemsNote('keyCompletion')}`, (r) => percentile(r.keyCompletion, 50), { target: reqTarget && ((v) => `≤ ${reqTarget} ms: ${verdict(v <= reqTarget)}`) }));
    rows.push(row(size, `hover on the key \`owner\`, p50 of ${size.requests}`, (r) => percentile(r.hover, 50), { target: reqTarget && ((v) => `≤ ${reqTarget} ms: ${verdict(v <= reqTarget)}`) }));
    rows.push(row(size, 'resident (VmRSS) once the first diagnostics are in', (r) => r.afterOpen?.rssKiB ?? NaN, { unit: fmtMiB }));
    rows.push(row(size, 'peak RSS (VmHWM) before shutdown', (r) => r.memory?.hwmKiB ?? NaN, { unit: fmtMiB, target: rssTarget && ((kib) => `≤ 300 MB (${int(rssTarget / 1048576)} MiB): ${verdict(kib * 1024 <= rssTarget)}`) }));
    rows.push(row(size, 'didOpen → first diagnostics', (r) => r.openMs));
  }
  return rows;
}

function markdownTable(head, rows, align) {
  const sep = align.map((a) => (a === 'r' ? '--:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function targetsMissed(results) {
  const missed = [];
  for (const size of results) {
    const c = size.classes;
    const o = size.ours;
    if (o.failed) missed.push(`${int(c)} classes: our server ${o.failed}`);
    if (TARGETS.edit[c] && !(percentile(o.edits, 50) <= TARGETS.edit[c])) missed.push(`${int(c)} classes: edit → diagnostics p50 ${fmtMs(percentile(o.edits, 50))} > ${TARGETS.edit[c]} ms`);
    if (TARGETS.request[c]) {
      for (const [name, label] of [['valueCompletion', 'value completion'], ['keyCompletion', 'key completion'], ['hover', 'hover']]) {
        if (!(percentile(o[name], 50) <= TARGETS.request[c])) missed.push(`${int(c)} classes: ${label} p50 ${fmtMs(percentile(o[name], 50))} > ${TARGETS.request[c]} ms`);
      }
    }
    if (TARGETS.rssBytes[c] && !(o.memory?.hwmKiB * 1024 <= TARGETS.rssBytes[c])) missed.push(`${int(c)} classes: peak RSS ${fmtMiB(o.memory?.hwmKiB)} > 300 MB`);
  }
  return missed;
}

/** Facts a reader needs to trust (or not) the figures: checks on what each server answered. */
function checks(results) {
  const notes = [];
  for (const size of results) {
    for (const [key, label] of [['ours', 'irplan'], ['yaml', 'yaml-language-server']]) {
      const r = size[key];
      if (r.failed) {
        const mem = r.memoryAtFailure?.hwmKiB;
        notes.push(`${int(size.classes)} classes, ${label}: ${r.failed}${Number.isFinite(mem) ? ` (peak RSS ${fmtMiB(mem)} when it was stopped)` : ''}.`);
        continue;
      }
      if (r.openCount !== 0) notes.push(`${int(size.classes)} classes, ${label}: ${r.openCount} diagnostics on the generated plan.`);
      if (r.editCounts.some((n) => n !== r.openCount)) notes.push(`${int(size.classes)} classes, ${label}: diagnostics after valid edits: ${r.editCounts.join('/')} (expected ${r.openCount}).`);
      if (r.errorEdit && !(r.errorEdit.count > r.openCount)) notes.push(`${int(size.classes)} classes, ${label}: the error edit brought no new diagnostic (is the schema applied?).`);
      if (r.fixEdit && r.fixEdit.count !== r.openCount) notes.push(`${int(size.classes)} classes, ${label}: ${r.fixEdit.count} diagnostics after the fix.`);
      if (r.items.hover === 0) notes.push(`${int(size.classes)} classes, ${label}: hover on \`owner\` returned nothing.`);
      for (const name of ['valueCompletion', 'keyCompletion']) if (r.items[name] === 0) notes.push(`${int(size.classes)} classes, ${label}: ${name === 'valueCompletion' ? 'value' : 'key'} completion returned no item.`);
    }
  }
  return notes;
}

function machine() {
  let nproc;
  try {
    nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    nproc = String(os.availableParallelism());
  }
  return { date: new Date().toISOString().slice(0, 10), node: process.version, nproc, cpu: os.cpus()[0]?.model?.trim() ?? 'unknown CPU', load: os.loadavg().map((x) => x.toFixed(2)).join(' ') };
}

function yamlLsVersion() {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/** Source files of the server newer than dist/server.js: the bundle measured may be stale. */
function staleSources() {
  if (!existsSync(OUR_SERVER)) return ['dist/server.js is missing'];
  const built = statSync(OUR_SERVER).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (statSync(path).mtimeMs > built) newer.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, 'server', 'src'));
  return newer;
}

function section(info, results, command) {
  const head = ['classes', 'measurement', 'irplan (ours)', 'yaml-language-server', 'ratio', 'target (ours)'];
  const table = markdownTable(head, tableRows(results), ['r', 'l', 'r', 'r', 'r', 'l']);
  const missed = targetsMissed(results);
  const notes = checks(results);
  const sizes = results.map((r) => `${int(r.classes)} classes: ${int(r.lines)} lines, ${int(r.bytes / 1024)} KiB`).join('; ');
  return `## Language server (issue 3)

Measured on ${info.date} with \`${command}\` (node ${info.node}, \`nproc\` ${info.nproc}, ${info.cpu}; load
average ${info.load} when the run started), our \`dist/server.js\` against yaml-language-server
${info.yamlLs} given \`schemas/irplan.schema.json\`, both over stdio, in the same run. The machine is
shared and noisy: read the ratios (yaml-language-server ÷ ours, both measured in the same run, the
two servers driven alternately) rather than the milliseconds. Plans: ${sizes}.

${table}

Targets: ${missed.length === 0 ? 'all met.' : `**missed**: ${missed.join('; ')}.`}
${notes.length > 0 ? `\nChecks: ${notes.join(' ')}\n` : ''}
How it is measured (bench/lsp.mjs, client in bench/lsp-client.mjs):

- A JSON-RPC client (vscode-jsonrpc) starts both servers (\`node dist/server.js --stdio\`,
  \`node node_modules/yaml-language-server/bin/yaml-language-server --stdio\`) with one workspace
  folder, \`bench/.cache/lsp/plans-N/\`, holding the generated plan (\`bench/generate-plan.mjs\`). The
  client announces \`workspace/configuration\` and no \`textDocument/diagnostic\`, so both push
  diagnostics; it sends \`workspace/didChangeConfiguration\` and answers the pulls with
  \`yaml.schemas\` = { <schema file URI>: ['*.irplan.yaml', '.cache/lsp/**/*.irplan.yaml'] },
  \`yaml.validate\`, \`yaml.completion\`, \`yaml.hover\` true, schema store and CRD store off (no network).
  The second pattern is needed: yaml-language-server matches \`*.irplan.yaml\` as \`**/*.irplan.yaml\`
  with picomatch, which does not enter dot folders such as \`bench/.cache\`, and would apply no schema.
- After the servers are idle, the plan is opened (\`languageId\` \`irplan\` for ours, \`yaml\` for
  yaml-language-server) and the first diagnostics awaited. Our server has already indexed and
  validated the workspace's files at start, so its didOpen reuses that work${results.some((r) => Number.isFinite(r.ours.indexedMs)) ? `; from \`initialized\`
  to its first diagnostics for the file on disk: ${results.filter((r) => Number.isFinite(r.ours.indexedMs)).map((r) => `${fmtMs(r.ours.indexedMs)} at ${int(r.classes)}`).join(', ')} classes` : ''}.
- **edit → diagnostics**: an incremental \`didChange\` of one character in the middle class
  (\`class-N/2\`, the \`reissue\` step's \`duration: 10m\` → \`11m\`, then back, alternately, so the plan
  stays valid), timed from sending it to the arrival of the next \`publishDiagnostics\` for the
  document (neither server versions it). yaml-language-server waits ${YAML_LS_DEBOUNCE_MS} ms after a change before it
  validates (\`validationDelayMs\`); its figure includes that wait, ours has none. p50 and p90 are
  nearest-rank. Then one edit that makes an error (\`10m\` → \`10x\`: both report the duration pattern)
  and the edit that fixes it. "Server CPU time per valid edit" is the user + system time the server
  process spent from the edit until it was idle again (/proc/<pid>/stat, 10 ms resolution).
- Completion after \`owner: \` in the middle class (a value: our server offers the contacts,
  yaml-language-server the schema's \`examples\`) and at a key position (a new, indented, empty line
  in that class's \`reissue\` step, which lacks \`impact\`, \`approval\` and \`automated\`, added by one
  more edit before), hover on the key \`owner\`; item counts are ours / theirs.
- Between two samples the server just measured is left to go idle: its CPU time has not moved for
  300 ms (150 ms after a request), and at least 350 ms after an edit, when our server sends its
  status summary. The order of the two servers is swapped every sample. Nothing is discarded as warm-up.
- Peak RSS is \`VmHWM\` of each server process (\`/proc/<pid>/status\`), read after the last request,
  before shutdown; the resident row is \`VmRSS\` once the server is idle after the first diagnostics.
  Both include garbage V8 has not collected yet, so the peak grows with the number of edits made
  before it is read (here ${results.map((r) => `${r.edits + 3} edits at ${int(r.classes)}`).join(', ')}).
- Every step is bounded by ${STEP_TIMEOUT_MS / 1000} s: a server that exceeds it is recorded as "timed out" and
  killed; both are shut down (then killed) at the end. Raw figures: \`bench/.cache/lsp/results.json\`.
`;
}

// ---- entry points --------------------------------------------------------------------------

/**
 * Runs the benchmark; prints the section to stdout and (unless `writeDocs` is false) rewrites the
 * section "## Language server (issue 3)" of docs/performance.md. Returns true when our server went
 * through every size without failing.
 */
export async function runLspBench({ quick = false, writeDocs = true, sizes, command = 'node bench/lsp.mjs' } = {}) {
  const info = { ...machine(), yamlLs: yamlLsVersion() };
  const stale = staleSources();
  if (stale.length > 0) progress(`warning: measuring dist/server.js, older than ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', …' : ''} (node esbuild.mjs rebuilds it)`);
  const plan = (quick ? QUICK_SIZES : FULL_SIZES).filter((s) => !sizes || sizes.includes(s.classes));
  mkdirSync(LSP_CACHE, { recursive: true });
  const results = [];
  for (const size of plan) results.push(await measureSize(size));
  writeFileSync(join(LSP_CACHE, quick ? 'results-quick.json' : 'results.json'), `${JSON.stringify({ info, command, results }, null, 2)}\n`);
  const text = section(info, results, command);
  process.stdout.write(`${text}\n`);
  if (writeDocs) progress(`wrote ${relative(ROOT, writePerformanceSection('## Language server (issue 3)', text))}`);
  return results.every((r) => !r.ours.failed);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const sizesIndex = args.indexOf('--sizes');
  const sizes = sizesIndex >= 0 ? args[sizesIndex + 1].split(',').map(Number) : undefined;
  if (args.includes('--render')) {
    // Only re-render the section from the last run's bench/.cache/lsp/results.json.
    const { info, command, results } = JSON.parse(readFileSync(join(LSP_CACHE, 'results.json'), 'utf8'));
    const text = section(info, results, command);
    process.stdout.write(`${text}\n`);
    if (!args.includes('--no-docs')) progress(`wrote ${relative(ROOT, writePerformanceSection('## Language server (issue 3)', text))}`);
    process.exit(0);
  }
  const ok = await runLspBench({ quick, writeDocs: !quick && !args.includes('--no-docs'), sizes, command: ['node bench/lsp.mjs', ...args].join(' ') });
  if (!ok) process.exitCode = 1;
}
