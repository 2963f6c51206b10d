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

function tally(employers: Map<string, number>, id: string): void {
  employers.set(id, (employers.get(id) ?? 0) + 1);
}

/**
 * Counts a rate over holders: `inUniverse` says whether a holder is in the denominator (and gives
 * the employer the measure is about, if any); `counts` whether they are in the numerator. The
 * numerator's employers are tallied for the employer rule.
 */
function countRate<E extends string | undefined>(
  holders: readonly Holder[],
  inUniverse: (h: Holder) => { employer: E } | undefined,
  counts: (h: Holder, employer: E) => boolean,
): EmployerRate {
  const r: EmployerRate = { numerator: 0, denominator: 0, employers: new Map() };
  for (const h of holders) {
    const universe = inUniverse(h);
    if (!universe) continue;
    r.denominator += 1;
    if (!counts(h, universe.employer)) continue;
    r.numerator += 1;
    const id = universe.employer;
    if (id !== undefined) tally(r.employers, id);
  }
  return r;
}

const NO_EMPLOYER = { employer: undefined };

/** The primary employer in quarter q, when q is covered and the holder was employed then. */
function primaryIn(ctx: OutcomeContext, h: Holder, q: number): { employer: string } | undefined {
  const employer = covered(ctx, q) ? h.wages.primaryEmployer(q) : undefined;
  return employer === undefined ? undefined : { employer };
}

/** WIOA employment rate: share with any UI earnings in award quarter + k (k = 2, 4). */
export function employmentRate(ctx: OutcomeContext, holders: readonly Holder[], k: number): EmployerRate {
  return countRate(
    holders,
    (h) => (covered(ctx, h.awardQuarter + k) ? NO_EMPLOYER : undefined),
    (h) => h.wages.employed(h.awardQuarter + k),
  );
}

/** Employed in any of the four quarters after the award quarter (within 12 months). */
export function employedWithin12Months(ctx: OutcomeContext, holders: readonly Holder[]): EmployerRate {
  return countRate(
    holders,
    (h) => (covered(ctx, h.awardQuarter + 1, h.awardQuarter + 4) ? NO_EMPLOYER : undefined),
    (h) => [1, 2, 3, 4].some((k) => h.wages.employed(h.awardQuarter + k)),
  );
}

/** New job: among the employed at +4, the primary employer paid the person nothing in -4..-1. */
export function newJobRate(ctx: OutcomeContext, holders: readonly Holder[]): EmployerRate {
  return countRate(
    holders,
    (h) => (covered(ctx, h.awardQuarter - 4, h.awardQuarter - 1) ? primaryIn(ctx, h, h.awardQuarter + 4) : undefined),
    (h, employer) => ![-4, -3, -2, -1].some((k) => h.wages.paidBy(h.awardQuarter + k, employer)),
  );
}

/** Aligned role (an industry proxy: UI records carry no occupation): primary employer at +4 in an aligned NAICS. */
export function alignedRate(ctx: OutcomeContext, holders: readonly Holder[], aligned: readonly string[]): EmployerRate {
  return countRate(
    holders,
    (h) => primaryIn(ctx, h, h.awardQuarter + 4),
    (_h, employer) => naicsMatches(ctx.employers.get(employer)?.naics, aligned),
  );
}

/**
 * Retention with the same employer, as WIOA and QWI define it: among holders employed in the award
 * quarter, the primary employer then (the one paying the most) is again the primary employer in
 * every quarter of `after` (e.g. [2], [4], or [2, 4]). Being paid something by it is not enough: a
 * person who moved to a new main job and got a last small cheque was not retained.
 */
export function retentionRate(ctx: OutcomeContext, holders: readonly Holder[], after: readonly number[]): EmployerRate {
  return countRate(
    holders,
    (h) => (after.every((k) => covered(ctx, h.awardQuarter + k)) ? primaryIn(ctx, h, h.awardQuarter) : undefined),
    (h, employer) => after.every((k) => h.wages.primaryEmployer(h.awardQuarter + k) === employer),
  );
}

export function buildEmploymentTables(ctx: OutcomeContext): RawTable[] {
  const sensitivity = perCredentialSensitivity(ctx);
  const employment = new TableBuilder(ctx, {
    name: 'employment',
    title: 'Employment after the award',
    dims: ['credential', 'cohort'],
    definition: 'employed_q2/q4: any UI earnings in award quarter + 2 / + 4 (WIOA employment rate); employed_within_12m: in any of +1..+4; new_job_q4: among the employed at +4, the primary employer (highest wages) paid nothing in -4..-1; aligned_q4: among the employed at +4, primary employer in the credential\'s aligned NAICS (an industry proxy for an aligned role).',
    dpSensitivity: sensitivity,
  }, [], true);
  const retention = new TableBuilder(ctx, {
    name: 'retention',
    title: 'Retention with the same employer',
    dims: ['credential', 'cohort'],
    definition: 'Among holders employed in the award quarter, share whose primary employer then (highest wages that quarter) is again their primary employer in quarter +2, +4, and both (WIOA retention with the same employer in the 2nd and 4th quarters; QWI dominant job).',
    dpSensitivity: sensitivity,
  }, [], true);
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
    true,
  );
  for (const g of ctx.groups) {
    const bySector = new Map<string, EmployerRate>(NAICS_SECTORS.map((s) => [s, { numerator: 0, denominator: 0, employers: new Map() }]));
    let employed = 0;
    for (const h of g.holders) {
      const employer = primaryIn(ctx, h, h.awardQuarter + 4)?.employer;
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
