/**
 * Percentiles that are never one person's value: the p-th percentile is published as the
 * average of the (p - 5)-th and (p + 5)-th (so the median is the mean of p45 and p55), each by
 * linear interpolation between order statistics. With at least 30 people those two ranks are
 * at least three people apart, so the result blends several people's values.
 */

/** Linear-interpolation percentile (type 7) of sorted values, p in [0, 100]. */
export function interpolatedPercentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of an empty list');
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;
  return sorted[lower] * (1 - weight) + sorted[upper] * weight;
}

export const NEIGHBOUR_SPREAD = 5;

export function safePercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const low = interpolatedPercentile(sorted, Math.max(0, p - NEIGHBOUR_SPREAD));
  const high = interpolatedPercentile(sorted, Math.min(100, p + NEIGHBOUR_SPREAD));
  return (low + high) / 2;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export const STAT_PERCENTILE = { p25: 25, median: 50, p75: 75 } as const;

/** Sample variance (n - 1). */
export function variance(values: readonly number[]): number {
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return sum / (values.length - 1);
}
