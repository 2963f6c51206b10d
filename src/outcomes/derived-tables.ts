import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { roundDollars } from '../disclosure/rounding.ts';
import type { OutcomeContext } from './outcome-context.ts';
import { REFERENCE_WINDOW, windowLabel } from './event-study.ts';
import { breakevenQuarter, extendEffects, npv, premiumOf } from './roi.ts';
import { MEASURED_QUARTERS, MIN_QUARTERS, Z_95, effectsFor, lookupOf } from './published-effects.ts';

/*
 * Tables computed only from already published cells (post-processing): they can reveal nothing
 * the published tables do not, and spend no privacy budget.
 */

/**
 * Whether the premium is distinguishable from zero: |premium| >= 1.96 x premium_se_max. The bound
 * is at least the true standard error, so the test is conservative (a null effect is called
 * significant in at most 5% of runs). A pre/post change has no standard error and is never tested.
 */
function significanceCell(dims: PublishedCell['dims'], premium: number, se: number | undefined, method: string, count: number | null): PublishedCell {
  if (se === undefined || method === 'pre_post') return { dims, measure: 'significant', value: null, count: null, status: 'suppressed', note: method === 'pre_post' ? 'pre_post: no comparison, not tested' : 'no standard error published' };
  const significant = se > 0 && Math.abs(premium) >= Z_95 * se;
  return { dims, measure: 'significant', value: significant ? 1 : 0, count, status: 'ok', note: `${method}; ${significant ? 'distinguishable from zero at 5%' : 'not distinguishable from zero at 5%'}` };
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
        for (const measure of ['method', 'premium_per_quarter', 'premium_se_max', 'significant', ...horizonsYears.map((y) => `npv_${y}y`), 'breakeven_quarter']) cells.push({ dims, measure, value: null, count: null, status: 'suppressed' });
        continue;
      }
      const effects = extendEffects(found.effects, maxQuarters, extrapolation);
      cells.push({ dims, measure: 'method', value: null, count, status: 'ok', note: found.method });
      cells.push({ dims, measure: 'premium_per_quarter', value: roundDollars(premiumOf(found.effects), ctx.config.disclosure.dollarRounding), count, status: 'ok', note: found.method });
      cells.push(found.standardError === undefined
        ? { dims, measure: 'premium_se_max', value: null, count: null, status: 'suppressed' }
        : { dims, measure: 'premium_se_max', value: roundDollars(found.standardError, ctx.config.disclosure.dollarRounding), count, status: 'ok', note: found.method });
      cells.push(significanceCell(dims, premiumOf(found.effects), found.standardError, found.method, count));
      for (const years of horizonsYears) {
        cells.push({ dims, measure: `npv_${years}y`, value: roundDollars(npv(effects, cost, discountRate, years * 4), ctx.config.disclosure.dollarRounding), count, status: 'ok', note: found.method });
      }
      const breakeven = breakevenQuarter(effects, cost, discountRate, maxQuarters);
      cells.push({ dims, measure: 'breakeven_quarter', value: breakeven ?? null, count, status: 'ok', note: breakeven === undefined ? `${found.method}; not within the horizon` : found.method });
    }
  }
  return {
    name: 'roi',
    title: 'Return on the credential',
    dims: ['credential', 'cohort'],
    definition: `premium_per_quarter: mean of the published quarterly effects at +1..+${MEASURED_QUARTERS} (method: did = against failed-not-yet-passed candidates, did_nyt = against later holders not yet treated, did_matched = against non-holders matched on pre-award level and trend, pre_post = the holders' own change from the reference window ${windowLabel(REFERENCE_WINDOW)}, not a causal effect; at least ${MIN_QUARTERS} quarters published); premium_se_max: the mean of the quarters' did_se, an upper bound on the premium's standard error; significant = 1 when |premium| >= 1.96 x premium_se_max (conservative two-sided 5% test). NPV over ${horizonsYears.join(' and ')} years = -catalog cost + sum over quarters k of effect_k x (1 + ${discountRate})^(-k/4) (${discountRate * 100}% real a year, compounded quarterly); effects: ${extrapolation === 'hold-mean' ? 'the premium in every quarter' : extrapolation === 'hold-last-year' ? `measured quarters, then the mean of the last four held` : `the premium up to +${MEASURED_QUARTERS}, then none`}. breakeven_quarter: first quarter the discounted cumulative effect covers the cost. Computed from published cells only.`,
    cells,
  };
}
