import type { FieldName, NormalizedRecord } from '../schema/field-names.ts';
import type { FieldEncoding, LinkageSchema } from '../schema/linkage-schema.ts';
import type { EncodedPerson } from '../extract/extract-types.ts';
import { createKeyDeriver, type KeyPurpose } from './key-derivation.ts';
import { createTokenPositions, TOKEN_CACHE_LIMIT, type TokenPositions } from './token-positions.ts';
import { tokenize } from './tokenize.ts';
import { emptyFilter, FilterSlab, setPositions } from './bloom-filter.ts';
import { createFilterHardening, type FilterHardening } from './hardening.ts';
import { createBlockingKeyEncoder } from './blocking-keys.ts';
import { createPseudonymizer } from './pseudonym.ts';

export { keyCheckValue } from './key-derivation.ts';
export { pseudonymFor } from './pseudonym.ts';

/** Distinct values a field keeps encoded; first names, surnames, dates and ZIPs repeat a lot. */
export const VALUE_CACHE_LIMIT = 1 << 16;

/** The name of the record-level filter in derived-key labels. */
const RECORD_FILTER = 'record';

/** The token strings of tokenize() rebuilt from their codes, needed only on a cache miss. */
function bigramOfCode(code: number): string {
  return String.fromCharCode(Math.floor(code / 65536), code % 65536);
}

function positionalOfCode(code: number): string {
  return `${Math.floor(code / 65536)}:${String.fromCharCode(code % 65536)}`;
}

interface CachedValue {
  filter: Uint8Array;
  clkPositions: Uint16Array;
}

interface FieldEncoder {
  field: FieldName;
  /** Sets the value's bits in `clk` and returns its field filter (hardened, not yet randomized per record), from `slab`. */
  encodeValue(value: string, salt: string, clk: Uint8Array, slab: FilterSlab): Uint8Array;
  hardening: FilterHardening;
  saltWith?: FieldName;
}

/** The salt of a token: a birth date salts with its year only, so that a typo in the day does not break the name. */
function saltValue(field: FieldName, value: string | undefined): string {
  if (value === undefined) return '';
  return field === 'dob' ? value.slice(0, 4) : value;
}

