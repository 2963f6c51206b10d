import { Command } from 'commander';
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors/errors.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { INIT_ROLES, scaffoldFiles, type InitRole } from '../init-templates/scaffold.ts';
import type { CliIo } from './cli-io.ts';
import { refuseStdout } from './output-path.ts';

export interface InitOptions {
  role: string;
  dir: string;
  json?: boolean;
}

export function defineInitCommand(io: CliIo): Command {
  return new Command('init')
    .description('Create a working folder for a data holder or the linker, with example files and next steps')
    .argument('<role>', `who works in the folder: ${INIT_ROLES.join(', ')}`)
    .argument('<dir>', 'folder to create (must be absent or empty)')
    .option('--json', 'print {role, dir, files} as JSON')
    .addHelpText(
      'after',
      `
Data holders (issuer, education, wages, spine) get schema.json, an example mapping.json with
mapping.md explaining each key, and a README of the next commands. The linker gets job.json,
outcomes.json and an extracts/ folder.

Example:
  $ credlink init issuer nursing-board
  $ credlink init linker study`,
    )
    .action(async (role: string, dir: string, flags: { json?: boolean }) => runInit({ role, dir, json: flags.json }, io));
}

async function assertEmptyOrAbsent(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new UsageError(`${dir} is a file, not a folder`);
    throw error;
  }
  if (entries.length > 0) throw new UsageError(`${dir} is not empty; choose a new folder (init never overwrites files)`);
}

export async function runInit(options: InitOptions, io: CliIo): Promise<void> {
  if (!(INIT_ROLES as readonly string[]).includes(options.role)) {
    throw new UsageError(`unknown role "${options.role}"; use one of ${INIT_ROLES.join(', ')}`);
  }
  refuseStdout(options.dir, 'the folder', 'init creates a folder of files');
  await assertEmptyOrAbsent(options.dir);
  const files = scaffoldFiles(options.role as InitRole);
  for (const file of files) {
    const target = join(options.dir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, file.content);
  }
  const created = files.filter((f) => !f.path.endsWith('.keep')).map((f) => join(options.dir, f.path));
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ role: options.role, dir: options.dir, files: created, next: join(options.dir, 'README.md') }, null, 2)}\n`);
    return;
  }
  const listed = created.map((file) => `  ${file}\n`);
  io.stdout.write(`created ${options.role} folder ${options.dir}:\n${listed.join('')}next: read ${join(options.dir, 'README.md')}\n`);
}
