import { Command } from 'commander';
import { UsageError } from '../errors/errors.ts';
import type { CliIo } from './cli-io.ts';

// Placeholder until the subcommand lands; replaced by its real implementation.
export function defineInspectCommand(_io: CliIo): Command {
  return new Command('inspect').description('(not yet available)').action(() => {
    throw new UsageError('inspect is not available yet');
  });
}
