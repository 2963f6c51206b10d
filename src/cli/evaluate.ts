import { Command } from 'commander';
import { UsageError } from '../errors/errors.ts';
import type { CliIo } from './cli-io.ts';

// Placeholder until the subcommand lands; replaced by its real implementation.
export function defineEvaluateCommand(_io: CliIo): Command {
  return new Command('evaluate').description('(not yet available)').action(() => {
    throw new UsageError('evaluate is not available yet');
  });
}
