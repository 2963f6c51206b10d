import type { RawTable } from '../disclosure/cells.ts';
import { covered, sectorOfEmployer, type Holder, type OutcomeContext } from './outcome-context.ts';
import { NAICS_SECTORS, naicsMatches } from './naics-sector.ts';
import { TableBuilder, perCredentialSensitivity } from './table-builder.ts';

/** A rate with the employers of the people in its numerator (for the employer rule). */
export interface EmployerRate {
  numerator: number;
  denominator: number;
  employers: Map<string, number>;
}

function tally(employers: Map<string, number>, id: string | undefined): void {
  if (id !== undefined) employers.set(id, (employers.get(id) ?? 0) + 1);
}

/** WIOA employment rate: share with any UI earnings in award quarter + k (k = 2, 4). */
export function employmentRate(ctx: OutcomeContext, holders: readonly Holder[], k: number): EmployerRate {
  const r: EmployerRate = { numerator: 0, denominator: 0, employers: new Map() };
  for (const h of holders) {
    const q = h.awardQuarter + k;
    if (!covered(ctx, q)) continue;
    r.denominator += 1;
    if (h.wages.employed(q)) r.numerator += 1;
  }
  return r;
}

/** Employed in any of the four quarters after the award quarter (within 12 months). */
export function employedWithin12Months(ctx: OutcomeContext, holders: readonly Holder[]): EmployerRate {
  const r: EmployerRate = { numerator: 0, denominator: 0, employers: new Map() };
  for (const h of holders) {
    if (!covered(ctx, h.awardQuarter + 1, h.awardQuarter + 4)) continue;
    r.denominator += 1;
    if ([1, 2, 3, 4].some((k) => h.wages.employed(h.awardQuarter + k))) r.numerator += 1;
  }
  return r;
}

/** New job: among the employed at +4, the primary employer paid the person nothing in -4..-1. */
export function newJobRate(ctx: OutcomeContext, holders: readonly Holder[]): EmployerRate {
  const r: EmployerRate = { numerator: 0, denominator: 0, employers: new Map() };
  for (const h of holders) {
    const a = h.awardQuarter;
    if (!covered(ctx, a - 4, a - 1) || !covered(ctx, a + 4)) continue;
    const employer = h.wages.primaryEmployer(a + 4);
    if (employer === undefined) continue;
    r.denominator += 1;
    if (![-4, -3, -2, -1].some((k) => h.wages.paidBy(a + k, employer))) {
      r.numerator += 1;
      tally(r.employers, employer);
    }
  }
  return r;
}

/** Aligned role (an industry proxy: UI records carry no occupation): primary employer at +4 in an aligned NAICS. */
export function alignedRate(ctx: OutcomeContext, holders: readonly Holder[], aligned: readonly string[]): EmployerRate {
  const r: EmployerRate = { numerator: 0, denominator: 0, employers: new Map() };
  for (const h of holders) {
    const q = h.awardQuarter + 4;
    const employer = covered(ctx, q) ? h.wages.primaryEmployer(q) : undefined;
    if (employer === undefined) continue;
    r.denominator += 1;
    if (naicsMatches(ctx.employers.get(employer)?.naics, aligned)) {
      r.numerator += 1;
      tally(r.employers, employer);
    }
  }
  return r;
}

/**
 * Retention with the same employer, as the WIOA effectiveness-in-serving-employers indicator:
 * among holders employed in the award quarter, the primary employer then still pays them in
 * every quarter of `after` (e.g. [2], [4], or [2, 4]).
 */
export function retentionRate(ctx: OutcomeContext, holders: readonly Holder[], after: readonly number[]): EmployerRate {
  const r: EmployerRate = { numerator: 0, denominator: 0, employers: new Map() };
  for (const h of holders) {
    const a = h.awardQuarter;
    const employer = covered(ctx, a) ? h.wages.primaryEmployer(a) : undefined;
    if (employer === undefined || !after.every((k) => covered(ctx, a + k))) continue;
    r.denominator += 1;
    if (after.every((k) => h.wages.paidBy(a + k, employer))) {
      r.numerator += 1;
      tally(r.employers, employer);
    }
  }
  return r;
}

