import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Options as ParseOptions } from 'csv-parse';
import { CountingParser, type ParsedRecord } from '../../src/io/counting-parser.ts';
import { csvRecords } from '../../src/io/csv-records.ts';
import { csvParseOptions } from '../../src/io/csv-rows.ts';

type Options = ParseOptions & { delimiter: string; max_record_size: number };

const optionsWith = (delimiter: string, maxRecord: number): Options => csvParseOptions(delimiter, maxRecord);

interface Outcome {
  records: ParsedRecord[];
  error?: { code: string; lines?: number; empty_lines?: number };
}

async function collect(batches: AsyncIterable<ParsedRecord[]>): Promise<Outcome> {
  const records: ParsedRecord[] = [];
  try {
    for await (const batch of batches) records.push(...batch);
  } catch (error) {
    const { code, lines, empty_lines } = error as { code: string; lines?: number; empty_lines?: number };
    return { records, error: { code, lines, empty_lines } };
  }
  return { records };
}

const asChunks = (chunks: Buffer[]) => Readable.from(chunks, { objectMode: false });

function byCsvParse(chunks: Buffer[], options: Options): Promise<Outcome> {
  const parser = new CountingParser({ ...options } as ParseOptions);
  asChunks(chunks).pipe(parser);
  return collect(parser as AsyncIterable<ParsedRecord[]>);
}

const byCsvRecords = (chunks: Buffer[], options: Options) => collect(csvRecords(asChunks(chunks)[Symbol.asyncIterator](), options));

/** Pieces that exercise every branch: quotes, each line break, blank lines, BOMs, multi-byte and invalid UTF-8. */
const PIECES = ['a', 'bc', 'Zoë', '€', ',', ';', '\t', '"', '""', '\n', '\n', '\n', '\r', '\r\n', ' ', '\uFEFF', 'x'.repeat(30)];
const piece = fc.oneof(
  fc.constantFrom(...PIECES).map((text) => Buffer.from(text)),
  fc.constantFrom(Buffer.from([0xe9]), Buffer.from([0xff, 0xfe]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xc3])),
);

/** The bytes cut at the given points (sorted, deduplicated), as a stream would deliver them. */
function cut(bytes: Buffer, points: number[]): Buffer[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...at, bytes.length]) {
    if (p > from) chunks.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  return chunks;
}

describe('csvRecords', () => {
  it('gives csv-parse\'s records, line counters and errors for any input and any chunking (records before an error too)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t', '"', 'é'),
        fc.constantFrom(16, 1 << 20),
        async (pieces, points, delimiter, maxRecord) => {
          const chunks = cut(Buffer.concat(pieces), points);
          const options = optionsWith(delimiter, maxRecord);
          const ours = await byCsvRecords(chunks, options);
          const theirs = await byCsvParse(chunks, options);
          expect(ours.error).toEqual(theirs.error);
          // On an error csv-parse's stream drops the records of the chunk it stopped in; ours come first.
          if (theirs.error) expect(ours.records.slice(0, theirs.records.length)).toEqual(theirs.records);
          else expect(ours.records).toEqual(theirs.records);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('splits plain lines itself and hands the rest to csv-parse from the first quoted line', async () => {
    const chunks = [Buffer.from('\uFEFFid,name\n1,Ana\n\n2,"Bo\nb"\n3,Cy\n')];
    const { records } = await byCsvRecords(chunks, optionsWith(',', 1 << 20));
    expect(records).toEqual([
      { record: ['id', 'name'], lines: 1, emptyLines: 0 },
      { record: ['1', 'Ana'], lines: 2, emptyLines: 0 },
      { record: ['2', 'Bo\nb'], lines: 5, emptyLines: 1 },
      { record: ['3', 'Cy'], lines: 6, emptyLines: 1 },
    ]);
  });

  it('reads string chunks (a stdin stream in text mode)', async () => {
    const { records } = await collect(csvRecords(Readable.from(['id;n\n1;', '2\n'])[Symbol.asyncIterator](), optionsWith(';', 1 << 20)));
    expect(records.map((r) => r.record)).toEqual([['id', 'n'], ['1', '2']]);
  });
});