function createFieldEncoder(spec: FieldEncoding, schema: LinkageSchema, derive: (purpose: KeyPurpose) => Uint8Array): FieldEncoder {
  const fieldPositions = createTokenPositions(derive({ kind: 'field-filter', field: spec.field }), spec.filterBits, spec.hashesPerToken);
  const clkPositions: TokenPositions | undefined = spec.clkHashesPerToken > 0
    ? createTokenPositions(derive({ kind: 'record-filter', field: spec.field }), schema.recordFilter.bits, spec.clkHashesPerToken)
    : undefined;
  const hardening = createFilterHardening(schema.hardening, spec.filterBits, spec.field, derive);
  const cache = new Map<string, CachedValue>();
  let cacheOn = true;
  let hitsSinceClear = 0;

  // A token's field and record-filter positions together: one lookup per token instead of two.
  const pairs = new Map<number, { field: Uint16Array; record: Uint16Array | undefined }>();
  function positionsOf(code: number, tokenOf: (code: number) => string): { field: Uint16Array; record: Uint16Array | undefined } {
    let pair = pairs.get(code);
    if (pair === undefined) {
      pair = { field: fieldPositions.ofCode(code, tokenOf), record: clkPositions?.ofCode(code, tokenOf) };
      if (pairs.size >= TOKEN_CACHE_LIMIT) pairs.clear();
      pairs.set(code, pair);
    }
    return pair;
  }

  function addToken(filter: Uint8Array, clk: Uint8Array, keep: number[] | undefined, field: Uint16Array, record: Uint16Array | undefined): void {
    setPositions(filter, field);
    if (record) {
      setPositions(clk, record);
      if (keep) for (let i = 0; i < record.length; i++) keep.push(record[i]);
    }
  }

  /** Encodes into the empty `filter` from tokens; CLK positions go into `clk` and, when `keep` is given, there too. */
  function compute(value: string, salt: string, clk: Uint8Array, filter: Uint8Array, keep?: number[]): Uint8Array {
    if (salt === '' && spec.tokenizer === 'bigram') {
      // The tokens of tokenize('bigram'), identified by their two code units ('_' pads).
      const padded = `_${value}_`;
      for (let i = 0; i + 1 < padded.length; i++) {
        const code = padded.charCodeAt(i) * 65536 + padded.charCodeAt(i + 1);
        const pair = positionsOf(code, bigramOfCode);
        addToken(filter, clk, keep, pair.field, pair.record);
      }
    } else if (salt === '' && spec.tokenizer === 'positional') {
      for (let i = 0; i < value.length; i++) {
        const code = i * 65536 + value.charCodeAt(i);
        const pair = positionsOf(code, positionalOfCode);
        addToken(filter, clk, keep, pair.field, pair.record);
      }
    } else {
      for (const raw of tokenize(spec.tokenizer, value)) {
        // Salting binds each token to another field's value, so equal names with different salts share no bits.
        const token = salt === '' ? raw : `${raw}\u001f${salt}`;
        addToken(filter, clk, keep, fieldPositions.of(token), clkPositions?.of(token));
      }
    }
    return hardening.harden(filter);
  }

  function encodeValue(value: string, salt: string, clk: Uint8Array, slab: FilterSlab): Uint8Array {
    if (!cacheOn) {
      const filter = compute(value, salt, clk, slab.alloc(spec.filterBits >>> 3));
      return hardening.isIdentity ? filter : slab.copy(filter);
    }
    const key = salt === '' ? value : `${value}\u0000${salt}`;
    const hit = cache.get(key);
    if (hit) {
      hitsSinceClear++;
      setPositions(clk, hit.clkPositions);
      return slab.copy(hit.filter);
    }
    if (cache.size >= VALUE_CACHE_LIMIT) {
      // A field whose values rarely repeat (e-mail, SSN) would only pay for the cache: turn it off.
      cacheOn = hitsSinceClear >= VALUE_CACHE_LIMIT / 2;
      cache.clear();
      hitsSinceClear = 0;
    }
    const keep: number[] = [];
    const filter = compute(value, salt, clk, emptyFilter(spec.filterBits), keep);
    if (cacheOn) cache.set(key, { filter, clkPositions: Uint16Array.from(keep) });
    return slab.copy(filter);
  }

  return {
    field: spec.field,
    hardening,
    saltWith: schema.hardening.salt.find((s) => s.field === spec.field)?.with,
    encodeValue,
  };
}

export interface Encoder {
  /** The encoding of one person; identifiers that are absent from `record` are absent from the result. */
  encode(record: NormalizedRecord, localPersonId: string): EncodedPerson;
  /** This source's pseudonym of a local person id (computed for every payload row). */
  pseudonym(localPersonId: string): string;
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
  const recordHardening = createFilterHardening(schema.hardening, schema.recordFilter.bits, RECORD_FILTER, derive);
  const blockingKeys = createBlockingKeyEncoder(schema, derive);
  const pseudonymOf = createPseudonymizer(derive, source);
  const slab = new FilterSlab();
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

  function encode(record: NormalizedRecord, localPersonId: string): EncodedPerson {
    // Only randomized response needs the seed; building it for every record cost a string per record.
    const recordSeed = needsSeed ? `${source}\u001f${localPersonId}` : '';
    const out: EncodedPerson['fields'] = {};
    let clk = slab.alloc(schema.recordFilter.bits >>> 3);
    for (const f of fields) {
      const value = record[f.field];
      if (value === undefined || value === '') continue;
      const salt = f.saltWith ? saltValue(f.saltWith, record[f.saltWith]) : '';
      const filter = f.encodeValue(value, salt, clk, slab);
      out[f.field] = f.hardening.perRecord ? f.hardening.perRecord(filter, recordSeed) : filter;
    }
    clk = recordHardening.harden(clk);
    if (recordHardening.perRecord) clk = recordHardening.perRecord(clk, recordSeed);
    return { pseudonym: pseudonym(localPersonId), fields: out, clk, blockingKeys: blockingKeys(record) };
  }

  return {
    encode,
    pseudonym,
    filterBits: {
      fields: Object.fromEntries(fields.map((f) => [f.field, f.hardening.outputBits])),
      record: recordHardening.outputBits,
    },
  };
}
