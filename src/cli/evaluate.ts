import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, UsageError } from '../errors/errors.ts';
import { createEncoder } from '../encode/encoder.ts';
import { loadConfig, parseJson } from '../io/config-file.ts';
import { writeStagedFolder } from '../io/output-target.ts';
import { openCsv } from '../io/csv-rows.ts';
import { readSecretFile } from '../io/secret-file.ts';
import { bestThresholds, formatEvaluation, type Evaluation, type SweepRow } from '../link/evaluation-report.ts';
import { linkageTableRows } from '../io/linkage-lines.ts';
import { candidateRow, clusterRow, type ClusterRow } from '../link/linkage-files.ts';
import { allPairQuality, qualityByRole, qualityThroughSpine, type LabelledRecords } from '../link/linkage-quality.ts';
import type { LinkageSummary } from '../link/linkage-summary.ts';
import { CANDIDATES_HEADER, CLUSTERS_HEADER } from '../link/linkage-tables.ts';
import { candidateRecallCeiling, qualityAt, SweepBuilder, type Sweep, type SweepSource } from '../link/threshold-sweep.ts';
import { DEFAULT_SCHEMA } from '../schema/default-schema.ts';
import { schemaFingerprint } from '../schema/fingerprint.ts';
import { linkageSchemaSchema, type LinkageSchema } from '../schema/linkage-schema.ts';
import type { CliIo } from './cli-io.ts';
import { refuseStdout } from './output-path.ts';
import { writeLinkageFolder } from './link.ts';
import { unreadableFile } from '../io/file-errors.ts';

export interface EvaluateOptions {
  linkage: string;
  truth: string;
  secretFile: string;
  schema?: string;
  thresholds: string;
  diceThresholds: string;
  writeTruthLinkage?: string;
  json?: boolean;
  /** Replace a non-empty --write-truth-linkage folder. */
  force?: boolean;
}

export function defineEvaluateCommand(io: CliIo): Command {
  return new Command('evaluate')
    .description('Score a linkage against ground truth (synthetic data): precision, recall and F1 per pair of sources across thresholds')
    .argument('<linkage>', 'linkage folder written by credlink link')
    .requiredOption('--truth <csv>', 'truth/persons.csv with source,local_id,person_id')
    .requiredOption('--secret-file <key>', 'the project key, to turn local ids into pseudonyms (a data holder or a synthetic test has it)')
    .option('--schema <file>', 'the linkage schema the extracts were encoded with (default: the built-in schema)')
    .option('--thresholds <list>', 'match probabilities to sweep (fs)', '0.000001,0.00001,0.0001,0.001,0.005,0.01,0.05,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.85,0.9,0.95,0.99')
    .option('--dice-thresholds <list>', 'CLK Dice thresholds to sweep (the baseline)', '0.3,0.4,0.45,0.5,0.55,0.6,0.65,0.7,0.75,0.8,0.85,0.9')
    .option('--write-truth-linkage <dir>', 'also write the true linkage as clusters.csv (to score outcome tables against)')
    .option('--json', 'print the evaluation as JSON')
    .option('--force', 'replace a non-empty --write-truth-linkage folder')
    .addHelpText(
      'after',
      `
Example:
  credlink evaluate linkage/ --truth world/truth/persons.csv --secret-file project.key --schema world/schema.json
  credlink evaluate linkage/ --truth world/truth/persons.csv --secret-file project.key --write-truth-linkage truth-linkage/

The sweep re-chooses links from candidates.csv exactly as credlink link does (one-to-one
assignment, clustering through the spine) at each threshold.`,
    )
    .action(async (linkage: string, options: Omit<EvaluateOptions, 'linkage'>) => {
      await runEvaluate({ ...options, linkage }, io);
    });
}

function thresholdList(flag: string, text: string): number[] {
  const values = text.split(',').map((t) => Number(t.trim()));
  if (values.length === 0 || values.some((v) => !(v >= 0 && v < 1)) || text.split(',').some((t) => t.trim() === '')) {
    throw new UsageError(`${flag} must be a comma-separated list of numbers from 0 up to (not including) 1`);
  }
  return values;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw unreadableFile(path, error, '; is it a folder written by credlink link?');
  }
}

