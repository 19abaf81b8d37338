// How the drill view writes drill time: moments as a drill clock reads ("T+12:30", minutes and
// seconds from the first inject), spans in minutes ("10 min"). Pure: used by the extension and by
// the view's script in the browser.

/** A moment on the drill clock: T+mm:ss, or T+h:mm:ss from the first hour on. */
export function clockText(minutes: number): string {
  const total = Math.max(0, Math.round(minutes * 60));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `T+${h}:${two(m)}:${two(s)}` : `T+${two(m)}:${two(s)}`;
}

/** A span of drill time: "10 min", "1.5 min". */
export function spanText(minutes: number): string {
  const rounded = Math.round(minutes * 10) / 10;
  return `${rounded} min`;
}

/** Minutes rounded to whole seconds, as the facilitator's records keep them. */
export function toSeconds(minutes: number): number {
  return Math.round(minutes * 60) / 60;
}

/**
 * A moment the facilitator typed: minutes (`12`, `12.5`), `mm:ss` or `h:mm:ss`, with or without
 * `T+`; undefined for anything else (including negatives and seconds past 59).
 */
export function parseClock(text: string): number | undefined {
  const t = text.trim().replace(/^T\+/i, '');
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?(\d+):(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (s > 59 || (m[1] !== undefined && min > 59)) return undefined;
  return h * 60 + min + s / 60;
}
