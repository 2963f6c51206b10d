import type { RawTable } from '../disclosure/cells.ts';
import { covered, realEarnings, type Holder, type OutcomeContext } from './outcome-context.ts';
import { quarterIndex, yearOfQuarter } from './outcome-person.ts';
import { dollarsText } from './real-dollars.ts';
import { ANNUAL_EARNINGS_BINS, EARNINGS_BINS, TableBuilder, perCredentialSensitivity } from './table-builder.ts';

export const EARNINGS_QUARTERS = [1, 2, 4, 8, 12] as const;
export const EARNINGS_YEARS = [1, 3, 5] as const;
const PERCENTILES = ['p25', 'median', 'p75'] as const;

/** Real quarterly earnings (all employers summed) at award quarter + k, among holders employed then. */
export function quarterlyEarningsAfter(ctx: OutcomeContext, holders: readonly Holder[], k: number): number[] {
  const values: number[] = [];
  for (const h of holders) {
    const q = h.awardQuarter + k;
    if (covered(ctx, q) && h.wages.employed(q)) values.push(realEarnings(ctx, h.wages, q));
  }
  return values;
}

/**
 * PSEO attachment to the labor force in a calendar year: earnings in at least 3 of its 4
 * quarters and nominal annual earnings at least a full year of full-time work at the federal
 * minimum wage ($7.25 x 2080 = $15,080). Returns real annual earnings, or undefined when not attached.
 */
export function attachedAnnualEarnings(ctx: OutcomeContext, holder: Holder, year: number): number | undefined {
  const { minimumWage, fullTimeHours, minQuarters } = ctx.config.attachment;
  let nominal = 0;
  let quartersEmployed = 0;
  for (let quarter = 1; quarter <= 4; quarter++) {
    const q = quarterIndex(year, quarter);
    const earned = holder.wages.earnings(q);
    nominal += earned;
    if (earned > 0) quartersEmployed += 1;
  }
  if (quartersEmployed < minQuarters || nominal < minimumWage * fullTimeHours) return undefined;
  return ctx.deflator.toReal(nominal, year);
}

export function annualEarningsAfter(ctx: OutcomeContext, holders: readonly Holder[], yearsAfter: number): number[] {
  const values: number[] = [];
  for (const h of holders) {
    const year = yearOfQuarter(h.awardQuarter) + yearsAfter;
    if (!covered(ctx, quarterIndex(year, 1), quarterIndex(year, 4))) continue;
    const earned = attachedAnnualEarnings(ctx, h, year);
    if (earned !== undefined) values.push(earned);
  }
  return values;
}

export function buildEarningsTables(ctx: OutcomeContext): RawTable[] {
  const dollars = dollarsText(ctx.dollars);
  const quarterly = new TableBuilder(ctx, {
    name: 'earnings_quarterly',
    title: 'Quarterly earnings after the award',
    dims: ['credential', 'cohort', 'quarter_after'],
    definition: `p25/median/p75 of UI-covered earnings summed over employers in award quarter + k, among holders employed that quarter; ${dollars}. Quarter-based as in PSEO/WIOA median earnings (2nd quarter after exit).`,
    dpSensitivity: perCredentialSensitivity(ctx),
  }, [], true);
  const annual = new TableBuilder(ctx, {
    name: 'earnings_annual',
    title: 'Annual earnings of attached workers',
    dims: ['credential', 'cohort', 'year_after'],
    definition: `p25/median/p75 of calendar-year earnings in award year + y among workers attached that year (earnings in >= ${ctx.config.attachment.minQuarters} of 4 quarters and >= $${ctx.config.attachment.minimumWage} x ${ctx.config.attachment.fullTimeHours} h nominal), as PSEO; ${dollars}.`,
    dpSensitivity: perCredentialSensitivity(ctx),
  }, [], true);
  for (const group of ctx.groups) {
    for (const k of EARNINGS_QUARTERS) {
      const values = quarterlyEarningsAfter(ctx, group.holders, k);
      for (const stat of PERCENTILES) {
        quarterly.add({ credential: group.credential, cohort: group.cohort, quarter_after: k }, stat, { kind: 'stat', stat, values, bins: EARNINGS_BINS, unit: 'dollars' });
      }
    }
    for (const y of EARNINGS_YEARS) {
      const values = annualEarningsAfter(ctx, group.holders, y);
      for (const stat of PERCENTILES) {
        annual.add({ credential: group.credential, cohort: group.cohort, year_after: y }, stat, { kind: 'stat', stat, values, bins: ANNUAL_EARNINGS_BINS, unit: 'dollars' });
      }
    }
  }
  return [quarterly.build(), annual.build()];
}