/** Pseudonym → true person id, per source, from truth/persons.csv and the secret. */
async function truthPseudonyms(path: string, sources: Set<string>, schema: LinkageSchema, secret: Uint8Array): Promise<Map<string, Map<string, string>>> {
  const csv = await openCsv(path);
  const col = (name: string) => {
    const i = csv.header.indexOf(name);
    if (i < 0) throw new DataError({ code: 'MISSING_COLUMN', file: csv.file, column: name, detail: 'the truth file needs source,local_id,person_id' });
    return i;
  };
  const [sourceCol, localCol, personCol] = [col('source'), col('local_id'), col('person_id')];
  const encoders = new Map([...sources].map((s) => [s, createEncoder(schema, secret, s)]));
  const out = new Map([...sources].map((s) => [s, new Map<string, string>()]));
  for await (const row of csv.rows) {
    if (row.problem) throw new DataError(row.problem);
    const encoder = encoders.get(row.fields[sourceCol]);
    if (encoder) out.get(row.fields[sourceCol])!.set(encoder.pseudonym(row.fields[localCol]), row.fields[personCol]);
  }
  return out;
}

export async function runEvaluate(options: EvaluateOptions, io: CliIo): Promise<Evaluation> {
  refuseStdout(options.writeTruthLinkage, '--write-truth-linkage', 'it writes a folder');
  const thresholds = thresholdList('--thresholds', options.thresholds);
  const diceThresholds = thresholdList('--dice-thresholds', options.diceThresholds);
  const summaryFile = join(options.linkage, 'summary.json');
  const summary = parseJson(summaryFile, await readText(summaryFile), 'LINKAGE_SUMMARY_NOT_JSON') as LinkageSummary;
  const clustersFile = join(options.linkage, 'clusters.csv');
  const candidatesFile = join(options.linkage, 'candidates.csv');
  const clusters: ClusterRow[] = [];
  for await (const fields of linkageTableRows(clustersFile, CLUSTERS_HEADER)) clusters.push(clusterRow(fields));
  const schema = options.schema ? await loadConfig(options.schema, linkageSchemaSchema) : DEFAULT_SCHEMA;
  if (schemaFingerprint(schema) !== summary.seed) {
    throw new DataError({ code: 'SCHEMA_MISMATCH', file: options.schema ?? '(built-in schema)', detail: 'not the schema the linked extracts were encoded with; give it with --schema' });
  }
  const secret = await readSecretFile(options.secretFile, io);
  const names = summary.sources.map((s) => s.name);
  const truth = await truthPseudonyms(options.truth, new Set(names), schema, secret);

  const sources: SweepSource[] = summary.sources.map((s) => {
    const pseudonyms = clusters.filter((c) => c.source === s.name).map((c) => c.pseudonym).sort();
    return { name: s.name, duplicateFree: s.duplicateFree, spine: s.role === 'spine', pseudonyms, personOf: pseudonyms.map((p) => truth.get(s.name)!.get(p)) };
  });
  const missing = sources.reduce((n, s) => n + s.personOf.filter((p) => p === undefined).length, 0);
  if (missing > 0) io.logger.warn({ records: missing }, 'linked records without a truth row: is this the right secret, schema and truth file?');

  const clusterOf = new Map(clusters.map((c) => [`${c.source}\u0000${c.pseudonym}`, c.cluster]));
  const records: LabelledRecords = {
    sources: names,
    clusterOf: sources.map((s) => s.pseudonyms.map((p) => clusterOf.get(`${s.name}\u0000${p}`)!)),
    personOf: sources.map((s) => s.personOf),
  };
  const asLinked = allPairQuality(records);
  const spine = names.indexOf(summary.spine ?? '');
  const throughSpine = spine < 0 ? [] : asLinked
    .filter((q) => q.sourceA !== summary.spine && q.sourceB !== summary.spine)
    .map((q) => qualityThroughSpine(records, spine, names.indexOf(q.sourceA), names.indexOf(q.sourceB)));
  const sweep = await readSweep(candidatesFile, sources);
  const rows: SweepRow[] = [
    ...thresholds.map((threshold) => ({ method: 'fs' as const, threshold, quality: qualityAt(sweep, 'fs', threshold) })),
    ...diceThresholds.map((threshold) => ({ method: 'threshold' as const, threshold, quality: qualityAt(sweep, 'threshold', threshold) })),
  ];
  const roleOf = new Map(summary.sources.map((s) => [s.name, s.role]));
  const evaluation: Evaluation = {
    asLinked,
    asLinkedByRole: qualityByRole(asLinked, roleOf),
    throughSpineByRole: qualityByRole(throughSpine, roleOf),
    sweep: rows,
    bestByRole: bestThresholds(rows.map((row) => ({ ...row, quality: qualityByRole(row.quality, roleOf) }))), best: bestThresholds(rows), recallCeiling: candidateRecallCeiling(sweep) };
  if (options.writeTruthLinkage) {
    const stage = { force: options.force, flag: '--write-truth-linkage', mode: 0o700, notice: (line: string) => io.logger.warn(line) };
    await writeStagedFolder(options.writeTruthLinkage, stage, (dir) => writeTruthLinkage(dir, summary, sources));
  }
  io.stdout.write(options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : formatEvaluation(evaluation));
  return evaluation;
}

