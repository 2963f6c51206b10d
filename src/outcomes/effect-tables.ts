import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { roundDollars } from '../disclosure/rounding.ts';
import { DESIGN_REASON } from './comparison-table.ts';
import { ANTICIPATION_WINDOW, EVENT_QUARTERS, PRE_REFERENCE_WINDOW, REFERENCE_WINDOW, inWindow, quartersOf, windowLabel } from './event-study.ts';
import type { OutcomeContext } from './outcome-context.ts';
import { Z_95, designOf, effectsFor, lookupOf, type Lookup } from './published-effects.ts';

/*
 * The event study and its pre-trend test, computed only from published comparison cells
 * (post-processing: no raw cell, no privacy budget).
 */

/** Quarters before the reference window: where parallel trends are tested. */
const PRETREND_QUARTERS = quartersOf(PRE_REFERENCE_WINDOW);
/**
 * Critical |t| of the joint pre-trend test: three tests (each of -8..-7 and their mean) at 5%/3
 * each (two-sided z of 0.01667), so by Bonferroni the joint test rejects parallel trends falsely
 * in at most 5% of runs, whatever the correlation between quarters.
 */
export const PRETREND_CRITICAL_T = 2.394;

const isReference = (k: number) => inWindow(REFERENCE_WINDOW, k);

/** Event-study coefficients -8..+12 with 95% confidence bands, the reference window marked. */
export function buildEventStudyTable(ctx: OutcomeContext, comparisonTable: PublishedTable | undefined): PublishedTable {
  const comparison = lookupOf(comparisonTable, 'event_quarter');
  const rounding = ctx.config.disclosure.dollarRounding;
  const cells: PublishedCell[] = [];
  for (const credential of ctx.credentials) {
    for (const cohort of ctx.cohortLabels) {
      const design = designOf(comparison, credential, cohort);
      for (const k of EVENT_QUARTERS) {
        const dims = { credential, cohort, event_quarter: k };
        const effect = design ? comparison(credential, cohort, k, design) : undefined;
        const se = comparison(credential, cohort, k, 'did_se');
        cells.push({ dims, measure: 'reference', value: isReference(k) ? 1 : 0, count: null, status: 'ok', note: isReference(k) ? `reference window ${windowLabel(REFERENCE_WINDOW)}` : undefined });
        if (!design || !effect || effect.value === null) {
          for (const measure of ['effect', 'ci95_low', 'ci95_high']) cells.push({ dims, measure, value: null, count: null, status: 'suppressed', note: design ?? 'no comparison' });
          continue;
        }
        cells.push({ dims, measure: 'effect', value: effect.value, count: effect.count, status: effect.status, note: design });
        const band = se && se.value !== null ? Z_95 * se.value : undefined;
        for (const [measure, sign] of [['ci95_low', -1], ['ci95_high', 1]] as const) {
          cells.push(band === undefined
            ? { dims, measure, value: null, count: null, status: 'suppressed', note: `${design}; no standard error published` }
            : { dims, measure, value: roundDollars(effect.value + sign * band, rounding), count: effect.count, status: effect.status, note: design });
        }
      }
    }
  }
  return {
    name: 'event_study',
    title: 'Event study: effect by quarter since the award, with 95% bands',
    dims: ['credential', 'cohort', 'event_quarter'],
    definition: `effect: the published difference-in-differences of the comparison table at k (note: the design, did / did_nyt / did_matched); ci95_low/high = effect -/+ 1.96 x did_se. reference = 1 for the reference window ${windowLabel(REFERENCE_WINDOW)} that every change is measured from (its effects average 0 by construction); ${windowLabel(ANTICIPATION_WINDOW)} are anticipation quarters, outside it. Computed from published cells only.`,
    cells,
  };
}

interface PretrendTest {
  mean: number;
  meanT: number;
  maxAbsT: number;
  count: number | null;
}

function pretrendTest(comparison: Lookup, credential: string, cohort: string, design: string): PretrendTest | undefined {
  const effects = PRETREND_QUARTERS.map((k) => comparison(credential, cohort, k, design)?.value ?? null);
  const ses = PRETREND_QUARTERS.map((k) => comparison(credential, cohort, k, 'did_se')?.value ?? null);
  if (effects.some((v) => v === null) || ses.some((v) => v === null || v <= 0)) return undefined;
  const d = effects as number[];
  const s = ses as number[];
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  // Minkowski: the mean's standard error is at most the mean of the quarters' (conservative t).
  const meanSe = s.reduce((a, b) => a + b, 0) / s.length;
  return { mean, meanT: mean / meanSe, maxAbsT: Math.max(...d.map((v, i) => Math.abs(v / s[i]))), count: comparison(credential, cohort, PRE_REFERENCE_WINDOW.to, 'comparison_n')?.count ?? null };
}

