import { Command, Option } from 'commander';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { loadConfig } from '../io/config-file.ts';
import { claimFileTarget } from '../io/output-target.ts';
import { openCsv, type CsvRow } from '../io/csv-rows.ts';
import { openCsvBuffer, openCsvFile, openRejectFile, type CsvWriter, type RejectFile } from '../io/reject-file.ts';
import { createRowNormalizer, mappedFields, type NormalizedRow } from '../normalize/normalize-row.ts';
import { QualityProfileBuilder, type QualityProfile } from '../normalize/quality-profile.ts';
import { sourceMappingSchema, type SourceMapping } from '../schema/source-mapping.ts';
import type { CliIo } from './cli-io.ts';

export interface NormalizeOptions {
  input: string;
  mapping: string;
  onInvalid?: 'fail' | 'reject';
  rejects?: string;
  output?: string;
  profile?: string;
  json?: boolean;
  /** Replace existing -o, --rejects and --profile files. */
  force?: boolean;
}

const HELP_AFTER = `
Reads one source's CSV extract, applies the mapping's normalization rules (docs/normalization.md)
and writes the normalized CSV: person_id, the identifier fields the mapping yields, then the
payload columns. Output files are readable by their owner only: they hold identifiers.

An identifier value that cannot be used (SSN 000-12-3456, birth date 1990-02-30) becomes missing
and is counted in the profile. A row that cannot be used at all (no person id, a required payload
value missing, the wrong number of fields, invalid UTF-8) stops the run by default, printing
file, line and column, and nothing is written; with --on-invalid reject such rows are set aside.

Examples:
  credlink normalize --mapping roster.mapping.json roster.csv -o roster.normalized.csv
  credlink normalize --mapping wages.mapping.json --on-invalid reject --rejects wages.rejects.csv \\
      --profile wages.profile.json --json -o wages.normalized.csv wages.csv
  gunzip -c roster.csv.gz | credlink normalize --mapping roster.mapping.json - > roster.normalized.csv
`;

export function defineNormalizeCommand(io: CliIo): Command {
  return new Command('normalize')
    .description('normalize a source CSV with its mapping and profile its data quality')
    .argument('<input>', "the source CSV, or '-' for stdin")
    .requiredOption('--mapping <file>', 'source mapping (JSON): columns, formats, person id, payload')
    .addOption(new Option('--on-invalid <mode>', 'what an unusable row does: stop the run, or be set aside (default: fail)').choices(['fail', 'reject']))
    .option('--rejects <file>', 'write rejected rows with _line and _reason columns (implies --on-invalid reject)')
    .option('-o, --output <file>', 'write the normalized CSV here (default: stdout)')
    .option('--profile <file>', 'write the data-quality profile (JSON) here')
    .option('--json', 'print the run summary and profile as JSON on stdout (needs -o)')
    .option('--force', 'replace existing -o, --rejects and --profile files')
    .addHelpText('after', HELP_AFTER)
    .action(async (input: string, options: Omit<NormalizeOptions, 'input'>) => {
      await runNormalize({ ...options, input }, io);
    });
}

interface Outputs {
  normalized: CsvWriter;
  rejects?: RejectFile;
}

function checkOptions(options: NormalizeOptions): 'fail' | 'reject' {
  if (options.rejects && options.onInvalid === 'fail') throw new UsageError('--rejects needs --on-invalid reject (rows are only set aside in reject mode)');
  if (options.json && !options.output) throw new UsageError('--json prints the summary on stdout, which then cannot also carry the normalized CSV; add -o FILE');
  const paths = [options.output, options.rejects, options.profile].filter((p): p is string => Boolean(p));
  if (new Set(paths).size < paths.length || paths.includes(options.input)) throw new UsageError('the input, -o, --rejects and --profile must be different files');
  return options.onInvalid ?? (options.rejects ? 'reject' : 'fail');
}

const asCell = (value: string | number | boolean | null | undefined) => value ?? '';

function failWith(reason: Finding): never {
  throw new DataError({ ...reason, detail: `${reason.detail ?? 'row cannot be used'}; nothing was written (use --on-invalid reject to set such rows aside)` });
}

