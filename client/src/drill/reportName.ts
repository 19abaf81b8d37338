// Where an after-action report goes: drills/reports/<drill>-<YYYY-MM-DD>.md in the plan's
// workspace folder, with -2, -3… when that name is taken: a report is never overwritten.

export const REPORTS_FOLDER = ['drills', 'reports'] as const;

/** The local calendar day, YYYY-MM-DD: the date a facilitator would write on the report. */
export function localDay(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * A drill id as a file name: drill ids are `[a-z][a-z0-9-]*`, but a plan with errors can hold
 * anything, and no id may lead the report out of its folder or make a hidden file.
 */
export function safeDrillName(drillId: string): string {
  const name = drillId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return name === '' ? 'drill' : name;
}

/** The n-th candidate name: n = 1 is the plain name, then -2, -3… */
export function reportFileName(drillId: string, day: string, n: number): string {
  return `${safeDrillName(drillId)}-${day}${n > 1 ? `-${n}` : ''}.md`;
}

/** The first candidate name not in `taken` (the folder's entries, compared case-insensitively). */
export function pickReportName(drillId: string, day: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = reportFileName(drillId, day, n);
    if (!lower.has(name.toLowerCase())) return name;
  }
}
