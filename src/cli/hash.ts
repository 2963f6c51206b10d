import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { DataError, UsageError } from '../errors/errors.ts';
import { loadConfig } from '../io/config-file.ts';
import { openCsv, type CsvRow } from '../io/csv-rows.ts';
import { ExtractWriter } from '../io/extract-file.ts';
import { claimFileTarget } from '../io/output-target.ts';
import { openRejectFile, type RejectFile } from '../io/reject-file.ts';
import { readSecretFile } from '../io/secret-file.ts';
import { keyCheckValue } from '../encode/encoder.ts';
import type { HashedBatch } from '../encode/hash-batch.ts';
import { createHashPool, type HashPool } from '../encode/hash-pool.ts';
import { SeenPersons } from '../encode/seen-persons.ts';
import { createRowNormalizer } from '../normalize/normalize-row.ts';
import { linkageSchemaSchema, type LinkageSchema } from '../schema/linkage-schema.ts';
import { schemaFingerprint } from '../schema/fingerprint.ts';
import { sourceMappingSchema, type SourceMapping } from '../schema/source-mapping.ts';
import { outcomePayloadFindings } from '../schema/outcome-payload.ts';
import { looksDuplicateFree } from '../schema/duplicate-free-check.ts';
import { EXTRACT_FORMAT_VERSION, type ExtractManifest } from '../extract/extract-types.ts';
import type { FieldName } from '../schema/field-names.ts';
import { TOOL_VERSION } from '../version.ts';
import type { CliIo } from './cli-io.ts';
import { createProgress, type Progress } from '../io/progress.ts';
import { refuseStdout } from './output-path.ts';

export interface HashOptions {
  input: string;
  schema: string;
  mapping: string;
  secretFile?: string;
  onInvalid?: 'fail' | 'reject';
  rejects?: string;
  output?: string;
  json?: boolean;
  /** Threads that normalize and encode (string from the command line); default: 1 for small files. */
  workers?: string | number;
  /** Replace an existing -o or --rejects file. */
  force?: boolean;
}

function checkOptions(options: HashOptions): 'fail' | 'reject' {
  if (!options.output) throw new UsageError('hash needs -o FILE (or -o - for stdout)');
  refuseStdout(options.rejects, '--rejects', 'rejected rows hold identifiers');
  if (options.input === '-' && options.secretFile === '-') throw new UsageError("the CSV and the secret cannot both come from stdin ('-')");
  if (options.rejects && options.onInvalid === 'fail') throw new UsageError('--rejects needs --on-invalid reject (rows are only set aside in reject mode)');
  const paths = [options.input, options.output, options.rejects, options.secretFile].filter((p): p is string => Boolean(p) && p !== '-');
  if (new Set(paths).size < paths.length) throw new UsageError('the input, -o, --rejects and --secret-file must be different files');
  return options.onInvalid ?? (options.rejects ? 'reject' : 'fail');
}

interface Tally {
  rowsIn: number;
  rowsRejected: number;
  payloadRows: number;
  duplicateRows: number;
  persons: number;
  rejectedBy: Record<string, number>;
  invalid: Record<string, number>;
  filled: Partial<Record<FieldName, number>>;
}

interface RunParts {
  writer: ExtractWriter;
  rejects?: RejectFile;
  mode: 'fail' | 'reject';
  /** Schema field names by bit of HashedBatch.filled. */
  fieldNames: FieldName[];
  /**
   * The persons written so far, needed only with several threads: a thread that meets a person
   * first may still come after another in the file. One thread sees every row in order, so there
   * a person line is always the file's first for that person.
   */
  seen?: SeenPersons;
}

/**
 * Applies one hashed batch in input order: the file's first row of each person writes its person
 * line, every accepted row its payload line; rejected rows stop the run or go to --rejects.
 */
