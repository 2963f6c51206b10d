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
  const counts = new Map<string, number>();
  const halves = new Uint16Array(store.words.buffer, store.words.byteOffset, store.words.length * 2);
  const width = store.wordsPerFilter * 2;
  let present = 0;
  for (let i = 0; i < store.count; i++) {
    if (store.present[i] === 0 || store.popcounts[i] === 0) continue;
    present += 1;
    const key = String.fromCharCode(...halves.subarray(i * width, (i + 1) * width));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let agreeing = 0;
  for (const n of counts.values()) agreeing += (n * (n - 1)) / 2;
  return { agreeing, pairs: (present * (present - 1)) / 2 };
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
