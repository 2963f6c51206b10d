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
