import { Command, Option } from 'commander';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors/errors.ts';
import { openAtomic, writeFileAtomic, OWNER_ONLY, type AtomicFile } from '../io/atomic-write.ts';
import { loadConfig } from '../io/config-file.ts';
import { csvLine } from '../synth/formatting.ts';
import { HEADERS, TRUTH_EXAMS_HEADER, TRUTH_PEOPLE_HEADER, TRUTH_PERSONS_HEADER } from '../synth/layouts.ts';
import {
  CORRUPTION_LEVELS, resolveCorruption, resolveWorld, SOURCES, synthConfigFileSchema, type CorruptionLevel, type SynthOptions,
} from '../synth/synth-config.ts';
import { staticWorldFiles } from '../synth/world-files.ts';
import { MAX_PERSONS, SyntheticWorld, type WorldFile } from '../synth/world.ts';
import type { WorldSummary } from '../synth/world-stats.ts';
import type { CliIo } from './cli-io.ts';

export interface SynthCommandOptions {
  persons: string;
  seed: string;
  out: string;
  startYear: string;
  years: string;
  corruption: CorruptionLevel;
  config?: string;
  force?: boolean;
  json?: boolean;
}

const FILE_PATHS: Record<WorldFile, string> = {
  techcert: 'techcert.csv', nurseboard: 'nurseboard.csv', tradecert: 'tradecert.csv', education: 'education.csv',
  wages: 'wages.csv', spine: 'spine.csv', truthPersons: 'truth/persons.csv', truthPeople: 'truth/people.csv', truthExams: 'truth/exams.csv',
};
const FILE_HEADERS: Record<WorldFile, string[]> = { ...HEADERS, truthPersons: TRUTH_PERSONS_HEADER, truthPeople: TRUTH_PEOPLE_HEADER, truthExams: TRUTH_EXAMS_HEADER };
const FLUSH_BYTES = 1 << 16;

export function defineSynthCommand(io: CliIo): Command {
  return new Command('synth')
    .description('Write a synthetic world: certification rosters, education records, UI wages, a spine, and the truth behind them')
    .requiredOption('--persons <n>', 'number of persons (1 to 10,000,000)')
    .option('--seed <n>', 'seed; the same seed and options give the same bytes', '1')
    .requiredOption('-o, --out <dir>', 'folder to write the world into (created; must be empty unless --force)')
    .option('--start-year <year>', 'first calendar year of the window', '2018')
    .option('--years <n>', 'length of the window in years', '6')
    .addOption(new Option('--corruption <level>', 'identifier corruption: scales every default rate by 0.5, 1 or 2').choices(Object.keys(CORRUPTION_LEVELS)).default('default'))
    .option('--config <file>', 'JSON with "world" knobs and per-source "corruption" rates overriding the level (docs/synthetic-data.md)')
    .option('--force', 'write into a folder that is not empty')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', `
Writes DIR/{techcert,nurseboard,tradecert,education,wages,spine}.csv, employers.csv, catalog.json,
schema.json, mappings/<source>.json (ready for credlink hash), and DIR/truth/ (persons.csv,
people.csv, exams.csv, effects.json, summary.json). Rows are generated person by person, so
memory stays flat for millions of persons.

Example:
  $ credlink synth --persons 3000 --seed 42 -o world
  $ credlink synth --persons 100000 --seed 7 --years 8 --corruption high -o big --json`)
    .action(async (options: SynthCommandOptions) => {
      await runSynth(options, io);
    });
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  return value;
}

async function resolveOptions(options: SynthCommandOptions): Promise<SynthOptions> {
  const file = options.config ? await loadConfig(options.config, synthConfigFileSchema) : { world: {}, corruption: {} };
  return {
    persons: integer('--persons', options.persons, 1, MAX_PERSONS),
    seed: integer('--seed', options.seed, 0, 2 ** 32 - 1),
    startYear: integer('--start-year', options.startYear, 1990, 2100),
    years: integer('--years', options.years, 1, 30),
    world: resolveWorld(file.world),
    corruption: resolveCorruption(options.corruption, file.corruption),
  };
}

async function prepareFolder(dir: string, force: boolean): Promise<void> {
  const existing = await readdir(dir).catch(() => undefined);
  if (existing && existing.length > 0 && !force) throw new UsageError(`${dir} is not empty; choose another folder or pass --force`);
  // Owner-only like every folder credlink fills with identifiers: synthetic ones look real in a listing.
  await mkdir(join(dir, 'truth'), { recursive: true, mode: 0o700 });
  await mkdir(join(dir, 'mappings'), { recursive: true, mode: 0o700 });
}

export async function runSynth(options: SynthCommandOptions, io: CliIo): Promise<WorldSummary> {
  const synthOptions = await resolveOptions(options);
  await prepareFolder(options.out, Boolean(options.force));
  const world = new SyntheticWorld(synthOptions);
  const files = new Map<WorldFile, { file: AtomicFile; pending: string }>();
  for (const [key, path] of Object.entries(FILE_PATHS) as Array<[WorldFile, string]>) {
    files.set(key, { file: openAtomic(join(options.out, path), OWNER_ONLY), pending: csvLine(FILE_HEADERS[key]) });
  }
  const flush = async (entry: { file: AtomicFile; pending: string }) => {
    const chunk = entry.pending;
    entry.pending = '';
    if (!entry.file.stream.write(chunk)) await entry.file.drained();
  };
  try {
    for (const batch of world.lines()) {
      for (const { file, line } of batch) {
        const entry = files.get(file)!;
        entry.pending += line;
        if (entry.pending.length > FLUSH_BYTES) await flush(entry);
      }
    }
    for (const entry of files.values()) {
      await flush(entry);
      await entry.file.commit();
    }
  } catch (error) {
    await Promise.all([...files.values()].map((entry) => entry.file.abort()));
    throw error;
  }
  const summary = world.summary();
  for (const [path, content] of Object.entries(staticWorldFiles(synthOptions, world.pool))) {
    await writeFileAtomic(join(options.out, path), content, path.startsWith('truth/') ? OWNER_ONLY : 0o644);
  }
  await writeFileAtomic(join(options.out, 'truth/summary.json'), `${JSON.stringify(summary, null, 2)}\n`, OWNER_ONLY);
  io.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : describe(summary, options.out));
  return summary;
}

function describe(summary: WorldSummary, dir: string): string {
  const lines = [`wrote ${dir}: ${summary.persons} persons, ${summary.years} years from ${summary.startYear}, ${summary.employers} employers`];
  for (const source of SOURCES) {
    const s = summary.sources[source];
    const miss = s.exactNameDobMissRate === null ? '' : `, exact name+dob misses ${(s.exactNameDobMissRate * 100).toFixed(1)}% of links to the spine`;
    lines.push(`  ${source.padEnd(10)} ${String(s.rows).padStart(9)} rows, ${s.localIds} local ids, ${s.persons} persons${miss}`);
  }
  return `${lines.join('\n')}\n`;
}
