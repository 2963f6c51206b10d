import { describe, expect, it } from 'vitest';
import { computeOutcomeTables } from '../../src/outcomes/compute-outcome-tables.ts';
import { counterfactualVariance } from '../../src/outcomes/counterfactual-variance.ts';
import { trendBand } from '../../src/outcomes/matched-comparison.ts';
import type { OutcomePerson, WageQuarter } from '../../src/outcomes/outcome-person.ts';
import { seededRandom } from '../../src/disclosure/geometric-noise.ts';
import { CATALOG, EMPLOYERS, person, q, testConfig } from './population.ts';

/**
 * A licensing board's world: credential B lists passers only, and people who seek it are on
 * steeper earnings paths (+$60 a quarter) than the non-holders (flat), the selection of issue #14.
 * Holders are awarded in quarters spread over 2016-2022 and earn `effect` more from +1 on, and
 * `dip` less in the two quarters before the award (hours cut to prepare for the exam).
 */
function staggeredWorld(options: { holders: number; nonHolders: number; effect: number; seed?: number; dip?: number }): { persons: OutcomePerson[]; pool: WageQuarter[][] } {
  const random = seededRandom(options.seed ?? 11);
  const first = q(2016, 1);
  const persons: OutcomePerson[] = [];
  const pool: WageQuarter[][] = [];
  const history = (level: number, slope: number, employer: string, award?: number) => {
    const wages: WageQuarter[] = [];
    for (let quarter = q(2014, 1); quarter <= q(2024, 4); quarter++) {
      const effect = award === undefined ? 0 : quarter > award ? options.effect : quarter >= award - 2 && quarter < award ? -(options.dip ?? 0) : 0;
      wages.push({ quarter, employerId: employer, wages: Math.round(level + slope * (quarter - q(2019, 1)) + (random() - 0.5) * 1000 + effect) });
    }
    return wages;
  };
  for (let i = 0; i < options.holders; i++) {
    const award = first + (i % 28);
    const year = Math.floor(award / 4);
    const month = (award % 4) * 3 + 2;
    const date = `${year}-${String(month).padStart(2, '0')}-15`;
    persons.push(person({ credentials: [{ credential: 'B', examDate: date, result: 'pass', awardDate: date }], wages: history(7000 + random() * 4000, 60, `e${i % 12}`, award) }));
  }
  for (let i = 0; i < options.nonHolders; i++) {
    const wages = history(7000 + random() * 4000, 0, `e${i % 12}`);
    persons.push(person({ wages }));
    pool.push(wages);
  }
  return { persons, pool };
}

function tablesOf(world: ReturnType<typeof staggeredWorld>, comparison: Record<string, unknown> = {}) {
  const config = testConfig({ comparison: { minArm: 30, ...comparison } });
  const { tables } = computeOutcomeTables({ persons: world.persons, comparisonPool: world.pool, catalog: CATALOG, employers: EMPLOYERS }, config);
  const cell = (table: string, measure: string, dims: Record<string, string | number> = {}) =>
    tables.find((t) => t.name === table)!.cells.find((c) => c.measure === measure && c.dims.credential === 'B' && c.dims.cohort === 'all' && Object.entries(dims).every(([k, v]) => c.dims[k] === v))!;
  return { tables, cell };
}

