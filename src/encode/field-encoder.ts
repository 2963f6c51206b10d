import type { FieldName } from '../schema/field-names.ts';
import type { FieldEncoding, LinkageSchema } from '../schema/linkage-schema.ts';
import type { KeyPurpose } from './key-derivation.ts';
import { createTokenPositions, TOKEN_CACHE_LIMIT, type TokenPositions } from './token-positions.ts';
import { NO_CODE, TokenPositionTable } from './token-table.ts';
import { tokenize } from './tokenize.ts';
import { FilterSlab, setPositions } from './bloom-filter.ts';
import { createFilterHardening, type FilterHardening } from './hardening.ts';
import { DiffusedSum, TokenImages } from './diffused-sum.ts';

/** Distinct values a field keeps encoded; first names, surnames, dates and ZIPs repeat a lot (birth dates over 75 years: ~27k). */
export const VALUE_CACHE_LIMIT = 1 << 15;
/**
 * At this many distinct values a cache with fewer than one hit in 16 turns off (e-mails, the ZIPs of
 * a file of new persons) before its entries are promoted to the old generation and then dropped.
 */
const EARLY_CHECK = 1 << 12;

/** The record filter of one record before its hardening, as bytes and as 32-bit words over the same memory. */
export interface RecordBits {
  bytes: Uint8Array;
  words: Uint32Array;
}

export function createRecordBits(bits: number): RecordBits {
  const words = new Uint32Array(Math.ceil(bits / 32));
  return { bytes: new Uint8Array(words.buffer, 0, bits >>> 3), words };
}

/**
 * A cached value's record-filter bits: its positions, or, when it sets more bits than the filter has
 * words (names and dates: 12 positions per token), the words to OR in, kept in the field's word pool.
 */
interface CachedValue {
  filter: Uint8Array;
  clkPositions: Uint16Array | undefined;
  /** Where its words start in the field's word pool, or -1. */
  clkAt: number;
}

/** The positions of the set bits of `words`, ascending. */
function setBitsOf(words: Uint32Array): Uint16Array {
  let count = 0;
  for (let i = 0; i < words.length; i++) for (let w = words[i]; w !== 0; w &= w - 1) count++;
  const positions = new Uint16Array(count);
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    for (let w = words[i]; w !== 0; w &= w - 1) positions[n++] = i * 32 + 31 - Math.clz32(w & -w);
  }
  return positions;
}

export interface FieldEncoder {
  field: FieldName;
  /**
   * ORs the value's bits into `clk` and returns its field filter (hardened, not yet randomized per
   * record), from `slab`; with `shared`, possibly the cached filter itself, to be read at once and
   * never changed or kept.
   */
  encodeValue(value: string, salt: string, clk: RecordBits, slab: FilterSlab, shared?: boolean): Uint8Array;
  hardening: FilterHardening;
  saltWith?: FieldName;
}

/** The padding of bigrams, '_'. */
const PAD = 95;

/** The token strings of tokenize() rebuilt from their codes, needed only on a table miss. */
function bigramOfCode(code: number): string {
  return String.fromCharCode(Math.floor(code / 65536), code % 65536);
}

function positionalOfCode(code: number): string {
  return `${Math.floor(code / 65536)}:${String.fromCharCode(code % 65536)}`;
}

