/**
 * Seeded PRNG for the synthetic world: xoshiro128** seeded through splitmix32. Each person
 * and each aspect of a person gets its own stream (`createRng(seed, person, aspect)`), so that
 * a world is the same whatever order it is generated in, and turning a corruption knob leaves
 * the true lives of the persons unchanged.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi] (inclusive). */
  between(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box-Muller). */
  normal(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** Mixes any number of integers into one 32-bit seed. */
export function mixSeed(...parts: number[]): number {
  let h = 0x243f6a88;
  for (const part of parts) {
    const lo = part >>> 0;
    const hi = Math.floor(part / 2 ** 32) >>> 0;
    h = splitmix32(h ^ lo)() ^ hi;
    h = splitmix32(h)();
  }
  return h >>> 0;
}

export function createRng(...seedParts: number[]): Rng {
  const sm = splitmix32(mixSeed(...seedParts));
  let s0 = sm() | 1;
  let s1 = sm();
  let s2 = sm();
  let s3 = sm();
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3 >>> 0, 11);
    return result;
  };
  let spare: number | undefined;
  const next = () => nextU32() / 2 ** 32;
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    between: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => p > 0 && next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    normal() {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
  return rng;
}

/** A table of items with weights, sampled by binary search on the cumulative weights. */
export interface WeightedTable<T> {
  items: readonly T[];
  cumulative: Float64Array;
  total: number;
}

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    total += weight;
    cumulative[i] = total;
  });
  return { items: entries.map(([item]) => item), cumulative, total };
}

export function sampleWeighted<T>(rng: Rng, table: WeightedTable<T>): T {
  const target = rng.next() * table.total;
  let lo = 0;
  let hi = table.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return table.items[lo];
}