async function applyBatch(rows: CsvRow[], batch: HashedBatch, parts: RunParts, tally: Tally): Promise<void> {
  const { writer, rejects, mode, fieldNames, seen } = parts;
  const { lines, ends } = batch;
  // Lines go out as views on the batch's bytes, skipping the rare person line of someone met earlier.
  let copyFrom = 0;
  for (let i = 0; i < rows.length; i++) {
    tally.rowsIn++;
    const why = batch.rejected[i];
    if (why) {
      if (mode === 'fail') {
        throw new DataError({ ...why, detail: `${why.detail ?? 'row cannot be used'}; nothing was written (use --on-invalid reject to set such rows aside)` });
      }
      tally.rowsRejected++;
      tally.rejectedBy[why.code] = (tally.rejectedBy[why.code] ?? 0) + 1;
      await rejects?.add(rows[i].fields, why);
      continue;
    }
    const start = i === 0 ? 0 : ends[2 * i - 1];
    const hasPersonLine = ends[2 * i] > start;
    // A row without a person line repeats a person its thread met before, hence one met before in the file.
    if (hasPersonLine && (seen === undefined || seen.addPrefix(batch.prefixes[2 * i], batch.prefixes[2 * i + 1]))) {
      tally.persons++;
      for (let f = 0, bits = batch.filled[i]; bits !== 0; f++, bits >>>= 1) {
        if (bits & 1) tally.filled[fieldNames[f]] = (tally.filled[fieldNames[f]] ?? 0) + 1;
      }
    } else {
      tally.duplicateRows++;
      if (hasPersonLine) {
        await writer.writeBytes(lines.subarray(copyFrom, start));
        copyFrom = ends[2 * i];
      }
    }
    if (ends[2 * i + 1] > ends[2 * i]) tally.payloadRows++;
  }
  for (const key in batch.invalid) tally.invalid[key] = (tally.invalid[key] ?? 0) + batch.invalid[key];
  await writer.writeBytes(lines.subarray(copyFrom));
}

/** Batches in flight per worker thread: enough to keep each busy, few enough to keep memory flat. */
const BATCHES_PER_WORKER = 3;

async function hashRows(batches: AsyncIterable<CsvRow[]>, pool: HashPool, parts: RunParts, tally: Tally, progress: Progress): Promise<void> {
  const inFlight: Array<{ rows: CsvRow[]; result: Promise<HashedBatch> }> = [];
  const limit = pool.workers === 1 ? 1 : pool.workers * BATCHES_PER_WORKER;
  for await (const rows of batches) {
    inFlight.push({ rows, result: pool.submit(rows) });
    if (inFlight.length >= limit) {
      const done = inFlight.shift() as (typeof inFlight)[number];
      await applyBatch(done.rows, await done.result, parts, tally);
      progress.update(tally.rowsIn, 'rows');
    }
  }
  for (const done of inFlight) {
    await applyBatch(done.rows, await done.result, parts, tally);
    progress.update(tally.rowsIn, 'rows');
  }
}

/** Below this input size worker threads cost more to start (~0.3 s each) than they save. */
const WORKERS_FROM_BYTES = 8 << 20;

async function workerCount(options: HashOptions): Promise<number> {
  if (options.workers !== undefined) {
    const n = Number(options.workers);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--workers must be a whole number from 1 to 64');
    return n;
  }
  if (options.input === '-') return 1;
  const size = await stat(options.input).then((s) => s.size, () => 0);
  // The main thread parses and writes, so it keeps a core of its own.
  return size < WORKERS_FROM_BYTES ? 1 : Math.max(1, Math.min(availableParallelism() - 1, 4));
}

function manifestOf(schema: LinkageSchema, mapping: SourceMapping, secret: Uint8Array, tally: Tally, persons: number): Omit<ExtractManifest, 'bodySha256' | 'format'> {
  const fieldFill: ExtractManifest['fieldFill'] = {};
  for (const { field } of schema.fields) fieldFill[field] = persons === 0 ? 0 : Number(((tally.filled[field] ?? 0) / persons).toFixed(4));
  return {
    formatVersion: EXTRACT_FORMAT_VERSION,
    toolVersion: TOOL_VERSION,
    source: mapping.source,
    role: mapping.role,
    duplicateFree: mapping.duplicateFree,
    schemaFingerprint: schemaFingerprint(schema),
    keyCheckValue: keyCheckValue(secret),
    rowsIn: tally.rowsIn,
    rowsRejected: tally.rowsRejected,
    persons,
    payloadRows: tally.payloadRows,
    fieldFill,
    payloadColumns: Object.fromEntries(Object.entries(mapping.payload).map(([name, spec]) => [name, spec.type])),
  };
}

