// One measurement of peak memory, in a process of its own: `node bench/memory-child.mjs MODE FILE`
// reads the plan FILE and then, by MODE:
//   baseline  nothing more (node plus the text in memory)
//   floor     yaml parseDocument (default options), doc.toJS, the compiled ajv validation
//   engine    a full validation by the engine (fresh PlanSet: analyse, scope, every rule)
// and prints one JSON line: {"mode", "maxRssKiB", "ok", "detail"}. run.mjs spawns it after the
// bundles exist.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadEngine, loadSchema, memoryHost, TODAY } from './lib.mjs';

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
let ok = true;
let detail = '';

if (mode === 'floor') {
  const { parseDocument } = await import('yaml');
  const validate = loadSchema().schemaValidator();
  const doc = parseDocument(text);
  ok = validate(doc.toJS({ maxAliasCount: -1 })) && doc.errors.length === 0;
  detail = ok ? 'schema valid' : 'schema or syntax errors';
} else if (mode === 'engine') {
  const engine = loadEngine();
  const uri = pathToFileURL(file).href;
  const findings = new engine.PlanSet(memoryHost(uri, text)).validate(uri, { today: engine.parseDate(TODAY) });
  ok = Array.isArray(findings);
  detail = `${findings?.length ?? 'no'} findings`;
} else if (mode !== 'baseline') {
  console.error(`unknown mode ${mode}: use baseline, floor or engine`);
  process.exit(2);
}

// maxRSS is in kibibytes (getrusage).
console.log(JSON.stringify({ mode, maxRssKiB: process.resourceUsage().maxRSS, ok, detail, bytes: text.length }));