export function buildEmploymentTables(ctx: OutcomeContext): RawTable[] {
  const sensitivity = perCredentialSensitivity(ctx);
  const employment = new TableBuilder(ctx, {
    name: 'employment',
    title: 'Employment after the award',
    dims: ['credential', 'cohort'],
    definition: 'employed_q2/q4: any UI earnings in award quarter + 2 / + 4 (WIOA employment rate); employed_within_12m: in any of +1..+4; new_job_q4: among the employed at +4, the primary employer (highest wages) paid nothing in -4..-1; aligned_q4: among the employed at +4, primary employer in the credential\'s aligned NAICS (an industry proxy for an aligned role).',
    dpSensitivity: sensitivity,
  });
  const retention = new TableBuilder(ctx, {
    name: 'retention',
    title: 'Retention with the same employer',
    dims: ['credential', 'cohort'],
    definition: 'Among holders employed in the award quarter, share whose primary employer then still pays them in quarter +2, +4, and both (WIOA retention with the same employer in the 2nd and 4th quarters).',
    dpSensitivity: sensitivity,
  });
  for (const g of ctx.groups) {
    const dims = { credential: g.credential, cohort: g.cohort };
    const rate = (t: TableBuilder, measure: string, r: EmployerRate, employerBased: boolean) =>
      t.add(dims, measure, { kind: 'rate', numerator: r.numerator, denominator: r.denominator, employers: employerBased ? r.employers : undefined });
    rate(employment, 'employed_q2', employmentRate(ctx, g.holders, 2), false);
    rate(employment, 'employed_q4', employmentRate(ctx, g.holders, 4), false);
    rate(employment, 'employed_within_12m', employedWithin12Months(ctx, g.holders), false);
    rate(employment, 'new_job_q4', newJobRate(ctx, g.holders), true);
    const aligned = ctx.catalog.get(g.credential)?.alignedNaics ?? [];
    if (aligned.length) rate(employment, 'aligned_q4', alignedRate(ctx, g.holders, aligned), true);
    rate(retention, 'retention_q2', retentionRate(ctx, g.holders, [2]), true);
    rate(retention, 'retention_q4', retentionRate(ctx, g.holders, [4]), true);
    rate(retention, 'retention_q2_and_q4', retentionRate(ctx, g.holders, [2, 4]), true);
  }
  return [employment.build(), retention.build()];
}

/** Industry of the primary employer at +4 (QCEW NAICS via the employer file), among holders employed then. */
export function buildIndustryTable(ctx: OutcomeContext): RawTable {
  const table = new TableBuilder(
    ctx,
    {
      name: 'industry',
      title: 'Industry of the primary employer four quarters after the award',
      dims: ['credential', 'cohort', 'sector'],
      definition: 'employed_q4 (sector "all"): holders with earnings at award quarter + 4; share: of them, those whose primary employer (highest wages that quarter) is in the NAICS sector. Shares add to 1 across sectors.',
      dpSensitivity: perCredentialSensitivity(ctx),
    },
    ['sector'],
  );
  for (const g of ctx.groups) {
    const bySector = new Map<string, EmployerRate>(NAICS_SECTORS.map((s) => [s, { numerator: 0, denominator: 0, employers: new Map() }]));
    let employed = 0;
    for (const h of g.holders) {
      const q = h.awardQuarter + 4;
      const employer = covered(ctx, q) ? h.wages.primaryEmployer(q) : undefined;
      if (employer === undefined) continue;
      employed += 1;
      const r = bySector.get(sectorOfEmployer(ctx, employer)) ?? bySector.get('unknown')!;
      r.numerator += 1;
      tally(r.employers, employer);
    }
    const total = table.add({ credential: g.credential, cohort: g.cohort, sector: 'all' }, 'employed_q4', { kind: 'count', count: employed });
    const parts = NAICS_SECTORS.map((sector) => {
      const r = bySector.get(sector)!;
      return table.add({ credential: g.credential, cohort: g.cohort, sector }, 'share', { kind: 'rate', numerator: r.numerator, denominator: employed, employers: r.employers });
    });
    table.margin(total, parts);
  }
  return table.build();
}
