import { Command } from 'commander';
import { UsageError } from '../errors/errors.ts';
import type { CliIo } from './cli-io.ts';

// Placeholder until the subcommand lands; replaced by its real implementation.
export function defineOutcomesCommand(_io: CliIo): Command {
  return new Command('outcomes').description('(not yet available)').action(() => {
    throw new UsageError('outcomes is not available yet');
  });
}
