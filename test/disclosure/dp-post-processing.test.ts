import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentHistogram, isotonic } from '../../src/disclosure/consistent-histogram.ts';
import { DP_MAX_BINS, binCount, dpBins, histogramMean, histogramPercentile, noisyCount, noisyDistribution, noisyHistogram, seededRandom } from '../../src/disclosure/geometric-noise.ts';
import { publishTables } from '../../src/disclosure/publish-tables.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../src/disclosure/disclosure-policy.ts';
import type { RawCell, RawTable } from '../../src/disclosure/cells.ts';
import { buildContext } from '../../src/outcomes/outcome-context.ts';
import { buildEmploymentTables } from '../../src/outcomes/labor-market-tables.ts';
import { buildComparisonTable } from '../../src/outcomes/comparison-table.ts';
import { CATALOG, EMPLOYERS, population, testConfig } from '../outcomes/population.ts';

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

  it('suppresses the statistics of a small group (before, the bins\' noise published every trajectory cell)', () => {
    const random = seededRandom(31);
    const values = Array.from({ length: 15 }, (_, i) => 7_000 + 300 * i);
    const cell: RawCell = { id: 'm', dims: {}, measure: 'median', kind: 'stat', stat: 'median', values, bins, unit: 'dollars' };
    const table: RawTable = { name: 'trajectory', title: '', dims: [], definition: '', cells: [cell], margins: [] };
    let published = 0;
    let publishedBySummedBins = 0;
    for (let trial = 0; trial < 200; trial++) {
      const result = publishTables([table], DEFAULT_DISCLOSURE_POLICY, { epsilon: 0.5, random });
      if (result.tables[0].cells[0].status !== 'suppressed') published++;
      const alpha = result.budget!.tables[0].alpha;
      if (noisyHistogram(values, bins, alpha, random).reduce((a, b) => a + b, 0) >= DEFAULT_DISCLOSURE_POLICY.minPercentileCell) publishedBySummedBins++;
    }
    expect(published / 200).toBeLessThan(0.05); // 15 people, a threshold of 30
    expect(publishedBySummedBins / 200).toBeGreaterThan(0.3);
  });

  it('merges the cell bins into at most 8, covering the same range', () => {
    expect(dpBins(bins)).toEqual({ min: 0, max: 60_000, width: 7_500 }); // 8 bins of $7,500
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

describe('DP totals from their parts', () => {
  const values = (n: number, from: number) => Array.from({ length: n }, (_, i) => from + 25 * i);
  const cohortTable = (): RawTable => {
    const cells: RawCell[] = [];
    const parts = { c1: { held: 120, employed: 90, pay: values(90, 6_000) }, c2: { held: 200, employed: 150, pay: values(150, 9_000) } };
    for (const [cohort, p] of Object.entries(parts)) {
      cells.push({ id: `${cohort}|held`, dims: { cohort }, measure: 'held', kind: 'count', count: p.held });
      cells.push({ id: `${cohort}|employed`, dims: { cohort }, measure: 'employed', kind: 'rate', numerator: p.employed, denominator: p.held });
      cells.push({ id: `${cohort}|median`, dims: { cohort }, measure: 'median', kind: 'stat', stat: 'median', values: p.pay, bins, unit: 'dollars' });
    }
    const sumOf = (m: string) => ['c1', 'c2'].map((c) => `${c}|${m}`);
    cells.push({ id: 'all|held', dims: { cohort: 'all' }, measure: 'held', kind: 'count', count: 320, dpSumOf: sumOf('held') });
    cells.push({ id: 'all|employed', dims: { cohort: 'all' }, measure: 'employed', kind: 'rate', numerator: 240, denominator: 320, dpSumOf: sumOf('employed') });
    cells.push({ id: 'all|median', dims: { cohort: 'all' }, measure: 'median', kind: 'stat', stat: 'median', values: [...parts.c1.pay, ...parts.c2.pay], bins, unit: 'dollars', dpSumOf: sumOf('median') });
    return { name: 'cohorts', title: '', dims: ['cohort'], definition: '', cells, margins: [], dpSensitivity: 1 };
  };
  const policy = { ...DEFAULT_DISCLOSURE_POLICY, roundingBase: 1, minCell: 0, minPercentileCell: 0 };

  it('spends no budget on a total of parts, and the total adds up with them', () => {
    const result = publishTables([cohortTable()], policy, { epsilon: 30, random: seededRandom(8) });
    expect(result.budget!.queries).toBe(1 + 2 + 1); // held, employed (numerator and denominator), median: the 'all' row is free
    const cell = (id: string) => result.tables[0].cells.find((c) => `${c.dims.cohort}|${c.measure}` === id)!;
    expect(cell('all|held').value).toBe(cell('c1|held').value! + cell('c2|held').value!);
    expect(cell('all|employed').count).toBe(cell('c1|employed').count! + cell('c2|employed').count!);
    expect(cell('all|median').count).toBe(cell('c1|median').count! + cell('c2|median').count!);
    const median = cell('all|median').value!;
    expect(median).toBeGreaterThanOrEqual(Math.min(cell('c1|median').value!, cell('c2|median').value!) - 4_000);
    expect(median).toBeLessThanOrEqual(Math.max(cell('c1|median').value!, cell('c2|median').value!) + 4_000);
  });

  it('cohort tables of the outcomes release their all rows this way, at the sensitivity of the cohort rows alone', () => {
    const cohorts = [{ label: 'a', from: 2018, to: 2020 }, { label: 'b', from: 2021, to: 2023 }];
    const people = population({ holders: 60, failers: 20, effect: 1_000 });
    const employmentOf = (config: ReturnType<typeof testConfig>) => buildEmploymentTables(buildContext({ persons: people, catalog: CATALOG, employers: EMPLOYERS }, config, { credentialCap: 3 }))[0];
    const employment = employmentOf(testConfig({ cohorts }));
    expect(employment.dpSensitivity).toBe(3); // one cohort row per credential held, not also the 'all' row
    const totals = employment.cells.filter((c) => c.dims.cohort === 'all');
    expect(totals.length).toBeGreaterThan(0);
    for (const c of totals) expect(c.dpSumOf).toEqual([`${c.dims.credential}|a|${c.measure}`, `${c.dims.credential}|b|${c.measure}`]);
    // Overlapping cohorts: 'all' is not their sum, so it is its own release, at twice the sensitivity.
    const overlapping = employmentOf(testConfig({ cohorts: [cohorts[0], { label: 'b', from: 2020, to: 2023 }] }));
    expect(overlapping.dpSensitivity).toBe(6);
    expect(overlapping.cells.some((c) => c.dpSumOf)).toBe(false);
  });

  it('the comparison table too, with a person a failed candidate for at most the credential cap', () => {
    const cohorts = [{ label: 'a', from: 2018, to: 2020 }, { label: 'b', from: 2021, to: 2023 }];
    const codes = ['A', 'B', 'C', 'D', 'E'];
    const catalog = codes.map((code) => ({ ...CATALOG[0], code, name: code }));
    // One person fails all five credentials; under DP they may sit in the comparison arm of three.
    const serialFailer = { ...population({ holders: 0, failers: 1, effect: 0 })[0] };
    serialFailer.credentials = codes.map((credential) => ({ credential, examDate: '2019-02-10', result: 'fail' as const }));
    const people = [...population({ holders: 40, failers: 20, effect: 1_000 }), serialFailer];
    const ctx = buildContext({ persons: people, catalog, employers: EMPLOYERS }, testConfig({ cohorts, catalog }), { credentialCap: 3 });
    const comparison = buildComparisonTable(ctx);
    expect(comparison.dpSensitivity).toBe(3);
    for (const c of comparison.cells.filter((c) => c.dims.cohort === 'all')) expect(c.dpSumOf).toHaveLength(2);
    const armsWithHim = comparison.cells.filter((c) => c.measure === 'comparison_n' && c.dims.event_quarter === 0 && c.dims.cohort === 'a' && c.dims.credential !== 'A' && c.kind === 'count' && c.count > 0);
    expect(armsWithHim).toHaveLength(2); // B and C: A, B, C are his first three
  });
});
