// The manifest must not drift from the code: the irplan.rules setting lists exactly the engine's
// rules with their default levels, every contributed command is in the client's command table,
// and the files the manifest points at exist and ship.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine';
import * as protocol from '../../server/src/protocol';
import { parseYaml } from '../../server/src/engine/yaml/parse';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('has no duplicate key (JSON.parse, and VS Code, would silently keep only the last)', () => {
    // JSON is YAML: the engine's reader reports a duplicate key with its position.
    const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    assert.deepEqual(parseYaml(text).issues.map((i) => i.message), []);
  });

  it('irplan.rules lists exactly the engine rules, in order, with their default severity', () => {
    const rules = manifest.contributes.configuration.properties['irplan.rules'].properties as Record<string, { enum: string[]; markdownDescription: string }>;
    assert.deepEqual(Object.keys(rules), RULES.map((r) => r.id));
    for (const rule of RULES) {
      assert.deepEqual(rules[rule.id].enum, ['off', 'info', 'warning', 'error']);
      assert.match(rules[rule.id].markdownDescription, new RegExp(`Default: \`${rule.defaultSeverity}\``), rule.id);
    }
  });

  it('every contributed command is in the client command table, under the irplan category', () => {
    // The table's keys are string literals or constants of protocol.ts.
    const table = fs.readFileSync(path.join(root, 'client', 'src', 'commands.ts'), 'utf8');
    const constants = Object.entries(protocol).filter(([, v]) => typeof v === 'string') as [string, string][];
    for (const command of manifest.contributes.commands as { command: string; category: string }[]) {
      assert.equal(command.category, 'irplan', command.command);
      const constant = constants.find(([, value]) => value === command.command)?.[0];
      const registered = table.includes(`'${command.command}'`) || (constant !== undefined && table.includes(`[${constant}]`));
      assert.ok(registered, `${command.command} is not in client/src/commands.ts`);
    }
  });

  it('supports the oldest VS Code the end-to-end tests run on (scripts/vscode/install.mjs), and no older', () => {
    const installer = fs.readFileSync(path.join(root, 'scripts', 'vscode', 'install.mjs'), 'utf8');
    const oldestTested = /vscode: '(\d+\.\d+\.\d+)'/.exec(installer)?.[1];
    assert.equal(manifest.engines.vscode, `^${oldestTested}`);
  });

  it('has what people expect of a Marketplace extension: icon, categories, keywords, banner', () => {
    const icon = fs.readFileSync(path.join(root, manifest.icon));
    // A PNG (the Marketplace rejects SVG icons) of 128×128: the IHDR chunk's width and height.
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.ok(manifest.categories.includes('Linters') && manifest.categories.includes('Programming Languages'), JSON.stringify(manifest.categories));
    assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  });

  it('offers a walkthrough of four steps, each with its Markdown, and a welcome in an empty Explorer', () => {
    const [walkthrough] = manifest.contributes.walkthroughs as { id: string; steps: { title: string; description: string; media: { markdown: string } }[] }[];
    assert.deepEqual(walkthrough.steps.map((s) => s.title), ['Write a first plan', 'Fix a finding', 'Run a drill', 'Add the CLI to CI']);
    for (const step of walkthrough.steps) assert.ok(fs.statSync(path.join(root, step.media.markdown)).size > 200, step.media.markdown);
    // Command links in the steps and the welcome name commands that exist (ours, or VS Code's).
    const ours = (manifest.contributes.commands as { command: string }[]).map((c) => c.command);
    const welcome = manifest.contributes.viewsWelcome as { view: string; contents: string }[];
    const links = [...walkthrough.steps.map((s) => s.description), ...welcome.map((w) => w.contents)].join('\n').matchAll(/\(command:([\w.]+)/g);
    for (const [, command] of links) assert.ok(ours.includes(command) || /^workbench\./.test(command), command);
    const explorer = welcome.filter((w) => w.view === 'explorer');
    assert.equal(explorer.length, 1, 'one welcome in the empty Explorer');
    assert.match(explorer[0].contents, /^No incident-response plan yet\.\n\[Create a plan\]\(command:irplan\.newPlan\)/);
    assert.equal(walkthrough.id, 'irplan.gettingStarted', 'the welcome\'s "Learn more" opens it by id');
    assert.ok(explorer[0].contents.includes(encodeURIComponent(`"${manifest.publisher}.${manifest.name}#${walkthrough.id}"`)));
  });

  it('points at files that exist and that .vscodeignore lets into the VSIX', () => {
    const allowed = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!'));
    const files = [
      manifest.main,
      ...manifest.contributes.languages.map((l: { configuration?: string }) => l.configuration).filter(Boolean),
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
      ...manifest.contributes.yamlValidation.map((v: { url: string }) => v.url),
    ].map((p: string) => p.replace(/^\.\//, ''));
    for (const file of files) {
      if (file !== 'dist/client.js') assert.ok(fs.existsSync(path.join(root, file)), `${file} does not exist`);
      const shipped = allowed.some((pattern) => new RegExp(`^${pattern.slice(1).replace(/\./g, '\\.').replace(/\*\*/g, '.*').replace(/(?<!\.)\*/g, '[^/]*')}$`).test(file));
      assert.ok(shipped, `${file} is not allowed by .vscodeignore`);
    }
  });
});
