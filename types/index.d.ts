// Declarations of the module entry (src/index.ts), written by hand because emitting them with tsc
// walks and checks the whole program (every subcommand) at each pack. test/package/index-types.ts
// makes `npm test` fail when the source stops matching them.
import type { Logger } from 'pino';

/** What a subcommand may touch of the process; pass your own to run the CLI in memory. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  logger: Logger;
  /** Progress bars are drawn only when stderr is a terminal. */
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Runs the command line (argv as process.argv: node, script, subcommand, ...) and returns the exit code: 0 ok, 1 data or run failure, 2 usage. */
export function main(argv: string[], io?: CliIo): Promise<number>;

/** Wrong flags, missing files, unknown keys in a job: exit code 2. */
export class UsageError extends Error {}

/** A finding about data: a code (tests assert it), where, and never a secret or an identifier. */
export interface Finding {
  code: string;
  file?: string;
  line?: number;
  field?: string;
  column?: string;
  value?: string;
  detail?: string;
}

/** The data (or a config file) is wrong in a way the user can fix: exit code 1. */
export class DataError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding | Finding[], message?: string);
}

export function exitCodeFor(error: unknown): number;

/** The package version, as `credlink --version` prints it. */
export const version: string;
