import { describe, expect, it } from 'vitest';
import { publishTables } from '../../src/disclosure/publish-tables.ts';
import { DEFAULT_DISCLOSURE_POLICY as POLICY } from '../../src/disclosure/disclosure-policy.ts';
import { safePercentile } from '../../src/disclosure/safe-percentile.ts';
import { employerRuleReason } from '../../src/disclosure/small-cell-suppression.ts';
import { roundCount } from '../../src/disclosure/rounding.ts';
import { seededRandom, twoSidedGeometric } from '../../src/disclosure/geometric-noise.ts';
import type { RawTable } from '../../src/disclosure/cells.ts';

const bins = { min: 0, max: 100_000, width: 500 };

function table(): RawTable {
  return {
    name: 't',
    title: 'test',
    dims: ['g'],
    definition: 'test',
    cells: [
      { id: 'all', dims: { g: 'all' }, measure: 'n', kind: 'count', count: 57 },
      { id: 'a', dims: { g: 'a' }, measure: 'n', kind: 'count', count: 4 },
      { id: 'b', dims: { g: 'b' }, measure: 'n', kind: 'count', count: 23 },
      { id: 'c', dims: { g: 'c' }, measure: 'n', kind: 'count', count: 30 },
      { id: 'r', dims: { g: 'r' }, measure: 'rate', kind: 'rate', numerator: 9, denominator: 200 },
      { id: 'm', dims: { g: 'm' }, measure: 'median', kind: 'stat', stat: 'median', values: Array.from({ length: 29 }, (_, i) => 1000 * i), bins, unit: 'dollars' },
      { id: 'm2', dims: { g: 'm2' }, measure: 'median', kind: 'stat', stat: 'median', values: Array.from({ length: 40 }, (_, i) => (i + 1) ** 2), bins, unit: 'dollars' },
    ],
    margins: [{ total: 'all', parts: ['a', 'b', 'c'] }],
  };
}

describe('publishTables', () => {
  it('suppresses small cells and their complement, rounds counts, and keeps no raw value', () => {
    const [t] = publishTables([table()], POLICY).tables;
    const by = Object.fromEntries(t.cells.map((c) => [c.dims.g, c]));
    expect(by.a.status).toBe('suppressed');
    expect(by.b.status).toBe('suppressed'); // complementary: smallest other part
    expect(by.c).toMatchObject({ status: 'ok', value: 30, count: 30 });
    expect(by.all).toMatchObject({ status: 'ok', value: 55, count: 55 }); // 57 rounded to base 5
    expect(by.r.status).toBe('suppressed'); // numerator 9 < 10
    expect(by.m.status).toBe('suppressed'); // 29 < 30 people behind an earnings statistic
    expect(by.m2.status).toBe('ok');
    for (const c of t.cells) if (c.status === 'suppressed') expect([c.value, c.count]).toEqual([null, null]);
    expect(JSON.stringify(t)).not.toContain('values');
  });

  it('publishes a median as the mean of p45 and p55, never one person\'s value', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i + 1) ** 2);
    const median = safePercentile(values, 50);
    expect(values).not.toContain(median);
    expect(median).toBeGreaterThan(values[15]);
    expect(median).toBeLessThan(values[24]);
  });

  it('rounds counts to the base', () => {
    expect([roundCount(12, 5), roundCount(13, 5), roundCount(0, 5), roundCount(7, 1)]).toEqual([10, 15, 0, 7]);
  });

  it('applies the employer rule: at least 3 employers and none above 80%', () => {
    expect(employerRuleReason(new Map([['e1', 5], ['e2', 5]]), POLICY)).toBe('few_employers');
    expect(employerRuleReason(new Map([['e1', 90], ['e2', 5], ['e3', 5]]), POLICY)).toBe('employer_dominance');
    expect(employerRuleReason(new Map([['e1', 8], ['e2', 1], ['e3', 1]]), POLICY)).toBeUndefined();
  });
});

describe('differential privacy', () => {
  it('adds two-sided geometric noise with the right spread', () => {
    const random = seededRandom(1);
    const alpha = Math.exp(-0.5);
    const draws = Array.from({ length: 20000 }, () => twoSidedGeometric(alpha, random));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(variance).toBeCloseTo((2 * alpha) / (1 - alpha) ** 2, 0);
  });

  it('marks cells noisy, changes counts and records the budget', () => {
    const raw = table();
    const exact = publishTables([raw], POLICY).tables[0];
    const noisy = publishTables([raw], POLICY, { epsilon: 1, random: seededRandom(3) });
    expect(noisy.budget).toMatchObject({ epsilon: 1, queries: 4 }); // counts 1, rate 2 (numerator, denominator), medians 1
    expect(noisy.budget!.tables[0].epsilonPerQuery * noisy.budget!.queries).toBeCloseTo(1, 12);
    const published = noisy.tables[0].cells.filter((c) => c.status !== 'suppressed');
    expect(published.every((c) => c.status === 'noisy')).toBe(true);
    const differs = noisy.tables[0].cells.some((c, i) => c.status !== 'suppressed' && c.value !== exact.cells[i].value);
    expect(differs).toBe(true);
  });
});
