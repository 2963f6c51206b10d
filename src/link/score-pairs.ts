import { popcount32 } from '../kernel/dice.ts';
import type { FilterStore } from './filter-store.ts';

/**
 * The scoring seam: Dice of record left[i] of `a` with record right[i] of `b`, for a batch of
 * candidate pairs, into `out` (NaN where either side lacks the field). When both stores were
 * loaded into the same Dice kernel (WebAssembly), it scores the batch; otherwise the JavaScript
 * loop below does, which is also the oracle the kernel is tested against (identical f64 results:
 * both compute 2c / (|a| + |b|), and 0 for two empty filters).
 */
export function diceForPairs(
  a: FilterStore,
  b: FilterStore,
  left: Uint32Array,
  right: Uint32Array,
  out: Float64Array,
): void {
  if (a.wordsPerFilter !== b.wordsPerFilter) throw new RangeError('the two stores hold filters of different lengths');
  if (a.kernel && b.kernel && a.kernel.kernel === b.kernel.kernel) {
    a.kernel.kernel.scorePairs(a.kernel.set, b.kernel.set, left, right, out);
    // Absent filters are zeros in the kernel (score 0); the model needs them marked missing.
    for (let i = 0; i < left.length; i++) if (a.present[left[i]] === 0 || b.present[right[i]] === 0) out[i] = Number.NaN;
    return;
  }
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
