import type { Finding } from '../errors/finding.ts';
import type { CsvRow } from '../io/csv-rows.ts';
import { ExtractLineBuilder } from '../io/extract-lines.ts';
import { createRowNormalizer } from '../normalize/normalize-row.ts';
import type { LinkageSchema } from '../schema/linkage-schema.ts';
import type { SourceMapping } from '../schema/source-mapping.ts';
import { createEncoder, type Encoder } from './encoder.ts';
import { prefixWord, SeenPersons } from './seen-persons.ts';

/*
 * The per-row work of `credlink hash` (normalize, pseudonymize, encode, serialize) on a batch of CSV
 * rows, as plain data in and out, so that the same code runs in the main thread or in a worker and
 * the extract is byte-identical either way. What needs the whole file in order (which row first
 * meets a person, the tallies, the writes) stays with the caller: see applyBatch in src/cli/hash.ts.
 */

/** Everything a batch hasher needs; structured-cloneable, so a worker can be started from it. */
export interface BatchHasherConfig {
  schema: LinkageSchema;
  mapping: SourceMapping;
  secret: Uint8Array;
  header: string[];
  file: string;
  /** YYYY-MM-DD, so that every worker judges birth dates against the same day. */
  today: string;
}

/** The outcome of a batch, row by row (parallel arrays, cheap to send between threads). */
export interface HashedBatch {
  /** Why each row cannot be used, or null. */
  rejected: Array<Finding | null>;
  /**
   * The first 64 bits of each accepted row's pseudonym as two words (prefixWord at 0 and 4), for
   * SeenPersons#addPrefix; zero for a rejected row.
   */
  prefixes: Uint32Array;
  /**
   * The extract lines of the batch, UTF-8: per row, its person line (when this hasher met the
   * person first here) then its payload line (when the mapping has payload columns).
   */
  lines: Uint8Array;
  /** Row i's person line is lines[ends[2i-1] ?? 0, ends[2i]), its payload line lines[ends[2i], ends[2i+1]). */
  ends: Uint32Array;
  /** Per person line, the schema fields it has, as bits by schema order. */
  filled: number[];
  /** Values set to missing, counted by `field:code` in order of first appearance. */
  invalid: Record<string, number>;
}

export type BatchHasher = (rows: CsvRow[]) => HashedBatch;

/**
 * A hasher over consecutive batches of one file. It encodes a person only on the first row where
 * *it* meets them: any later row of that person cannot be the first in the file either, so the
 * person line the caller keeps (the file's first row of each person) is always there.
 */
export function createBatchHasher(config: BatchHasherConfig): BatchHasher {
  const { schema, mapping, header, file, today } = config;
  const normalize = createRowNormalizer(mapping, header, file, { today });
  const encoder: Encoder = createEncoder(schema, config.secret, mapping.source);
  const hasPayload = Object.keys(mapping.payload).length > 0;
  const seen = new SeenPersons();
  const builder = new ExtractLineBuilder();

  return (rows) => {
    const n = rows.length;
    const rejected: HashedBatch['rejected'] = new Array(n);
    const prefixes = new Uint32Array(2 * n);
    const filledBits: number[] = new Array(n);
    const ends = new Uint32Array(2 * n);
    const invalid: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      hashRow(rows[i], i);
      ends[2 * i + 1] = builder.size;
    }
    return { rejected, prefixes, lines: builder.take(), ends, filled: filledBits, invalid };

    function hashRow(row: CsvRow, i: number): void {
      filledBits[i] = 0;
      ends[2 * i] = builder.size;
      const normalized = row.problem ? undefined : normalize(row.fields, row.line);
      const reason: Finding | undefined = row.problem ?? normalized?.rejected;
      if (reason || !normalized || normalized.personId === undefined) {
        rejected[i] = reason ?? { code: 'PERSON_ID_MISSING', line: row.line };
        return;
      }
      rejected[i] = null;
      for (const f of normalized.findings) {
        const key = `${f.field ?? f.column}:${f.code}`;
        invalid[key] = (invalid[key] ?? 0) + 1;
      }
      const pseudonym = encoder.pseudonymBytes(normalized.personId);
      const hi = prefixWord(pseudonym, 0);
      const lo = prefixWord(pseudonym, 4);
      prefixes[2 * i] = hi;
      prefixes[2 * i + 1] = lo;
      // encodeLine asks for the same pseudonym, so `pseudonym` still holds it after.
      if (seen.addPrefix(hi, lo)) filledBits[i] = encoder.encodeLine(normalized.record, normalized.personId, builder);
      ends[2 * i] = builder.size;
      if (hasPayload) builder.payloadHex(pseudonym, normalized.payload);
    }
  };
}