describe('effects without failed candidates (staggered adoption, steeper paths)', () => {
  const world = staggeredWorld({ holders: 500, nonHolders: 600, effect: 500 });
  let cascade: ReturnType<typeof tablesOf> | undefined;
  const defaultTables = () => (cascade ??= tablesOf(world));

  it('uses later holders as the not-yet-treated comparison, says why, and recovers the effect', () => {
    const { cell } = defaultTables();
    expect(cell('roi', 'method').note).toBe('did_nyt');
    expect(cell('pretrend', 'reason').note).toContain('later holders');
    const premium = cell('roi', 'premium_per_quarter').value!;
    const se = cell('roi', 'premium_se_max').value!;
    expect(Math.abs(premium - 500)).toBeLessThan(2 * se);
    expect(Math.abs(premium - 500)).toBeLessThan(120);
    expect(cell('roi', 'significant').value).toBe(1);
    expect(cell('pretrend', 'pretrend_ok').value).toBe(1);
  });

  it('shows the bias of matching on levels only, and its pre-trend test catches it', () => {
    const { cell } = tablesOf(world, { method: 'matched-non-holders', matchOnTrend: false });
    expect(cell('roi', 'method').note).toBe('did_matched');
    // Steeper paths: +$60 a quarter over the ~9 quarters from the reference window to +1..+12.
    expect(cell('roi', 'premium_per_quarter').value!).toBeGreaterThan(500 + 300);
    expect(cell('pretrend', 'pretrend_ok').value).toBe(0);
    expect(cell('pretrend', 'pretrend_mean_did').value!).toBeLessThan(-150);
  });

  it('publishes an event study -8..+12 with 95% bands and the reference window marked', () => {
    const { cell } = defaultTables();
    for (let k = -8; k <= 12; k++) expect(cell('event_study', 'reference', { event_quarter: k }).value).toBe(k >= -6 && k <= -3 ? 1 : 0);
    const at8 = cell('event_study', 'effect', { event_quarter: 8 });
    const low = cell('event_study', 'ci95_low', { event_quarter: 8 }).value!;
    const high = cell('event_study', 'ci95_high', { event_quarter: 8 }).value!;
    expect(at8.note).toBe('did_nyt');
    expect(low).toBeLessThan(at8.value!);
    expect(high).toBeGreaterThan(at8.value!);
    expect(low).toBeLessThan(500);
    expect(high).toBeGreaterThan(500);
  });

  it('measures from a reference window before the pre-exam dip, so the recovery from it is not read as effect', () => {
    const { cell } = tablesOf(staggeredWorld({ holders: 500, nonHolders: 600, effect: 500, dip: 1500, seed: 7 }));
    expect(cell('roi', 'method').note).toBe('did_nyt');
    // A baseline over -4..-1 would sit $750 low in the dip and add $750 to every effect.
    expect(Math.abs(cell('roi', 'premium_per_quarter').value! - 500)).toBeLessThan(150);
    expect(cell('event_study', 'effect', { event_quarter: -1 }).value!).toBeLessThan(-1000);
    expect(cell('event_study', 'effect', { event_quarter: -4 }).value!).toBeGreaterThan(-150);
    expect(cell('pretrend', 'pretrend_ok').value).toBe(1);
  });

  it('calls a null effect not significant', () => {
    const { cell } = tablesOf(staggeredWorld({ holders: 500, nonHolders: 600, effect: 0, seed: 5 }));
    expect(cell('roi', 'method').note).toBe('did_nyt');
    expect(cell('roi', 'significant').value).toBe(0);
  });
});

describe('standard error of a counterfactual from comparison cells', () => {
  it('is the variance of a mean when one cell serves every treated person', () => {
    // changes 1..5: variance of their mean = sum((x - 3)^2) / 25 = 10 / 25 (population form).
    expect(counterfactualVariance([{ treated: 4, people: ['a', 'b', 'c', 'd', 'e'], changes: [1, 2, 3, 4, 5] }])).toBeCloseTo(0.4, 10);
  });

  it('adds the influence of one person serving in two cells before squaring', () => {
    const split = counterfactualVariance([
      { treated: 1, people: ['a', 'b'], changes: [0, 2] },
      { treated: 1, people: ['c', 'd'], changes: [0, 2] },
    ]);
    const shared = counterfactualVariance([
      { treated: 1, people: ['a', 'b'], changes: [0, 2] },
      { treated: 1, people: ['a', 'b'], changes: [0, 2] },
    ]);
    // Independent cells: 4 x (0.5 x 1 / 2)^2 = 0.25; the same two people in both: 2 x (2 x 0.25)^2 = 0.5.
    expect(split).toBeCloseTo(0.25, 10);
    expect(shared).toBeCloseTo(0.5, 10);
  });

  it('bands the pre-award trend relative to the level', () => {
    expect([[10_000, 6_000], [10_000, 8_500], [10_000, 10_500], [10_000, 12_000], [10_000, 14_000], [0, 0]].map(([early, pre]) => trendBand(early, pre))).toEqual([0, 1, 2, 3, 4, 2]);
  });
});
