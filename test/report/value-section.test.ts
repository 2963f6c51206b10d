import { describe, expect, it } from 'vitest';
import type { PublishedCell, PublishedTable } from '../../src/disclosure/cells.ts';
import { valueSection } from '../../src/report/value-section.ts';

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
  ],
};

describe('valueSection', () => {
  it('shows each framework verdict with the published inputs it used', () => {
    const html = valueSection([verdicts], 'CNA');
    expect(html).toContain('Lumina Foundation');
    expect(html).toMatch(/<td>meets<\/td>/);
    expect(html).toContain('premium: 0.18');
  });

  it('says "not enough data" when a needed cell is suppressed', () => {
    const html = valueSection([verdicts], 'CNA');
    expect(html).toMatch(/Texas[^]*not enough data[^]*median_annual_earnings_y5: suppressed/);
  });

  it('says so when the run has no verdicts for the credential', () => {
    expect(valueSection([verdicts], 'LPN')).toContain('No credential-of-value verdicts');
  });
});
