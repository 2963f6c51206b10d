import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDominated } from '../../src/disclosure/dominance-rule.ts';
import { publishTables } from '../../src/disclosure/publish-tables.ts';
import { DEFAULT_DISCLOSURE_POLICY as POLICY } from '../../src/disclosure/disclosure-policy.ts';
import { seededRandom } from '../../src/disclosure/geometric-noise.ts';
import type { RawCell } from '../../src/disclosure/cells.ts';
import { computeOutcomeTables } from '../../src/outcomes/compute-outcome-tables.ts';
import { CATALOG, EMPLOYERS, population, q, testConfig } from '../outcomes/population.ts';

const bins = { min: 0, max: 60_000, width: 500 };
/** 34 quarterly earnings around $16k, as in the example. */
function earnings(seed = 3): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: 34 }, () => Math.round(12_000 + 8_000 * random()));
}

function publishOne(cell: RawCell) {
  return publishTables([{ name: 't', title: 't', dims: ['g'], definition: '', cells: [cell], margins: [] }], POLICY).tables[0].cells[0];
}

describe('(n, k) dominance rule on means', () => {
  it('suppresses a mean that one $5M quarter dominates, and keeps the median', () => {
    const values = [...earnings(), 5_000_000];
    const mean = publishOne({ id: 'm', dims: { g: 'a' }, measure: 'mean', kind: 'stat', stat: 'mean', values, bins, unit: 'dollars' });
    const median = publishOne({ id: 'm', dims: { g: 'a' }, measure: 'median', kind: 'stat', stat: 'median', values, bins, unit: 'dollars' });
    expect(mean.status).toBe('suppressed');
    expect(median.status).toBe('ok');
    expect(median.value).toBeLessThan(20_000);
  });

  it('publishes the same mean without the outlier', () => {
    const mean = publishOne({ id: 'm', dims: { g: 'a' }, measure: 'mean', kind: 'stat', stat: 'mean', values: [...earnings(), 17_000], bins, unit: 'dollars' });
    expect(mean.status).toBe('ok');
  });

  it('suppresses two large earners together (n = 2): neither can subtract their own pay to learn the other', () => {
    const values = [...earnings(), 400_000, 300_000];
    expect(isDominated(values, 1, POLICY.dominanceShare)).toBe(false);
    expect(isDominated(values, POLICY.dominanceTop, POLICY.dominanceShare)).toBe(true);
  });

  it('applies to both arms of a difference in means, on magnitudes (a $2M loss dominates too)', () => {
    const arm = earnings().map((v) => v - 15_000);
    const cell = (treated: number[], comparison: number[]): RawCell => ({ id: 'd', dims: { g: 'a' }, measure: 'did', kind: 'mean_difference', treated, comparison, bins, minArm: 30 });
    expect(publishOne(cell([...arm, 100], [...arm, 200])).status).toBe('ok');
    expect(publishOne(cell([...arm, -2_000_000], [...arm, 200])).status).toBe('suppressed');
    expect(publishOne(cell([...arm, 100], [...arm, 3_000_000])).status).toBe('suppressed');
  });

  it('is a property of the multiset of magnitudes: order and sign and scale do not matter', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 3 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (values, top, share, scale) => {
        const d = isDominated(values, top, share);
        expect(isDominated([...values].reverse(), top, share)).toBe(d);
        expect(isDominated(values.map((v) => -v * scale), top, share)).toBe(d);
        // n equal values: the top `top` hold min(top, n)/n of the sum.
        const n = values.length;
        expect(isDominated(new Array(n).fill(7), top, share)).toBe(Math.min(top, n) / n > share);
      }),
    );
  });

  it('hides every mean the outlier enters in the outcome tables, and no median', () => {
    const persons = population({ holders: 60, failers: 60, effect: 1500 });
    const outlier = persons[0].wages.find((w) => w.quarter === q(2020, 1))!;
    outlier.wages = 5_000_000;
    const { tables } = computeOutcomeTables({ persons, catalog: CATALOG, employers: EMPLOYERS }, testConfig({ disclosure: { minEmployers: 1, maxEmployerShare: 1 } }));
    const trajectory = tables.find((t) => t.name === 'trajectory')!.cells.filter((c) => c.dims.credential === 'A' && c.dims.cohort === 'all');
    const at = (k: number, measure: string) => trajectory.find((c) => c.dims.event_quarter === k && c.measure === measure)!;
    expect(at(4, 'mean').status).toBe('suppressed');
    expect(at(4, 'mean_change_from_pre').status).toBe('suppressed');
    expect(at(3, 'mean').status).toBe('ok');
    expect(at(5, 'mean').status).toBe('ok');
    const medians = tables.find((t) => t.name === 'earnings_quarterly')!.cells.filter((c) => c.dims.credential === 'A' && c.measure === 'median' && c.dims.quarter_after === 4);
    expect(medians.every((c) => c.status === 'ok')).toBe(true);
  });
});
