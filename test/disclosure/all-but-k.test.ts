import { describe, expect, it } from 'vitest';
import { publishTables } from '../../src/disclosure/publish-tables.ts';
import { DEFAULT_DISCLOSURE_POLICY as POLICY } from '../../src/disclosure/disclosure-policy.ts';
import { primarySuppressionReason } from '../../src/disclosure/small-cell-suppression.ts';
import { computeOutcomeTables } from '../../src/outcomes/compute-outcome-tables.ts';
import type { RawCell } from '../../src/disclosure/cells.ts';
import { CATALOG, EMPLOYERS, population, testConfig } from '../outcomes/population.ts';

const rate = (id: string, numerator: number, denominator: number): RawCell => ({ id, dims: { g: id }, measure: 'employed_q4', kind: 'rate', numerator, denominator });

describe('all-but-k: the people outside a rate numerator are a cell too', () => {
  it('suppresses a rate whose complement is under the minimum cell, 1.0 included', () => {
    expect(primarySuppressionReason({ kind: 'rate', primary: 39, secondary: 40 }, POLICY)).toBe('small_complement');
    expect(primarySuppressionReason({ kind: 'rate', primary: 40, secondary: 40 }, POLICY)).toBe('small_complement');
    expect(primarySuppressionReason({ kind: 'rate', primary: 31, secondary: 40 }, POLICY)).toBe('small_complement');
    expect(primarySuppressionReason({ kind: 'rate', primary: 30, secondary: 40 }, POLICY)).toBeUndefined();
  });

  it('publishes no rate whose rounded counts leave fewer than the minimum outside the numerator', () => {
    const cells = [rate('all', 97, 100), rate('c1', 40, 40), rate('c2', 57, 60), rate('ok', 60, 90)];
    const [t] = publishTables([{ name: 't', title: 't', dims: ['g'], definition: '', cells, margins: [] }], POLICY).tables;
    expect(t.cells.map((c) => c.status)).toEqual(['suppressed', 'suppressed', 'suppressed', 'ok']);
  });

  it('hides near-universal employment in the outcome tables', () => {
    // Everyone in the synthetic population works every quarter: every employment rate is all-but-0.
    const persons = population({ holders: 80, failers: 40, effect: 1500 });
    const { tables } = computeOutcomeTables({ persons, catalog: CATALOG, employers: EMPLOYERS }, testConfig());
    const employment = tables.find((t) => t.name === 'employment')!.cells.filter((c) => c.dims.credential === 'A');
    expect(employment.length).toBeGreaterThan(0);
    for (const c of employment) if (c.status === 'ok' && c.count !== null && c.value !== null && c.measure.startsWith('employed')) expect(c.count - c.value * c.count).toBeGreaterThanOrEqual(POLICY.minCell - POLICY.roundingBase);
    const rates = employment.filter((c) => c.measure.startsWith('employed'));
    expect(rates.length).toBeGreaterThanOrEqual(3);
    expect(rates.every((c) => c.status === 'suppressed')).toBe(true);
  });
});