function summaryText(file: string, output: string, manifest: ExtractManifest, tally: Tally): string {
  const reasons = Object.entries(tally.rejectedBy).map(([code, n]) => `${code} ${n}`).join(', ');
  const lines = [
    `hash ${file} -> ${output}: ${manifest.rowsIn} rows in = ${manifest.rowsIn - manifest.rowsRejected} encoded + ${manifest.rowsRejected} rejected${reasons ? ` (${reasons})` : ''}`,
    `  ${manifest.persons} persons, ${manifest.payloadRows} payload rows; source ${manifest.source} (${manifest.role})`,
    `  schema ${manifest.schemaFingerprint.slice(0, 16)}…, key check value ${manifest.keyCheckValue}`,
  ];
  for (const [field, fill] of Object.entries(manifest.fieldFill)) lines.push(`  ${field.padEnd(12)} ${(fill * 100).toFixed(1).padStart(5)}% of persons`);
  const invalid = Object.entries(tally.invalid).map(([key, n]) => `${key} ${n}`).join(', ');
  if (invalid) lines.push(`  values set to missing: ${invalid}`);
  return `${lines.join('\n')}\n`;
}

export async function runHash(options: HashOptions, io: CliIo): Promise<void> {
  const mode = checkOptions(options);
  const output = options.output as string;
  const notice = (line: string) => io.logger.warn(line);
  await claimFileTarget(output, { force: options.force, notice });
  if (options.rejects) await claimFileTarget(options.rejects, { force: options.force, flag: '--rejects', notice });
  const schema = await loadConfig(options.schema, linkageSchemaSchema);
  const mapping = await loadConfig(options.mapping, sourceMappingSchema);
  // A warning, not a refusal: an extract made for linkage alone (readiness, dedupe) needs no payload.
  const payloadFindings = outcomePayloadFindings(mapping, options.mapping);
  for (const f of payloadFindings) if (f.severity === 'error') io.logger.warn({ field: f.field, code: f.code }, f.detail!);
  const secret = await readSecretFile(options.secretFile, io);
  const workers = await workerCount(options);
  const csv = await openCsv(options.input, { delimiter: mapping.delimiter, stdin: io.stdin });
  const config = { schema, mapping, secret, header: csv.header, file: csv.file, today: new Date().toISOString().slice(0, 10) };
  // Checks the header against the mapping here, before any thread starts.
  createRowNormalizer(mapping, csv.header, csv.file, { today: config.today });
  const pool = await createHashPool(config, { workers });
  const toStdout = output === '-';
  const writer = new ExtractWriter(toStdout ? io.stdout : output);
  const rejects = options.rejects ? openRejectFile(options.rejects, csv.header) : undefined;
  const tally: Tally = { rowsIn: 0, rowsRejected: 0, payloadRows: 0, duplicateRows: 0, persons: 0, rejectedBy: {}, invalid: {}, filled: {} };
  const seen = pool.workers > 1 ? new SeenPersons() : undefined;
  const progress = createProgress(io, `hash ${csv.file}`);
  try {
    await hashRows(csv.batches, pool, { writer, rejects, mode, fieldNames: schema.fields.map((f) => f.field), seen }, tally, progress);
    progress.finish(`rows, ${tally.persons.toLocaleString('en-US')} persons`);
  } catch (error) {
    await Promise.all([writer.abort(), rejects?.abort()]);
    throw error;
  } finally {
    await pool.close();
  }
  const manifest = await writer.commit(manifestOf(schema, mapping, secret, tally, tally.persons));
  await rejects?.commit();
  secret.fill(0);
  // Rows repeating a person id are expected (exam attempts, enrollment terms, wage quarters);
  // duplicateFree is about one person holding two ids, which only the linker can see.
  if (tally.duplicateRows > 0) io.logger.debug({ source: mapping.source, rows: tally.duplicateRows }, 'rows repeating a person id; each person was encoded once, from its first row');
  if (looksDuplicateFree({ role: mapping.role, duplicateFree: mapping.duplicateFree, persons: tally.persons, repeatedRows: tally.duplicateRows })) {
    io.logger.warn({ source: mapping.source, persons: tally.persons }, 'the mapping says "duplicateFree": false, but no person id is on more than one row; if each person has one id in this roster, set "duplicateFree": true (the default), so that the linker links one-to-one');
  }
  // With the extract on stdout, the summary goes to stderr.
  const report = toStdout ? io.stderr : io.stdout;
  if (toStdout && io.quiet) return;
  if (options.json) {
    report.write(`${JSON.stringify({ input: csv.file, output, rejects: options.rejects ?? null, rowsEncoded: manifest.rowsIn - manifest.rowsRejected, rejectedBy: tally.rejectedBy, valuesSetToMissing: tally.invalid, outcomeWarnings: payloadFindings.map((f) => ({ code: f.code, field: f.field, detail: f.detail })), manifest }, null, 2)}\n`);
  } else {
    report.write(summaryText(csv.file, output, manifest, tally) + payloadFindings.map((f) => `  warning: ${f.detail}\n`).join(''));
  }
}
