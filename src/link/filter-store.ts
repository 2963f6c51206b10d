import { popcount32 } from '../kernel/dice.ts';

/**
 * One field's Bloom filters for every record of a source, packed end to end in one typed array,
 * with popcounts computed once: scoring a pair then reads two slices and allocates nothing.
 */
export interface FilterStore {
  count: number;
  wordsPerFilter: number;
  words: Uint32Array;
  popcounts: Int32Array;
  /** 1 when the record has this field. */
  present: Uint8Array;
}

/** Packs filters (undefined = missing) into a store; every present filter must have the same length. */
export function buildFilterStore(filters: ReadonlyArray<Uint8Array | undefined>): FilterStore {
  const first = filters.find((f) => f !== undefined);
  const bytesPerFilter = first ? first.length : 0;
  if (bytesPerFilter % 4 !== 0) throw new RangeError(`filter length ${bytesPerFilter} is not a multiple of 4 bytes`);
  const wordsPerFilter = bytesPerFilter / 4;
  const count = filters.length;
  const bytes = new Uint8Array(count * bytesPerFilter);
  const present = new Uint8Array(count);
  filters.forEach((filter, i) => {
    if (!filter) return;
    if (filter.length !== bytesPerFilter) throw new RangeError(`filters differ in length: ${filter.length} and ${bytesPerFilter} bytes`);
    bytes.set(filter, i * bytesPerFilter);
    present[i] = 1;
  });
  const words = new Uint32Array(bytes.buffer, 0, count * wordsPerFilter);
  const popcounts = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let total = 0;
    for (let w = i * wordsPerFilter, end = w + wordsPerFilter; w < end; w++) total += popcount32(words[w]);
    popcounts[i] = total;
  }
  return { count, wordsPerFilter, words, popcounts, present };
}

/** Reads bit `bit` of record `index` (bits numbered within the packed little-endian words). */
export function filterBit(store: FilterStore, index: number, bit: number): number {
  return (store.words[index * store.wordsPerFilter + (bit >>> 5)] >>> (bit & 31)) & 1;
}
