/**
 * Match probability of each candidate pair given both records' candidate sets, not only the pair.
 *
 * The plain Fellegi-Sunter posterior, odds = lambda·LR / (1 - lambda), treats a pair as if it were the
 * only one either record takes part in. Between duplicate-free sources a record has at most one
 * match; if a record in A has one in B with probability piA = lambda·|B|, then "a ~ b" competes with
 * "a has no match" (1 - piA), with a's other candidates (lambda·LR each) and with the pairs blocking
 * missed. A pair blocking missed was never compared, so the only evidence about it is that it is not
 * a candidate: likelihood ratio (1 - pairs completeness) / ~1. Its competition is then piA times the
 * share of matches blocking misses, a bounded figure no single random pair can move (the former
 * mean likelihood ratio of the random sample's non-candidates was decided by whichever true match
 * the sample happened to hold). The same holds from b's side, and both must fail for a ~ b to be
 * false:
 *
 *   odds(a ~ b) = lambda·LR_ab / ((1 - piA + others_a + outside_a) · (1 - piB + others_b + outside_b)),
 *
 * where a competitor a' of b counts by its own odds of taking b (its term over a''s alternatives),
 * since a' ~ b also needs a' to leave its other options.
 * A lone strong candidate of a record that almost surely has a match gets a high probability; two
 * records claiming one partner share it. A side that may repeat a person drops its factor.
 */
export interface CompetitionInput {
  left: Uint32Array;
  right: Uint32Array;
  /** log2 LR of each pair (the match weight without the prior). */
  likelihoodWeight: Float64Array;
  /** Share of matches among all pairs. */
  lambda: number;
  countA: number;
  countB: number;
  /** Estimated share of true matches that blocking missed (1 - pairs completeness), in [0, 1). */
  missedShare: number;
  /** Whether a record of a can have at most one match in b (b is duplicate-free), and the reverse. */
  oneMatchPerA: boolean;
  oneMatchPerB: boolean;
}

/** Keeps "no match" possible even when the prior says every record has one. */
const MIN_NO_MATCH = 1e-3;

export function competingMatchProbability(input: CompetitionInput): Float64Array {
  const { left, right, likelihoodWeight, lambda, countA, countB } = input;
  const n = left.length;
  const term = new Float64Array(n);
  // 2^1000 and more would overflow to Infinity; a weight that high is certain either way.
  for (let i = 0; i < n; i++) term[i] = lambda * 2 ** Math.min(MAX_WEIGHT_BITS, likelihoodWeight[i]);
  const piA = Math.min(1 - MIN_NO_MATCH, lambda * countB);
  const piB = Math.min(1 - MIN_NO_MATCH, lambda * countA);
  const outsideA = piA * input.missedShare;
  const outsideB = piB * input.missedShare;
  const othersA = sumsWithoutSelf(term, left, countA);
  const othersB = sumsWithoutSelf(term, right, countB);
  // Each pair's odds from one side only, summed per record of the other side: the competition it faces there.
  const fromA = new Float64Array(n);
  const fromB = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    fromA[i] = term[i] / (input.oneMatchPerA ? 1 - piA + othersA(i) + outsideA : 1 - lambda);
    fromB[i] = term[i] / (input.oneMatchPerB ? 1 - piB + othersB(i) + outsideB : 1);
  }
  const claimsOnA = sumsWithoutSelf(fromB, left, countA);
  const claimsOnB = sumsWithoutSelf(fromA, right, countB);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const againstA = input.oneMatchPerA ? 1 - piA + claimsOnA(i) + outsideA : 1 - lambda;
    const againstB = input.oneMatchPerB ? 1 - piB + claimsOnB(i) + outsideB : 1;
    const odds = term[i] / (againstA * againstB);
    out[i] = odds === Infinity ? 1 : odds / (1 + odds);
  }
  return out;
}

const MAX_WEIGHT_BITS = 900;

/**
 * For each pair i, the sum of `values` over the other pairs of its record (`owner[i]`). Summing all
 * and subtracting one's own fails where one value dwarfs the rest: at a 1M-person spine an exact
 * SSN gave terms near 1e20, `sum - term` cancelled into rounding noise (negative or NaN
 * probabilities for 70% of true pairs). So each record's largest value is kept apart and the rest
 * summed without it.
 */
export function sumsWithoutSelf(values: Float64Array, owner: Uint32Array, count: number): (i: number) => number {
  const largest = new Int32Array(count).fill(-1);
  for (let i = 0; i < owner.length; i++) {
    const r = owner[i];
    if (largest[r] < 0 || values[i] > values[largest[r]]) largest[r] = i;
  }
  const rest = new Float64Array(count);
  for (let i = 0; i < owner.length; i++) if (largest[owner[i]] !== i) rest[owner[i]] += values[i];
  return (i) => {
    const r = owner[i];
    const top = largest[r];
    return top === i ? rest[r] : values[top] + Math.max(0, rest[r] - values[i]);
  };
}
