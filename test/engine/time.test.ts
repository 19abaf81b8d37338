import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDurationToDay,
  formatDay,
  formatMinutes,
  isOverdue,
  parseDate,
  parseDuration,
  todayDay,
} from '../../server/src/engine/time';

describe('time', () => {
  describe('parseDuration', () => {
    const valid: Array<[string, number]> = [
      ['90s', 1.5],
      ['30s', 0.5],
      ['0s', 0],
      ['0m', 0],
      ['15m', 15],
      ['2h', 120],
      ['1d', 1440],
      ['90d', 90 * 1440],
      ['1w', 7 * 1440],
      ['1y', 365 * 1440],
      ['015m', 15],
    ];
    for (const [text, minutes] of valid) {
      it(`${text} is ${minutes} minutes`, () => assert.equal(parseDuration(text), minutes));
    }

    const invalid = ['', '15', 'm', '15 m', ' 15m', '15m ', '1.5h', '-5m', '15M', '15min', '1mo', '2h30m', 'PT15M', '1e3m'];
    for (const text of invalid) {
      it(`rejects ${JSON.stringify(text)}`, () => assert.equal(parseDuration(text), undefined));
    }
  });

  describe('formatMinutes', () => {
    const cases: Array<[number, string]> = [
      [0, '0m'],
      [22, '22m'],
      [90, '1h30m'],
      [1.5, '1m30s'],
      [0.5, '30s'],
      [60, '1h'],
      [1440, '1d'],
      [1440 + 61, '1d1h1m'],
      [90 * 1440, '90d'],
      [-15, '-15m'],
    ];
    for (const [minutes, text] of cases) {
      it(`${minutes} → ${text}`, () => assert.equal(formatMinutes(minutes), text));
    }

    it('round-trips through parseDuration for single-unit values', () => {
      for (const text of ['45s', '15m', '2h', '3d']) {
        assert.equal(formatMinutes(parseDuration(text)!), text);
      }
    });
  });

  describe('parseDate and formatDay', () => {
    it('counts days from 1970-01-01', () => {
      assert.equal(parseDate('1970-01-01'), 0);
      assert.equal(parseDate('1970-01-02'), 1);
      assert.equal(parseDate('1969-12-31'), -1);
      assert.equal(parseDate('2000-03-01'), 11_017);
      assert.equal(parseDate('2026-06-23'), Date.UTC(2026, 5, 23) / 86_400_000);
    });

    it('accepts leap days only in leap years', () => {
      assert.notEqual(parseDate('2024-02-29'), undefined);
      assert.notEqual(parseDate('2000-02-29'), undefined);
      assert.equal(parseDate('2025-02-29'), undefined);
      assert.equal(parseDate('1900-02-29'), undefined);
    });

    const invalid = ['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-1-5', '26-01-05', '2026/01/05', '2026-01-05T00:00:00Z', '', 'today'];
    for (const text of invalid) {
      it(`rejects ${JSON.stringify(text)}`, () => assert.equal(parseDate(text), undefined));
    }

    it('formats day numbers as YYYY-MM-DD', () => {
      assert.equal(formatDay(0), '1970-01-01');
      assert.equal(formatDay(-1), '1969-12-31');
      assert.equal(formatDay(parseDate('2026-06-23')!), '2026-06-23');
      assert.equal(formatDay(parseDate('0001-01-01')!), '0001-01-01');
    });

    it('agrees with Date.UTC and round-trips for every day from 1600 to 2400', () => {
      fc.assert(
        fc.property(fc.integer({ min: -135_000, max: 157_000 }), (day) => {
          const text = formatDay(day);
          assert.equal(parseDate(text), day);
          assert.equal(text, new Date(day * 86_400_000).toISOString().slice(0, 10));
        }),
      );
    });
  });

  describe('addDurationToDay and isOverdue', () => {
    const reviewed = parseDate('2026-03-25')!;

    it('adds whole days', () => {
      assert.equal(formatDay(addDurationToDay(reviewed, parseDuration('90d')!)), '2026-06-23');
      assert.equal(formatDay(addDurationToDay(reviewed, parseDuration('1w')!)), '2026-04-01');
      assert.equal(formatDay(addDurationToDay(parseDate('2028-01-01')!, parseDuration('1y')!)), '2028-12-31');
    });

    it('floors partial days', () => {
      assert.equal(addDurationToDay(reviewed, parseDuration('12h')!), reviewed);
      assert.equal(addDurationToDay(reviewed, parseDuration('36h')!), reviewed + 1);
    });

    it('due today is not overdue; the day after is', () => {
      const interval = parseDuration('90d')!;
      assert.equal(isOverdue(reviewed, interval, parseDate('2026-06-22')!), false);
      assert.equal(isOverdue(reviewed, interval, parseDate('2026-06-23')!), false);
      assert.equal(isOverdue(reviewed, interval, parseDate('2026-06-24')!), true);
    });
  });

  describe('todayDay', () => {
    it('is the local calendar date of the given moment', () => {
      assert.equal(todayDay(new Date(2026, 5, 23, 0, 0, 1)), parseDate('2026-06-23'));
      assert.equal(todayDay(new Date(2026, 5, 23, 23, 59, 59)), parseDate('2026-06-23'));
      assert.equal(todayDay(new Date(2024, 1, 29, 12)), parseDate('2024-02-29'));
    });

    it('defaults to now', () => {
      const now = new Date();
      const day = todayDay();
      // Allow for the test running across midnight.
      assert.ok(day === todayDay(now) || day === todayDay(now) + 1);
    });
  });
});
