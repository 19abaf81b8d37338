// What a command may touch of its process: the working folder, the environment and the two
// output streams. main.ts wires the real process; keeping it an interface keeps commands honest
// about what they read.
import * as path from 'node:path';

export interface OutStream {
  write(text: string): void;
  isTTY: boolean;
}

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutStream;
  stderr: OutStream;
}

/** A path as printed: relative to the working folder, with forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || '.';
  return relative.split(path.sep).join('/');
}

/**
 * ANSI colour: when FORCE_COLOR is set (and not 0/false), always; otherwise only on a terminal,
 * and not when NO_COLOR is set (https://no-color.org) or TERM is dumb.
 */
export function colorEnabled(stream: OutStream, env: Io['env']): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY;
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  blue(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
const plain = (text: string) => text;

export function makeStyle(enabled: boolean): Style {
  if (!enabled) return { bold: plain, dim: plain, underline: plain, red: plain, yellow: plain, green: plain, blue: plain };
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    underline: wrap(4, 24),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    blue: wrap(34, 39),
  };
}

/** "1 error", "2 errors". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Pads text (which may hold ANSI escapes) to a visible width. */
export function padEnd(text: string, width: number, visible = text.length): string {
  return visible >= width ? text : text + ' '.repeat(width - visible);
}

export function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}
