// `irplan init` as a process, in a temporary folder.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertNoStrayConfig, irplan, makeTemp, removeTemp, TODAY } from './helpers';

describe('irplan init', function () {
  this.timeout(20_000);
  let root: string;

  before(() => assertNoStrayConfig());
  beforeEach(() => {
    root = makeTemp();
  });
  afterEach(() => removeTemp(root));

  it('writes a starter plan dated --today into a new folder, which validates clean', () => {
    const r = irplan(['init', 'plans/nhi', '--today', TODAY], root);
    assert.equal(r.status, 0, r.stderr);
    const written = fs.readdirSync(path.join(root, 'plans', 'nhi'));
    assert.equal(written.length, 1);
    const file = written[0];
    assert.match(file, /\.irplan\.ya?ml$/);
    const text = fs.readFileSync(path.join(root, 'plans', 'nhi', file), 'utf8');
    assert.ok(!text.includes('{{TODAY}}'));
    assert.ok(text.includes(TODAY));
    assert.ok(r.stdout.includes(`plans/nhi/${file}`), r.stdout);
    assert.match(r.stdout, /irplan validate plans\/nhi\n$/);

    const check = irplan(['validate', 'plans/nhi', '--today', TODAY], root);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.equal(check.stdout, '');
    const strict = irplan(['validate', 'plans/nhi', '--today', TODAY, '--format', 'json'], root);
    assert.deepEqual(JSON.parse(strict.stdout).summary, { files: 1, errors: 0, warnings: 0, infos: 0 });

    const drills = irplan(['drill', `plans/nhi/${file}`, '--today', TODAY], root);
    assert.equal(drills.status, 0, drills.stdout + drills.stderr);
  });

  it('writes into the working folder by default', () => {
    const r = irplan(['init', '--today', TODAY], root);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readdirSync(root).length, 1);
    assert.match(r.stdout, /irplan validate \.\n$/);
  });

  it('never overwrites: exits 1 naming the file, which is left as it was', () => {
    assert.equal(irplan(['init', '--today', TODAY], root).status, 0);
    const [file] = fs.readdirSync(root);
    fs.writeFileSync(path.join(root, file), 'mine\n');
    const again = irplan(['init', '.', '--today', '2027-01-01'], root);
    assert.equal(again.status, 1);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, new RegExp(`^irplan: ${file.replace(/\./g, '\\.')} already exists`));
    assert.equal(fs.readFileSync(path.join(root, file), 'utf8'), 'mine\n');
  });

  it('uses the machine date without --today', () => {
    const r = irplan(['init'], root);
    assert.equal(r.status, 0, r.stderr);
    const [file] = fs.readdirSync(root);
    assert.match(fs.readFileSync(path.join(root, file), 'utf8'), /last_reviewed: \d{4}-\d{2}-\d{2}/);
  });

  it('exits 2 for two folders, a bad --today, or a folder that is a file', () => {
    assert.equal(irplan(['init', 'a', 'b'], root).status, 2);
    assert.match(irplan(['init', '--today', '26-11-25'], root).stderr, /^irplan: --today must be a real date/);
    fs.writeFileSync(path.join(root, 'taken'), '');
    const r = irplan(['init', 'taken'], root);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^irplan: cannot create the folder taken: /);
  });
});
