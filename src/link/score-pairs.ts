import { popcount32 } from '../kernel/dice.ts';
import type { FilterStore } from './filter-store.ts';

/**
 * The scoring seam: Dice of record left[i] of `a` with record right[i] of `b`, for a batch of
 * candidate pairs, into `out` (NaN where either side lacks the field). A WebAssembly or parallel
 * kernel can replace this function without touching blocking or the model.
 */
export function diceForPairs(
  a: FilterStore,
  b: FilterStore,
  left: Uint32Array,
  right: Uint32Array,
  out: Float64Array,
): void {
  if (a.wordsPerFilter !== b.wordsPerFilter) throw new RangeError('the two stores hold filters of different lengths');
  const words = a.wordsPerFilter;
  const aw = a.words;
  const bw = b.words;
  for (let i = 0; i < left.length; i++) {
    const x = left[i];
    const y = right[i];
    if (a.present[x] === 0 || b.present[y] === 0) {
      out[i] = Number.NaN;
      continue;
    }
    const total = a.popcounts[x] + b.popcounts[y];
    if (total === 0) {
      out[i] = 0;
      continue;
    }
    let common = 0;
    for (let p = x * words, q = y * words, end = p + words; p < end; p++, q++) common += popcount32(aw[p] & bw[q]);
    out[i] = (2 * common) / total;
  }
}
