import { describe, expect, it } from 'vitest';
import { computeOutcomeTables } from '../../src/outcomes/compute-outcome-tables.ts';
import { buildContext } from '../../src/outcomes/outcome-context.ts';
import { TableBuilder, EARNINGS_BINS } from '../../src/outcomes/table-builder.ts';
import { publishTables } from '../../src/disclosure/publish-tables.ts';
import { DEFAULT_DISCLOSURE_POLICY as POLICY } from '../../src/disclosure/disclosure-policy.ts';
import { seededRandom, twoSidedGeometric } from '../../src/disclosure/geometric-noise.ts';
import type { PublishedTable } from '../../src/disclosure/cells.ts';
import { CATALOG, EMPLOYERS, person, population, q, testConfig, wagesOf } from '../outcomes/population.ts';

const cell = (tables: PublishedTable[], table: string, match: Record<string, string | number>) =>
  tables.find((t) => t.name === table)!.cells.find((c) => Object.entries(match).every(([k, v]) => (k === 'measure' ? c.measure === v : c.dims[k] === v)))!;

describe('differencing between tables', () => {
  it('hides a small stacking_next count that stacking_pairs minus the reverse order would give', () => {
    // 25 people earn A then B, 5 earn B then A: holders_of_both 30 = 25 + 5.
    const both = (first: 'A' | 'B', i: number) =>
      person({
        credentials: [
          { credential: first, examDate: '2019-02-01', result: 'pass', awardDate: '2019-02-01' },
          { credential: first === 'A' ? 'B' : 'A', examDate: '2020-05-01', result: 'pass', awardDate: '2020-05-01' },
        ],
        wages: wagesOf([[2019, 1, `e${i % 12}`, 5000]]),
      });
    const people = [...Array.from({ length: 25 }, (_, i) => both('A', i)), ...Array.from({ length: 5 }, (_, i) => both('B', i))];
    const { tables } = computeOutcomeTables({ persons: people, catalog: CATALOG, employers: EMPLOYERS }, testConfig());
    const pairs = cell(tables, 'stacking_pairs', { credential: 'A', other_credential: 'B', measure: 'holders_of_both' });
    const ab = cell(tables, 'stacking_next', { credential: 'A', next_credential: 'B', measure: 'went_on_to_earn' });
    const ba = cell(tables, 'stacking_next', { credential: 'B', next_credential: 'A', measure: 'went_on_to_earn' });
    expect(ba.status).toBe('suppressed');
    // Either the total or the other order is hidden too: 5 is not pairs - 25.
    expect(pairs.status === 'suppressed' || ab.status === 'suppressed').toBe(true);
  });

  it('hides a second cohort mean when one cohort is too small (n x mean adds up over cohorts)', () => {
    const config = testConfig({ cohorts: [{ label: 'early', from: 2015, to: 2019 }, { label: 'late', from: 2020, to: 2024 }] });
    const ctx = buildContext({ persons: [], catalog: CATALOG, employers: EMPLOYERS }, config);
    const t = new TableBuilder(ctx, { name: 't', title: 't', dims: ['credential', 'cohort'], definition: '' });
    const values = (n: number, base: number) => Array.from({ length: n }, (_, i) => base + 10 * i);
    t.add({ credential: 'A', cohort: 'early' }, 'mean', { kind: 'stat', stat: 'mean', values: values(35, 9000), bins: EARNINGS_BINS, unit: 'dollars' });
    t.add({ credential: 'A', cohort: 'late' }, 'mean', { kind: 'stat', stat: 'mean', values: values(25, 12000), bins: EARNINGS_BINS, unit: 'dollars' });
    t.add({ credential: 'A', cohort: 'all' }, 'mean', { kind: 'stat', stat: 'mean', values: [...values(35, 9000), ...values(25, 12000)], bins: EARNINGS_BINS, unit: 'dollars' });
    const [published] = publishTables([t.build()], POLICY).tables;
    expect(published.cells.map((c) => [c.dims.cohort, c.status])).toEqual([['early', 'suppressed'], ['late', 'suppressed'], ['all', 'ok']]);
  });
});

describe('two runs differing by one person', () => {
  const base = population({ holders: 60, failers: 40, effect: 500, seed: 3 });
  const extra = person({
    credentials: [{ credential: 'A', examDate: '2019-02-10', result: 'pass', awardDate: '2019-02-20' }],
    wages: wagesOf([[2018, 1, 'e1', 9000], [2018, 2, 'e1', 9000], [2018, 3, 'e1', 9000], [2018, 4, 'e1', 9000], [2019, 2, 'e1', 31_000], [2019, 3, 'e1', 31_000], [2020, 1, 'e1', 31_000]]),
  });
  const run = (people: typeof base) => computeOutcomeTables({ persons: people, catalog: CATALOG, employers: EMPLOYERS }, testConfig()).tables;
  const [a, b] = [run(base), run([...base, extra])];

  it('keeps every suppressed cell suppressed or every published one published, never a lone change of status on a small cell', () => {
    for (const ta of a) {
      const tb = b.find((t) => t.name === ta.name)!;
      ta.cells.forEach((ca, i) => {
        const cb = tb.cells[i];
        // A cell may change status only when its own population crosses a threshold: then both
        // runs' counts are at least the threshold minus one person, never a count under 9.
        if (ca.status !== cb.status) expect(Math.max(ca.count ?? 0, cb.count ?? 0)).toBeGreaterThanOrEqual(POLICY.minCell - 1);
      });
    }
  });

  it('residual risk without DP: a published mean over n people moves by (x - mean)/(n + 1), so x is recovered within (2n + 1) x $5', () => {
    // docs/disclosure.md states this bound; --epsilon (geometric noise) is the protection against it.
    const n = 60;
    const ma = cell(a, 'trajectory', { credential: 'A', cohort: 'all', event_quarter: 1, measure: 'mean' }).value!;
    const mb = cell(b, 'trajectory', { credential: 'A', cohort: 'all', event_quarter: 1, measure: 'mean' }).value!;
    const recovered = (n + 1) * mb - n * ma;
    expect(Math.abs(recovered - 31_000)).toBeLessThanOrEqual((2 * n + 1) * (POLICY.dollarRounding / 2));
    // Percentiles are published as the mean of p-5 and p+5: the extra person's value does not appear.
    const median = cell(b, 'earnings_quarterly', { credential: 'A', cohort: 'all', quarter_after: 1, measure: 'median' }).value!;
    expect(median).toBeLessThan(20_000);
  });

  it('under DP a count changed by one person is hidden by geometric noise: odds at most 1/alpha', () => {
    const alpha = Math.exp(-0.5);
    const random = seededRandom(11);
    const draws = 200_000;
    const freq = (n: number) => {
      const f = new Map<number, number>();
      for (let i = 0; i < draws; i++) {
        const v = n + twoSidedGeometric(alpha, random);
        f.set(v, (f.get(v) ?? 0) + 1);
      }
      return f;
    };
    const [fa, fb] = [freq(40), freq(41)];
    for (let v = 38; v <= 43; v++) {
      const ratio = (fa.get(v) ?? 0) / (fb.get(v) ?? 1);
      expect(ratio).toBeLessThan((1 / alpha) * 1.1);
      expect(ratio).toBeGreaterThan(alpha / 1.1);
    }
  });
});
