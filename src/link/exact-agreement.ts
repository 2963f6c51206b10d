import type { FilterStore } from './filter-store.ts';

/** Pairs of records, and how many of them hold identical filters of one field. */
export interface AgreementCount {
  agreeing: number;
  pairs: number;
}

/**
 * How often two distinct records of a duplicate-free source hold identical (non-empty) filters of
 * one field. Such pairs are non-matches by definition, so this counts exact agreement by chance
 * over n(n-1)/2 pairs instead of the 200,000 of the random sample: for a near-unique identifier
 * (SSN, e-mail) the sample cannot resolve u below about 1 in 400,000, which capped an exact SSN
 * at +16 bits and left pairs with SSN exact and both names changed (a swap) under the threshold.
 */
export function exactAgreementCount(store: FilterStore): AgreementCount {
  const hashes = filterHashes([store]);
  return { agreeing: agreeingWithin(hashes), pairs: (hashes.length * (hashes.length - 1)) / 2 };
}

/**
 * A 53-bit hash of each record's filters of the given fields, sorted, for the records holding every
 * one of them (non-empty). Identical filters are counted by sorting these, not in a Map keyed by the
 * filter: a Map holds at most 2^24 entries (a 30M-person wage file has 30M distinct SSNs) and a string
 * per record costs ~60 bytes. Two distinct filters collide with probability 2^-53 (0.006 pairs
 * expected among 10M records).
 */
export function filterHashes(stores: readonly FilterStore[]): Float64Array {
  const count = stores[0]?.count ?? 0;
  const hashes = new Float64Array(count);
  let present = 0;
  for (let i = 0; i < count; i++) {
    if (stores.some((s) => s.present[i] === 0 || s.popcounts[i] === 0)) continue;
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (const { words, wordsPerFilter } of stores) {
      for (let w = i * wordsPerFilter, end = w + wordsPerFilter; w < end; w++) {
        h1 = Math.imul(h1 ^ words[w], 0x01000193);
        h2 = Math.imul(h2 ^ words[w], 0x5bd1e995) ^ (h2 >>> 15);
      }
    }
    hashes[present++] = (h1 >>> 0) * 2 ** 21 + ((h2 >>> 0) & 0x1fffff);
  }
  return hashes.subarray(0, present).sort();
}

/** Pairs of records with equal hashes, within one sorted list. */
function agreeingWithin(sorted: Float64Array): number {
  let agreeing = 0;
  for (let i = 0, run = 1; i < sorted.length; i++) {
    if (i + 1 < sorted.length && sorted[i + 1] === sorted[i]) run += 1;
    else {
      agreeing += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  return agreeing;
}

/** Pairs (one record of each list) with equal hashes, over the `a.length x b.length` pairs of two sorted lists. */
export function crossAgreementCount(a: Float64Array, b: Float64Array): AgreementCount {
  let agreeing = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] < b[j]) i += 1;
    else if (a[i] > b[j]) j += 1;
    else {
      const value = a[i];
      let runA = 0;
      let runB = 0;
      while (i < a.length && a[i] === value) (i += 1), (runA += 1);
      while (j < b.length && b[j] === value) (j += 1), (runB += 1);
      agreeing += runA * runB;
    }
  }
  return { agreeing, pairs: a.length * b.length };
}

/**
 * Whether the within-source rate fits the sample: at most the sample count's rough 95% Poisson upper
 * bound (k + 2·sqrt(k) + 3). A higher rate means the two sources write the field differently (a full
 * middle name on one side, an initial on the other), so agreement within one does not describe the pairs.
 */
function consistent(sampleExact: number, sampleTotal: number, within: AgreementCount): boolean {
  const upper = (sampleExact + 2 * Math.sqrt(sampleExact) + 3) / Math.max(sampleTotal, 1);
  return within.agreeing / within.pairs <= upper;
}

/**
 * u of the exact level pooled from the random sample and the within-source counts; the other
 * levels keep their sample shares of what is left. `sampleExact` and `sampleTotal` are the
 * (non-match weighted) sample counts of the field.
 */
export function pooledExactU(u: readonly number[], exactLevel: number, sampleExact: number, sampleTotal: number, within: AgreementCount): number[] {
  if (within.pairs === 0 || !consistent(sampleExact, sampleTotal, within)) return [...u];
  const exact = (sampleExact + within.agreeing + 0.5) / (sampleTotal + within.pairs + 0.5 * u.length);
  const rest = u.reduce((s, x, k) => (k === exactLevel ? s : s + x), 0);
  return u.map((x, k) => (k === exactLevel ? exact : rest > 0 ? (x / rest) * (1 - exact) : (1 - exact) / (u.length - 1)));
}

const cache = new WeakMap<FilterStore, AgreementCount>();

/** Exact agreement of a field summed over the duplicate-free sides (undefined when neither is, or when deduplicating). */
export function withinSourceAgreement(stores: ReadonlyArray<{ duplicateFree: boolean; filters?: FilterStore }>): AgreementCount | undefined {
  let total: AgreementCount | undefined;
  for (const { duplicateFree, filters } of stores) {
    if (!duplicateFree || !filters) continue;
    let count = cache.get(filters);
    if (!count) cache.set(filters, (count = exactAgreementCount(filters)));
    total = { agreeing: (total?.agreeing ?? 0) + count.agreeing, pairs: (total?.pairs ?? 0) + count.pairs };
  }
  return total;
}
