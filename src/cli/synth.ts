import { Command } from 'commander';
import { UsageError } from '../errors/errors.ts';
import type { CliIo } from './cli-io.ts';

// Placeholder until the subcommand lands; replaced by its real implementation.
export function defineSynthCommand(_io: CliIo): Command {
  return new Command('synth').description('(not yet available)').action(() => {
    throw new UsageError('synth is not available yet');
  });
}
