// The workspace configuration for a run: `--config FILE`, else the nearest `.irplan.yaml` in the
// working folder or its parents. A configuration with problems stops the run (exit 2) after
// printing them: a typo in CI configuration must not silently change what is checked.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, LineIndex, parseConfig, type RuleConfig } from '../engine';
import { CliFailure, describeFsError } from './errors';
import { FsHost } from './fsHost';
import { colorEnabled, displayPath, plural, type Io } from './io';
import { makeReport, positionFindings } from './report';
import { stylish } from './formatters/stylish';

export interface LoadedConfig {
  config?: RuleConfig;
  /** Absolute path of the file read, if any. */
  file?: string;
}

export function loadConfig(explicit: string | undefined, io: Io): LoadedConfig {
  const file = explicit !== undefined ? path.resolve(io.cwd, explicit) : findConfig(io.cwd);
  if (file === undefined) return {};
  const host = new FsHost();
  const text = host.read(file);
  const shown = displayPath(file, io.cwd);
  if (text === undefined) throw new CliFailure(`cannot read the configuration ${shown}: ${host.failures.get(file) ?? 'unreadable'}`, 2);
  const { config, findings } = parseConfig(file, text);
  if (findings.length > 0) {
    const report = makeReport([{ path: shown, findings: positionFindings(text, new LineIndex(text), findings) }]);
    const details = stylish(report, { cwd: io.cwd, color: colorEnabled(io.stderr, io.env), tty: false });
    throw new CliFailure(
      `the configuration ${shown} has ${plural(findings.length, 'problem')}: fix ${findings.length === 1 ? 'it' : 'them'} (rules: {<rule-id>: off | info | warning | error})`,
      2,
      details,
    );
  }
  return { config, file };
}

/** The nearest `.irplan.yaml` file in `folder` or its parents. */
export function findConfig(folder: string): string | undefined {
  let current = path.resolve(folder);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch (error) {
      // Not there (or not reachable): look further up, unless it exists but cannot be checked.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        throw new CliFailure(`cannot read the configuration ${candidate}: ${describeFsError(error)}`, 2);
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
