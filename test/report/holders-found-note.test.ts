import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.ts';
import { reportFixture } from './report-fixture.ts';

describe('report: holders by path and dollars', () => {
  it('says how many holders the spine and the direct roster-wage link found', async () => {
    const html = await buildReport({ ...reportFixture(), population: { holders: 1200, shareFound: 0.95, foundBy: { spine: 1100, direct: 100, notFound: 65 } } });
    expect(html).toContain('found through the population spine: 1,100; by a direct roster-wage link (on names: outside the spine, or where the roster~spine link failed): 100; not found: 65.');
  });

  it('names the deflator and base year, or says the dollars are nominal', async () => {
    const base = reportFixture();
    const real = await buildReport(base);
    expect(real).toMatch(/in real \d{4} dollars: nominal wages x CPI\(\d{4}\) \/ CPI\(year\), deflator Consumer Price Index for All Urban Consumers \(CPI-U\).*CUUR0000SA0/);
    const nominal = await buildReport({ ...base, parameters: { ...base.parameters, outcomes: { ...base.parameters.outcomes, dollars: 'nominal' } } });
    expect(nominal).toContain('in nominal dollars of each quarter: not deflated');
    expect(nominal).not.toContain('CUUR0000SA0');
  });

  it('titles the dollar axes of the charts real or nominal, as the run set them', async () => {
    const base = reportFixture();
    const real = await buildReport(base);
    const nominal = await buildReport({ ...base, parameters: { ...base.parameters, outcomes: { ...base.parameters.outcomes, dollars: 'nominal' } } });
    for (const title of ['dollars a quarter', 'quarterly earnings', 'earnings']) {
      expect(real).toContain(`real ${title}`);
      expect(nominal).toContain(`nominal ${title}`);
    }
    expect(nominal).not.toMatch(/real (dollars a quarter|quarterly earnings|earnings)\b/i);
  });
});