/** candidates.csv streamed into the sweep: rows are never all held as objects. */
async function readSweep(file: string, sources: SweepSource[]): Promise<Sweep> {
  const builder = new SweepBuilder(sources);
  for await (const fields of linkageTableRows(file, CANDIDATES_HEADER)) builder.add(candidateRow(fields));
  return builder.build();
}

/** The true clusters of the linked records, in clusters.csv form; a record the truth lacks stays alone. */
async function writeTruthLinkage(dir: string, summary: LinkageSummary, sources: SweepSource[]): Promise<void> {
  const numberOf = new Map<string, number>();
  const clusterOf = sources.map((s) => Int32Array.from(s.pseudonyms, (pseudonym, i) => {
    const key = s.personOf[i] ?? `\u0000${s.name}\u0000${pseudonym}`;
    let cluster = numberOf.get(key);
    if (cluster === undefined) {
      cluster = numberOf.size + 1;
      numberOf.set(key, cluster);
    }
    return cluster;
  }));
  const truthSummary = {
    credlinkLinkage: 1,
    truth: true,
    spine: summary.spine,
    clusters: numberOf.size,
    sources: summary.sources.map(({ name, role, duplicateFree, records }) => ({ name, role, duplicateFree, records })),
  };
  await writeLinkageFolder(dir, {
    'clusters.csv': truthClustersCsv(sources, clusterOf, numberOf.size),
    'summary.json': `${JSON.stringify(truthSummary, null, 2)}\n`,
  });
}

/** Rows by cluster, then in source and record order (a stable counting sort, as clustersCsv). */
function* truthClustersCsv(sources: SweepSource[], clusterOf: Int32Array[], clusters: number): Generator<string> {
  yield `${CLUSTERS_HEADER}\n`;
  const start = new Uint32Array(clusters + 2);
  for (const of of clusterOf) for (const c of of) start[c + 1] += 1;
  for (let c = 1; c < start.length; c++) start[c] += start[c - 1];
  const source = new Uint8Array(start[start.length - 1]);
  const record = new Uint32Array(source.length);
  clusterOf.forEach((of, s) => of.forEach((c, i) => {
    const k = start[c]++;
    source[k] = s;
    record[k] = i;
  }));
  for (let k = 0; k < source.length; k++) {
    const s = sources[source[k]];
    yield `${clusterOf[source[k]][record[k]]},${s.name},${s.pseudonyms[record[k]]},1\n`;
  }
}
