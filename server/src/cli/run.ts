// Command dispatch: the command name, help and version, and the one place errors become exit
// codes. Every failure ends as one `irplan: …` line on stderr: no stack traces, ever.
import { didYouMean } from '../engine';
import { version } from '../../../package.json';
import { runCoverage } from './coverage';
import { runDrill } from './drill';
import { CliFailure, UsageError } from './errors';
import { COMMANDS, commandHelp, generalHelp, usageLine, type CommandName } from './help';
import { runInit } from './init';
import type { Io } from './io';
import { runValidate } from './validate';

const RUNNERS: Record<Exclude<CommandName, 'help'>, (argv: readonly string[], io: Io) => number> = {
  validate: runValidate,
  drill: runDrill,
  coverage: runCoverage,
  init: runInit,
};

export function run(argv: readonly string[], io: Io): number {
  try {
    return dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const usage = error.command ? usageLine(error.command) : undefined;
      io.stderr.write(`irplan: ${error.message}\n${usage ? `usage: ${usage}\n` : 'run "irplan --help" for the commands\n'}`);
      return 2;
    }
    if (error instanceof CliFailure) {
      if (error.details) io.stderr.write(error.details);
      io.stderr.write(`irplan: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`irplan: unexpected internal error (${message}); please report it with the command that caused it\n`);
    return 2;
  }
}

function dispatch(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(generalHelp());
    return 2;
  }
  if (command === '--help' || command === '-h') {
    io.stdout.write(generalHelp());
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(generalHelp());
      return 0;
    }
    if (!isCommand(topic)) throw new UsageError(`no command "${topic}"${didYouMean(topic, COMMANDS)}; the commands are ${COMMANDS.join(', ')}`);
    io.stdout.write(commandHelp(topic));
    return 0;
  }
  if (command.startsWith('-')) {
    throw new UsageError(`unknown option "${command}"${didYouMean(command, ['--help', '--version'])}: put options after the command (irplan validate --format json)`);
  }
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}"${didYouMean(command, COMMANDS)}; the commands are ${COMMANDS.join(', ')}`);
  return RUNNERS[command as Exclude<CommandName, 'help'>](rest, io);
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}
