import { covered, realEarnings, sectorOfEmployer, type Holder, type OutcomeContext } from './outcome-context.ts';
import { PRE_REFERENCE_WINDOW, REFERENCE_WINDOW, changeAt, preAverage, windowAverage } from './event-study.ts';
import type { QuarterIndex } from './outcome-person.ts';
import type { WageHistory } from './wage-history.ts';
import { counterfactualVariance, type ComparisonCell } from './counterfactual-variance.ts';

/*
 * Coarsened exact matching (Iacus, King and Porro 2012) of holders to non-holders in the wage
 * population, for credentials with too few failed candidates and later holders. Strata: the
 * calendar quarter of the event, the band of mean real earnings over the reference window -6..-3,
 * the band of its change from -8..-7 (the pre-award trend), quarters employed in -6..-3 and the
 * NAICS sector of the primary employer at -3 (the anticipation quarters -2..-1 are left out of
 * all) — the pre-period variables UI wage records give, as in the WIOA/TAA net-impact studies
 * that match participants to UI or Employment Service comparison groups. Matching on levels alone
 * leaves in the bias of people who seek a credential being on steeper earnings paths; the
 * trend band removes what the observed trend shows of it. It cannot match on what the records lack
 * (ability, intent to train): see docs/outcomes.md for its measured bias.
 */

/** A stratum needs this many non-holders: one or two would make a holder's counterfactual one person's change. */
export const MIN_CONTROLS = 5;

/** Real dollars a quarter: bands of the pre-award average (0 = no earnings at all). */
export const EARNINGS_BANDS = [2_500, 5_000, 7_500, 10_000, 15_000, 20_000];

/** Relative change of mean earnings from -8..-7 to -6..-3: bands of the pre-award trend. */
export const TREND_BANDS = [-0.25, -0.08, 0.08, 0.25];

export function earningsBand(preMean: number): number {
  if (preMean <= 0) return 0;
  const i = EARNINGS_BANDS.findIndex((upper) => preMean < upper);
  return i < 0 ? EARNINGS_BANDS.length + 1 : i + 1;
}

/** Band of (pre - early) / max(pre, early, $1,000): the floor keeps near-zero earners out of the extreme bands. */
export function trendBand(earlyMean: number, preMean: number): number {
  const relative = (preMean - earlyMean) / Math.max(preMean, earlyMean, 1_000);
  const i = TREND_BANDS.findIndex((upper) => relative < upper);
  return i < 0 ? TREND_BANDS.length : i;
}

export function stratumOf(ctx: OutcomeContext, wages: WageHistory, event: QuarterIndex): string | undefined {
  const pre = preAverage(ctx, wages, event);
  const early = windowAverage(ctx, wages, event, PRE_REFERENCE_WINDOW);
  if (pre === undefined || early === undefined) return undefined;
  let employed = 0;
  for (let k = REFERENCE_WINDOW.from; k <= REFERENCE_WINDOW.to; k++) if (wages.employed(event + k)) employed += 1;
  const trend = ctx.config.comparison.matchOnTrend ? trendBand(early, pre) : '-';
  return `${event}|${earningsBand(pre)}|${trend}|${employed}|${sectorOfEmployer(ctx, wages.primaryEmployer(event + REFERENCE_WINDOW.to))}`;
}

/** Non-holders per stratum, and their changes at each event quarter once computed. */
export interface StrataIndex {
  controls: Map<string, WageHistory[]>;
  changes: Map<string, { mean: number; changes: number[] }>;
}

/** Every non-holder in the pool, once per event quarter the wage data cover (-8..-1 included). */
export function indexPool(ctx: OutcomeContext, pool: readonly WageHistory[]): StrataIndex {
  const controls = new Map<string, WageHistory[]>();
  for (const wages of pool) {
    for (let e = ctx.coverage.from + 8; e <= ctx.coverage.to; e++) {
      const s = stratumOf(ctx, wages, e);
      if (s === undefined) continue;
      let list = controls.get(s);
      if (!list) controls.set(s, (list = []));
      list.push(wages);
    }
  }
  return { controls, changes: new Map() };
}

function controlChanges(ctx: OutcomeContext, index: StrataIndex, stratum: string, controls: readonly WageHistory[], event: QuarterIndex, k: number): { mean: number; changes: number[] } {
  const key = `${stratum}|${k}`;
  let found = index.changes.get(key);
  if (found === undefined) {
    const changes = controls.map((c) => realEarnings(ctx, c, event + k) - preAverage(ctx, c, event)!);
    found = { mean: changes.reduce((a, b) => a + b, 0) / changes.length, changes };
    index.changes.set(key, found);
  }
  return found;
}

export interface MatchedArms {
  /** Changes of the holders with enough matches. */
  treated: number[];
  /** Per matched holder, the mean change of its stratum's non-holders (ATT weights). */
  counterfactual: number[];
  /** Distinct non-holders used: the size of the comparison arm. */
  comparisonPeople: number;
  /** Sampling variance of the mean counterfactual (counterfactual-variance.ts). */
  comparisonVariance: number;
}

/** `eligible`: holders the design may use (e.g. without another award near this one). */
export function matchedArms(ctx: OutcomeContext, index: StrataIndex, holders: readonly Holder[], k: number, eligible: (h: Holder) => boolean = () => true): MatchedArms {
  const treated: number[] = [];
  const counterfactual: number[] = [];
  const strata = new Map<string, ComparisonCell<WageHistory>>();
  for (const h of holders) {
    if (!eligible(h)) continue;
    const change = changeAt(ctx, h.wages, h.awardQuarter, k);
    if (change === undefined || !covered(ctx, h.awardQuarter + k)) continue;
    const s = stratumOf(ctx, h.wages, h.awardQuarter);
    const controls = s === undefined ? undefined : index.controls.get(s);
    if (!controls || controls.length < MIN_CONTROLS) continue;
    const found = controlChanges(ctx, index, s!, controls, h.awardQuarter, k);
    treated.push(change);
    counterfactual.push(found.mean);
    const cell = strata.get(s!);
    if (cell) cell.treated += 1;
    else strata.set(s!, { treated: 1, people: controls, changes: found.changes });
  }
  // Distinct people: one non-holder sits in one stratum per event quarter, so strata overlap.
  const people = new Set<WageHistory>();
  for (const cell of strata.values()) for (const c of cell.people) people.add(c);
  return { treated, counterfactual, comparisonPeople: people.size, comparisonVariance: counterfactualVariance(strata.values()) };
}
