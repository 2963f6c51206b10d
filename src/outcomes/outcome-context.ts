import type { CatalogCredential, Employer, OutcomePerson, QuarterIndex, WageQuarter } from './outcome-person.ts';
import { quarterIndex, quarterOfDate, yearOfQuarter } from './outcome-person.ts';
import type { OutcomesConfig } from './outcomes-config.ts';
import { createDeflator, dollarBasis, nominalDeflator, type Deflator, type DollarBasis } from './real-dollars.ts';
import { wageHistory, type WageHistory } from './wage-history.ts';
import { naicsSector } from './naics-sector.ts';
import { inferWageCoverage, wageRowsPerQuarter, type WageCoverage } from './wage-coverage.ts';

/** A person who earned a credential: the unit of every per-credential table. */
export interface Holder {
  personIndex: number;
  person: OutcomePerson;
  wages: WageHistory;
  credential: string;
  /** First award of this credential (YYYY-MM-DD) and its quarter: event quarter 0. */
  awardDate: string;
  awardQuarter: QuarterIndex;
}

/** The holders of one credential in one award cohort ('all' pools every cohort). */
export interface Group {
  credential: string;
  cohort: string;
  holders: Holder[];
}

export interface OutcomeInputs {
  persons: OutcomePerson[];
  /** Wage rows of a bounded sample of non-holders in the population, for the matched comparison. */
  comparisonPool?: WageQuarter[][];
  catalog: CatalogCredential[];
  employers: Employer[];
}

export interface OutcomeContext {
  config: OutcomesConfig;
  persons: OutcomePerson[];
  catalog: Map<string, CatalogCredential>;
  credentials: string[];
  employers: Map<string, Employer>;
  deflator: Deflator;
  /** Real (deflator, base year) or nominal: stated in every table's metadata. */
  dollars: DollarBasis;
  coverage: WageCoverage;
  cohortLabels: string[];
  /** Cohort labels a year belongs to (its cohort and 'all'), empty when outside every cohort. */
  cohortsOfYear(year: number): string[];
  groups: Group[];
  /** Every holder in the population per credential, whatever the cohort: the later holders a not-yet-treated comparison draws on. */
  holdersByCredential: Map<string, Holder[]>;
  histories: WageHistory[];
  /** Non-holders' wage histories for the matched comparison (empty under differential privacy). */
  poolHistories: WageHistory[];
  /** Under differential privacy: credentials kept per person (undefined = no cap). */
  credentialCap?: number;
}

export const ALL_COHORTS = 'all';

/** Real earnings (base-year dollars) of a person in quarter q. */
export function realEarnings(ctx: OutcomeContext, history: WageHistory, q: QuarterIndex): number {
  const nominal = history.earnings(q);
  return nominal === 0 ? 0 : ctx.deflator.toReal(nominal, yearOfQuarter(q));
}

/** Whether the wage records cover every quarter from a to b (outcomes past the data are unknown, not zero). */
export function covered(ctx: OutcomeContext, a: QuarterIndex, b: QuarterIndex = a): boolean {
  return a >= ctx.coverage.from && b <= ctx.coverage.to;
}

export function sectorOfEmployer(ctx: OutcomeContext, employerId: string | undefined): string {
  if (employerId === undefined) return 'none';
  return naicsSector(ctx.employers.get(employerId)?.naics);
}

function parseYearQuarter(text: string): QuarterIndex {
  return quarterIndex(Number(text.slice(0, 4)), Number(text.slice(5)));
}

function wageCoverage(config: OutcomesConfig, persons: readonly OutcomePerson[]): WageCoverage {
  const declared = config.wageCoverage;
  if (declared) return { from: parseYearQuarter(declared.from), to: parseYearQuarter(declared.to), note: `wage coverage declared as ${declared.from}-${declared.to}` };
  return inferWageCoverage(wageRowsPerQuarter(persons));
}

