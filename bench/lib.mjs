// Shared by the bench scripts: the bundles of the engine and of the schema validator, the cache
// folder, plan files, medians and a forced garbage collection between timed sections.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { generatePlan } from './generate-plan.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(ROOT, 'bench', '.cache');
export const ENGINE_BUNDLE = join(CACHE, 'engine.cjs');
export const SCHEMA_BUNDLE = join(CACHE, 'schema.cjs');
/** The day the bench validates against, so that date rules never depend on the machine clock. */
export const TODAY = '2026-11-25';

const require = createRequire(import.meta.url);

/**
 * Bundles the engine (server/src/engine/index.ts) and the schema module that compiles the ajv
 * validator (server/src/engine/schema.ts) the way esbuild.mjs bundles the CLI: platform node,
 * target node20, cjs, with a source map, not minified (so profiles name functions and
 * bench/profile.mjs maps them back to source lines).
 */
export async function bundleEngine() {
  mkdirSync(CACHE, { recursive: true });
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', absWorkingDir: ROOT };
  await Promise.all([
    build({ ...common, entryPoints: ['server/src/engine/index.ts'], outfile: ENGINE_BUNDLE }),
    build({ ...common, entryPoints: ['server/src/engine/schema.ts'], outfile: SCHEMA_BUNDLE }),
  ]);
}

export function loadEngine() {
  return require(ENGINE_BUNDLE);
}

export function loadSchema() {
  return require(SCHEMA_BUNDLE);
}

/** The generated plan of `classes` classes, written once to the cache; returns its path. */
export function planFile(classes) {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `plan-${classes}.irplan.yaml`);
  const text = generatePlan(classes);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return file;
}

/** A host over one in-memory document, as the engine's DocumentHost expects. */
export function memoryHost(uri, text) {
  return {
    read: (u) => (u === uri ? text : undefined),
    resolve: (from, path) => new URL(path, from).href,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

let gcFn;
/** A full collection before each timed section, so one section's garbage is not another's pause. */
export function gc() {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc');
  }
  gcFn();
}

/**
 * Replaces the section of docs/performance.md under `heading` (up to the next `## `) with `text`,
 * or appends it: each part of the bench owns one section and leaves the others as they are.
 */
export function writePerformanceSection(heading, text) {
  const file = join(ROOT, 'docs', 'performance.md');
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n\n';
  const start = doc.indexOf(`${heading}\n`);
  if (start < 0) {
    doc = `${doc.replace(/\n*$/, '')}\n\n${text}`;
  } else {
    const rest = doc.slice(start + heading.length);
    const next = rest.search(/^## /m);
    const end = next < 0 ? doc.length : start + heading.length + next;
    doc = `${doc.slice(0, start)}${text}${next < 0 ? '' : `\n${doc.slice(end)}`}`;
  }
  writeFileSync(file, doc);
  return file;
}
