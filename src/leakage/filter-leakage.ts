import { dice, popcountBytes } from '../kernel/dice.ts';

/** What a set of filters (one field, or the record filter) gives away to a keyless reader. */
export interface FilterLeakage {
  filters: number;
  bits: number;
  /** Bit columns: the share of filters setting each bit. A wide spread lets pattern mining tell bits apart. */
  bitFrequency: { min: number; max: number; sd: number };
  /** Popcounts: when they vary, fill tracks value length (balancing makes sd 0). */
  popcount: { mean: number; sd: number; min: number; max: number; distinct: number };
  /** Identical filters: equal values give equal filters, which is what frequency attacks align. */
  repeats: { distinct: number; shareRepeated: number; top: number[] };
  /**
   * Near-identical filters (Dice >= 0.9 with another filter, on a sample): per-record noise hides
   * exact repeats, but an attacker can still group near ones.
   */
  nearRepeatShare: number;
  nearRepeatSample: number;
}

/** Filters compared pairwise for near repeats: enough to estimate a share, quadratic in cost. */
export const NEAR_REPEAT_SAMPLE = 1000;
export const NEAR_REPEAT_DICE = 0.9;

const keyOf = (f: Uint8Array) => Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('base64');

function meanSd(xs: ArrayLike<number>): { mean: number; sd: number } {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  const mean = xs.length ? s / xs.length : 0;
  let v = 0;
  for (let i = 0; i < xs.length; i++) v += (xs[i] - mean) ** 2;
  return { mean, sd: xs.length ? Math.sqrt(v / xs.length) : 0 };
}

/** Leakage measures of one set of equal-length filters. */
export function filterLeakage(filters: readonly Uint8Array[]): FilterLeakage {
  const bits = filters.length ? filters[0].length * 8 : 0;
  const columns = new Float64Array(bits);
  const popcounts = new Float64Array(filters.length);
  const counts = new Map<string, number>();
  filters.forEach((f, i) => {
    for (let b = 0; b < bits; b++) columns[b] += (f[b >>> 3] >>> (b & 7)) & 1;
    popcounts[i] = popcountBytes(f);
    const k = keyOf(f);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const freq = columns.map((c) => (filters.length ? c / filters.length : 0));
  const repeated = [...counts.values()].filter((c) => c > 1);
  const sample = filters.slice(0, NEAR_REPEAT_SAMPLE);
  let near = 0;
  for (let i = 0; i < sample.length; i++) {
    for (let j = 0; j < sample.length; j++) {
      if (i !== j && dice(sample[i], sample[j]) >= NEAR_REPEAT_DICE) {
        near++;
        break;
      }
    }
  }
  const pc = meanSd(popcounts);
  return {
    filters: filters.length,
    bits,
    bitFrequency: { min: bits ? Math.min(...freq) : 0, max: bits ? Math.max(...freq) : 0, sd: meanSd(freq).sd },
    popcount: { mean: pc.mean, sd: pc.sd, min: filters.length ? Math.min(...popcounts) : 0, max: filters.length ? Math.max(...popcounts) : 0, distinct: new Set(popcounts).size },
    repeats: {
      distinct: counts.size,
      shareRepeated: filters.length ? repeated.reduce((a, b) => a + b, 0) / filters.length : 0,
      top: repeated.sort((a, b) => b - a).slice(0, 5),
    },
    nearRepeatShare: sample.length ? near / sample.length : 0,
    nearRepeatSample: sample.length,
  };
}