/** Each person's first award per credential, capped (under DP) to the earliest `cap` credentials. */
function awardsOf(person: OutcomePerson, cap: number | undefined): Array<{ credential: string; awardDate: string }> {
  const first = new Map<string, string>();
  for (const exam of person.credentials) {
    if (exam.result !== 'pass' || !exam.awardDate) continue;
    const known = first.get(exam.credential);
    if (known === undefined || exam.awardDate < known) first.set(exam.credential, exam.awardDate);
  }
  const awards = [...first].map(([credential, awardDate]) => ({ credential, awardDate }));
  awards.sort((a, b) => (a.awardDate < b.awardDate ? -1 : a.awardDate > b.awardDate ? 1 : a.credential < b.credential ? -1 : 1));
  return cap === undefined ? awards : awards.slice(0, cap);
}

export function buildContext(inputs: OutcomeInputs, config: OutcomesConfig, options: { credentialCap?: number } = {}): OutcomeContext {
  const catalog = new Map(inputs.catalog.map((c) => [c.code, c]));
  const histories = inputs.persons.map(wageHistory);
  const cohorts = config.cohorts.length ? config.cohorts : [{ label: ALL_COHORTS, from: -Infinity, to: Infinity }];
  const cohortLabels = config.cohorts.length ? [...cohorts.map((c) => c.label), ALL_COHORTS] : [ALL_COHORTS];
  const cohortsOfYear = (year: number): string[] => {
    const own = cohorts.filter((c) => year >= c.from && year <= c.to).map((c) => c.label);
    if (own.length === 0) return [];
    return config.cohorts.length ? [...own, ALL_COHORTS] : own;
  };
  const byGroup = new Map<string, Holder[]>();
  const holdersByCredential = new Map<string, Holder[]>();
  const seenCredentials = new Set<string>();
  inputs.persons.forEach((person, personIndex) => {
    if (person.inPopulation === false) return;
    for (const award of awardsOf(person, options.credentialCap)) {
      seenCredentials.add(award.credential);
      const awardQuarter = quarterOfDate(award.awardDate);
      const holder: Holder = { personIndex, person, wages: histories[personIndex], credential: award.credential, awardDate: award.awardDate, awardQuarter };
      let all = holdersByCredential.get(award.credential);
      if (!all) holdersByCredential.set(award.credential, (all = []));
      all.push(holder);
      for (const cohort of cohortsOfYear(yearOfQuarter(awardQuarter))) {
        const key = `${award.credential}\u0000${cohort}`;
        let list = byGroup.get(key);
        if (!list) byGroup.set(key, (list = []));
        list.push(holder);
      }
    }
  });
  const extra = [...seenCredentials].filter((c) => !catalog.has(c)).sort();
  const credentials = [...inputs.catalog.map((c) => c.code), ...extra];
  const groups: Group[] = [];
  for (const credential of credentials) {
    for (const cohort of cohortLabels) groups.push({ credential, cohort, holders: byGroup.get(`${credential}\u0000${cohort}`) ?? [] });
  }
  return {
    config,
    persons: inputs.persons,
    catalog,
    credentials,
    employers: new Map(inputs.employers.map((e) => [e.employerId, e])),
    deflator: config.dollars === 'nominal' ? nominalDeflator() : createDeflator(config.baseYear, config.cpi),
    dollars: dollarBasis(config.dollars, config.baseYear, config.cpi),
    coverage: wageCoverage(config, inputs.persons),
    cohortLabels,
    cohortsOfYear,
    groups,
    holdersByCredential,
    histories,
    // One non-holder can sit in many strata and event quarters, so the matched comparison has no
    // bounded sensitivity: it is not used under differential privacy.
    poolHistories: options.credentialCap === undefined ? (inputs.comparisonPool ?? []).map((wages) => wageHistory({ credentials: [], wages, education: [] })) : [],
    credentialCap: options.credentialCap,
  };
}
