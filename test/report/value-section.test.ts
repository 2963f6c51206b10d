import { describe, expect, it } from 'vitest';
import type { PublishedCell, PublishedTable } from '../../src/disclosure/cells.ts';
import { valueSection, withheldVerdictReason } from '../../src/report/value-section.ts';

const cell = (framework: string, measure: string, value: number | null, status: PublishedCell['status'], note?: string): PublishedCell => ({
  dims: { credential: 'CNA', cohort: 'all', framework },
  measure,
  value,
  count: value === null ? null : 40,
  status,
  note,
});

const verdicts: PublishedTable = {
  name: 'value-verdicts',
  title: 'Credentials of value',
  dims: ['credential', 'cohort', 'framework'],
  definition: '',
  cells: [
    cell('lumina_15', 'premium', 0.18, 'ok'),
    cell('lumina_15', 'verdict', 1, 'ok', 'meets'),
    cell('texas_10y', 'median_annual_earnings_y5', null, 'suppressed'),
    cell('texas_10y', 'verdict', null, 'suppressed', 'not enough data'),
    cell('roi_npv', 'method', null, 'ok', 'pre_post'),
    cell('roi_npv', 'npv_10y', -19030, 'ok'),
    cell('roi_npv', 'verdict', null, 'suppressed', 'not enough data'),
  ],
};

const roi: PublishedTable = {
  name: 'roi',
  title: 'Return on the credential',
  dims: ['credential', 'cohort'],
  definition: '',
  cells: [{ dims: { credential: 'CNA', cohort: 'all' }, measure: 'method', value: null, count: 40, status: 'ok', note: 'pre_post' }],
};

describe('valueSection', () => {
  it('shows each framework verdict with the published inputs it used, in words', () => {
    const html = valueSection([verdicts, roi], 'CNA');
    expect(html).toContain('Lumina Foundation');
    expect(html).toMatch(/<td class="meets text">meets<\/td>/);
    expect(html).toContain('premium over the baseline: 18.0%');
  });

  it('says "not enough data" when a needed cell is suppressed', () => {
    const html = valueSection([verdicts, roi], 'CNA');
    expect(html).toMatch(/Texas[^]*not enough data \(an input is suppressed\)[^]*median annual earnings, year 5: <span class="suppressed">suppressed/);
  });

  it('tells a verdict withheld for its method from a suppression, with the published NPV beside it', () => {
    const html = valueSection([verdicts, roi], 'CNA');
    expect(html).toMatch(/Net present value[^]*<td class="withheld text">no verdict: the effect is the holders’ own pre\/post change[^]*net present value, 10 years: −\$19,030/);
    const [npv, texas] = [verdicts.cells[6], verdicts.cells[3]];
    expect(withheldVerdictReason([verdicts, roi], npv)).toMatch(/^no verdict/);
    expect(withheldVerdictReason([verdicts, roi], texas)).toBeUndefined();
  });

  it('says so when the run has no verdicts for the credential', () => {
    expect(valueSection([verdicts], 'LPN')).toContain('No credential-of-value verdicts');
  });
});
