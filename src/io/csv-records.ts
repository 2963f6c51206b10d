import { Readable } from 'node:stream';
import { CsvError, type Options as ParseOptions } from 'csv-parse';
import { CountingParser, type ParsedRecord } from './counting-parser.ts';

/*
 * The records of a CSV with csv-parse's line counters, in one batch per input chunk. Lines with no
 * quote and no carriage return (nearly every line of an export) are split at the delimiter here:
 * csv-parse copies each byte into a field buffer through a state machine that checks every record
 * delimiter, ~4 µs a row, a sixth of `hash`. From the first line that has a quote or a CR on, the
 * rest of the input goes to csv-parse, with its counters moved on to where the lines left off, so
 * records, counters and errors are csv-parse's own (test/normalize/csv-records.test.ts compares them).
 */

const LF = 10;
const CR = 13;
const QUOTE = 34;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** csv-parse looks for a BOM in the first three bytes; it also knows UTF-16's (FF FE), left to it. */
const BOM_BYTES = 3;

type Chunks = AsyncIterator<Buffer | string>;

const asBuffer = (chunk: Buffer | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);

/** `head`, then what is left of `rest`; never returns `rest` (stdin stays open). */
async function* chunksFrom(head: Buffer, rest: Chunks | undefined): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  if (!rest) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield asBuffer(next.value);
}

/** csv-parse over `head` and the rest, its counters shifted by `lines` and `emptyLines` (those of the lines before `head`). */
async function* parsedByCsvParse(head: Buffer, rest: Chunks | undefined, options: ParseOptions, lines: number, emptyLines: number): AsyncGenerator<ParsedRecord[]> {
  // One parsed chunk waits at most (the stream default is 16): rows then die young, before a scavenge
  // has to copy ~13k of them and promote them to the old generation.
  const parser = new CountingParser({ ...options, readableHighWaterMark: 1 } as ParseOptions);
  const source = Readable.from(chunksFrom(head, rest), { objectMode: false });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const batch of parser as AsyncIterable<ParsedRecord[]>) {
      for (const parsed of batch) {
        parsed.lines += lines;
        parsed.emptyLines += emptyLines;
      }
      yield batch;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const counted = error as unknown as { lines?: number; empty_lines?: number };
      if (typeof counted.lines === 'number') counted.lines += lines;
      if (typeof counted.empty_lines === 'number') counted.empty_lines += emptyLines;
    }
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** The fields of bytes[start, end), or undefined when the line holds a quote or a CR (csv-parse's to read). */
function plainFields(bytes: Buffer, start: number, end: number, delimiter: number): string[] | undefined {
  const fields: string[] = [];
  let fieldStart = start;
  let high = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c === delimiter) {
      fields.push(decode(bytes, fieldStart, i, high));
      fieldStart = i + 1;
      high = 0;
    } else if (c === QUOTE || c === CR) return undefined;
    else high |= c;
  }
  fields.push(decode(bytes, fieldStart, end, high));
  return fields;
}

/** As csv-parse decodes a field: UTF-8 (invalid bytes become U+FFFD); ASCII is the same through latin1, which is quicker. */
function decode(bytes: Buffer, start: number, end: number, high: number): string {
  return bytes.toString(high & 0x80 ? 'utf8' : 'latin1', start, end);
}

const startsWith = (bytes: Buffer, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * The records of `input` as csv-parse with `options` (which must hold `delimiter`, `bom: true`, the
 * three record delimiters, `skip_empty_lines`, `max_record_size`; see openCsv) would give them.
 */
export async function* csvRecords(input: Chunks, options: ParseOptions & { delimiter: string; max_record_size: number }): AsyncGenerator<ParsedRecord[]> {
  const delimiter = options.delimiter.charCodeAt(0);
  if (options.delimiter.length !== 1 || delimiter >= 0x80 || delimiter === QUOTE || delimiter === CR || delimiter === LF) {
    yield* parsedByCsvParse(Buffer.alloc(0), input, options, 0, 0);
    return;
  }
  // The BOM is csv-parse's only at the start of the input.
  const rest = { ...options, bom: false };
  // Chunks since the last line break: joined once a chunk brings one (a long line spans many).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let atStart = true;
  let line = 1;
  let emptyLines = 0;
  for (;;) {
    const next = await input.next();
    if (next.done) break;
    const chunk = asBuffer(next.value);
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (atStart && pendingBytes < BOM_BYTES) continue;
    if (!atStart && chunk.indexOf(LF) < 0) {
      // A line this long may be over csv-parse's record limit: its error, then.
      if (pendingBytes > options.max_record_size) {
        yield* parsedByCsvParse(Buffer.concat(pending), input, rest, line - 1, emptyLines);
        return;
      }
      continue;
    }
    let bytes = pending.length === 1 ? chunk : Buffer.concat(pending, pendingBytes);
    if (atStart) {
      atStart = false;
      if (startsWith(bytes, UTF8_BOM)) bytes = bytes.subarray(BOM_BYTES);
      else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        yield* parsedByCsvParse(bytes, input, options, 0, 0);
        return;
      }
    }
    const end = bytes.lastIndexOf(LF);
    const batch: ParsedRecord[] = [];
    for (let start = 0; start <= end; ) {
      const lineEnd = bytes.indexOf(LF, start);
      if (lineEnd === start) emptyLines++;
      else {
        const record = lineEnd - start > options.max_record_size ? undefined : plainFields(bytes, start, lineEnd, delimiter);
        if (record === undefined) {
          if (batch.length > 0) yield batch;
          yield* parsedByCsvParse(bytes.subarray(start), input, rest, line - 1, emptyLines);
          return;
        }
        batch.push({ record, lines: line, emptyLines });
      }
      line++;
      start = lineEnd + 1;
    }
    const tail = bytes.subarray(end + 1);
    pending = tail.length > 0 ? [tail] : [];
    pendingBytes = tail.length;
    if (batch.length > 0) yield batch;
  }
  yield* lastLine(Buffer.concat(pending, pendingBytes), atStart ? options : rest, line, emptyLines, delimiter);
}

/** What is left after the last line break: one more record, or nothing when it is empty. */
async function* lastLine(bytes: Buffer, options: ParseOptions & { max_record_size: number }, line: number, emptyLines: number, delimiter: number): AsyncGenerator<ParsedRecord[]> {
  if (bytes.length === 0) return;
  // Under three bytes at the very start, csv-parse's own BOM rule applies: it reads them all.
  const record = options.bom || bytes.length > options.max_record_size ? undefined : plainFields(bytes, 0, bytes.length, delimiter);
  if (record === undefined) yield* parsedByCsvParse(bytes, undefined, options, line - 1, emptyLines);
  else yield [{ record, lines: line, emptyLines }];
}