/**
 * Which design each credential and cohort got and why, and the joint pre-trend test over -8..-7:
 * parallel trends are rejected when any quarter's |t| or the mean's |t| reaches 2.394.
 * pretrend_ok = the test passed. Whether the mean is within preTrendTolerance dollars is reported
 * beside it, not required: on a few hundred holders a quarter's noise alone exceeds $250.
 */
export function buildPreTrendTable(ctx: OutcomeContext, comparisonTable: PublishedTable | undefined, trajectoryTable: PublishedTable | undefined): PublishedTable {
  const comparison = lookupOf(comparisonTable, 'event_quarter');
  const trajectory = lookupOf(trajectoryTable, 'event_quarter');
  const tolerance = ctx.config.comparison.preTrendTolerance;
  const rounding = ctx.config.disclosure.dollarRounding;
  const cells: PublishedCell[] = [];
  for (const credential of ctx.credentials) {
    for (const cohort of ctx.cohortLabels) {
      const dims = { credential, cohort };
      const method = effectsFor(comparison, trajectory, credential, cohort)?.method;
      const design = method && method !== 'pre_post' ? method : undefined;
      cells.push({ dims, measure: 'method', value: null, count: null, status: method ? 'ok' : 'suppressed', note: method ?? 'no effect published' });
      cells.push({ dims, measure: 'reason', value: null, count: null, status: 'ok', note: DESIGN_REASON[design ?? 'none'] });
      const test = design ? pretrendTest(comparison, credential, cohort, design) : undefined;
      if (!test) {
        for (const measure of ['pretrend_mean_did', 'pretrend_mean_t', 'pretrend_max_abs_t', 'pretrend_test', 'pretrend_within_tolerance', 'pretrend_ok']) {
          cells.push({ dims, measure, value: null, count: null, status: 'suppressed', note: design ? 'pre-period cells not published' : 'no comparison' });
        }
        continue;
      }
      const passed = Math.abs(test.meanT) < PRETREND_CRITICAL_T && test.maxAbsT < PRETREND_CRITICAL_T;
      const within = Math.abs(test.mean) <= tolerance;
      const round2 = (x: number) => Math.round(x * 100) / 100;
      cells.push({ dims, measure: 'pretrend_mean_did', value: roundDollars(test.mean, rounding), count: test.count, status: 'ok', note: design });
      cells.push({ dims, measure: 'pretrend_mean_t', value: round2(test.meanT), count: test.count, status: 'ok', note: design });
      cells.push({ dims, measure: 'pretrend_max_abs_t', value: round2(test.maxAbsT), count: test.count, status: 'ok', note: design });
      cells.push({ dims, measure: 'pretrend_test', value: passed ? 1 : 0, count: test.count, status: 'ok', note: passed ? 'parallel trends not rejected' : 'parallel trends rejected at 5%' });
      cells.push({ dims, measure: 'pretrend_within_tolerance', value: within ? 1 : 0, count: test.count, status: 'ok', note: within ? `mean within $${tolerance}` : `mean beyond $${tolerance}` });
      cells.push({ dims, measure: 'pretrend_ok', value: passed ? 1 : 0, count: test.count, status: 'ok', note: passed ? 'passed' : 'failed' });
    }
  }
  return {
    name: 'pretrend',
    title: 'Comparison design and pre-trend test',
    dims: ['credential', 'cohort'],
    definition: `method: the design the effects come from (did, did_nyt, did_matched; pre_post = no comparison) and reason: why it was chosen (preference: failed candidates, later holders not yet treated, matched non-holders). Joint pre-trend test over ${windowLabel(PRE_REFERENCE_WINDOW)} (the quarters before the reference window ${windowLabel(REFERENCE_WINDOW)}): t of each quarter's effect (did_se) and of their mean (standard error bounded by the mean of the quarters'); pretrend_test = 1 when every |t| < ${PRETREND_CRITICAL_T} (Bonferroni over three tests at 1.67%: a 5% joint test). pretrend_ok = pretrend_test; pretrend_within_tolerance = 1 when |pretrend_mean_did| <= $${tolerance} a quarter (reported, not required). For did_matched, ${windowLabel(PRE_REFERENCE_WINDOW)} enter the matching (trend band), so the test there checks the coarsening only. Computed from published cells only.`,
    cells,
  };
}
