import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { roundDollars } from '../disclosure/rounding.ts';
import type { OutcomeContext } from './outcome-context.ts';
import { breakevenQuarter, extendEffects, npv, premiumOf } from './roi.ts';

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

/** At least this many published quarters of +1..+12 before a premium is estimated from them. */
const MIN_QUARTERS = 4;

/**
 * Effects for +1..+12 from published cells: the difference-in-differences (did, or did_matched),
 * else the labelled pre/post change of the holders (not an effect: it includes recovery from the
 * pre-award dip and earnings growth). Quarters not published are left out.
 */
function effectsFor(comparison: Lookup, trajectory: Lookup, credential: string, cohort: string): { method: 'did' | 'did_matched' | 'pre_post'; effects: number[]; standardError?: number } | undefined {
  const ks = Array.from({ length: MEASURED_QUARTERS }, (_, i) => i + 1);
  const published = (lookup: Lookup, measure: string) => ks.map((k) => lookup(credential, cohort, k, measure)?.value ?? null).filter((v): v is number => v !== null);
  for (const measure of ['did', 'did_matched'] as const) {
    const quarters = ks.filter((k) => comparison(credential, cohort, k, measure)?.value != null);
    if (quarters.length < MIN_QUARTERS) continue;
    const effects = quarters.map((k) => comparison(credential, cohort, k, measure)!.value!);
    // The sd of a mean of correlated estimates is at most the mean of their sds (Minkowski).
    const ses = quarters.map((k) => comparison(credential, cohort, k, 'did_se')?.value ?? null);
    const standardError = ses.every((v) => v !== null) ? premiumOf(ses as number[]) : undefined;
    return { method: measure, effects, standardError };
  }
  const prePost = published(trajectory, 'mean_change_from_pre');
  if (prePost.length >= MIN_QUARTERS) return { method: 'pre_post', effects: prePost };
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
        for (const measure of ['method', 'premium_per_quarter', 'premium_se_max', ...horizonsYears.map((y) => `npv_${y}y`), 'breakeven_quarter']) cells.push({ dims, measure, value: null, count: null, status: 'suppressed' });
        continue;
      }
      const effects = extendEffects(found.effects, maxQuarters, extrapolation);
      cells.push({ dims, measure: 'method', value: null, count, status: 'ok', note: found.method });
      cells.push({ dims, measure: 'premium_per_quarter', value: roundDollars(premiumOf(found.effects), ctx.config.disclosure.dollarRounding), count, status: 'ok', note: found.method });
      cells.push(found.standardError === undefined
        ? { dims, measure: 'premium_se_max', value: null, count: null, status: 'suppressed' }
        : { dims, measure: 'premium_se_max', value: roundDollars(found.standardError, ctx.config.disclosure.dollarRounding), count, status: 'ok', note: found.method });
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
    definition: `premium_per_quarter: mean of the published quarterly effects at +1..+${MEASURED_QUARTERS} (method: did = against failed-not-yet-passed candidates, did_matched = against matched non-holders, pre_post = the holders' own change from -4..-1, not a causal effect; at least ${MIN_QUARTERS} quarters published); premium_se_max: the mean of the quarters' did_se, an upper bound on the premium's standard error. NPV over ${horizonsYears.join(' and ')} years = -catalog cost + sum over quarters k of effect_k x (1 + ${discountRate})^(-k/4) (${discountRate * 100}% real a year, compounded quarterly); effects: ${extrapolation === 'hold-mean' ? 'the premium in every quarter' : extrapolation === 'hold-last-year' ? `measured quarters, then the mean of the last four held` : `the premium up to +${MEASURED_QUARTERS}, then none`}. breakeven_quarter: first quarter the discounted cumulative effect covers the cost. Computed from published cells only.`,
    cells,
  };
}

/** Pre-trend check: the mean difference-in-differences (did or did_matched) at -8..-5 (before the baseline window) should be near 0. */
export function buildPreTrendTable(ctx: OutcomeContext, comparisonTable: PublishedTable | undefined): PublishedTable {
  const comparison = lookupOf(comparisonTable, 'event_quarter');
  const tolerance = ctx.config.comparison.preTrendTolerance;
  const cells: PublishedCell[] = [];
  for (const credential of ctx.credentials) {
    for (const cohort of ctx.cohortLabels) {
      const dims = { credential, cohort };
      const values = PRETREND_QUARTERS.map((k) => comparison(credential, cohort, k, 'did')?.value ?? comparison(credential, cohort, k, 'did_matched')?.value ?? null);
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
