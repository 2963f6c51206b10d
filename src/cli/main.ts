import { Command, CommanderError } from 'commander';
import { DataError, UsageError, exitCodeFor } from '../errors/errors.ts';
import { scrubSecrets } from '../errors/redact.ts';
import { createLogger } from '../io/logger.ts';
import { installSignalCleanup, removeLivePartials } from '../io/partial-outputs.ts';
import { writeFailure } from '../io/write-failure.ts';
import { TOOL_VERSION } from '../version.ts';
import type { CliIo } from './cli-io.ts';
import { listedTerm, loadCommands } from './commands.ts';

function defaultIo(): CliIo {
  installSignalCleanup();
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    logger: createLogger(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

export async function buildProgram(io: CliIo, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('credlink')
    .description('Privacy-preserving record linkage of credential outcomes')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ subcommandTerm: listedTerm })
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  for (const define of await loadCommands(argv)) program.addCommand(define(io).exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) }));
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 data or run failure, 2 usage. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  // A closed pipe downstream (credlink ... | head) ends the run quietly.
  io.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    // Data on stdout cannot be taken back (hash -o - > file on a full disk): say so, remove what else was begun.
    removeLivePartials();
    io.stderr.write(`credlink: ${writeFailure(error, '-').message}\n`);
    process.exit(1);
  });
  try {
    await (await buildProgram(io, argv)).parseAsync(argv);
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
    return 2;
  }
  // Last line of defence: nothing shaped like a key reaches the terminal, whatever built the message.
  if (error instanceof UsageError) io.stderr.write(scrubSecrets(`credlink: ${error.message}\n`));
  else if (error instanceof DataError) io.stderr.write(scrubSecrets(`credlink: ${error.message}\n`));
  else io.stderr.write(scrubSecrets(`credlink: internal error: ${(error as Error)?.stack ?? String(error)}\nThis is a bug; please report it with the command you ran (never the data or the secret).\n`));
  return exitCodeFor(error);
}
