import type { Encoder } from '../encode/encoder.ts';
import type { EncodedPerson } from '../extract/extract-types.ts';
import type { LinkSource } from '../link/source-store.ts';
import type { RowNormalizer } from '../normalize/normalize-row.ts';
import type { SourceMapping } from '../schema/source-mapping.ts';

/** One source encoded in memory, with each pseudonym's local person id (for scoring against truth). */
export interface EncodedSource {
  source: LinkSource;
  localIdOf: Map<string, string>;
  /** Local person id -> the payload rows of that person (wage quarters, exams). */
  payloadOf: Map<string, Array<Record<string, unknown>>>;
}

/**
 * Rows -> persons exactly as `credlink hash` does it: normalize each row, encode a person once
 * from the first row that names it, skip rows that cannot be used. No file is touched.
 */
export function encodeRows(rows: Iterable<string[]>, mapping: SourceMapping, normalize: RowNormalizer, encoder: Encoder): EncodedSource {
  const persons: EncodedPerson[] = [];
  const localIdOf = new Map<string, string>();
  const payloadOf = new Map<string, Array<Record<string, unknown>>>();
  let line = 1;
  for (const fields of rows) {
    line += 1;
    const row = normalize(fields, line);
    if (row.rejected || row.personId === undefined) continue;
    let payload = payloadOf.get(row.personId);
    if (!payload) {
      const person = encoder.encode(row.record, row.personId);
      persons.push(person);
      localIdOf.set(person.pseudonym, row.personId);
      payloadOf.set(row.personId, (payload = []));
    }
    payload.push(row.payload);
  }
  return { source: { name: mapping.source, role: mapping.role, duplicateFree: mapping.duplicateFree, persons }, localIdOf, payloadOf };
}
