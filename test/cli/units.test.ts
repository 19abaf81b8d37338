// In-process checks of the CLI's small pure pieces: the argument parser and output escaping.
import assert from 'node:assert/strict';
import { parseArgs, type OptionSpec } from '../../server/src/cli/args';
import { UsageError } from '../../server/src/cli/errors';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { xml } from '../../server/src/cli/formatters/junit';

describe('cli units', () => {
  describe('parseArgs', () => {
    const specs: OptionSpec[] = [
      { name: 'format', value: true },
      { name: 'help', short: 'h', value: false },
    ];

    it('reads --opt value, --opt=value, flags, short flags and positionals', () => {
      const a = parseArgs(['x', '--format', 'json', 'y', '-h'], specs, 'validate');
      assert.deepEqual([...a.options], [['format', 'json'], ['help', true]]);
      assert.deepEqual(a.positionals, ['x', 'y']);
      const b = parseArgs(['--format=a=b', '--format=', 'z'], specs, 'validate');
      assert.equal(b.options.get('format'), '');
      assert.deepEqual(b.positionals, ['z']);
    });

    it('treats everything after -- as positionals', () => {
      const a = parseArgs(['--', '--format', '-h'], specs, 'validate');
      assert.deepEqual(a.positionals, ['--format', '-h']);
      assert.equal(a.options.size, 0);
    });

    it('rejects unknown options, missing values and values for flags', () => {
      assert.throws(() => parseArgs(['--formt', 'x'], specs, 'validate'), (e: unknown) => e instanceof UsageError && /did you mean "--format"/.test(e.message));
      assert.throws(() => parseArgs(['--format'], specs, 'validate'), /needs a value/);
      assert.throws(() => parseArgs(['--format', '--help'], specs, 'validate'), /needs a value/);
      assert.throws(() => parseArgs(['--help=1'], specs, 'validate'), /takes no value/);
      assert.throws(() => parseArgs(['-x'], specs, 'validate'), /unknown option "-x"/);
    });

    it('keeps a lone dash as a positional', () => {
      assert.deepEqual(parseArgs(['-'], specs, 'validate').positionals, ['-']);
    });
  });

  describe('escaping', () => {
    it('escapes GitHub workflow command data and properties', () => {
      assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
      assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    });

    it('escapes XML and drops characters XML 1.0 cannot hold', () => {
      assert.equal(xml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
      assert.equal(xml('a\u0000b\u0007c\ufffed\ud800e🔑'), 'abcde🔑');
      assert.equal(xml('line\nbreak'), 'line&#10;break');
    });
  });
});
