// The profiled process of bench/profile.mjs: `node --cpu-prof ... bench/profile-child.mjs FILE`.
// Warms the engine up on a small plan (compiles the ajv schema, JIT), then validates FILE once
// inside measuredRun(), the function whose subtree profile.mjs summarises.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { generatePlan } from './generate-plan.mjs';
import { TODAY, loadEngine, memoryHost } from './lib.mjs';

const file = process.argv[2];
const engine = loadEngine();
const today = engine.parseDate(TODAY);

const small = generatePlan(100);
for (let i = 0; i < 3; i++) new engine.PlanSet(memoryHost('file:///warm.irplan.yaml', small)).validate('file:///warm.irplan.yaml', { today });

const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;

function measuredRun() {
  return new engine.PlanSet(memoryHost(uri, text)).validate(uri, { today });
}

const start = performance.now();
const findings = measuredRun();
console.log(JSON.stringify({ ms: performance.now() - start, findings: findings.length }));