export function createFieldEncoder(spec: FieldEncoding, schema: LinkageSchema, derive: (purpose: KeyPurpose) => Uint8Array): FieldEncoder {
  const k = spec.hashesPerToken;
  const kc = spec.clkHashesPerToken;
  const fieldPositions = createTokenPositions(derive({ kind: 'field-filter', field: spec.field }), spec.filterBits, k);
  const clkPositions = kc > 0 ? createTokenPositions(derive({ kind: 'record-filter', field: spec.field }), schema.recordFilter.bits, kc) : undefined;
  const hardening = createFilterHardening(schema.hardening, spec.filterBits, spec.field, derive);
  const stride = k + kc;
  // Values that are not cached (e-mails) are diffused token by token when diffusion is the only step.
  const columns = spec.tokenizer === 'exact' ? undefined : hardening.columns;
  const sum = columns && new DiffusedSum(columns, spec.filterBits);
  let summing = false;
  const fillFrom = (tokenOf: (code: number) => string, images: TokenImages | undefined) => (code: number, pool: Uint16Array, offset: number) => {
    const token = tokenOf(code);
    fieldPositions.write(token, pool, offset);
    clkPositions?.write(token, pool, offset + k);
    images?.fill(offset / stride, pool, offset, k);
  };
  const bigramImages = columns && new TokenImages(columns);
  const positionalImages = columns && new TokenImages(columns);
  const bigramTable = new TokenPositionTable(stride, TOKEN_CACHE_LIMIT, fillFrom(bigramOfCode, bigramImages));
  const positionalTable = new TokenPositionTable(stride, TOKEN_CACHE_LIMIT, fillFrom(positionalOfCode, positionalImages));
  // The value's field filter before hardening, and its own record bits while it is computed for the cache.
  const raw = new Uint8Array(spec.filterBits >>> 3);
  const valueClk = createRecordBits(schema.recordFilter.bits);
  const cache = new Map<string, CachedValue>();
  let cacheOn = true;
  let hitsSinceClear = 0;
  // The record-filter words of cached values side by side in one pool: a 128-byte array per value
  // would live outside the heap, each with its own allocation for the collector to track and free.
  let wordPool = new Uint32Array(0);
  let wordsPooled = 0;

  function poolWords(words: Uint32Array): number {
    if (wordsPooled + words.length > wordPool.length) {
      const grown = new Uint32Array(Math.max(1 << 12, 2 * wordPool.length));
      grown.set(wordPool.subarray(0, wordsPooled));
      wordPool = grown;
    }
    wordPool.set(words, wordsPooled);
    wordsPooled += words.length;
    return wordsPooled - words.length;
  }

  /** Sets the bits of the token at table.pool[at...]: field positions in `raw` (or `sum`), record positions in `clk`. */
  function addCoded(table: TokenPositionTable, images: TokenImages | undefined, at: number, clk: Uint8Array): void {
    // Read after offsetOf, which may have grown the pool.
    const pool = table.pool;
    if (summing) (sum as DiffusedSum).addToken(pool, at, k, images as TokenImages, at / stride);
    else {
      for (let i = at, end = at + k; i < end; i++) {
        const p = pool[i];
        raw[p >>> 3] |= 1 << (p & 7);
      }
    }
    for (let i = at + k, end = at + stride; i < end; i++) {
      const p = pool[i];
      clk[p >>> 3] |= 1 << (p & 7);
    }
  }

  function addToken(token: string, clk: Uint8Array): void {
    if (summing) (sum as DiffusedSum).addPositions(fieldPositions.of(token));
    else setPositions(raw, fieldPositions.of(token));
    if (clkPositions) setPositions(clk, clkPositions.of(token));
  }

  /** Sets the value's bits in `raw` (zeroed) and `clk`; returns how many tokens it has. */
  function addValue(value: string, salt: string, clk: Uint8Array): number {
    if (salt === '' && spec.tokenizer === 'bigram') {
      // The tokens of tokenize('bigram') by their two code units, '_' padding both ends.
      let previous = PAD;
      for (let i = 0; i <= value.length; i++) {
        const next = i < value.length ? value.charCodeAt(i) : PAD;
        const code = previous * 65536 + next;
        if (code === NO_CODE) addToken(String.fromCharCode(previous, next), clk);
        else addCoded(bigramTable, bigramImages, bigramTable.offsetOf(code), clk);
        previous = next;
      }
      return value.length + 1;
    } else if (salt === '' && spec.tokenizer === 'positional') {
      for (let i = 0; i < value.length; i++) {
        // A position past 65534 does not fit a code (values that long are broken exports anyway).
        if (i >= 65535) addToken(`${i}:${value[i]}`, clk);
        else addCoded(positionalTable, positionalImages, positionalTable.offsetOf(i * 65536 + value.charCodeAt(i)), clk);
      }
      return value.length;
    }
    const tokens = tokenize(spec.tokenizer, value);
    // Salting binds each token to another field's value, so equal names with different salts share no bits.
    for (const token of tokens) addToken(salt === '' ? token : `${token}\u001f${salt}`, clk);
    return tokens.length;
  }

  /** The hardened filter of `raw` from `slab`, and `raw` zeroed again. */
  function hardenToSlab(slab: FilterSlab): Uint8Array {
    const filter = hardening.isIdentity ? slab.copy(raw) : hardening.harden(raw, slab.allocator);
    raw.fill(0);
    return filter;
  }

  /** The diffused filter of an unsalted value summed token by token, from `slab`; its record bits in `clk`. */
  function summedToSlab(sum: DiffusedSum, value: string, clk: Uint8Array, slab: FilterSlab): Uint8Array {
    summing = true;
    addValue(value, '', clk);
    summing = false;
    sum.finish();
    const filter = slab.copy(sum.bytes);
    sum.clear();
    return filter;
  }

  function remember(key: string, tokens: number): CachedValue {
    const filter = hardening.isIdentity ? raw.slice() : hardening.harden(raw);
    raw.fill(0);
    const words = valueClk.words;
    let clkPositionsOfValue: Uint16Array | undefined;
    let clkAt = -1;
    if (tokens * kc > words.length) clkAt = poolWords(words);
    else if (kc > 0) clkPositionsOfValue = setBitsOf(words);
    words.fill(0);
    const entry: CachedValue = { filter, clkPositions: clkPositionsOfValue, clkAt };
    cache.set(key, entry);
    return entry;
  }

  function applyCached(entry: CachedValue, clk: RecordBits, slab: FilterSlab, shared: boolean): Uint8Array {
    if (entry.clkAt >= 0) {
      const pool = wordPool;
      const target = clk.words;
      for (let i = 0, at = entry.clkAt; i < target.length; i++) target[i] |= pool[at + i];
    } else if (entry.clkPositions) setPositions(clk.bytes, entry.clkPositions);
    return shared ? entry.filter : slab.copy(entry.filter);
  }

  function encodeValue(value: string, salt: string, clk: RecordBits, slab: FilterSlab, shared = false): Uint8Array {
    if (!cacheOn) {
      if (sum && salt === '') return summedToSlab(sum, value, clk.bytes, slab);
      addValue(value, salt, clk.bytes);
      return hardenToSlab(slab);
    }
    const key = salt === '' ? value : `${value}\u0000${salt}`;
    const hit = cache.get(key);
    if (hit) {
      hitsSinceClear++;
      return applyCached(hit, clk, slab, shared);
    }
    if (cache.size >= VALUE_CACHE_LIMIT || (cache.size === EARLY_CHECK && hitsSinceClear < EARLY_CHECK / 16)) {
      // A field whose values rarely repeat (e-mail, SSN) would only pay for the cache: turn it off.
      cacheOn = cache.size === EARLY_CHECK ? false : hitsSinceClear >= VALUE_CACHE_LIMIT / 2;
      cache.clear();
      wordsPooled = 0;
      hitsSinceClear = 0;
      if (!cacheOn) return encodeValue(value, salt, clk, slab, shared);
    }
    return applyCached(remember(key, addValue(value, salt, valueClk.bytes)), clk, slab, shared);
  }

  return {
    field: spec.field,
    hardening,
    saltWith: schema.hardening.salt.find((s) => s.field === spec.field)?.with,
    encodeValue,
  };
}
