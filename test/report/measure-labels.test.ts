import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublishedCell } from '../../src/disclosure/cells.ts';
import { NAICS_SECTORS } from '../../src/outcomes/naics-sector.ts';
import { formatDollars, formatPercent } from '../../src/report/html.ts';
import { formatCellValue, measureLabel, measureUnit } from '../../src/report/measure-labels.ts';
import { NAICS_SECTOR_NAMES, pathwayLabel, sectorTitle } from '../../src/report/naics-sectors.ts';

const published = (measure: string, value: number | null, note?: string): PublishedCell => ({ dims: {}, measure, value, count: 40, status: 'ok', note });

describe('formatDollars', () => {
  it.each([
    [-19030, '−$19,030'],
    [46320, '$46,320'],
    [0, '$0'],
    [-0.4, '$0'],
    [1234567.6, '$1,234,568'],
  ])('prints %d as %s', (value, text) => {
    expect(formatDollars(value)).toBe(text);
  });

  it('reads back as the rounded amount, sign before the currency symbol', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (v) => {
        const text = formatDollars(v);
        expect(text).toMatch(/^−?\$\d{1,3}(,\d{3})*$/);
        expect(Number(text.replace('−', '-').replace(/[$,]/g, ''))).toBe(v === 0 ? 0 : v);
      }),
    );
  });
});

describe('measure labels and units', () => {
  it.each([
    ['roi', 'premium_per_quarter', 'dollars'],
    ['roi', 'npv_10y', 'dollars'],
    ['roi', 'breakeven_quarter', 'quarter'],
    ['stacking_next', 'went_on_to_earn', 'share'],
    ['stacking_next', 'median_months', 'months'],
    ['employment', 'employed_q4', 'share'],
    ['industry', 'employed_q4', 'people'],
    ['comparison', 'did_se', 'dollars'],
    ['comparison', 'treated_n', 'people'],
    ['value-verdicts', 'premium', 'share'],
    ['value-verdicts', 'median_annual_earnings_y5', 'dollars'],
    ['pretrend', 'pretrend_ok', 'flag'],
  ])('%s.%s is in %s', (table, measure, unit) => {
    expect(measureUnit(table, measure)).toBe(unit);
  });

  it('names every measure the outcome tables publish in words', () => {
    for (const m of ['premium_per_quarter', 'went_on_to_earn', 'npv_10y', 'median_annual_earnings_y1', 'retention_q2_and_q4', 'mean_change_from_pre']) {
      expect(measureLabel(m)).not.toContain('_');
    }
  });

  it('prints rates as percents and labels as words', () => {
    expect(formatCellValue('stacking_related', published('related_after', 0.433))).toBe('43.3%');
    expect(formatCellValue('roi', published('npv_10y', -19030))).toBe('−$19,030');
    expect(formatCellValue('roi', published('method', null, 'pre_post'))).toContain('no comparison group');
    expect(formatCellValue('roi', published('breakeven_quarter', null, 'not within the horizon'))).toBe('not within the horizon');
    expect(formatCellValue('pretrend', published('pretrend_ok', 0))).toBe('fails');
    expect(formatPercent(-0.05)).toBe('−5.0%');
  });
});

describe('NAICS sector names', () => {
  it('names every sector the outcome tables can publish', () => {
    for (const code of NAICS_SECTORS) expect(NAICS_SECTOR_NAMES[code], code).toBeDefined();
    expect(sectorTitle('62')).toBe('62 Health Care and Social Assistance');
    expect(sectorTitle('44-45')).toBe('44-45 Retail Trade');
  });

  it('spells out a pathway, quarter by quarter', () => {
    expect(pathwayLabel('54>56>56')).toBe('−4: Professional services → +4: Administrative support → +8: same');
    expect(pathwayLabel('none>62>none')).toBe('−4: no UI earnings → +4: Health care → +8: no UI earnings');
    expect(pathwayLabel('other')).toBe('Every other sequence');
  });
});
