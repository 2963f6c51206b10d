import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentHistogram, isotonic } from '../../src/disclosure/consistent-histogram.ts';
import { DP_MAX_BINS, binCount, dpBins, histogramMean, histogramPercentile, noisyCount, noisyDistribution, noisyHistogram, seededRandom } from '../../src/disclosure/geometric-noise.ts';
import { publishTables } from '../../src/disclosure/publish-tables.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../src/disclosure/disclosure-policy.ts';
import type { RawCell, RawTable } from '../../src/disclosure/cells.ts';

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

describe('one noisy release per distribution', () => {
  const spread = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
  };

  it('publishes n with the spread of one noisy count, not of the sum of every bin', () => {
    const random = seededRandom(21);
    const values = Array.from({ length: 400 }, (_, i) => 9_000 + 20 * i);
    const alpha = Math.exp(-0.2);
    const released: number[] = [];
    const binSums: number[] = [];
    for (let trial = 0; trial < 300; trial++) {
      const d = noisyDistribution(values, bins, alpha, random);
      expect(d.histogram.reduce((a, b) => a + b, 0)).toBeCloseTo(d.n, 6);
      released.push(d.n);
      binSums.push(noisyHistogram(values, bins, alpha, random).reduce((a, b) => a + b, 0));
    }
    const half = Math.sqrt(alpha); // half the query's budget on n
    const oneCount = Math.sqrt(2 * half) / (1 - half);
    expect(spread(released)).toBeGreaterThan(0.8 * oneCount);
    expect(spread(released)).toBeLessThan(1.2 * oneCount);
    expect(spread(binSums)).toBeGreaterThan(2.5 * spread(released));
  });

  it('merges the cell bins into at most 16, covering the same range', () => {
    expect(dpBins(bins)).toEqual({ min: 0, max: 60_000, width: 4_000 }); // 15 bins of $4,000
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 5_000 }), (min, count, width) => {
        const cell = { min, max: min + count * width, width };
        const merged = dpBins(cell);
        expect(binCount(merged)).toBeLessThanOrEqual(DP_MAX_BINS);
        expect(merged.min).toBe(cell.min);
        expect(merged.max).toBeGreaterThanOrEqual(cell.max);
        expect(merged.width % cell.width).toBe(0);
      }),
    );
  });
});

describe('the budget counts releases, not cells', () => {
  const table = (shared: boolean, withSe = false): RawTable => {
    const values = Array.from({ length: 200 }, (_, i) => 5_000 + 40 * i);
    const cells: RawCell[] = (['p25', 'median', 'p75'] as const).map((stat) => ({ id: stat, dims: {}, measure: stat, kind: 'stat', stat, values: shared ? values : [...values], bins, unit: 'dollars' }));
    if (withSe) cells.push({ id: 'se', dims: {}, measure: 'did_se', kind: 'mean_difference', statistic: 'standard_error', treated: values, comparison: values, bins, minArm: 30 });
    return { name: 'earnings', title: '', dims: [], definition: '', cells, margins: [] };
  };
  const publish = (t: RawTable) => publishTables([t], DEFAULT_DISCLOSURE_POLICY, { epsilon: 5, random: seededRandom(3) });

  it('spends one query on the percentiles of one list of values, from one noisy histogram', () => {
    const result = publish(table(true));
    expect(result.budget!.queries).toBe(1);
    const counts = result.tables[0].cells.map((c) => c.count);
    expect(new Set(counts).size).toBe(1); // one release: one n
    const [p25, p50, p75] = result.tables[0].cells.map((c) => c.value!);
    expect(p25).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p75);
    expect(publish(table(false)).budget!.queries).toBe(3);
  });

  it('spends nothing on a standard error, which DP does not release', () => {
    const result = publish(table(true, true));
    expect(result.budget!.queries).toBe(1);
    expect(result.tables[0].cells.find((c) => c.measure === 'did_se')!.status).toBe('suppressed');
  });
});
