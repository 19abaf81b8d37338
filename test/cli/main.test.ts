// The command line's entry: help, version, no command, unknown commands.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { irplan, REPO } from './helpers';

describe('irplan (entry)', function () {
  this.timeout(20_000);
  const cwd = REPO;
  const version = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

  for (const flag of ['--help', '-h']) {
    it(`${flag} prints the help on stdout`, () => {
      const r = irplan([flag], cwd);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^irplan: incident-response plans/);
      for (const command of ['validate', 'drill', 'init']) assert.match(r.stdout, new RegExp(`irplan ${command} `));
      assert.equal(r.stderr, '');
    });
  }

  for (const flag of ['--version', '-v']) {
    it(`${flag} prints the package version`, () => {
      const r = irplan([flag], cwd);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, `${version}\n`);
    });
  }

  for (const command of ['validate', 'drill', 'init']) {
    it(`help ${command} and ${command} --help print its usage and options`, () => {
      const a = irplan(['help', command], cwd);
      const b = irplan([command, '--help'], cwd);
      assert.equal(a.status, 0);
      assert.equal(b.status, 0);
      assert.equal(a.stdout, b.stdout);
      assert.match(a.stdout, new RegExp(`^Usage: irplan ${command} `));
      assert.match(a.stdout, /Exit status:/);
    });
  }

  it('with no command prints the help on stderr and exits 2', () => {
    const r = irplan([], cwd);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Commands:/);
  });

  it('suggests the command meant', () => {
    const r = irplan(['valdate'], cwd);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^irplan: unknown command "valdate" \(did you mean "validate"\?\); the commands are validate, drill, coverage, init, help\n/);
  });

  it('rejects an option before the command, and help on an unknown command', () => {
    const option = irplan(['--format', 'json'], cwd);
    assert.equal(option.status, 2);
    assert.match(option.stderr, /^irplan: unknown option "--format"/);
    const help = irplan(['help', 'drll'], cwd);
    assert.equal(help.status, 2);
    assert.match(help.stderr, /did you mean "drill"/);
  });
});
