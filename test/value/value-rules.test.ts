import { describe, expect, it } from 'vitest';
import { earningsByYear, npvVerdict, paybackVerdict, premiumVerdict, quarterCostCovered, texasVerdict } from '../../src/value/value-rules.ts';

describe('premium rules (Lumina 15%, Louisiana 20%)', () => {
  it.each([
    ['exactly 15%', 46_000, 40_000, 0.15, 'meets'],
    ['14.99%', 45_996, 40_000, 0.15, 'does not meet'],
    ['exactly 20%', 48_000, 40_000, 0.2, 'meets'],
    ['19.99%', 47_996, 40_000, 0.2, 'does not meet'],
    ['below the baseline', 30_000, 40_000, 0.15, 'does not meet'],
  ] as const)('%s', (_label, median, baseline, threshold, verdict) => {
    expect(premiumVerdict(median, baseline, threshold).verdict).toBe(verdict);
  });

  it('says not enough data for a suppressed median or a missing baseline', () => {
    expect(premiumVerdict(null, 40_000, 0.15)).toEqual({ verdict: 'not enough data', premium: null });
    expect(premiumVerdict(50_000, undefined, 0.15)).toEqual({ verdict: 'not enough data', premium: null });
  });
});

describe('Texas: cost covered within 10 years', () => {
  // 44,000 a year against a 40,000 baseline: 1,000 a quarter above it.
  const flat = new Map([[1, 44_000], [3, 44_000], [5, 44_000]]);

  it('meets when the cost is covered in quarter 40', () => {
    expect(texasVerdict(flat, 40_000, 40_000)).toEqual({ verdict: 'meets', quarterCovered: 40 });
  });

  it('does not meet when the cost is covered only in quarter 41', () => {
    expect(texasVerdict(flat, 40_000, 40_001)).toEqual({ verdict: 'does not meet', quarterCovered: null });
  });

  it('does not meet when earnings end below a typical high-school graduate, even with no cost', () => {
    expect(texasVerdict(new Map([[1, 39_000], [3, 39_000], [5, 39_000]]), 40_000, 0).verdict).toBe('does not meet');
  });

  it('holds an earlier year when a later median is suppressed, but needs year 1', () => {
    expect(earningsByYear(new Map([[1, 44_000], [3, null], [5, 48_000]]), 6)).toEqual([44_000, 44_000, 44_000, 44_000, 48_000, 48_000]);
    expect(texasVerdict(new Map([[1, null], [3, 60_000], [5, 60_000]]), 40_000, 100).verdict).toBe('not enough data');
    expect(texasVerdict(flat, undefined, 100).verdict).toBe('not enough data');
    expect(texasVerdict(flat, 40_000, undefined).verdict).toBe('not enough data');
  });

  it('uses later years once measured', () => {
    // Years 1-2: 1,000/quarter above (8,000); years 3-4 at 48,000: 2,000/quarter -> 8,000 + 2,000k.
    expect(quarterCostCovered(earningsByYear(new Map([[1, 44_000], [3, 48_000], [5, 48_000]]), 10), 40_000, 12_000)).toBe(10);
  });
});

describe('ROI rules', () => {
  it('NPV must be positive; suppressed is not enough data', () => {
    expect(npvVerdict(1)).toBe('meets');
    expect(npvVerdict(0)).toBe('does not meet');
    expect(npvVerdict(-500)).toBe('does not meet');
    expect(npvVerdict(null)).toBe('not enough data');
  });

  it('payback needs a breakeven quarter within the horizon', () => {
    expect(paybackVerdict(true, 7)).toBe('meets');
    expect(paybackVerdict(true, null)).toBe('does not meet');
    expect(paybackVerdict(false, null)).toBe('not enough data');
  });
});
