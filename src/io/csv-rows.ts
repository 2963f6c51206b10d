import { open } from 'node:fs/promises';
import { CsvError, type Options as ParseOptions } from 'csv-parse';
import { DataError, UsageError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import { unreadableFile } from './file-errors.ts';
import { requireRegularFile } from './input-file.ts';
import type { ParsedRecord } from './counting-parser.ts';
import { csvRecords } from './csv-records.ts';

/** Longest field a source may hold; anything longer is a broken export, not an identifier. */
export const MAX_FIELD_CHARS = 1 << 20;
/** Guard on one record: an unterminated quote would otherwise buffer the rest of the file. */
const MAX_RECORD_CHARS = 16 << 20;

export interface CsvRow {
  /** Physical line (1 = header) where the record starts; quoted newlines push later records down. */
  line: number;
  fields: string[];
  /** Set when the row cannot be used as it stands (field count, encoding, size). */
  problem?: Finding;
}

export interface CsvSource {
  /** The name findings use for this input ("<stdin>" for '-'). */
  file: string;
  header: string[];
  /** The data rows one by one. Read either `rows` or `batches`, not both. */
  rows: AsyncIterable<CsvRow>;
  /** The same rows in the parser's chunks (about 64 KiB of input each): one await per chunk, not per row. */
  batches: AsyncIterable<CsvRow[]>;
}

export interface OpenCsvOptions {
  delimiter?: string;
  stdin?: NodeJS.ReadableStream;
  /** Overrides the name used in findings. */
  fileLabel?: string;
}

function countIn(fields: string[], pattern: RegExp): number {
  let count = 0;
  for (const field of fields) {
    if (field.length === 0) continue;
    const matches = field.match(pattern);
    if (matches) count += matches.length;
  }
  return count;
}

/** Decoding maps invalid UTF-8 to U+FFFD, so its presence is how a bad byte shows. */
function rowProblem(file: string, line: number, fields: string[], header: string[] | undefined): Finding | undefined {
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i];
    const column = header?.[i];
    if (field.length > MAX_FIELD_CHARS) {
      return { code: 'FIELD_TOO_LONG', file, line, column, detail: `field ${i + 1} holds ${field.length} characters; the limit is ${MAX_FIELD_CHARS}` };
    }
    if (field.includes('\uFFFD')) {
      return { code: 'ENCODING_INVALID', file, line, column, detail: `field ${i + 1} is not valid UTF-8; re-export the file as UTF-8` };
    }
  }
  if (header && fields.length !== header.length) {
    return { code: 'ROW_FIELD_COUNT', file, line, detail: `expected ${header.length} fields as in the header, found ${fields.length}` };
  }
  return undefined;
}

function parseFailure(error: CsvError, file: string, startLine: number): DataError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new DataError({ code: 'CSV_UNTERMINATED_QUOTE', file, line: startLine, detail: 'a quoted field opened here is never closed' });
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new DataError({ code: 'FIELD_TOO_LONG', file, line: startLine, detail: `the record starting here exceeds ${MAX_RECORD_CHARS} characters; an unterminated quote?` });
  }
  // csv-parse's messages quote the field they stopped at: only its code is passed on.
  return new DataError({ code: 'CSV_MALFORMED', file, line: startLine, detail: `the CSV cannot be read here (${error.code})` });
}

async function openInput(path: string, options: OpenCsvOptions): Promise<NodeJS.ReadableStream> {
  if (path === '-') {
    if (!options.stdin) throw new UsageError('reading from stdin (-) is not available here');
    return options.stdin;
  }
  await requireRegularFile(path);
  try {
    const handle = await open(path, 'r');
    return handle.createReadStream();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw unreadableFile(path, error);
  }
}

/** csv-parse's options for a source extract: any line ending, ragged rows and stray quotes tolerated. */
export function csvParseOptions(delimiter: string, maxRecordChars: number) {
  return {
    delimiter,
    bom: true,
    encoding: 'utf8',
    // Exports mixing line endings (a CRLF file with appended LF rows) are common.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: maxRecordChars,
  } satisfies ParseOptions;
}

