/**
 * The package's module entry (`import { main } from 'credlink'`): the command line run
 * in-process, for scripts that would otherwise spawn it. The stable interfaces are the command
 * line and the file formats; the capabilities under src/ are not a public API yet.
 */
export { main } from './cli/main.ts';
export type { CliIo } from './cli/cli-io.ts';
export type { Finding } from './errors/finding.ts';
export { DataError, UsageError, exitCodeFor } from './errors/errors.ts';
export { TOOL_VERSION as version } from './version.ts';
