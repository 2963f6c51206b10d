/** Counts are published rounded to a base (half away from zero): exact small differences between tables do not survive. */
export function roundCount(count: number, base: number): number {
  if (base <= 1) return Math.round(count);
  return Math.sign(count) * Math.round(Math.abs(count) / base) * base;
}

/** Dollars to the nearest `step` (e.g. $10); the precision of a published earnings figure. */
export function roundDollars(value: number, step: number): number {
  if (step <= 0) return value;
  return Math.round(value / step) * step;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * A rate from the rounded numerator and denominator, not from the exact ones, and with no more
 * decimals than those counts carry (a step of at most roundingBase / denominator, up to
 * `rateDecimals`). A 3-decimal exact rate beside its rounded count leaves a single integer
 * numerator/denominator pair for most cells, undoing the rounding; so does a 3-decimal rate of
 * two multiples of 5 over 40 people (test/disclosure/rate-rounding.test.ts searches for them).
 */
export function publishedRate(numerator: number, denominator: number, policy: { roundingBase: number; rateDecimals: number }): number {
  return rateOfRoundedCounts(roundCount(numerator, policy.roundingBase), roundCount(denominator, policy.roundingBase), policy);
}

/** The published rate of an already rounded numerator and denominator (see publishedRate). */
export function rateOfRoundedCounts(numerator: number, denominator: number, policy: { roundingBase: number; rateDecimals: number }): number {
  if (denominator <= 0) return 0;
  const rate = Math.min(1, Math.max(0, numerator / denominator));
  return roundTo(rate, Math.round(-Math.log10(rateStep(denominator, policy))));
}

/** The step of a published rate over a rounded denominator (see publishedRate). */
export function rateStep(roundedDenominator: number, policy: { roundingBase: number; rateDecimals: number }): number {
  if (roundedDenominator <= 0) return 1;
  const carried = Math.max(1, -Math.floor(Math.log10(Math.max(1, policy.roundingBase) / roundedDenominator)));
  return 10 ** -Math.min(policy.rateDecimals, carried);
}
