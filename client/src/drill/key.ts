// A drill view's key: its plan and drill. The view keeps it in its state, so the view restored
// after a window reload knows which drill it shows, and a kept state is never another drill's.

export function drillKey(uri: string, drillId: string): string {
  return JSON.stringify([uri, drillId]);
}

export function parseDrillKey(key: unknown): { uri: string; drillId: string } | undefined {
  try {
    const parsed = typeof key === 'string' ? (JSON.parse(key) as unknown) : undefined;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') return { uri: parsed[0], drillId: parsed[1] };
  } catch {
    // not a key of ours
  }
  return undefined;
}
