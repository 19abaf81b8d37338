// A CPU profile of the engine validating one generated plan: `node bench/profile.mjs [CLASSES]`
// (default 5,000). Bundles the engine, runs bench/profile-child.mjs under --cpu-prof, writes the
// .cpuprofile to bench/.cache/profile/ (open it in Chrome DevTools or VS Code) and prints, for the
// span of the measured validation only: the functions with the most self time, self time by source
// module, and the functions with the most total (inclusive) time. Lines of the bundle are mapped
// back to source lines through the bundle's source map.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CACHE, ENGINE_BUNDLE, ROOT, bundleEngine, planFile } from './lib.mjs';

const classes = Number(process.argv[2] ?? 5000);
const TOP = Number(process.env.TOP ?? 25);
const outDir = join(CACHE, 'profile');

await bundleEngine();
const file = planFile(classes);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${outDir}`, '--cpu-prof-name=engine.cpuprofile', join('bench', 'profile-child.mjs'), file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (run.status !== 0) {
  console.error(`profile run failed: exit ${run.status ?? run.signal}`);
  process.exit(1);
}
const result = JSON.parse(run.stdout.trim().split('\n').pop());
const profileFile = join(outDir, readdirSync(outDir).find((f) => f.endsWith('.cpuprofile')));
const profile = JSON.parse(readFileSync(profileFile, 'utf8'));

// Bundle positions back to sources, through the source map esbuild writes next to the bundle.
const sourceMap = JSON.parse(readFileSync(`${ENGINE_BUNDLE}.map`, 'utf8'));
const mappingLines = decodeMappings(sourceMap.mappings);
const bundleUrl = pathToFileURL(ENGINE_BUNDLE).href;

/** Source map v3 mappings: per generated line, [generatedColumn, source, sourceLine] segments. */
function decodeMappings(mappings) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
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
        sourceColumn += fields[3];
        if (fields.length >= 5) name += fields[4];
        segments.push([column, source, sourceLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** "server/src/engine/yaml/parse.ts:167" for a frame of the bundle; the url otherwise. */
function whereOf(frame) {
  if (frame.url === bundleUrl) {
    const segments = mappingLines[frame.lineNumber] ?? [];
    let best;
    for (const seg of segments) {
      if (seg[0] > frame.columnNumber) break;
      best = seg;
    }
    best ??= segments[0];
    if (!best) return { module: 'engine.cjs (bundle runtime)', line: frame.lineNumber + 1 };
    return { module: relative(ROOT, resolve(dirname(ENGINE_BUNDLE), sourceMap.sources[best[1]])), line: best[2] + 1 };
  }
  if (!frame.url) return { module: "(no url: ajv's generated validator)", line: frame.lineNumber + 1 };
  if (frame.url.startsWith('file://')) return { module: relative(ROOT, fileURLToPath(frame.url)), line: frame.lineNumber + 1 };
  return { module: frame.url, line: frame.lineNumber + 1 };
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
  const result = n.callFrame.functionName === 'measuredRun' ? true : parent.has(id) ? isInside(parent.get(id)) : false;
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
  const key = isInside(id) ? keyOf(n) : `${n.callFrame.functionName || '(anonymous)'}\t(outside the engine: ${n.callFrame.functionName.startsWith('(') ? 'V8' : 'other'})\t`;
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
console.log(`engine validation of the ${classes}-class plan: ${result.ms.toFixed(0)} ms wall in the profiled child, ${result.findings} findings`);
console.log(`profile: ${relative(ROOT, profileFile)}; sampled span of measuredRun(): ${(windowUs / 1000).toFixed(0)} ms, ${last - first + 1} samples\n`);
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
  console.log(`${pct(us)} ${msOf(us)}  ${fn}  ${mod}:${line}`);
}
