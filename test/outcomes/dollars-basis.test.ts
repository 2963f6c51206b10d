import { describe, expect, it } from 'vitest';
import { computeOutcomeTables } from '../../src/outcomes/compute-outcome-tables.ts';
import { markdownSummary, tableJson } from '../../src/outcomes/render-outputs.ts';
import { CATALOG, EMPLOYERS, population, testConfig } from './population.ts';

const persons = population({ holders: 60, failers: 60, effect: 1500, seed: 3 });
// CPI doubling from 2010 to 2029: real 2010 dollars differ from nominal ones after 2010.
const cpi = { name: 'rising test index', annualAverages: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [String(2010 + i), 100 + 5 * i])) };
const run = (dollars?: 'real' | 'nominal') => computeOutcomeTables({ persons, catalog: CATALOG, employers: EMPLOYERS }, testConfig({ cpi, baseYear: 2010, ...(dollars ? { dollars } : {}) }));
const median4 = (r: ReturnType<typeof run>) => r.tables.find((t) => t.name === 'earnings_quarterly')!.cells.find((c) => c.dims.credential === 'A' && c.dims.cohort === 'all' && c.dims.quarter_after === 4 && c.measure === 'median')!.value;

describe('real and nominal dollars', () => {
  it('states the deflator and base year in every table JSON by default', () => {
    const real = run();
    expect(real.dollars).toEqual({ dollars: 'real', deflator: 'rising test index', baseYear: 2010 });
    for (const t of real.tables) expect(JSON.parse(tableJson(t, undefined, real.dollars)).dollars).toEqual(real.dollars);
    expect(real.tables.find((t) => t.name === 'trajectory')!.definition).toContain('real 2010 dollars (rising test index)');
  });

  it('leaves dollars undeflated with dollars: nominal, and says so', () => {
    const nominal = run('nominal');
    expect(nominal.dollars).toEqual({ dollars: 'nominal', deflator: null, baseYear: null });
    expect(nominal.tables.find((t) => t.name === 'trajectory')!.definition).toContain('nominal dollars');
    expect(median4(nominal)).not.toBe(median4(run()));
  });

  it('deflates the high-school baseline only in real dollars', () => {
    const baseline = { highSchoolBaseline: { annualEarnings: 30000, year: 2015, source: 'test survey' } };
    const verdicts = (dollars: 'real' | 'nominal') => computeOutcomeTables({ persons, catalog: CATALOG, employers: EMPLOYERS }, testConfig({ cpi, baseYear: 2010, dollars, ...baseline })).tables.find((t) => t.name === 'value-verdicts')!;
    const hsBaseline = (t: ReturnType<typeof verdicts>) => new Set(t.cells.filter((c) => c.measure === 'hs_baseline').map((c) => c.value));
    // CPI 125 in 2015 against 100 in the 2010 base year.
    expect(hsBaseline(verdicts('real'))).toEqual(new Set([24000]));
    expect(verdicts('real').definition).toContain("in the tables' real 2010 dollars");
    expect(hsBaseline(verdicts('nominal'))).toEqual(new Set([30000]));
    expect(verdicts('nominal').definition).toContain('in nominal 2015 dollars, not deflated');
  });

  it('says real or nominal dollars in the Markdown summary', () => {
    const summary = (r: ReturnType<typeof run>) => markdownSummary(r.tables, ['A'], undefined, [], r.dollars);
    expect(summary(run())).toContain('Dollars are real dollars of 2010 (rising test index).');
    expect(summary(run('nominal'))).toContain('Dollars are nominal dollars of each quarter (not deflated: dollars = nominal).');
    expect(summary(run('nominal'))).not.toContain('real dollars');
  });

  it('names the design on every comparison cell', () => {
    const cells = run().tables.find((t) => t.name === 'comparison')!.cells.filter((c) => c.dims.credential === 'A');
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.note).toMatch(/^did(_nyt|_matched)?(;|$)/);
  });
});
