// Every value a message quotes goes through here: long values are shortened, and a value that
// looks like a secret is never repeated (a finding may be printed in CI logs, SARIF uploads and
// editor hovers, all places a leaked credential must not travel further).
import { findSecret } from './secrets';

const MAX_QUOTED = 60;

export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const secret = findSecret(text);
  if (secret) return `[a redacted ${secret.kind}]`;
  const oneLine = text.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED - 1)}…` : oneLine);
}
