// Messages from the drill view's webview. A webview is a web page: whatever it posts is checked
// here before the extension uses it. The record inside is only carried to the language server,
// which reads it field by field (engine/drillRecord.ts) before anything is written.

export type ViewMessage = { type: 'record'; record: Record<string, unknown> } | { type: 'save'; record: Record<string, unknown> };

/** The keys a drill record may have (protocol.ts DrillRecord). */
const RECORD_KEYS = new Set(['facilitator', 'participants', 'steps', 'injects', 'objectives', 'strengths', 'areasForImprovement', 'improvementPlan', 'clock']);

/** Far above any record typed by hand during a drill. */
export const MAX_RECORD_CHARS = 1_000_000;

/** The message when it is one the view sends and of the right shape; else undefined. */
export function parseViewMessage(value: unknown): ViewMessage | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if ((value.type !== 'record' && value.type !== 'save') || keys.some((k) => k !== 'type' && k !== 'record')) return undefined;
  const record = value.record;
  if (!isPlainObject(record) || Object.keys(record).some((k) => !RECORD_KEYS.has(k))) return undefined;
  let size: number;
  try {
    size = JSON.stringify(record).length;
  } catch {
    return undefined; // a cycle or a BigInt cannot be a record
  }
  if (size > MAX_RECORD_CHARS) return undefined;
  return { type: value.type, record };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
