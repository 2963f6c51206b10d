import { once } from 'node:events';
import { stringify, type Stringifier } from 'csv-stringify';
import { formatFinding, type Finding } from '../errors/finding.ts';
import { openAtomic, OWNER_ONLY } from './atomic-write.ts';

export type CsvCell = string | number | boolean | null | undefined;

/** A CSV being written: rows go through one stringifier into an atomic temp file or into memory. */
export interface CsvWriter {
  write(row: CsvCell[]): Promise<void>;
  /** Makes the file appear (or returns the text when writing to memory). */
  commit(): Promise<string | undefined>;
  abort(): Promise<void>;
}

function stringifier(header: string[]): Stringifier {
  // Booleans as true/false rather than csv-stringify's default of 1/"".
  return stringify({ header: true, columns: header, cast: { boolean: (v) => (v ? 'true' : 'false') } });
}

async function push(csv: Stringifier, row: CsvCell[]): Promise<void> {
  if (!csv.write(row)) await once(csv, 'drain');
}

/** An atomic CSV file (nothing at `target` until commit); `mode` 0600 by default since rows hold identifiers. */
export function openCsvFile(target: string, header: string[], mode = OWNER_ONLY): CsvWriter {
  const file = openAtomic(target, mode);
  const csv = stringifier(header);
  csv.pipe(file.stream, { end: false });
  // A failed write (a full disk) must reach the writer waiting for 'drain', not leave it waiting.
  file.stream.once('error', (error) => csv.destroy(error));
  return {
    write: (row) => push(csv, row),
    async commit() {
      const ended = once(csv, 'end');
      csv.end();
      await ended;
      await file.commit();
      return undefined;
    },
    async abort() {
      csv.destroy();
      await file.abort();
    },
  };
}

/** A CSV held in memory until commit: for stdout, where a failed run must print nothing. */
export function openCsvBuffer(header: string[]): CsvWriter {
  const csv = stringifier(header);
  const chunks: string[] = [];
  csv.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()));
  return {
    write: (row) => push(csv, row),
    async commit() {
      const ended = once(csv, 'end');
      csv.end();
      await ended;
      return chunks.join('');
    },
    async abort() {
      csv.destroy();
    },
  };
}

export interface RejectFile {
  add(fields: string[], reason: Finding): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Why a row was set aside, without file or line (those have their own columns) and without any value. */
const reasonText = (reason: Finding) => formatFinding({ ...reason, file: undefined, line: undefined, value: undefined });

/**
 * Rejected rows exactly as read (a row with the wrong number of fields keeps its own count)
 * followed by `_line` and `_reason`. Mode 0600: the rows hold identifiers.
 */
export function openRejectFile(target: string, header: string[]): RejectFile {
  const csv = openCsvFile(target, [...header, '_line', '_reason']);
  const width = header.length;
  return {
    add: (fields, reason) => {
      const padded = fields.length < width ? [...fields, ...Array<string>(width - fields.length).fill('')] : fields;
      return csv.write([...padded, reason.line ?? '', reasonText(reason)]);
    },
    async commit() {
      await csv.commit();
    },
    abort: () => csv.abort(),
  };
}