async function normalizeRows(rows: AsyncIterable<CsvRow>, normalize: (fields: string[], line: number) => NormalizedRow, mapping: SourceMapping, mode: 'fail' | 'reject', outputs: Outputs, profile: QualityProfileBuilder): Promise<void> {
  const fields = mappedFields(mapping);
  const payloadNames = Object.keys(mapping.payload);
  for await (const row of rows) {
    const normalized = row.problem ? undefined : normalize(row.fields, row.line);
    const reason = row.problem ?? normalized?.rejected;
    if (reason || !normalized || normalized.personId === undefined) {
      const why = reason ?? { code: 'PERSON_ID_MISSING', line: row.line };
      if (mode === 'fail') failWith(why);
      profile.addRejected(why);
      await outputs.rejects?.add(row.fields, why);
      continue;
    }
    profile.addRow(normalized, row.line);
    await outputs.normalized.write([normalized.personId, ...fields.map((f) => normalized.record[f]), ...payloadNames.map((p) => asCell(normalized.payload[p]))]);
  }
}

function summaryLines(file: string, profile: QualityProfile, mapping: SourceMapping): string[] {
  const { rows, personIds, likelyDuplicates } = profile;
  const reasons = Object.entries(rows.rejectedBy).map(([code, n]) => `${code} ${n}`).join(', ');
  const lines = [`normalize ${file}: ${rows.in} rows in = ${rows.out} out + ${rows.rejected} rejected${reasons ? ` (${reasons})` : ''}`];
  for (const [field, quality] of Object.entries(profile.fields)) {
    const invalid = Object.entries(quality.invalid).map(([code, n]) => `${code} ${n}`).join(', ');
    lines.push(`  ${field.padEnd(12)} ${(quality.completeness * 100).toFixed(1).padStart(5)}% present${invalid ? `; invalid: ${invalid}` : ''}`);
  }
  if (personIds.duplicated > 0) lines.push(`  ${personIds.duplicated} person ids appear on more than one row (one row per attempt, term or quarter)`);
  // Two ids of one person break duplicateFree, which makes the linker assign one-to-one.
  if (likelyDuplicates.pairs > 0) lines.push(`  ${likelyDuplicates.pairs} pairs of different person ids look like one person (same birth date, names within 2 edits)${mapping.duplicateFree ? '; the mapping says duplicateFree: check them or set it to false' : ''}`);
  return lines;
}

export async function runNormalize(options: NormalizeOptions, io: CliIo): Promise<void> {
  const mode = checkOptions(options);
  const notice = (line: string) => io.logger.warn(line);
  for (const [flag, path] of [['-o', options.output], ['--rejects', options.rejects], ['--profile', options.profile]] as const) {
    if (path) await claimFileTarget(path, { force: options.force, flag, notice });
  }
  const mapping = await loadConfig(options.mapping, sourceMappingSchema);
  const csv = await openCsv(options.input, { delimiter: mapping.delimiter, stdin: io.stdin });
  const normalize = createRowNormalizer(mapping, csv.header, csv.file);
  const fields = mappedFields(mapping);
  const header = ['person_id', ...fields, ...Object.keys(mapping.payload)];
  const outputs: Outputs = {
    normalized: options.output ? openCsvFile(options.output, header) : openCsvBuffer(header),
    rejects: options.rejects ? openRejectFile(options.rejects, csv.header) : undefined,
  };
  const builder = new QualityProfileBuilder(fields, Object.keys(mapping.payload));
  try {
    await normalizeRows(csv.rows, normalize, mapping, mode, outputs, builder);
  } catch (error) {
    await Promise.all([outputs.normalized.abort(), outputs.rejects?.abort()]);
    throw error;
  }
  const profile = builder.finish();
  const text = await outputs.normalized.commit();
  await outputs.rejects?.commit();
  if (options.profile) await writeFileAtomic(options.profile, `${JSON.stringify(profile, null, 2)}\n`);
  if (text !== undefined) io.stdout.write(text);
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ input: csv.file, output: options.output, rejects: options.rejects ?? null, source: mapping.source, ...profile }, null, 2)}\n`);
  } else {
    io.stderr.write(`${summaryLines(csv.file, profile, mapping).join('\n')}\n`);
  }
  io.logger.debug({ rowsIn: profile.rows.in, rowsOut: profile.rows.out, rowsRejected: profile.rows.rejected }, 'normalize finished');
}
