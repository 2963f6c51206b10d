import type { Logger } from '../io/logger.ts';

/** What a subcommand may touch of the process: injected so that tests can drive it in memory. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  logger: Logger;
  /** Progress bars are drawn only when stderr is a terminal. */
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** --quiet: no progress and no summary on stderr; only errors are logged. */
  quiet?: boolean;
}
