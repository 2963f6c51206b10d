import { popcount32 } from '../kernel/dice.ts';
import type { DiceKernel, FilterSet } from '../kernel/dice-kernel.ts';
import { WasmFilterSet } from '../kernel/wasm-dice-kernel.ts';

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
  /** The same filters loaded into a Dice kernel, when one scores this store (score-pairs.ts). */
  kernel?: { kernel: DiceKernel; set: FilterSet };
}

/**
 * Packs filters (undefined = missing) into a store; every present filter must have the same length.
 * With a kernel, the filters are loaded into it once; a WebAssembly kernel's copy then becomes the
 * store's only copy (words and popcounts are views of its memory), so the filters are held once.
 */
export function buildFilterStore(filters: ReadonlyArray<Uint8Array | undefined>, kernel?: DiceKernel): FilterStore {
  const first = filters.find((f) => f !== undefined);
  const bytesPerFilter = first ? first.length : 0;
  if (bytesPerFilter % 4 !== 0) throw new RangeError(`filter length ${bytesPerFilter} is not a multiple of 4 bytes`);
  const count = filters.length;
  const bytes = new Uint8Array(count * bytesPerFilter);
  const present = new Uint8Array(count);
  filters.forEach((filter, i) => {
    if (!filter) return;
    if (filter.length !== bytesPerFilter) throw new RangeError(`filters differ in length: ${filter.length} and ${bytesPerFilter} bytes`);
    bytes.set(filter, i * bytesPerFilter);
    present[i] = 1;
  });
  return packedFilterStore(bytes, bytesPerFilter, present, kernel);
}

/** A store over filters already packed end to end (`bytes`, zeros where absent), taking ownership of them. */
export function packedFilterStore(bytes: Uint8Array, bytesPerFilter: number, present: Uint8Array, kernel?: DiceKernel): FilterStore {
  const count = present.length;
  const wordsPerFilter = bytesPerFilter / 4;
  // The kernels take filters in 64-bit steps (every schema filter is); anything else stays on the JS path.
  if (kernel && bytesPerFilter > 0 && bytesPerFilter % 8 === 0 && count > 0) {
    const set = kernel.load(bytes, bytesPerFilter);
    if (set instanceof WasmFilterSet) {
      const words = new Uint32Array(set.memory.buffer, set.ptr, count * wordsPerFilter);
      const popcounts = new Int32Array(set.memory.buffer, set.popPtr, count);
      return { count, wordsPerFilter, words, popcounts, present, kernel: { kernel, set } };
    }
    return { count, wordsPerFilter, ...wordsAndPopcounts(bytes, count, wordsPerFilter), present, kernel: { kernel, set } };
  }
  return { count, wordsPerFilter, ...wordsAndPopcounts(bytes, count, wordsPerFilter), present };
}

function wordsAndPopcounts(bytes: Uint8Array, count: number, wordsPerFilter: number): { words: Uint32Array; popcounts: Int32Array } {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, count * wordsPerFilter);
  const popcounts = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let total = 0;
    for (let w = i * wordsPerFilter, end = w + wordsPerFilter; w < end; w++) total += popcount32(words[w]);
    popcounts[i] = total;
  }
  return { words, popcounts };
}

/** Reads bit `bit` of record `index` (bits numbered within the packed little-endian words). */
export function filterBit(store: FilterStore, index: number, bit: number): number {
  return (store.words[index * store.wordsPerFilter + (bit >>> 5)] >>> (bit & 31)) & 1;
}