/**
 * Opens a CSV (or stdin for '-') and reads its header. Rows stream as arrays of strings with the
 * physical line each starts on; a malformed row carries a `problem` instead of throwing, so that a
 * caller rejecting bad rows can keep going. Broken quoting ends the stream with a DataError.
 */
export async function openCsv(path: string, options: OpenCsvOptions = {}): Promise<CsvSource> {
  const file = options.fileLabel ?? (path === '-' ? '<stdin>' : path);
  const input = await openInput(path, options);
  const parseOptions = csvParseOptions(options.delimiter ?? ',', MAX_RECORD_CHARS);
  const records = csvRecords((input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator](), parseOptions);

  let endLine = 0;
  let emptyLines = 0;
  let lastLines = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines; this undoes it.
  let quotedCrlfs = 0;
  const next = async (): Promise<ParsedRecord[] | undefined> => {
    try {
      const result = await records.next();
      return result.done ? undefined : result.value;
    } catch (error) {
      if (error instanceof CsvError) {
        const skipped = Math.max(0, ((error as unknown as { empty_lines?: number }).empty_lines ?? emptyLines) - emptyLines);
        throw parseFailure(error, file, endLine + 1 + skipped);
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw unreadableFile(file, error);
      throw error;
    }
  };
  const locate = (parsed: ParsedRecord): number => {
    // csv-parse counts every CR and LF, inside quotes too: a record one line past the last (plus the
    // empty lines skipped) holds no line break, and needs no scan of its fields.
    const plain = parsed.lines - lastLines === 1 + parsed.emptyLines - emptyLines;
    lastLines = parsed.lines;
    emptyLines = parsed.emptyLines;
    if (plain) {
      endLine = parsed.lines - quotedCrlfs;
      return endLine;
    }
    quotedCrlfs += countIn(parsed.record, /\r\n/g);
    endLine = parsed.lines - quotedCrlfs;
    return endLine - countIn(parsed.record, /\r\n|\r|\n/g);
  };

  const close = () => {
    // A caller that stops early (first invalid row) must not leave the file open.
    if (input !== options.stdin) (input as NodeJS.ReadableStream & { destroy(): void }).destroy();
    records.return(undefined).catch(() => undefined);
  };
  let pending: ParsedRecord[] = [];
  let firstBatch: ParsedRecord[] | undefined;
  do {
    firstBatch = await next();
  } while (firstBatch && firstBatch.length === 0);
  if (!firstBatch) throw new DataError({ code: 'CSV_EMPTY', file, detail: 'the file has no header row; is it the right file?' });
  const first = firstBatch[0];
  pending = firstBatch.slice(1);
  const headerLine = locate(first);
  const header = first.record.map((name) => name.trim());
  const headerProblem = rowProblem(file, headerLine, first.record, undefined);
  if (headerProblem) {
    close();
    throw new DataError(headerProblem);
  }

  const toRows = (parsedRecords: ParsedRecord[]): CsvRow[] => {
    const out: CsvRow[] = new Array(parsedRecords.length);
    for (let i = 0; i < parsedRecords.length; i++) {
      const parsed = parsedRecords[i];
      const line = locate(parsed);
      const problem = rowProblem(file, line, parsed.record, header);
      out[i] = problem ? { line, fields: parsed.record, problem } : { line, fields: parsed.record };
    }
    return out;
  };

  async function* batches(): AsyncGenerator<CsvRow[]> {
    try {
      if (pending.length > 0) yield toRows(pending);
      pending = [];
      for (let parsed = await next(); parsed; parsed = await next()) if (parsed.length > 0) yield toRows(parsed);
    } finally {
      close();
    }
  }
  async function* rows(): AsyncGenerator<CsvRow> {
    for await (const batch of batches()) yield* batch;
  }
  return { file, header, rows: rows(), batches: batches() };
}
