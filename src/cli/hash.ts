import { Command } from 'commander';
import { UsageError } from '../errors/errors.ts';
import type { CliIo } from './cli-io.ts';

// Placeholder until the subcommand lands; replaced by its real implementation.
export function defineHashCommand(_io: CliIo): Command {
  return new Command('hash').description('(not yet available)').action(() => {
    throw new UsageError('hash is not available yet');
  });
}
