import type { FieldName, NormalizedRecord } from '../schema/field-names.ts';
import type { LinkageSchema } from '../schema/linkage-schema.ts';
import type { EncodedPerson } from '../extract/extract-types.ts';
import type { ExtractLineBuilder } from '../io/extract-lines.ts';
import { createKeyDeriver } from './key-derivation.ts';
import { FilterSlab } from './bloom-filter.ts';
import { createFilterHardening } from './hardening.ts';
import { createFieldEncoder, createRecordBits } from './field-encoder.ts';
import { createBlockingKeyEncoder } from './blocking-keys.ts';
import { createPseudonymDigest, createPseudonymizer, PSEUDONYM_BYTES } from './pseudonym.ts';

export { keyCheckValue } from './key-derivation.ts';
export { pseudonymFor } from './pseudonym.ts';

/** The name of the record-level filter in derived-key labels. */
const RECORD_FILTER = 'record';

/** The salt of a token: a birth date salts with its year only, so that a typo in the day does not break the name. */
function saltValue(field: FieldName, value: string | undefined): string {
  if (value === undefined) return '';
  return field === 'dob' ? value.slice(0, 4) : value;
}

export interface Encoder {
  /** The encoding of one person; identifiers that are absent from `record` are absent from the result. */
  encode(record: NormalizedRecord, localPersonId: string): EncodedPerson;
  /**
   * The same person written straight into `line` as its extract person line (the bytes of
   * ExtractLineBuilder#person of encode()'s result, without building it); returns the schema
   * fields it has, as bits by schema order.
   */
  encodeLine(record: NormalizedRecord, localPersonId: string, line: ExtractLineBuilder): number;
  /** This source's pseudonym of a local person id (computed for every payload row). */
  pseudonym(localPersonId: string): string;
  /**
   * The same pseudonym as the bytes its hex spells, in a buffer reused by the next call (read it at
   * once); what encodeLine writes. SeenPersons#addPrefix and ExtractLineBuilder#payloadHex take it.
   */
  pseudonymBytes(localPersonId: string): Uint8Array;
  /** Lengths in bits of each field filter and of the record filter after hardening. */
  filterBits: { fields: Partial<Record<FieldName, number>>; record: number };
}

/**
 * The encoder of one source. All keys derive from the project secret, the schema fingerprint and a
 * name (field, blocking key, source), so every holder with the same secret and schema encodes the
 * same value to the same bits, whatever its column order.
 */
export function createEncoder(schema: LinkageSchema, secret: Uint8Array, source: string): Encoder {
  const derive = createKeyDeriver(secret, schema);
  const fields = schema.fields.map((spec) => createFieldEncoder(spec, schema, derive));
  const recordHardening = createFilterHardening({ ...schema.hardening, ...schema.recordFilter.hardening }, schema.recordFilter.bits, RECORD_FILTER, derive);
  const blockingKeys = createBlockingKeyEncoder(schema, derive);
  const pseudonymOf = createPseudonymizer(derive, source);
  const pseudonymDigest = createPseudonymDigest(derive, source);
  const slab = new FilterSlab();
  // encodeLine's filters are spelled into the line at once, so its slab is reused record after record.
  const lineSlab = new FilterSlab();
  const recordBits = createRecordBits(schema.recordFilter.bits);
  const needsSeed = recordHardening.perRecord !== undefined || fields.some((f) => f.hardening.perRecord !== undefined);
  // A run asks for a row's pseudonym and then encodes the same person: remember the last one.
  let lastId: string | undefined;
  let lastPseudonym = '';
  const pseudonym = (localPersonId: string): string => {
    if (localPersonId !== lastId) {
      lastPseudonym = pseudonymOf(localPersonId);
      lastId = localPersonId;
    }
    return lastPseudonym;
  };
  let lastBytesId: string | undefined;
  const lastBytes = new Uint8Array(PSEUDONYM_BYTES);
  const pseudonymBytes = (localPersonId: string): Uint8Array => {
    if (localPersonId !== lastBytesId) {
      pseudonymDigest(localPersonId, lastBytes);
      lastBytesId = localPersonId;
    }
    return lastBytes;
  };

  // Only randomized response needs the seed; building it for every record cost a string per record.
  const seedOf = (localPersonId: string) => (needsSeed ? `${source}\u001f${localPersonId}` : '');

  /** The record filter hardened, from `slab` (with `shared`, from `lineSlab`, or when no step is on the scratch bits themselves: read before the next record). */
  function recordFilter(recordSeed: string, shared: boolean): Uint8Array {
    const from = shared ? lineSlab : slab;
    let clk = recordHardening.isIdentity ? (shared ? recordBits.bytes : slab.copy(recordBits.bytes)) : recordHardening.harden(recordBits.bytes, from.allocator);
    if (recordHardening.perRecord) clk = recordHardening.perRecord(clk, recordSeed);
    return clk;
  }

  /**
   * The filter of field i of `record` (hardened, randomized per record), having ORed its bits into
   * the record bits; undefined when the record lacks the field. With `shared`, a cached filter may be
   * returned as it is (read it at once). One step for encode and encodeLine, so the two cannot drift apart.
   */
  function fieldFilter(record: NormalizedRecord, i: number, recordSeed: string, shared: boolean): Uint8Array | undefined {
    const f = fields[i];
    const value = record[f.field];
    if (value === undefined || value === '') return undefined;
    const salt = f.saltWith ? saltValue(f.saltWith, record[f.saltWith]) : '';
    const filter = f.encodeValue(value, salt, recordBits, shared ? lineSlab : slab, shared);
    return f.hardening.perRecord ? f.hardening.perRecord(filter, recordSeed) : filter;
  }

  function encode(record: NormalizedRecord, localPersonId: string): EncodedPerson {
    const recordSeed = seedOf(localPersonId);
    const out: EncodedPerson['fields'] = {};
    recordBits.words.fill(0);
    for (let i = 0; i < fields.length; i++) {
      const filter = fieldFilter(record, i, recordSeed, false);
      if (filter) out[fields[i].field] = filter;
    }
    const clk = recordFilter(recordSeed, false);
    return { pseudonym: pseudonym(localPersonId), fields: out, clk, blockingKeys: blockingKeys.keysOf(record) };
  }

  function encodeLine(record: NormalizedRecord, localPersonId: string, line: ExtractLineBuilder): number {
    const recordSeed = seedOf(localPersonId);
    lineSlab.rewind();
    line.personStartHex(pseudonymBytes(localPersonId));
    let filled = 0;
    recordBits.words.fill(0);
    for (let i = 0; i < fields.length; i++) {
      const filter = fieldFilter(record, i, recordSeed, true);
      if (filter === undefined) continue;
      line.personFilter(fields[i].field, filter);
      filled |= 1 << i;
    }
    line.personClk(recordFilter(recordSeed, true));
    blockingKeys.writeKeys(record, line);
    line.personEnd();
    return filled;
  }

  return {
    encode,
    encodeLine,
    pseudonym,
    pseudonymBytes,
    filterBits: {
      fields: Object.fromEntries(fields.map((f) => [f.field, f.hardening.outputBits])),
      record: recordHardening.outputBits,
    },
  };
}
