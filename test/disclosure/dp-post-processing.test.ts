import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentHistogram, isotonic } from '../../src/disclosure/consistent-histogram.ts';
import { binCount, histogramMean, histogramPercentile, noisyCount, noisyHistogram, seededRandom } from '../../src/disclosure/geometric-noise.ts';

const bins = { min: 0, max: 60_000, width: 500 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('consistent noisy histograms', () => {
  it('isotonic regression is non-decreasing, keeps the sum, and leaves sorted input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 80 }), (values) => {
        const fit = isotonic(values);
        expect(fit).toHaveLength(values.length);
        for (let i = 1; i < fit.length; i++) expect(fit[i]).toBeGreaterThanOrEqual(fit[i - 1] - 1e-9);
        expect(fit.reduce((a, b) => a + b, 0)).toBeCloseTo(values.reduce((a, b) => a + b, 0), 6);
        const sorted = [...values].sort((a, b) => a - b);
        expect(isotonic(sorted)).toEqual(sorted);
      }),
    );
  });

  it('gives bins >= 0 that add up to the total, and returns an exact histogram unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 80 }), { minLength: 1, maxLength: 120 }), (noisy) => {
        const h = consistentHistogram(noisy);
        expect(h.every((c) => c >= -1e-9)).toBe(true);
        expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.max(0, isotonic(noisy.map((_, i) => noisy.slice(0, i + 1).reduce((a, b) => a + b, 0))).at(-1)!), 6);
      }),
    );
    expect(consistentHistogram([0, 3, 0, 5, 2])).toEqual([0, 3, 0, 5, 2]);
  });

  it('keeps the people count of a 100-person group near 100 (flooring every bin gave thousands)', () => {
    const random = seededRandom(11);
    const values = Array.from({ length: 100 }, (_, i) => 8_000 + 150 * i);
    const alpha = Math.exp(-1 / 6); // epsilon 1 per query, sensitivity 6
    const totals: number[] = [];
    const floored: number[] = [];
    for (let trial = 0; trial < 100; trial++) {
      totals.push(noisyHistogram(values, bins, alpha, random).reduce((a, b) => a + b, 0));
      floored.push(Array.from({ length: binCount(bins) }, (_, i) => noisyCount(values.filter((v) => Math.floor(v / 500) === i).length, alpha, random)).reduce((a, b) => a + b, 0));
    }
    expect(Math.abs(median(totals) - 100)).toBeLessThan(60);
    expect(median(floored)).toBeGreaterThan(250); // the old per-bin floor: the positive half of 120 bins of noise
  });

  it('recovers the median and mean of a large group within a few bins at a moderate noise level', () => {
    const random = seededRandom(5);
    const values = Array.from({ length: 2_000 }, () => 10_000 + 10_000 * random());
    const hist = noisyHistogram(values, bins, Math.exp(-0.5), random);
    expect(Math.abs(histogramPercentile(hist, bins, 50)! - 15_000)).toBeLessThan(1_500);
    expect(Math.abs(histogramMean(hist, bins)! - 15_000)).toBeLessThan(1_500);
  });
});
