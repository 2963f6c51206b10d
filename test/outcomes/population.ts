import type { OutcomePerson, WageQuarter } from '../../src/outcomes/outcome-person.ts';
import { quarterIndex } from '../../src/outcomes/outcome-person.ts';
import { outcomesConfigSchema, type OutcomesConfig } from '../../src/outcomes/outcomes-config.ts';
import { seededRandom } from '../../src/disclosure/geometric-noise.ts';

/** Hand-built test data: quarters as [year, quarter], dates as YYYY-MM-DD. */
export const q = (year: number, quarter: number) => quarterIndex(year, quarter);

export function wagesOf(entries: Array<[year: number, quarter: number, employer: string, wages: number]>): WageQuarter[] {
  return entries.map(([y, qq, employerId, wages]) => ({ quarter: q(y, qq), employerId, wages }));
}

export function person(parts: Partial<OutcomePerson>): OutcomePerson {
  return { credentials: [], wages: [], education: [], ...parts };
}

export const CATALOG = [
  { code: 'A', name: 'Credential A', issuer: 'x', type: 'certification', alignedNaics: ['62'], cost: 1000 },
  { code: 'B', name: 'Credential B', issuer: 'y', type: 'license', alignedNaics: ['622'], cost: 500 },
];

export const EMPLOYERS = Array.from({ length: 12 }, (_, i) => ({ employerId: `e${i}`, naics: i < 6 ? '622110' : '238220' }));

/** A config with the CPI flat at 100 so that real = nominal, unless `overrides` say otherwise. */
export function testConfig(overrides: Record<string, unknown> = {}): OutcomesConfig {
  return outcomesConfigSchema.parse({
    credlinkOutcomes: 1,
    catalog: CATALOG,
    baseYear: 2020,
    cpi: { name: 'flat', annualAverages: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [String(2010 + i), 100])) },
    wageCoverage: { from: '2014Q1', to: '2024Q4' },
    ...overrides,
  });
}

/**
 * A synthetic population with a known effect: `holders` pass A in 2019Q1 and earn `base + effect`
 * from quarter +1 on; `failers` fail A in 2019Q1 and never pass; both earn `base` (plus noise)
 * otherwise, at one of 12 employers.
 */
export function population(options: { holders: number; failers: number; effect: number; base?: number; seed?: number }): OutcomePerson[] {
  const random = seededRandom(options.seed ?? 7);
  const base = options.base ?? 9000;
  const people: OutcomePerson[] = [];
  const make = (passes: boolean, i: number) => {
    const employer = `e${i % 12}`;
    const wages: WageQuarter[] = [];
    for (let year = 2016; year <= 2023; year++) {
      for (let quarter = 1; quarter <= 4; quarter++) {
        const after = q(year, quarter) > q(2019, 1);
        const noise = Math.round((random() - 0.5) * 2000);
        wages.push({ quarter: q(year, quarter), employerId: employer, wages: base + noise + (passes && after ? options.effect : 0) });
      }
    }
    people.push(
      person({
        credentials: [{ credential: 'A', examDate: '2019-02-10', result: passes ? 'pass' : 'fail', awardDate: passes ? '2019-02-20' : undefined }],
        wages,
      }),
    );
  };
  for (let i = 0; i < options.holders; i++) make(true, i);
  for (let i = 0; i < options.failers; i++) make(false, i);
  return people;
}
