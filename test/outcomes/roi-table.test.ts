import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/outcomes/outcome-context.ts';
import { buildRoiTable } from '../../src/outcomes/derived-tables.ts';
import type { PublishedTable } from '../../src/disclosure/cells.ts';
import { ComparisonPool } from '../../src/outcomes/comparison-pool.ts';
import { earningsBand } from '../../src/outcomes/matched-comparison.ts';
import { CATALOG, EMPLOYERS, testConfig } from './population.ts';

const ctx = buildContext({ persons: [], catalog: CATALOG, employers: EMPLOYERS }, testConfig());

function published(name: string, measure: string, value: (k: number) => number | null): PublishedTable {
  const cells = Array.from({ length: 21 }, (_, i) => i - 8).map((k) => {
    const v = value(k);
    return { dims: { credential: 'A', cohort: 'all', event_quarter: k }, measure, value: v, count: v === null ? null : 100, status: v === null ? ('suppressed' as const) : ('ok' as const) };
  });
  return { name, title: name, dims: ['credential', 'cohort', 'event_quarter'], definition: '', cells };
}

const roiOf = (comparison: PublishedTable, trajectory: PublishedTable) => {
  const cells = buildRoiTable(ctx, comparison, trajectory).cells.filter((c) => c.dims.credential === 'A');
  return Object.fromEntries(cells.map((c) => [c.measure, c]));
};

describe('ROI from published cells', () => {
  it('discounts a flat $260 premium at 3% a year, compounded quarterly (hand arithmetic)', () => {
    // v = 1.03^(-1/4) = 0.992638; sum of v^k over k = 1..20 = (1 - 1.03^-5) / (1.03^(1/4) - 1) = 18.5236,
    // over k = 1..40 = (1 - 1.03^-10) / (1.03^(1/4) - 1) = 34.5023. Credential A costs $1,000.
    const roi = roiOf(published('comparison', 'did', (k) => (k > 0 ? 260 : 0)), published('trajectory', 'mean_change_from_pre', () => 5000));
    expect(roi.method.note).toBe('did');
    expect(roi.premium_per_quarter.value).toBe(260);
    expect(roi.npv_5y.value).toBe(3820); // 260 x 18.5236 - 1000 = 3816.1 -> $10
    expect(roi.npv_10y.value).toBe(7970); // 260 x 34.5023 - 1000 = 7970.6 -> $10
    // cumulative: 3 quarters 260 x 2.9517 = 767 < 1000; 4 quarters 260 x 3.9269 = 1021 >= 1000
    expect(roi.breakeven_quarter.value).toBe(4);
  });

  it('uses the mean of the published quarters, not one noisy late quarter', () => {
    // +1..+8 at $200, +9..+12 at $1,000: the premium is (8 x 200 + 4 x 1000) / 12 = $466.67.
    const roi = roiOf(published('comparison', 'did', (k) => (k > 8 ? 1000 : k > 0 ? 200 : 0)), published('trajectory', 'mean_change_from_pre', () => 0));
    expect(roi.premium_per_quarter.value).toBe(470);
    expect(roi.npv_10y.value).toBe(Math.round((466.6667 * 34.50231 - 1000) / 10) * 10);
  });

  it('falls back to the labelled pre/post change when no comparison is published', () => {
    const roi = roiOf(published('comparison', 'did', () => null), published('trajectory', 'mean_change_from_pre', (k) => (k > 0 ? 100 : 0)));
    expect(roi.method.note).toBe('pre_post');
    expect(roi.premium_per_quarter).toMatchObject({ value: 100, note: 'pre_post' });
    expect(roi.npv_10y.value).toBe(2450); // 100 x 34.5023 - 1000
    expect(roi.breakeven_quarter.value).toBe(11); // 100 x 9.8 < 1000 <= 100 x 10.77
  });

  it('labels the matched comparison did_matched', () => {
    const roi = roiOf(published('comparison', 'did_matched', (k) => (k > 0 ? 300 : 0)), published('trajectory', 'mean_change_from_pre', () => 0));
    expect(roi.method.note).toBe('did_matched');
  });
});

describe('the matched comparison pool', () => {
  it('keeps complete histories of the lowest-hash people, whatever the row order', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ key: `p${i % 100}`, wage: { quarter: Math.floor(i / 100), employerId: 'e', wages: i } }));
    const forward = new ComparisonPool(10);
    const backward = new ComparisonPool(10);
    for (const r of rows) forward.add(r.key, r.wage);
    for (const r of [...rows].reverse()) backward.add(r.key, r.wage);
    const a = forward.histories();
    expect(a).toHaveLength(10);
    for (const h of a) expect(h).toHaveLength(4);
    expect(backward.histories().map((h) => h.map((w) => w.wages).sort((x, y) => x - y))).toEqual(a.map((h) => h.map((w) => w.wages).sort((x, y) => x - y)));
  });

  it('bands pre-award earnings', () => {
    expect([0, 1, 2_499, 2_500, 9_999, 19_999, 20_000].map(earningsBand)).toEqual([0, 1, 1, 2, 4, 6, 7]);
  });
});
