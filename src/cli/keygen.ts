import { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { link, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors/errors.ts';
import { OWNER_ONLY } from '../io/atomic-write.ts';
import { keyCheckValue, SECRET_BYTES } from '../encode/key-derivation.ts';
import type { CliIo } from './cli-io.ts';
import { outAlias, outputOption, refuseStdout } from './output-path.ts';

export interface KeygenOptions {
  output?: string;
  json?: boolean;
}

const HELP_AFTER = `
Creates the project secret: 32 random bytes, written as 64 hex characters to a file only its owner
can read. Every data holder of a project encodes with the same secret; the linker never gets it.
Share it out of band (in person, or encrypted to each holder), never by e-mail in the clear.

The command prints only the key check value: 12 hex characters that each holder compares (by
phone, in the project plan) to confirm they hold the same secret without revealing it. Extracts
record it, and credlink inspect refuses to call two extracts linkable when theirs differ.

It never overwrites a file: an old secret lost is every extract made with it lost.

Examples:
  credlink keygen -o project.key
  credlink keygen -o project.key --json
`;

export function defineKeygenCommand(io: CliIo): Command {
  return new Command('keygen')
    .description('create the project secret (32 random bytes) in a new owner-only file')
    .addOption(outputOption('<file>', 'the key file to create (must not exist)'))
    .addOption(outAlias('<file>'))
    .option('--json', 'print {"file","keyCheckValue"} as JSON')
    .addHelpText('after', HELP_AFTER)
    .action(async (options: KeygenOptions) => {
      await runKeygen(options, io);
    });
}

/** Writes beside the target, then links it into place: link() fails if the target exists, so nothing is ever replaced. */
async function createExclusive(target: string, data: string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temp, data, { mode: OWNER_ONLY, flag: 'wx' });
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${target} already exists; credlink keygen never overwrites a key (remove it yourself if it is truly unused)`);
    throw new UsageError(`cannot create ${target}: ${code ?? (error as Error).message}`);
  } finally {
    await rm(temp, { force: true });
  }
}

export async function runKeygen(options: KeygenOptions, io: CliIo): Promise<void> {
  if (!options.output) throw new UsageError('keygen needs -o FILE: the secret is written to a file, never to the terminal');
  refuseStdout(options.output, '-o', 'the secret is written only to a new owner-only file, never to stdout');
  const secret = new Uint8Array(randomBytes(SECRET_BYTES));
  const hex = Buffer.from(secret).toString('hex');
  await createExclusive(options.output, `${hex}\n`);
  const check = keyCheckValue(secret);
  secret.fill(0);
  if (options.json) io.stdout.write(`${JSON.stringify({ file: options.output, keyCheckValue: check })}\n`);
  else io.stdout.write(`wrote ${options.output} (owner-only)\nkey check value: ${check}\n`);
  io.logger.debug({ file: options.output }, 'keygen finished');
}
