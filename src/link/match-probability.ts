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
  const sumA = new Float64Array(countA);
  const sumB = new Float64Array(countB);
  for (let i = 0; i < n; i++) {
    term[i] = lambda * 2 ** likelihoodWeight[i];
    sumA[left[i]] += term[i];
    sumB[right[i]] += term[i];
  }
  const piA = Math.min(1 - MIN_NO_MATCH, lambda * countB);
  const piB = Math.min(1 - MIN_NO_MATCH, lambda * countA);
  const outsideA = piA * input.missedShare;
  const outsideB = piB * input.missedShare;
  const alternativesA = (i: number) => (input.oneMatchPerA ? 1 - piA + sumA[left[i]] - term[i] + outsideA : 1 - lambda);
  const alternativesB = (i: number) => (input.oneMatchPerB ? 1 - piB + sumB[right[i]] - term[i] + outsideB : 1);
  // Each pair's odds from one side only, summed per record of the other side: the competition it faces there.
  const claimsOnB = new Float64Array(countB);
  const claimsOnA = new Float64Array(countA);
  const fromA = new Float64Array(n);
  const fromB = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    fromA[i] = term[i] / alternativesA(i);
    fromB[i] = term[i] / alternativesB(i);
    claimsOnB[right[i]] += fromA[i];
    claimsOnA[left[i]] += fromB[i];
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const againstA = input.oneMatchPerA ? 1 - piA + claimsOnA[left[i]] - fromB[i] + outsideA : 1 - lambda;
    const againstB = input.oneMatchPerB ? 1 - piB + claimsOnB[right[i]] - fromA[i] + outsideB : 1;
    const odds = term[i] / (againstA * againstB);
    out[i] = odds / (1 + odds);
  }
  return out;
}
