import { Command, Option } from 'commander';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { OWNER_ONLY, writeFileAtomic } from '../io/atomic-write.ts';
import { writeChunksAtomic } from '../io/atomic-chunks.ts';
import { loadConfig } from '../io/config-file.ts';
import { stageFolder } from '../io/output-target.ts';
import { LINKAGE_INPUTS, linkageInputsJson } from '../io/linkage-inputs.ts';
import { readExtract, readExtractManifest } from '../io/extract-file.ts';
import type { ExtractManifest } from '../extract/extract-types.ts';
import { linkStores, sortStores, type LinkageResult } from '../link/link-sources.ts';
import { defaultLinkSettings, type LinkMethod, type LinkSettings } from '../link/link-settings.ts';
import { summarizeLinkage, type LinkageSummary } from '../link/linkage-summary.ts';
import { candidatesCsv, clustersCsv, modelJson, pairsCsv } from '../link/linkage-tables.ts';
import { explainModel, formatSummary } from '../link/linkage-report.ts';
import type { SourceStore } from '../link/source-store.ts';
import { SourceStoreBuilder } from '../link/source-store-builder.ts';
import type { DiceKernel } from '../kernel/dice-kernel.ts';
import { DEFAULT_SCHEMA } from '../schema/default-schema.ts';
import type { FieldName } from '../schema/field-names.ts';
import { schemaFingerprint } from '../schema/fingerprint.ts';
import { linkageSchemaSchema } from '../schema/linkage-schema.ts';
import type { CliIo } from './cli-io.ts';
import { linkKernel } from './link-engine.ts';
import { runLinkShard } from './link-shard.ts';
import { requireSignatures } from './verify.ts';

export interface LinkOptions {
  extracts: string[];
  spine?: string;
  output?: string;
  threshold: string;
  diceThreshold: string;
  method: string;
  training: string;
  schema?: string;
  lsh: boolean;
  dedupe?: boolean;
  explain?: boolean;
  json?: boolean;
  /** i/n: link only the i-th of n partitions of the blocks into a part folder (credlink merge). */
  shard?: string;
  /** Trusted Ed25519 public keys of the data holders: every extract must carry a valid signature by one. */
  publicKey?: string[];
  /** Replace a non-empty -o folder. */
  force?: boolean;
}

