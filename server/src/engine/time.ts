// Durations and calendar dates, as the irplan format writes them (spec section 1).
//
// Durations are `<integer><unit>` with unit one of s m h d w y, and the engine works in
// minutes (fractional for seconds: 90s = 1.5). A `d` is 24 hours, a `w` 7 days, a `y` 365 days:
// fixed lengths, no calendar arithmetic, so `1y` after 2028-01-01 lands on 2028-12-31.
//
// Dates are `YYYY-MM-DD` in the proleptic Gregorian calendar and the engine works in day
// numbers: whole days since 1970-01-01. Day numbers carry no time zone; they are calendar dates.

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1 / 60,
  m: 1,
  h: 60,
  d: 24 * 60,
  w: 7 * 24 * 60,
  y: 365 * 24 * 60,
};

const DURATION = /^([0-9]+)([smhdwy])$/;

/** Minutes in a duration such as `90s`, `15m`, `2h`, `90d`, `1y`; undefined when `text` is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (match === null) return undefined;
  const count = Number(match[1]);
  const unit = MINUTES_PER_UNIT[match[2]!];
  if (unit === undefined || !Number.isFinite(count)) return undefined;
  // Seconds are the only fractional unit: divide rather than multiply by 1/60, so 90s is
  // exactly 1.5 and not 1.5000000000000002.
  return match[2] === 's' ? count / 60 : count * unit;
}

/**
 * A compact human form for messages: 22 → "22m", 90 → "1h30m", 1.5 → "1m30s", 1440 → "1d",
 * 0 → "0m". Days are the largest unit (no weeks or years: "14d" reads better than "2w" next to
 * a computed total); seconds are rounded to the nearest whole second.
 */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) return String(minutes);
  const sign = minutes < 0 ? '-' : '';
  let seconds = Math.round(Math.abs(minutes) * 60);
  if (seconds === 0) return '0m';
  const parts: string[] = [];
  const units: ReadonlyArray<readonly [number, string]> = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  for (const [size, label] of units) {
    const count = Math.floor(seconds / size);
    if (count > 0) {
      parts.push(`${count}${label}`);
      seconds -= count * size;
    }
  }
  return sign + parts.join('');
}

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
 * Used instead of Date.UTC, which maps years 0–99 to 1900–1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = month > 2 ? month - 3 : month + 9; // March = 0
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of daysFromCivil. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * The day number (days since 1970-01-01) of a valid calendar date `YYYY-MM-DD`; undefined for
 * anything else, including impossible dates such as 2026-02-30, 2025-02-29 or month 13.
 */
export function parseDate(text: string): number | undefined {
  const match = DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** `YYYY-MM-DD` for a day number (the fractional part, if any, is dropped). */
export function formatDay(day: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(Math.floor(day));
  const yyyy = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/**
 * The day on which `minutes` after the start of `day` falls: floor((day * 1440 + minutes) / 1440).
 *
 * This backs `stale-review` and `rotation-overdue`: a plan is overdue when
 * `addDurationToDay(last, interval) < today`, strictly. Due today is not overdue (spec section 7:
 * "before today" is strict). An interval shorter than a day therefore falls due on the same day
 * and is overdue from the next day on. See isOverdue.
 */
export function addDurationToDay(day: number, minutes: number): number {
  return Math.floor((day * 1440 + minutes) / 1440);
}

/**
 * True when `day + minutes` is strictly before `today` (all day numbers): the one comparison
 * `stale-review` and `rotation-overdue` make. Due today is not overdue.
 */
export function isOverdue(day: number, minutes: number, today: number): boolean {
  return addDurationToDay(day, minutes) < today;
}

/**
 * Today's day number. This is the machine's LOCAL calendar date, not the UTC one: "today" in a
 * plan means the date on the author's calendar, so a review due on 2026-06-23 is not reported
 * overdue at 20:00 on 2026-06-23 in UTC-5 (when it is already 2026-06-24 in UTC). The CLI's
 * `--today YYYY-MM-DD` overrides this (parse it with parseDate).
 */
export function todayDay(now: Date = new Date()): number {
  return daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
