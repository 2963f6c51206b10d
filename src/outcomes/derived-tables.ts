import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { roundDollars } from '../disclosure/rounding.ts';
import type { OutcomeContext } from './outcome-context.ts';
import { breakevenQuarter, extendEffects, npv } from './roi.ts';

/*
 * Tables computed only from already published cells (post-processing): they can reveal nothing
 * the published tables do not, and spend no privacy budget.
 */

const MEASURED_QUARTERS = 12;
const PRETREND_QUARTERS = [-8, -7, -6, -5];

type Lookup = (credential: string, cohort: string, k: number, measure: string) => PublishedCell | undefined;

function lookupOf(table: PublishedTable | undefined, quarterDim: string): Lookup {
  const index = new Map<string, PublishedCell>();
  for (const c of table?.cells ?? []) index.set(`${c.dims.credential}|${c.dims.cohort}|${c.dims[quarterDim]}|${c.measure}`, c);
  return (credential, cohort, k, measure) => index.get(`${credential}|${cohort}|${k}|${measure}`);
}

/** Effects for +1..+12: the difference-in-differences when every quarter is published, else the labelled pre/post change. */
function effectsFor(comparison: Lookup, trajectory: Lookup, credential: string, cohort: string): { method: 'did' | 'pre_post'; effects: number[] } | undefined {
  const ks = Array.from({ length: MEASURED_QUARTERS }, (_, i) => i + 1);
  const did = ks.map((k) => comparison(credential, cohort, k, 'did')?.value ?? null);
  if (did.every((v) => v !== null)) return { method: 'did', effects: did as number[] };
  const prePost = ks.map((k) => trajectory(credential, cohort, k, 'mean_change_from_pre')?.value ?? null);
  if (prePost.every((v) => v !== null)) return { method: 'pre_post', effects: prePost as number[] };
  return undefined;
}

export function buildRoiTable(ctx: OutcomeContext, comparisonTable: PublishedTable | undefined, trajectoryTable: PublishedTable | undefined): PublishedTable {
  const { discountRate, horizonsYears, extrapolation } = ctx.config.roi;
  const comparison = lookupOf(comparisonTable, 'event_quarter');
  const trajectory = lookupOf(trajectoryTable, 'event_quarter');
  const maxQuarters = Math.max(...horizonsYears) * 4;
  const cells: PublishedCell[] = [];
  for (const credential of ctx.credentials) {
    for (const cohort of ctx.cohortLabels) {
      const dims = { credential, cohort };
      const cost = ctx.catalog.get(credential)?.cost ?? 0;
      const found = effectsFor(comparison, trajectory, credential, cohort);
      const count = comparison(credential, cohort, 4, 'treated_n')?.count ?? null;
      if (!found) {
        for (const measure of ['method', ...horizonsYears.map((y) => `npv_${y}y`), 'breakeven_quarter']) cells.push({ dims, measure, value: null, count: null, status: 'suppressed' });
        continue;
      }
      const effects = extendEffects(found.effects, maxQuarters, extrapolation);
      cells.push({ dims, measure: 'method', value: null, count, status: 'ok', note: found.method });
      for (const years of horizonsYears) {
        cells.push({ dims, measure: `npv_${years}y`, value: roundDollars(npv(effects, cost, discountRate, years * 4), ctx.config.disclosure.dollarRounding), count, status: 'ok' });
      }
      const breakeven = breakevenQuarter(effects, cost, discountRate, maxQuarters);
      cells.push({ dims, measure: 'breakeven_quarter', value: breakeven ?? null, count, status: 'ok', note: breakeven === undefined ? 'not within the horizon' : undefined });
    }
  }
  return {
    name: 'roi',
    title: 'Return on the credential',
    dims: ['credential', 'cohort'],
    definition: `NPV over ${horizonsYears.join(' and ')} years of the quarterly earnings effect (difference-in-differences when published for +1..+${MEASURED_QUARTERS}, else the pre/post change, see "method"), discounted at ${discountRate * 100}% real a year, minus the catalog cost; beyond +${MEASURED_QUARTERS}: ${extrapolation}. breakeven_quarter: first quarter the discounted cumulative effect covers the cost. Computed from published cells only.`,
    cells,
  };
}

/** Pre-trend check: the mean difference-in-differences at -8..-5 (before the baseline window) should be near 0. */
export function buildPreTrendTable(ctx: OutcomeContext, comparisonTable: PublishedTable | undefined): PublishedTable {
  const comparison = lookupOf(comparisonTable, 'event_quarter');
  const tolerance = ctx.config.comparison.preTrendTolerance;
  const cells: PublishedCell[] = [];
  for (const credential of ctx.credentials) {
    for (const cohort of ctx.cohortLabels) {
      const dims = { credential, cohort };
      const values = PRETREND_QUARTERS.map((k) => comparison(credential, cohort, k, 'did')?.value ?? null);
      if (values.some((v) => v === null)) {
        cells.push({ dims, measure: 'pretrend_mean_did', value: null, count: null, status: 'suppressed' });
        cells.push({ dims, measure: 'pretrend_ok', value: null, count: null, status: 'suppressed' });
        continue;
      }
      const mean = (values as number[]).reduce((a, b) => a + b, 0) / values.length;
      const count = comparison(credential, cohort, -5, 'comparison_n')?.count ?? null;
      cells.push({ dims, measure: 'pretrend_mean_did', value: roundDollars(mean, ctx.config.disclosure.dollarRounding), count, status: 'ok' });
      cells.push({ dims, measure: 'pretrend_ok', value: Math.abs(mean) <= tolerance ? 1 : 0, count, status: 'ok' });
    }
  }
  return {
    name: 'pretrend',
    title: 'Pre-trend check of the comparison',
    dims: ['credential', 'cohort'],
    definition: `Mean published difference-in-differences at quarters -8..-5; pretrend_ok = 1 when within $${tolerance} a quarter (parallel trends plausible). Computed from published cells only.`,
    cells,
  };
}
