/**
 * Return on the credential for the candidate: the net present value of the earnings effect
 * per quarter after the award minus the credential's cost, discounted at a real annual rate
 * (3% by default, as OMB Circular A-94 and most training ROI studies use for real flows).
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

/**
 * Effects measured for +1..+n, extended to `quarters`: beyond the last measured quarter either
 * the mean of the last four measured quarters is held (a flat-effect assumption) or none is assumed.
 */
export function extendEffects(measured: readonly number[], quarters: number, extrapolation: 'hold-last-year' | 'none'): number[] {
  const tail = measured.slice(-4);
  const hold = extrapolation === 'hold-last-year' && tail.length ? tail.reduce((a, b) => a + b, 0) / tail.length : 0;
  return Array.from({ length: quarters }, (_, i) => (i < measured.length ? measured[i] : hold));
}
