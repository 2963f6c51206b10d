import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { DESIGNS, type ComparisonDesign } from './comparison-table.ts';
import { premiumOf } from './roi.ts';

/*
 * Reading effects back from published cells, for the tables computed by post-processing only
 * (roi, pretrend, event_study, value verdicts).
 */

export const MEASURED_QUARTERS = 12;
/** At least this many published quarters of +1..+12 before a premium is estimated from them. */
export const MIN_QUARTERS = 4;
/** Two-sided 5% critical value. */
export const Z_95 = 1.96;

export type Lookup = (credential: string, cohort: string, k: number, measure: string) => PublishedCell | undefined;

export function lookupOf(table: PublishedTable | undefined, quarterDim: string): Lookup {
  const index = new Map<string, PublishedCell>();
  for (const c of table?.cells ?? []) index.set(`${c.dims.credential}|${c.dims.cohort}|${c.dims[quarterDim]}|${c.measure}`, c);
  return (credential, cohort, k, measure) => index.get(`${credential}|${cohort}|${k}|${measure}`);
}

export type EffectMethod = ComparisonDesign | 'pre_post';

export interface PublishedEffects {
  method: EffectMethod;
  /** The published quarters of +1..+12 and their effects. */
  quarters: number[];
  effects: number[];
  standardError?: number;
}

const MEASURED = Array.from({ length: MEASURED_QUARTERS }, (_, i) => i + 1);

/** The design whose effect cells the comparison table holds for this credential and cohort, if any. */
export function designOf(comparison: Lookup, credential: string, cohort: string): ComparisonDesign | undefined {
  return DESIGNS.find((d) => comparison(credential, cohort, 4, d) !== undefined);
}

/**
 * Effects for +1..+12 from published cells: the comparison's difference-in-differences (did,
 * did_nyt or did_matched), else the labelled pre/post change of the holders (not an effect: it
 * includes recovery from the pre-award dip and earnings growth). Quarters not published are left out.
 */
export function effectsFor(comparison: Lookup, trajectory: Lookup, credential: string, cohort: string): PublishedEffects | undefined {
  const design = designOf(comparison, credential, cohort);
  if (design) {
    const quarters = MEASURED.filter((k) => comparison(credential, cohort, k, design)?.value != null);
    if (quarters.length >= MIN_QUARTERS) {
      const effects = quarters.map((k) => comparison(credential, cohort, k, design)!.value!);
      // The sd of a mean of correlated estimates is at most the mean of their sds (Minkowski).
      const ses = quarters.map((k) => comparison(credential, cohort, k, 'did_se')?.value ?? null);
      const standardError = ses.every((v) => v !== null) ? premiumOf(ses as number[]) : undefined;
      return { method: design, quarters, effects, standardError };
    }
  }
  const quarters = MEASURED.filter((k) => trajectory(credential, cohort, k, 'mean_change_from_pre')?.value != null);
  if (quarters.length < MIN_QUARTERS) return undefined;
  return { method: 'pre_post', quarters, effects: quarters.map((k) => trajectory(credential, cohort, k, 'mean_change_from_pre')!.value!) };
}
