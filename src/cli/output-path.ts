import { Option } from 'commander';
import { UsageError } from '../errors/errors.ts';

/** Where stdout is meant: `-o -` (and input '-' for stdin). */
export const STDIO = '-';

/**
 * Outputs that hold a secret, identifiers or a whole folder never go to stdout, and never to a
 * file named '-' either (which is what a user typing `-o -` did not mean).
 */
export function refuseStdout(value: string | undefined, flag: string, why: string): void {
  if (value === STDIO) throw new UsageError(`${flag} - is not possible here: ${why}; give a file or folder name`);
}

/** `-o/--output` on every command that writes a file or a folder. */
export function outputOption(valueName: string, description: string): Option {
  return new Option(`-o, --output ${valueName}`, description);
}

/** `--out`, kept as a hidden alias of --output (older scripts and guides used it for synth and outcomes). */
export function outAlias(valueName: string): Option {
  const alias = new Option(`--out ${valueName}`, 'alias of --output').hideHelp();
  alias.attributeName = () => 'output';
  return alias;
}
