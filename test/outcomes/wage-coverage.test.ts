import { describe, expect, it } from 'vitest';
import { quarterIndex } from '../../src/outcomes/outcome-person.ts';
import { inferWageCoverage } from '../../src/outcomes/wage-coverage.ts';

const quarters = (fromYear: number, toYear: number, rows: number) => {
  const m = new Map<number, number>();
  for (let y = fromYear; y <= toYear; y++) for (let q = 1; q <= 4; q++) m.set(quarterIndex(y, q), rows);
  return m;
};

describe('inferWageCoverage', () => {
  it('is min..max for dense records', () => {
    const c = inferWageCoverage(quarters(2018, 2023, 2400));
    expect([c.from, c.to]).toEqual([quarterIndex(2018, 1), quarterIndex(2023, 4)]);
    expect(c.note).toBe('wage coverage inferred as 2018Q1-2023Q4; declare wageCoverage in the outcomes config to set it');
  });

  it('is not widened by one stray 2099 row, even in a small file, and says so', () => {
    for (const rows of [3, 2400]) {
      const m = quarters(2018, 2023, rows);
      m.set(quarterIndex(2099, 1), 1);
      const c = inferWageCoverage(m);
      expect([c.from, c.to]).toEqual([quarterIndex(2018, 1), quarterIndex(2023, 4)]);
      expect(c.note).toContain('1 wage row in 1 sparse or detached quarter outside it ignored');
    }
  });

  it('drops sparse edge quarters and keeps a one-quarter gap inside', () => {
    const m = quarters(2018, 2020, 1000);
    m.set(quarterIndex(2017, 4), 20);
    m.delete(quarterIndex(2019, 2));
    const c = inferWageCoverage(m);
    expect([c.from, c.to]).toEqual([quarterIndex(2018, 1), quarterIndex(2020, 4)]);
  });

  it('is empty without rows', () => {
    const c = inferWageCoverage(new Map());
    expect(c.from > c.to).toBe(true);
  });
});
