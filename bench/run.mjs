// The engine and CLI benchmark (issue 2). `npm run bench` builds dist/ and runs this.
//
// This machine is shared and noisy, so every figure comes with a baseline measured in the same
// run and the targets are ratios:
//   1. engine vs floor, plans of 100 / 1,000 / 5,000 classes. The floor is what any validator
//      built on `yaml` and ajv must pay: yaml's parseDocument (default options) plus the compiled
//      ajv validation; doc.toJS(), needed to hand ajv an object, is reported but not counted.
//      The engine is a full validation (analyse, scope, every rule) with a fresh PlanSet each
//      time. Floor and engine alternate within each iteration; medians after warm-up.
//      Target: engine / floor <= 1.0 at 5,000 classes.
//   2. peak RSS (maxRSS) of the engine and of the floor on the 5,000-class plan, each in a child.
//   3. `irplan validate` on a folder of 1,000 plans of about 200 lines: wall time of the whole
//      process, median of 3, next to `node -e 0`. Target: under 3 s.
// Prints the tables to stdout (progress goes to stderr) and rewrites the section
// "## Engine and CLI (issue 2)" of docs/performance.md, leaving other sections alone.
//
// Options: --quick (small sizes and few iterations, no docs: a smoke test), --no-docs,
// --cli FILE (time FILE instead of bin/irplan.js: for testing this harness).
// Then the language-server benchmark (issue 3, bench/lsp.mjs), which writes its own section
// "## Language server (issue 3)": --no-lsp skips it, --lsp-only runs only it.
import { spawnSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import os from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { generatePlan } from './generate-plan.mjs';
import { CACHE, ROOT, TODAY, bundleEngine, gc, loadEngine, loadSchema, median, memoryHost, planFile, writePerformanceSection } from './lib.mjs';
import { runLspBench } from './lsp.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const writeDocs = !quick && !args.includes('--no-docs');
const cliIndex = args.indexOf('--cli');
const CLI_ENTRY = cliIndex >= 0 ? args[cliIndex + 1] : 'bin/irplan.js';
const lspOnly = args.includes('--lsp-only');
const withLsp = !args.includes('--no-lsp');

const SIZES = quick
  ? [{ classes: 100, warm: 1, n: 3 }, { classes: 1000, warm: 1, n: 2 }]
  : [{ classes: 100, warm: 3, n: 15 }, { classes: 1000, warm: 2, n: 7 }, { classes: 5000, warm: 1, n: 3 }];
const TARGET_CLASSES = SIZES[SIZES.length - 1].classes;
const CLI_PLANS = 1000;
const CLI_CLASSES_PER_PLAN = 2;
const CLI_TEAMS_PER_PLAN = 9; // 2 classes and 9 teams: 199 lines (4 teams, the default, would be 174)
const CLI_RUNS = 3;
const CLI_TARGET_MS = 3000;

const now = () => performance.now();
const progress = (s) => process.stderr.write(`bench: ${s}\n`);

// ---- 1. engine vs floor ------------------------------------------------------------------

function measureSize({ classes, warm, n }, engine, validate) {
  const text = generatePlan(classes);
  const uri = `file:///bench/plan-${classes}.irplan.yaml`;
  const host = memoryHost(uri, text);
  const today = engine.parseDate(TODAY);
  const samples = { parse: [], ajv: [], floor: [], toJS: [], parseStrict: [], floorStrict: [], engine: [] };
  const findingCounts = new Set();

  for (let i = 0; i < warm + n; i++) {
    const s = {};
    const runFloor = () => {
      gc();
      let t = now();
      const doc = parseDocument(text);
      s.parse = now() - t;
      if (doc.errors.length > 0) throw new Error(`yaml reports ${doc.errors.length} errors on the ${classes}-class plan: ${doc.errors[0].message}`);
      gc();
      t = now();
      const json = doc.toJS({ maxAliasCount: -1 });
      s.toJS = now() - t;
      gc();
      t = now();
      const valid = validate(json);
      s.ajv = now() - t;
      if (!valid) throw new Error(`the ${classes}-class plan fails the schema: ${JSON.stringify(validate.errors?.[0])}`);
      gc();
      t = now();
      parseDocument(text, { uniqueKeys: false });
      s.parseStrict = now() - t;
    };
    const runEngine = () => {
      gc();
      const t = now();
      const findings = new engine.PlanSet(host).validate(uri, { today });
      s.engine = now() - t;
      findingCounts.add(findings.length);
    };
    // Alternate the order so that neither side always runs on a warmer (or more tired) heap.
    if (i % 2 === 0) {
      runFloor();
      runEngine();
    } else {
      runEngine();
      runFloor();
    }
    s.floor = s.parse + s.ajv;
    s.floorStrict = s.parseStrict + s.ajv;
    progress(`${classes} classes, ${i < warm ? 'warm-up' : 'run'} ${i < warm ? i + 1 : i - warm + 1}: floor ${s.floor.toFixed(0)} ms, engine ${s.engine.toFixed(0)} ms`);
    if (i >= warm) for (const k of Object.keys(samples)) samples[k].push(s[k]);
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  return {
    classes,
    warm,
    n,
    lines: text.split('\n').length - 1,
    bytes: Buffer.byteLength(text),
    findings: [...findingCounts].join('/'),
    ...m,
    ratio: m.engine / m.floor,
    ratioStrict: m.engine / m.floorStrict,
  };
}

// ---- 2. memory ---------------------------------------------------------------------------

function measureMemory(classes) {
  const file = planFile(classes);
  const out = {};
  for (const mode of ['baseline', 'floor', 'engine']) {
    progress(`peak RSS, ${classes} classes: ${mode}`);
    const r = spawnSync(process.execPath, [join('bench', 'memory-child.mjs'), mode, file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = r.stdout.trim().split('\n').pop();
    try {
      out[mode] = JSON.parse(line);
    } catch {
      out[mode] = { error: `exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}` };
    }
  }
  return { classes, ...out };
}

// ---- 3. the CLI on 1,000 files -----------------------------------------------------------

function writeCliPlans() {
  const dir = join(CACHE, `plans-${CLI_PLANS}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let lines = 0;
  const files = [];
  for (let i = 1; i <= CLI_PLANS; i++) {
    const id = String(i).padStart(4, '0');
    const text = generatePlan(CLI_CLASSES_PER_PLAN, { teams: CLI_TEAMS_PER_PLAN, prefix: `bench-${id}` }); // plan id bench-NNNN-plan
    lines += text.split('\n').length - 1;
    const file = join(dir, `plan-${id}.irplan.yaml`);
    writeFileSync(file, text);
    files.push({ uri: pathToFileURL(file).href, text });
  }
  return { dir, files, linesPerPlan: lines / CLI_PLANS };
}

/**
 * The same files validated inside this process, no file system: the floor (parseDocument and
 * ajv of each text; toJS untimed) and the engine (one PlanSet over all of them, as a CLI run
 * would use). Shows how much of the CLI's wall time is validation at all.
 */
function measureFilesInProcess(files, engine, validate) {
  const texts = new Map(files.map((f) => [f.uri, f.text]));
  const host = { read: (uri) => texts.get(uri), resolve: (from, path) => new URL(path, from).href };
  const today = engine.parseDate(TODAY);
  const floor = [];
  const engineMs = [];
  const runFloor = () => {
    gc();
    let t = now();
    const docs = files.map((f) => parseDocument(f.text));
    const parse = now() - t;
    const json = docs.map((d) => d.toJS({ maxAliasCount: -1 }));
    gc();
    t = now();
    for (const j of json) if (!validate(j)) throw new Error('a CLI plan fails the schema');
    floor.push(parse + now() - t);
  };
  const runEngine = () => {
    gc();
    const t = now();
    const set = new engine.PlanSet(host);
    let findings = 0;
    for (const f of files) findings += set.validate(f.uri, { today }).length;
    engineMs.push(now() - t);
    if (findings > 0) progress(`note: the engine reports ${findings} findings on the CLI plans`);
  };
  runFloor(); // warm-up
  runEngine();
  floor.length = 0;
  engineMs.length = 0;
  for (let i = 0; i < CLI_RUNS; i++) {
    if (i % 2 === 0) {
      runFloor();
      runEngine();
    } else {
      runEngine();
      runFloor();
    }
    progress(`${CLI_PLANS} plans in process, run ${i + 1}: floor ${floor[i].toFixed(0)} ms, engine ${engineMs[i].toFixed(0)} ms`);
  }
  return { floorMs: median(floor), engineMs: median(engineMs) };
}

function timeProcess(argv) {
  const t = now();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 16 << 20 });
  return { ms: now() - t, status: r.status, signal: r.signal, stderr: r.stderr ?? '' };
}

function measureCli(engine, validate) {
  const { dir, files, linesPerPlan } = writeCliPlans();
  const folder = relative(ROOT, dir);
  const command = `node ${CLI_ENTRY} validate ${folder} --today ${TODAY} --format json > /dev/null`;
  const base = { plans: CLI_PLANS, linesPerPlan, command, runs: CLI_RUNS, inProcess: measureFilesInProcess(files, engine, validate) };
  if (CLI_ENTRY === 'bin/irplan.js' && !existsSync(join(ROOT, 'dist', 'cli.js'))) return { ...base, skipped: 'dist/cli.js does not exist (npm run build makes it)' };
  const cliArgv = [CLI_ENTRY, 'validate', folder, '--today', TODAY, '--format', 'json'];
  const nodeArgv = ['-e', '0'];

  progress(`irplan validate on ${CLI_PLANS} plans: warm-up`);
  timeProcess(nodeArgv);
  const first = timeProcess(cliArgv);
  if (first.status !== 0 && first.status !== 1) {
    return { ...base, error: `exit ${first.status ?? first.signal}: ${first.stderr.trim().split('\n').slice(0, 3).join(' ')}` };
  }
  const cli = [];
  const node = [];
  const statuses = new Set();
  for (let i = 0; i < CLI_RUNS; i++) {
    node.push(timeProcess(nodeArgv).ms);
    const r = timeProcess(cliArgv);
    statuses.add(r.status);
    cli.push(r.ms);
    progress(`irplan validate on ${CLI_PLANS} plans, run ${i + 1}: ${r.ms.toFixed(0)} ms (exit ${r.status}); node -e 0: ${node[i].toFixed(0)} ms`);
  }
  return { ...base, cliMs: median(cli), cliRange: [Math.min(...cli), Math.max(...cli)], nodeMs: median(node), exit: [...statuses].join('/') };
}

// ---- report ------------------------------------------------------------------------------

const int = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => (x >= 100 ? `${int(x)} ms` : `${x.toFixed(1)} ms`);
const ratio = (x) => x.toFixed(2);
const mib = (kib) => `${int(kib / 1024)} MiB`;
const verdict = (ok) => (ok ? 'met' : '**not met**');

function engineTable(results) {
  const head = ['', ...results.map((r) => `${int(r.classes)} classes`)];
  const row = (label, f) => [label, ...results.map(f)];
  const rows = [
    row('plan size', (r) => `${int(r.lines)} lines, ${int(r.bytes / 1024)} KiB`),
    row('iterations (warm-up + measured)', (r) => `${r.warm} + ${r.n}`),
    row('yaml `parseDocument` (default options)', (r) => ms(r.parse)),
    row('ajv validation (compiled, engine\'s validator)', (r) => ms(r.ajv)),
    row('**floor** = parseDocument + ajv', (r) => `**${ms(r.floor)}**`),
    row('`doc.toJS()` (not counted in the floor)', (r) => ms(r.toJS)),
    row('**engine**: full validation, fresh `PlanSet`', (r) => `**${ms(r.engine)}**`),
    row('engine findings', (r) => r.findings),
    row(`**engine / floor** (target ≤ 1.0 at ${int(TARGET_CLASSES)})`, (r) => `**${ratio(r.ratio)}**${r.classes === TARGET_CLASSES ? ` (${verdict(r.ratio <= 1)})` : ''}`),
    row('stricter floor: `parseDocument` with `uniqueKeys: false`', (r) => ms(r.parseStrict)),
    row('engine / stricter floor (+ ajv)', (r) => ratio(r.ratioStrict)),
  ];
  return markdownTable(head, rows, ['l', ...results.map(() => 'r')]);
}

function otherTable(cli, mem) {
  const head = ['measurement', 'result', 'baseline, same run', 'ratio', 'target'];
  const rows = [];
  const cliLabel = `\`irplan validate\` on ${int(cli.plans)} plans of ${Math.round(cli.linesPerPlan)} lines: process wall time, median of ${cli.runs}`;
  if (cli.skipped || cli.error) rows.push([cliLabel, `not measured: ${cli.skipped ?? cli.error}`, '', '', '< 3 s']);
  else rows.push([cliLabel, `${(cli.cliMs / 1000).toFixed(2)} s (runs ${cli.cliRange.map((x) => (x / 1000).toFixed(2)).join('–')} s; exit ${cli.exit})`, `\`node -e 0\`: ${(cli.nodeMs / 1000).toFixed(3)} s`, `${ratio(cli.cliMs / cli.nodeMs)}×`, `< 3 s: ${verdict(cli.cliMs < CLI_TARGET_MS)}`]);
  const ip = cli.inProcess;
  rows.push([`the same ${int(cli.plans)} texts in this process (no files): engine, one \`PlanSet\`, median of ${cli.runs}`, `${(ip.engineMs / 1000).toFixed(2)} s`, `floor (parseDocument + ajv): ${(ip.floorMs / 1000).toFixed(2)} s`, `${ratio(ip.engineMs / ip.floorMs)}×`, '']);
  const rss = (x) => (x?.maxRssKiB ? mib(x.maxRssKiB) : `not measured: ${x?.error ?? '?'}`);
  const memLabel = `peak RSS (maxRSS), ${int(mem.classes)}-class plan, own process`;
  rows.push([
    `${memLabel}: engine (${mem.engine?.detail ?? '?'})`,
    rss(mem.engine),
    `floor (parse + toJS + ajv): ${rss(mem.floor)}`,
    mem.engine?.maxRssKiB && mem.floor?.maxRssKiB ? `${ratio(mem.engine.maxRssKiB / mem.floor.maxRssKiB)}×` : '',
    'none set',
  ]);
  rows.push([`${memLabel}: node with the text read, nothing else`, rss(mem.baseline), '', '', '']);
  return markdownTable(head, rows, ['l', 'r', 'l', 'r', 'l']);
}

function markdownTable(head, rows, align) {
  const sep = align.map((a) => (a === 'r' ? '--:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
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

function section(info, results, cli, mem) {
  return `## Engine and CLI (issue 2)

Measured on ${info.date} with \`npm run bench\` (node ${info.node}, \`nproc\` ${info.nproc}, ${info.cpu}; load
average ${info.load} when the run started). The machine is shared and noisy: read the ratios, whose
two sides are measured in the same run, rather than the milliseconds.

${engineTable(results)}

${otherTable(cli, mem)}

How it is measured (bench/run.mjs):

- Plans come from \`bench/generate-plan.mjs\` (deterministic: the same size gives the same text).
  The engine (\`server/src/engine/index.ts\`) and the module that compiles the ajv validator
  (\`server/src/engine/schema.ts\`) are bundled with esbuild into \`bench/.cache/\` at the start of
  the run, so the floor validates with the very validator the engine uses.
- Each figure is the median of the measured iterations after the warm-up. Floor and engine alternate
  in each iteration, with a forced garbage collection before every timed section.
- The floor is \`parseDocument(text)\` plus \`validate(json)\`; \`doc.toJS()\`, which produces \`json\`,
  is shown but not counted, which is strict against the engine. The engine figure is
  \`new PlanSet(host).validate(uri, { today })\`: parse, tree and model, scope, every rule, nothing
  cached but the compiled schema.
- With default options \`yaml\` checks duplicate keys by scanning the mapping for every key, which is
  quadratic (the engine turns that off and uses a hash map), so at 5,000 classes (10,000 services) the
  default floor includes a cost the engine does not pay. The stricter-floor rows compare against
  \`parseDocument(text, { uniqueKeys: false })\` plus ajv.
- The CLI plans are \`generatePlan(${CLI_CLASSES_PER_PLAN}, { teams: ${CLI_TEAMS_PER_PLAN}, prefix: 'bench-NNNN' })\`, one plan id each,
  written to \`bench/.cache/plans-${CLI_PLANS}/\`. The timed command is
  \`${cli.command}\`, after one untimed warm-up run; \`node -e 0\` runs alternately with it.
- Peak RSS is \`process.resourceUsage().maxRSS\` of a child (\`bench/memory-child.mjs\`) that reads the
  plan and runs only one side.
- The in-process row validates the same 1,000 texts with the JIT already warm and no file system,
  to separate validation from the rest of the CLI's wall time (process start, loading the bundle,
  compiling the schema, reading the files, a cold JIT, writing the report). The two rows are measured
  minutes apart, so on this machine the load can differ between them: compare each to its own baseline.
- \`node bench/profile.mjs\` writes a CPU profile of the engine on the 5,000-class plan to
  \`bench/.cache/profile/\` and prints the functions with the most self time, mapped to source lines;
  \`node bench/profile.mjs --cli\` does the same for the whole \`irplan validate\` run above.
`;
}

// ---- main --------------------------------------------------------------------------------

if (!lspOnly) {
  const info = machine();
  progress(`bundling the engine and the schema validator into ${relative(ROOT, CACHE)}/`);
  await bundleEngine();
  const engine = loadEngine();
  const validate = loadSchema().schemaValidator();

  const results = [];
  for (const size of SIZES) results.push(measureSize(size, engine, validate));
  const mem = measureMemory(TARGET_CLASSES);
  const cli = measureCli(engine, validate);

  const text = section(info, results, cli, mem);
  process.stdout.write(`${text}\n`);
  if (writeDocs) progress(`wrote ${relative(ROOT, writePerformanceSection('## Engine and CLI (issue 2)', text))}`);
  const failed = [cli.error, mem.engine?.error, mem.floor?.error].filter(Boolean);
  if (failed.length > 0) {
    progress(`failed: ${failed.join('; ')}`);
    process.exitCode = 1;
  }
}
if (withLsp || lspOnly) {
  const lspArgs = args.filter((a) => a === '--quick' || a === '--no-docs' || a === '--lsp-only');
  const ok = await runLspBench({ quick, writeDocs, command: `npm run bench${lspArgs.length > 0 ? ` -- ${lspArgs.join(' ')}` : ''}` });
  if (!ok) {
    progress('failed: the language-server benchmark (see above)');
    process.exitCode = 1;
  }
}
