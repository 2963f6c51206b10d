import { Command, Option } from 'commander';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { loadConfig } from '../io/config-file.ts';
import { openCsv, type CsvRow } from '../io/csv-rows.ts';
import { ExtractWriter } from '../io/extract-file.ts';
import { openRejectFile, type RejectFile } from '../io/reject-file.ts';
import { readSecretFile } from '../io/secret-file.ts';
import { createEncoder, keyCheckValue, type Encoder } from '../encode/encoder.ts';
import { SeenPersons } from '../encode/seen-persons.ts';
import { createRowNormalizer, type RowNormalizer } from '../normalize/normalize-row.ts';
import { linkageSchemaSchema, type LinkageSchema } from '../schema/linkage-schema.ts';
import { schemaFingerprint } from '../schema/fingerprint.ts';
import { sourceMappingSchema, type SourceMapping } from '../schema/source-mapping.ts';
import { EXTRACT_FORMAT_VERSION, type ExtractManifest } from '../extract/extract-types.ts';
import type { FieldName } from '../schema/field-names.ts';
import { TOOL_VERSION } from '../version.ts';
import type { CliIo } from './cli-io.ts';

export interface HashOptions {
  input: string;
  schema: string;
  mapping: string;
  secretFile?: string;
  onInvalid?: 'fail' | 'reject';
  rejects?: string;
  output?: string;
  json?: boolean;
}

const HELP_AFTER = `
Normalizes a source CSV with its mapping (as credlink normalize does) and encodes each person with
the project secret: keyed Bloom filters per field and per record, keyed blocking keys and a
pseudonym that differs per source. The extract holds no readable identifier; every payload row
(exam, enrollment, wage quarter) is kept, tagged with the pseudonym. A person met on several rows
is encoded once, from the first row's identifiers. See docs/extract-format.md.

The secret is read from --secret-file (or '-' for stdin), never from the command line or the
environment. Rows that cannot be used stop the run unless --on-invalid reject (or --rejects FILE,
an owner-only CSV of those rows) sets them aside. Rows in = rows encoded + rows rejected.

Examples:
  credlink hash --schema schema.json --mapping roster.mapping.json --secret-file project.key \\
      roster.csv -o roster.extract
  gpg -d project.key.gpg | credlink hash --schema schema.json --mapping wages.mapping.json \\
      --secret-file - --on-invalid reject --rejects wages.rejects.csv --json wages.csv -o wages.extract
`;

export function defineHashCommand(io: CliIo): Command {
  return new Command('hash')
    .description('encode a source CSV into an extract: keyed Bloom filters, blocking keys, pseudonyms, payload')
    .argument('<input>', "the source CSV, or '-' for stdin")
    .requiredOption('--schema <file>', 'the linkage schema (JSON) shared by all data holders')
    .requiredOption('--mapping <file>', "this source's mapping (JSON)")
    .option('--secret-file <file>', "file holding the project secret, or '-' for stdin")
    .addOption(new Option('--on-invalid <mode>', 'what an unusable row does (default: fail)').choices(['fail', 'reject']))
    .option('--rejects <file>', 'write rejected rows with _line and _reason (implies --on-invalid reject)')
    .option('-o, --output <file>', 'the extract to write')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', HELP_AFTER)
    .action(async (input: string, options: Omit<HashOptions, 'input'>) => {
      await runHash({ ...options, input }, io);
    });
}

function checkOptions(options: HashOptions): 'fail' | 'reject' {
  if (!options.output) throw new UsageError('hash needs -o FILE: the extract is written to a file');
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
  rejectedBy: Record<string, number>;
  invalid: Record<string, number>;
  filled: Partial<Record<FieldName, number>>;
}

interface RunParts {
  normalize: RowNormalizer;
  encoder: Encoder;
  writer: ExtractWriter;
  rejects?: RejectFile;
  mode: 'fail' | 'reject';
  hasPayload: boolean;
}

async function hashRows(rows: AsyncIterable<CsvRow>, parts: RunParts, seen: SeenPersons, tally: Tally): Promise<void> {
  const { normalize, encoder, writer, rejects, mode, hasPayload } = parts;
  for await (const row of rows) {
    tally.rowsIn++;
    const normalized = row.problem ? undefined : normalize(row.fields, row.line);
    const reason: Finding | undefined = row.problem ?? normalized?.rejected;
    if (reason || !normalized || normalized.personId === undefined) {
      const why = reason ?? { code: 'PERSON_ID_MISSING', line: row.line };
      if (mode === 'fail') {
        throw new DataError({ ...why, detail: `${why.detail ?? 'row cannot be used'}; nothing was written (use --on-invalid reject to set such rows aside)` });
      }
      tally.rowsRejected++;
      tally.rejectedBy[why.code] = (tally.rejectedBy[why.code] ?? 0) + 1;
      await rejects?.add(row.fields, why);
      continue;
    }
    for (const f of normalized.findings) {
      const key = `${f.field ?? f.column}:${f.code}`;
      tally.invalid[key] = (tally.invalid[key] ?? 0) + 1;
    }
    const pseudonym = encoder.pseudonym(normalized.personId);
    if (seen.add(pseudonym)) {
      const person = encoder.encode(normalized.record, normalized.personId);
      for (const field in person.fields) tally.filled[field as FieldName] = (tally.filled[field as FieldName] ?? 0) + 1;
      await writer.writePerson(person);
    } else {
      tally.duplicateRows++;
    }
    if (hasPayload) {
      await writer.writePayload({ pseudonym, values: normalized.payload });
      tally.payloadRows++;
    }
  }
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
  const schema = await loadConfig(options.schema, linkageSchemaSchema);
  const mapping = await loadConfig(options.mapping, sourceMappingSchema);
  const secret = await readSecretFile(options.secretFile, io);
  const csv = await openCsv(options.input, { delimiter: mapping.delimiter, stdin: io.stdin });
  const normalize = createRowNormalizer(mapping, csv.header, csv.file);
  const encoder = createEncoder(schema, secret, mapping.source);
  const writer = new ExtractWriter(output);
  const rejects = options.rejects ? openRejectFile(options.rejects, csv.header) : undefined;
  const tally: Tally = { rowsIn: 0, rowsRejected: 0, payloadRows: 0, duplicateRows: 0, rejectedBy: {}, invalid: {}, filled: {} };
  const seen = new SeenPersons();
  try {
    await hashRows(csv.rows, { normalize, encoder, writer, rejects, mode, hasPayload: Object.keys(mapping.payload).length > 0 }, seen, tally);
  } catch (error) {
    await Promise.all([writer.abort(), rejects?.abort()]);
    throw error;
  }
  const manifest = await writer.commit(manifestOf(schema, mapping, secret, tally, seen.size));
  await rejects?.commit();
  secret.fill(0);
  if (mapping.duplicateFree && tally.duplicateRows > 0) {
    io.logger.warn({ source: mapping.source, rows: tally.duplicateRows }, 'person ids repeat although the mapping says duplicateFree; each person was encoded once, from its first row');
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ input: csv.file, output, rejects: options.rejects ?? null, rowsEncoded: manifest.rowsIn - manifest.rowsRejected, rejectedBy: tally.rejectedBy, valuesSetToMissing: tally.invalid, manifest }, null, 2)}\n`);
  } else {
    io.stdout.write(summaryText(csv.file, output, manifest, tally));
  }
}
