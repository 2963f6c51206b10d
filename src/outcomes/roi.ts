/**
 * Return on the credential for the candidate: the net present value of the quarterly earnings
 * premium after the award minus the credential's cost, discounted at a real annual rate (3% by
 * default, as OMB Circular A-94 and most training ROI studies use for real flows).
 *
 * Discounting is per quarter at the quarterly rate equivalent to the annual one: quarter k is
 * worth (1 + r)^(-k/4), so four quarters compound to exactly one year at r.
 * Effects are real base-year dollars per quarter; index 0 is quarter +1.
 */
export function discountFactor(quarter: number, annualRate: number): number {
  return (1 + annualRate) ** (-quarter / 4);
}

export function npv(effects: readonly number[], cost: number, annualRate: number, quarters: number): number {
  let value = -cost;
  for (let k = 1; k <= quarters && k <= effects.length; k++) value += effects[k - 1] * discountFactor(k, annualRate);
  return value;
}

/** First quarter after the award at which the discounted cumulative effect covers the cost, or undefined. */
export function breakevenQuarter(effects: readonly number[], cost: number, annualRate: number, maxQuarters: number): number | undefined {
  let value = -cost;
  if (value >= 0) return 0;
  for (let k = 1; k <= maxQuarters && k <= effects.length; k++) {
    value += effects[k - 1] * discountFactor(k, annualRate);
    if (value >= 0) return k;
  }
  return undefined;
}

export type Extrapolation = 'hold-mean' | 'hold-last-year' | 'none';

/**
 * The premium per quarter used for the ROI: the mean of the measured quarterly effects (+1..+12).
 * One pooled figure, because a single quarter's effect rests on a few dozen people and moves by
 * hundreds of dollars from noise and from which award cohorts the data still cover.
 */
export function premiumOf(measured: readonly number[]): number {
  return measured.length ? measured.reduce((a, b) => a + b, 0) / measured.length : 0;
}

/**
 * Quarterly effects from +1 to `quarters`:
 * - hold-mean (default): the premium (mean of the measured quarters) in every quarter, so that
 *   NPV = premium x sum of discount factors - cost, checkable by hand;
 * - hold-last-year: the measured quarters, then the mean of the last four held;
 * - none: the premium over the measured quarters only, nothing after.
 */
export function extendEffects(measured: readonly number[], quarters: number, extrapolation: Extrapolation): number[] {
  if (extrapolation === 'hold-last-year') {
    const tail = measured.slice(-4);
    const hold = tail.length ? premiumOf(tail) : 0;
    return Array.from({ length: quarters }, (_, i) => (i < measured.length ? measured[i] : hold));
  }
  const premium = premiumOf(measured);
  return Array.from({ length: quarters }, (_, i) => (extrapolation === 'hold-mean' || i < measured.length ? premium : 0));
}