export function defineLinkCommand(io: CliIo): Command {
  return new Command('link')
    .description('Link encoded extracts (Fellegi-Sunter on Bloom-filter Dice) into a linkage folder; needs no secret')
    .argument('<extracts...>', 'extracts written by credlink hash')
    .option('--spine <extract>', 'the spine extract: every other source links to it, clusters form around its records')
    .requiredOption('-o, --output <dir>', 'linkage folder to write (created owner-only)')
    .option('--threshold <p|auto>', "minimum match probability of a link (method fs); 'auto' takes, per source pair, the one of best expected F1", 'auto')
    .addOption(new Option('--method <method>', 'fs: Fellegi-Sunter; threshold: baseline single Dice threshold on the CLK').choices(['fs', 'threshold']).default('fs'))
    .option('--dice-threshold <d>', 'minimum CLK Dice of a link (method threshold)', '0.85')
    .addOption(new Option('--training <how>', 'estimate m by EM per blocking pass (blocks) or over all pairs (all-pairs)').choices(['blocks', 'all-pairs']).default('blocks'))
    .option('--schema <file>', 'the linkage schema (public); tells which fields each blocking key uses, for EM training')
    .option('--dedupe', 'deduplicate one extract that may hold a person more than once: link it against itself and cluster its records')
    .option('--no-lsh', 'skip the LSH blocking pass (bit sampling over the filters of the shared fields)')
    .option('--shard <i/n>', 'link only the blocks of shard i of n (0-based) into a part folder for credlink merge (docs/scaling.md)')
    .option('--public-key <hex|file...>', "link only extracts signed (credlink sign) by one of these data holders' keys")
    .option('--force', 'replace a non-empty -o folder')
    .option('--explain', 'print the fitted model (m, u and match weight per comparison level)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Example:
  credlink link roster.extract college.extract wages.extract --spine spine.extract -o linkage/
  credlink link roster.extract college.extract --threshold 0.9 --explain -o linkage/
  credlink link --dedupe people.extract -o dedupe/

Writes clusters.csv, pairs.csv, candidates.csv, model.json and summary.json (docs/linkage.md).
The folder holds record-level links: it is created 0700 with files 0600.`,
    )
    .action(async (extracts: string[], options: Omit<LinkOptions, 'extracts'>) => {
      if (options.shard) await runLinkShard({ ...options, extracts }, io);
      else await runLink({ ...options, extracts }, io);
    });
}

/** A probability, or 'auto': per source pair, the threshold of best expected F1 (docs/linkage.md). */
function thresholdOption(text: string): number | 'auto' {
  return text === 'auto' ? 'auto' : probabilityOption('--threshold', text);
}

/** 0 is allowed: every scored candidate is eligible, and assignment alone chooses (useful to sweep). */
function probabilityOption(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !(value >= 0 && value < 1)) throw new UsageError(`${name} must be a number from 0 up to (not including) 1, got "${text}"`);
  return value;
}

interface Input {
  path: string;
  manifest: ExtractManifest;
}

async function readManifests(paths: string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const path of paths) {
    try {
      inputs.push({ path, manifest: await readExtractManifest(path) });
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  return inputs;
}

/** Extracts must come from one schema and one secret, with distinct sources and at most one spine. */
export function checkInputs(inputs: Input[], spinePath: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const [first] = inputs;
  for (const other of inputs.slice(1)) {
    if (other.manifest.schemaFingerprint !== first.manifest.schemaFingerprint) {
      findings.push({ code: 'SCHEMA_MISMATCH', file: other.path, detail: `encoded with another schema than ${first.path} (fingerprints ${other.manifest.schemaFingerprint.slice(0, 12)}… and ${first.manifest.schemaFingerprint.slice(0, 12)}…); hash every source with the same schema.json` });
    }
    if (other.manifest.keyCheckValue !== first.manifest.keyCheckValue) {
      findings.push({ code: 'KEY_MISMATCH', file: other.path, detail: `encoded with another secret than ${first.path} (key check values differ); every holder must use the same key file` });
    }
  }
  const seen = new Map<string, string>();
  for (const { path, manifest } of inputs) {
    const earlier = seen.get(manifest.source);
    if (earlier) findings.push({ code: 'SOURCE_REPEATED', file: path, value: manifest.source, detail: `the same source as ${earlier}` });
    seen.set(manifest.source, path);
    if (manifest.persons === 0) findings.push({ code: 'EXTRACT_NO_PERSONS', file: path, detail: 'the extract holds no persons' });
  }
  const spines = inputs.filter((i) => i.manifest.role === 'spine' || i.path === spinePath);
  if (spines.length > 1) findings.push({ code: 'SPINE_REPEATED', file: spines[1].path, detail: `more than one spine (also ${spines[0].path}); give one --spine` });
  const given = inputs.find((i) => i.path === spinePath);
  if (given && given.manifest.role !== 'spine') findings.push({ code: 'SPINE_ROLE', file: given.path, value: given.manifest.role, detail: 'given as --spine but its manifest role is not spine' });
  return findings;
}

/** Blocking-key fields come from the schema; without it EM training falls back to all pairs. */
export async function keyFieldsFor(schemaPath: string | undefined, fingerprint: string): Promise<ReadonlyMap<string, FieldName[]> | undefined> {
  const schema = schemaPath ? await loadConfig(schemaPath, linkageSchemaSchema) : DEFAULT_SCHEMA;
  if (schemaFingerprint(schema) !== fingerprint) {
    if (schemaPath) throw new DataError({ code: 'SCHEMA_MISMATCH', file: schemaPath, detail: 'this schema is not the one the extracts were encoded with' });
    return undefined;
  }
  return new Map(schema.blockingKeys.map((k) => [k.name, k.parts.map((p) => p.field)]));
}

/** Streams an extract into a store (into the kernel when given): no object per person is kept. */
export async function readStore(input: Input, kernel: DiceKernel | undefined): Promise<SourceStore> {
  const { source, role, duplicateFree } = input.manifest;
  const builder = new SourceStoreBuilder({ name: source, role, duplicateFree });
  await readExtract(input.path, { person: (p) => builder.add(p) });
  return builder.build(kernel);
}

/** A linkage file's content: small files whole, tables as generators of lines (linkage-tables.ts). */
export type LinkageFileContent = string | Uint8Array | Iterable<string>;

export async function writeLinkageFolder(dir: string, files: Record<string, LinkageFileContent>): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, name);
    if (typeof content === 'string' || content instanceof Uint8Array) await writeFileAtomic(target, content, OWNER_ONLY);
    else await writeChunksAtomic(target, content, OWNER_ONLY);
  }
}

/** Checks the inputs, derives the settings and reads the extracts (shared by a whole run and a shard). */
export async function readLinkInputs(options: LinkOptions, io: CliIo, kernel: DiceKernel | undefined): Promise<{ settings: LinkSettings; stores: SourceStore[]; manifests: ExtractManifest[] }> {
  const paths = [...options.extracts, ...(options.spine ? [options.spine] : [])];
  if (options.dedupe) {
    if (options.extracts.length !== 1 || options.spine) throw new UsageError('--dedupe takes exactly one extract and no --spine');
  } else if (paths.length < 2) throw new UsageError('give at least two extracts to link (the spine counts as one), or one with --dedupe');
  if (!options.output) throw new UsageError('give the linkage folder with -o');
  const threshold = thresholdOption(options.threshold);
  const diceThreshold = probabilityOption('--dice-threshold', options.diceThreshold);
  if (options.publicKey) await requireSignatures(paths, options.publicKey);
  const inputs = await readManifests(paths);
  const findings = checkInputs(inputs, options.spine);
  if (findings.length > 0) throw new DataError(findings);
  const seed = inputs[0].manifest.schemaFingerprint;
  const keyFields = await keyFieldsFor(options.schema, seed);
  if (!keyFields) io.logger.warn('schema unknown (give --schema): EM training cannot leave out blocking fields, so m is fitted over all pairs');
  const settings: LinkSettings = defaultLinkSettings(seed, {
    method: options.method as LinkMethod,
    threshold,
    diceThreshold,
    keyFields,
    training: keyFields ? (options.training as LinkSettings['training']) : 'all-pairs',
    ...(options.lsh ? {} : { lsh: false }),
  });
  const stores: SourceStore[] = [];
  for (const input of inputs) stores.push(await readStore(input, kernel));
  return { settings, stores: sortStores(stores), manifests: inputs.map((i) => i.manifest) };
}

/** Writes the linkage folder (owner-only) and returns its summary and fitted model. */
export async function writeLinkage(dir: string, result: LinkageResult, settings: LinkSettings): Promise<{ summary: LinkageSummary; model: ReturnType<typeof modelJson> }> {
  const summary = summarizeLinkage(result, settings);
  const model = modelJson(result);
  await writeLinkageFolder(dir, {
    'clusters.csv': clustersCsv(result),
    'pairs.csv': pairsCsv(result),
    'candidates.csv': candidatesCsv(result),
    'model.json': `${JSON.stringify(model, null, 2)}\n`,
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
  });
  return { summary, model };
}

export async function runLink(options: LinkOptions, io: CliIo): Promise<LinkageSummary> {
  if (!options.output) throw new UsageError('give the linkage folder with -o');
  const staged = await stageFolder(options.output, { force: options.force, mode: 0o700, notice: (line) => io.logger.warn(line) });
  let summary: LinkageSummary;
  let result: LinkageResult;
  try {
    const { settings, stores, manifests } = await readLinkInputs(options, io, linkKernel(io));
    result = linkStores(stores, settings);
    ({ summary } = await writeLinkage(staged.dir, result, settings));
    await writeLinkageFolder(staged.dir, { [LINKAGE_INPUTS]: linkageInputsJson(manifests) });
    await staged.commit();
  } catch (error) {
    await staged.abort();
    throw error;
  }
  if (options.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout.write(formatSummary(summary));
  if (options.explain) io.stdout.write(explainModel(result));
  return summary;
}
