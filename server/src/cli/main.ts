// The `irplan` command line, bundled to dist/cli.js (bin/irplan.js loads it): wires the real
// process to run() and sets the exit code.
import type { Io } from './io';
import { run } from './run';

function main(): void {
  // A reader that goes away (`irplan validate | head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
  };
  process.exitCode = run(process.argv.slice(2), io);
}

main();
