// CPU profiles, summarised.
//   node bench/profile.mjs [CLASSES]   the engine validating one generated plan (default 5,000
//                                      classes): bench/profile-child.mjs under --cpu-prof; only the
//                                      span of the measured validation (measuredRun) is summarised.
//   node bench/profile.mjs --cli       the whole `irplan validate` process on the 1,000 plans that
//                                      bench/run.mjs writes to bench/.cache/plans-1000/ (run it first;
//                                      needs dist/cli.js).
// Writes the .cpuprofile to bench/.cache/profile/ (open it in Chrome DevTools or VS Code) and prints
// the functions with the most self time, self time by source module, and the functions with the
// most total (inclusive) time. Bundle positions are mapped back to source lines through the
// source maps esbuild writes next to the bundles.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE, ROOT, TODAY, bundleEngine, planFile } from './lib.mjs';

const cliMode = process.argv.includes('--cli');
const classes = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5000);
const TOP = Number(process.env.TOP ?? 25);
const outDir = join(CACHE, 'profile');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let title;
let argv;
if (cliMode) {
  const plans = join('bench', '.cache', 'plans-1000');
  if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, plans))) {
    console.error('needs dist/cli.js and bench/.cache/plans-1000/: run npm run bench first');
    process.exit(2);
  }
  argv = [join('bin', 'irplan.js'), 'validate', plans, '--today', TODAY, '--format', 'json'];
  title = `node ${argv.join(' ')} > /dev/null`;
} else {
  await bundleEngine();
  argv = [join('bench', 'profile-child.mjs'), planFile(classes)];
  title = `engine validation of the ${classes}-class plan`;
}
const started = performance.now();
const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${outDir}`, '--cpu-prof-name=run.cpuprofile', ...argv], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', cliMode ? 'ignore' : 'pipe', 'inherit'], maxBuffer: 64 << 20 });
const wallMs = performance.now() - started;
if (run.status !== 0) {
  console.error(`profile run failed: exit ${run.status ?? run.signal}`);
  process.exit(1);
}
const result = cliMode ? { ms: wallMs, findings: '?' } : JSON.parse(run.stdout.trim().split('\n').pop());
const profileFile = join(outDir, readdirSync(outDir).find((f) => f.endsWith('.cpuprofile')));
const profile = JSON.parse(readFileSync(profileFile, 'utf8'));

// Bundle positions back to sources, through the source map next to each bundle.
const sourceMaps = new Map();
function sourceMapOf(url) {
  if (!sourceMaps.has(url)) {
    let map;
    try {
      const file = fileURLToPath(url);
      const json = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
      map = { dir: dirname(file), sources: json.sources, lines: decodeMappings(json.mappings) };
    } catch {
      map = null; // no source map: report the file's own lines
    }
    sourceMaps.set(url, map);
  }
  return sourceMaps.get(url);
}

/** Source map v3 mappings: per generated line, [generatedColumn, source, sourceLine] segments
 * (source columns and names are not needed here). */
function decodeMappings(mappings) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        sourceLine += fields[2];
        segments.push([column, source, sourceLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** "server/src/engine/yaml/parse.ts:167" for a frame of a bundle; the url otherwise. */
function whereOf(frame) {
  if (!frame.url && frame.functionName.startsWith('(')) return { module: '(V8)', line: '' }; // (garbage collector), (program), (idle), (root)
  if (!frame.url) return { module: '(no url: builtins and generated code such as the ajv validator)', line: frame.lineNumber + 1 };
  if (!frame.url.startsWith('file://')) return { module: frame.url, line: frame.lineNumber + 1 };
  const map = sourceMapOf(frame.url);
  if (map) {
    const segments = map.lines[frame.lineNumber] ?? [];
    let best;
    for (const seg of segments) {
      if (seg[0] > frame.columnNumber) break;
      best = seg;
    }
    best ??= segments[0];
    if (best) return { module: relative(ROOT, resolve(map.dir, map.sources[best[1]])), line: best[2] + 1 };
  }
  return { module: relative(ROOT, fileURLToPath(frame.url)), line: frame.lineNumber + 1 };
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (n) => {
  const f = n.callFrame;
  const { module, line } = whereOf(f);
  return `${f.functionName || '(anonymous)'}\t${module}\t${line}`;
};

// Which nodes are inside measuredRun()?
const inside = new Map();
function isInside(id) {
  if (inside.has(id)) return inside.get(id);
  const n = nodes.get(id);
  const result = cliMode || n.callFrame.functionName === 'measuredRun' ? true : parent.has(id) ? isInside(parent.get(id)) : false;
  inside.set(id, result);
  return result;
}

// Sample times: the delta before each sample is the time it stands for (as DevTools counts it).
const samples = profile.samples;
const deltas = profile.timeDeltas;
let first = -1;
let last = -1;
for (let i = 0; i < samples.length; i++) {
  if (isInside(samples[i])) {
    if (first < 0) first = i;
    last = i;
  }
}
const self = new Map();
const total = new Map();
const byModule = new Map();
let windowUs = 0;
for (let i = first; i <= last; i++) {
  const us = deltas[i + 1] ?? deltas[i];
  windowUs += us;
  const id = samples[i];
  const n = nodes.get(id);
  const key = isInside(id) ? keyOf(n) : `${n.callFrame.functionName || '(anonymous)'}\t(V8${n.callFrame.functionName.startsWith('(') ? '' : ', outside measuredRun'})\t`;
  self.set(key, (self.get(key) ?? 0) + us);
  const mod = key.split('\t')[1];
  byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  if (isInside(id)) {
    const seen = new Set();
    for (let at = id; at !== undefined && isInside(at); at = parent.get(at)) {
      const k = keyOf(nodes.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
}

const pct = (us) => `${((100 * us) / windowUs).toFixed(1).padStart(5)}%`;
const msOf = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`${title}: ${result.ms.toFixed(0)} ms wall${cliMode ? ' (with the profiler on)' : ` in the profiled child, ${result.findings} findings`}`);
console.log(`profile: ${relative(ROOT, profileFile)}; sampled span${cliMode ? ' (the whole process)' : ' of measuredRun()'}: ${(windowUs / 1000).toFixed(0)} ms, ${last - first + 1} samples\n`);
console.log(`top ${TOP} functions by self time (share of the span):`);
for (const [k, us] of top(self, TOP)) {
  const [fn, mod, line] = k.split('\t');
  console.log(`${pct(us)} ${msOf(us)}  ${fn}  ${mod}${line ? `:${line}` : ''}`);
}
console.log('\nself time by source module:');
for (const [mod, us] of top(byModule, 20)) console.log(`${pct(us)} ${msOf(us)}  ${mod}`);
console.log(`\ntop ${TOP} functions by total (inclusive) time:`);
for (const [k, us] of top(total, TOP)) {
  const [fn, mod, line] = k.split('\t');
  console.log(`${pct(us)} ${msOf(us)}  ${fn}  ${mod}${line ? `:${line}` : ''}`);
}
