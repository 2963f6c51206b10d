import { describe, expect, it } from 'vitest';
import type { PublishedCell, PublishedTable } from '../../src/disclosure/cells.ts';
import { credentialOfValueVerdicts, type ValueConfig } from '../../src/value/value-verdicts.ts';

const ok = (dims: PublishedCell['dims'], measure: string, value: number | null, note?: string): PublishedCell => ({ dims, measure, value, count: 120, status: 'ok', ...(note ? { note } : {}) });
const hidden = (dims: PublishedCell['dims'], measure: string): PublishedCell => ({ dims, measure, value: null, count: null, status: 'suppressed' });

function tables(medianY1: number | null, evidence = { significant: 1, pretrend: 1 }): PublishedTable[] {
  const annual = [1, 3, 5].map((y) => {
    const dims = { credential: 'RN', cohort: 'all', year_after: y };
    return y === 1 && medianY1 === null ? hidden(dims, 'median') : ok(dims, 'median', y === 1 ? medianY1 : 52_000);
  });
  const rn = { credential: 'RN', cohort: 'all' };
  const cna = { credential: 'CNA', cohort: 'all' };
  return [
    { name: 'earnings_annual', title: '', dims: ['credential', 'cohort', 'year_after'], definition: '', cells: annual },
    {
      name: 'roi', title: '', dims: ['credential', 'cohort'], definition: '',
      cells: [ok(rn, 'method', null, 'did'), ok(rn, 'npv_10y', 23_450), ok(rn, 'breakeven_quarter', 5), ok(rn, 'significant', evidence.significant),
        hidden(cna, 'method'), hidden(cna, 'npv_10y'), hidden(cna, 'breakeven_quarter')],
    },
    { name: 'pretrend', title: '', dims: ['credential', 'cohort'], definition: '', cells: [ok(rn, 'pretrend_ok', evidence.pretrend)] },
  ];
}

const config: ValueConfig = { baseline: { annualEarnings: 40_000, year: 2023, state: 'TX', source: 'ACS 1-year' }, costOf: (c) => (c === 'RN' ? 9_500 : 180), premiumYearAfter: 1, npvYears: 10 };

function verdicts(table: PublishedTable, credential: string) {
  return Object.fromEntries(table.cells.filter((c) => c.dims.credential === credential && c.measure === 'verdict').map((c) => [c.dims.framework, c.note]));
}

describe('credentialOfValueVerdicts', () => {
  it('gives a verdict per framework with its inputs beside it', () => {
    const table = credentialOfValueVerdicts(tables(47_000), config);
    expect(table.name).toBe('value-verdicts');
    expect(verdicts(table, 'RN')).toEqual({ lumina_15: 'meets', louisiana_20: 'does not meet', texas_10y: 'meets', roi_npv: 'meets', roi_payback: 'meets' });
    const premium = table.cells.find((c) => c.dims.framework === 'lumina_15' && c.measure === 'premium');
    expect(premium?.value).toBe(0.175);
    expect(table.cells.find((c) => c.dims.framework === 'roi_npv' && c.measure === 'method')?.note).toBe('did');
    expect(table.cells.find((c) => c.dims.framework === 'texas_10y' && c.measure === 'cost')?.value).toBe(9_500);
  });

  it('says not enough data when a needed cell is suppressed', () => {
    const table = credentialOfValueVerdicts(tables(null), config);
    expect(verdicts(table, 'RN')).toMatchObject({ lumina_15: 'not enough data', louisiana_20: 'not enough data', texas_10y: 'not enough data', roi_npv: 'meets' });
    expect(verdicts(table, 'CNA')).toEqual({ lumina_15: 'not enough data', louisiana_20: 'not enough data', texas_10y: 'not enough data', roi_npv: 'not enough data', roi_payback: 'not enough data' });
    for (const c of table.cells.filter((x) => x.note === 'not enough data')) expect([c.value, c.count, c.status]).toEqual([null, null, 'suppressed']);
  });

  it('without a configured baseline only the ROI rules can be judged', () => {
    const table = credentialOfValueVerdicts(tables(47_000), { ...config, baseline: undefined });
    expect(verdicts(table, 'RN')).toEqual({ lumina_15: 'not enough data', louisiana_20: 'not enough data', texas_10y: 'not enough data', roi_npv: 'meets', roi_payback: 'meets' });
  });

  it('withholds ROI verdicts from an effect not distinguishable from zero, or a failed pre-trend, and says which', () => {
    expect(verdicts(credentialOfValueVerdicts(tables(47_000, { significant: 0, pretrend: 1 }), config), 'RN')).toMatchObject({ lumina_15: 'meets', roi_npv: 'no significant effect', roi_payback: 'no significant effect' });
    expect(verdicts(credentialOfValueVerdicts(tables(47_000, { significant: 1, pretrend: 0 }), config), 'RN')).toMatchObject({ roi_npv: 'pre-trend failed', roi_payback: 'pre-trend failed' });
    const npv = credentialOfValueVerdicts(tables(47_000, { significant: 0, pretrend: 1 }), config).cells.find((c) => c.dims.credential === 'RN' && c.dims.framework === 'roi_npv' && c.measure === 'verdict');
    expect(npv).toMatchObject({ value: null, status: 'suppressed' });
  });

  it('gives no ROI verdict from a pre/post change, which is not a premium over a comparison group', () => {
    const prePost = tables(47_000).map((t) => (t.name === 'roi' ? { ...t, cells: t.cells.map((c) => (c.measure === 'method' && c.dims.credential === 'RN' ? { ...c, note: 'pre_post' } : c)) } : t));
    const table = credentialOfValueVerdicts(prePost, config);
    expect(verdicts(table, 'RN')).toMatchObject({ lumina_15: 'meets', roi_npv: 'not enough data', roi_payback: 'not enough data' });
    // The published input is still shown beside the withheld verdict.
    expect(table.cells.find((c) => c.dims.credential === 'RN' && c.dims.framework === 'roi_payback' && c.measure === 'breakeven_quarter')?.value).toBe(5);
  });
});
