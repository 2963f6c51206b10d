import { Command } from 'commander';
import { UsageError } from '../errors/errors.ts';
import type { CliIo } from './cli-io.ts';

// Placeholder until the subcommand lands; replaced by its real implementation.
export function defineKeygenCommand(_io: CliIo): Command {
  return new Command('keygen').description('(not yet available)').action(() => {
    throw new UsageError('keygen is not available yet');
  });
}
