/**
 * Post-processing of a noisy histogram (free under differential privacy): the running total of
 * the noisy bins is made non-decreasing by isotonic regression (pool adjacent violators) and at
 * least 0, then differenced back into bins. Unlike flooring each bin at 0, which adds the
 * positive half of the noise of every empty bin (a 100-person group came out as 9,500), this
 * keeps the total unbiased while every bin is >= 0 and the bins add up to the published n
 * (the approach of Hay et al., "Boosting the accuracy of differentially private histograms
 * through consistency", 2010, applied to the cumulative counts).
 */
export function consistentHistogram(noisy: readonly number[]): number[] {
  const cumulative: number[] = [];
  let running = 0;
  for (const c of noisy) cumulative.push((running += c));
  const monotone = isotonic(cumulative).map((v) => Math.max(0, v));
  return monotone.map((v, i) => v - (i === 0 ? 0 : monotone[i - 1]));
}

/** Least-squares non-decreasing fit (pool adjacent violators, equal weights). */
export function isotonic(values: readonly number[]): number[] {
  const blocks: Array<{ mean: number; size: number }> = [];
  for (const v of values) {
    blocks.push({ mean: v, size: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].mean > blocks[blocks.length - 1].mean) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      blocks.push({ mean: (a.mean * a.size + b.mean * b.size) / (a.size + b.size), size: a.size + b.size });
    }
  }
  return blocks.flatMap((b) => new Array<number>(b.size).fill(b.mean));
}
