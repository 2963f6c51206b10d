import { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors/errors.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy.ts';
import { loadConfig } from '../io/config-file.ts';
import { openCsv } from '../io/csv-rows.ts';
import { createRowNormalizer, mappedFields } from '../normalize/normalize-row.ts';
import { QualityProfileBuilder } from '../normalize/quality-profile.ts';
import { nameSkewOf } from '../readiness/name-skew.ts';
import { estimateReadiness, type ReadinessEstimate, type RosterProfile } from '../readiness/readiness-estimate.ts';
import { formatReadiness } from '../readiness/format-readiness.ts';
import { DEFAULT_SCHEMA } from '../schema/default-schema.ts';
import type { NormalizedRecord } from '../schema/field-names.ts';
import { linkageSchemaSchema } from '../schema/linkage-schema.ts';
import { sourceMappingSchema } from '../schema/source-mapping.ts';
import type { CliIo } from './cli-io.ts';
import { createProgress } from '../io/progress.ts';

export interface ReadinessOptions {
  roster: string;
  mapping: string;
  schema?: string;
  persons: string;
  seed: string;
  json?: boolean;
}

export function defineReadinessCommand(io: CliIo): Command {
  return new Command('readiness')
    .description('Estimate, on the issuer\'s own machine, how many holders would link to wage and education records, and which added field helps most')
    .argument('<roster>', 'the roster CSV')
    .requiredOption('--mapping <file>', "the roster's mapping (JSON)")
    .option('--schema <file>', 'the linkage schema (default: the built-in schema)')
    .option('--persons <n>', 'size of the simulated population', '2000')
    .option('--seed <n>', 'seed of the simulated population', '1')
    .option('--json', 'print the estimate as JSON')
    .addHelpText('after', `
Reads the roster only to profile it (which fields, how complete, how common the names are);
nothing leaves the machine and no secret is needed (a random key is made and dropped in memory).
Then it simulates linkage with the same field availability: a synthetic population, a roster
rendered like yours, education (name + birth date) and wage records (SSN + name, through a
spine with SSN, name, birth date and ZIP), the real encoder and linker, scored against the
synthetic truth. It repeats the run once per field you could add. See docs/readiness.md.

Example:
  credlink readiness --mapping mappings/techcert.json techcert.csv
  credlink readiness --mapping roster.mapping.json --schema schema.json --json roster.csv`)
    .action(async (roster: string, options: Omit<ReadinessOptions, 'roster'>) => {
      await runReadiness({ ...options, roster }, io);
    });
}

/** Independent random keys the simulation is repeated with; the median is robust to one failed fit. */
const KEY_REPLICATES = 3;

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  return value;
}

/** Completeness per field, name skew and credential codes: the only things read from the roster. */
export async function profileRoster(path: string, mappingPath: string, io: CliIo): Promise<RosterProfile> {
  const mapping = await loadConfig(mappingPath, sourceMappingSchema);
  const csv = await openCsv(path, { delimiter: mapping.delimiter, stdin: io.stdin });
  const progress = createProgress(io, `readiness: profiling ${csv.file}`);
  const normalize = createRowNormalizer(mapping, csv.header, csv.file);
  const builder = new QualityProfileBuilder(mappedFields(mapping), Object.keys(mapping.payload));
  const names: NormalizedRecord[] = [];
  const seen = new Set<string>();
  const credentials = new Set<string>();
  for await (const row of csv.rows) {
    progress.update(row.line, 'lines');
    if (row.problem) {
      builder.addRejected(row.problem);
      continue;
    }
    const normalized = normalize(row.fields, row.line);
    builder.addRow(normalized, row.line);
    if (normalized.rejected || normalized.personId === undefined) continue;
    // Skew is about people: a candidate's retakes must not count as a common name.
    if (!seen.has(normalized.personId)) names.push({ first_name: normalized.record.first_name, last_name: normalized.record.last_name });
    seen.add(normalized.personId);
    const code = normalized.payload.credential;
    if (typeof code === 'string') credentials.add(code);
  }
  const profile = builder.finish();
  const completeness = Object.fromEntries(Object.entries(profile.fields).map(([field, q]) => [field, q.completeness]));
  return { rows: profile.rows.out, completeness, nameSkew: nameSkewOf(names), credentials: [...credentials].sort() };
}

export async function runReadiness(options: ReadinessOptions, io: CliIo): Promise<ReadinessEstimate> {
  const persons = integer('--persons', options.persons, 200, 50_000);
  const seed = integer('--seed', options.seed, 0, 2 ** 32 - 1);
  const schema = options.schema ? await loadConfig(options.schema, linkageSchemaSchema) : DEFAULT_SCHEMA;
  const profile = await profileRoster(options.roster, options.mapping, io);
  if (profile.rows === 0) throw new UsageError(`${options.roster} has no usable rows to profile`);
  const secrets = Array.from({ length: KEY_REPLICATES }, () => new Uint8Array(randomBytes(32)));
  const progress = createProgress(io, 'readiness');
  const onProgress = (done: number, total: number) => (done === 0 ? progress.stage('readiness: simulated linkages', total) : progress.update(done));
  const estimate = estimateReadiness(profile, { persons, seed, secrets, schema, today: new Date().toISOString().slice(0, 10), onProgress });
  progress.finish();
  for (const secret of secrets) secret.fill(0);
  if (options.json) io.stdout.write(`${JSON.stringify({ roster: options.roster, rows: profile.rows, completeness: profile.completeness, policy: DEFAULT_DISCLOSURE_POLICY, ...estimate }, null, 2)}\n`);
  else io.stdout.write(formatReadiness(estimate, options.roster, profile.rows, DEFAULT_DISCLOSURE_POLICY));
  return estimate;
}
