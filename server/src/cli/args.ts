// A small argument parser: `--opt value`, `--opt=value`, boolean flags, a few short aliases and
// `--` to end the options. Unknown options are usage errors with a "did you mean" hint.
import { didYouMean } from '../engine';
import { UsageError } from './errors';

export interface OptionSpec {
  /** Long name without the dashes: `format`. */
  name: string;
  /** One-letter alias without the dash: `h`. */
  short?: string;
  /** True for options that take a value (`--format json`); false for flags (`--help`). */
  value: boolean;
  /** The value's placeholder in messages: `stylish|json|sarif|junit|github`. */
  placeholder?: string;
}

export interface ParsedArgs {
  /** Option values by long name; a flag that is present maps to true. The last occurrence wins. */
  options: Map<string, string | true>;
  positionals: string[];
}

export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', value: false };

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const options = new Map<string, string | true>();
  const positionals: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const spec = byLong.get(name);
      if (!spec) {
        throw new UsageError(`unknown option "--${name}"${didYouMean(`--${name}`, specs.map((s) => `--${s.name}`))} for irplan ${command}`, command);
      }
      if (!spec.value) {
        if (eq >= 0) throw new UsageError(`option --${name} takes no value`, command);
        options.set(name, true);
        continue;
      }
      if (eq >= 0) {
        options.set(name, arg.slice(eq + 1));
        continue;
      }
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`option --${name} needs a value: --${name} ${spec.placeholder ?? 'VALUE'}`, command);
      }
      options.set(name, next);
      i++;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const spec = byShort.get(arg.slice(1));
      if (!spec || spec.value) {
        throw new UsageError(`unknown option "${arg}"${didYouMean(arg, [...byShort.keys()].map((k) => `-${k}`))} for irplan ${command}`, command);
      }
      options.set(spec.name, true);
      continue;
    }
    positionals.push(arg);
  }
  return { options, positionals };
}

/** The value of an option that takes one (parseArgs never stores true for those). */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** A value from a fixed set, or a usage error listing the set. */
export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T, command: string): T {
  const value = optionValue(args, name);
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"${didYouMean(value, allowed)}`, command);
}
