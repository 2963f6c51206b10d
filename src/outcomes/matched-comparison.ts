import { covered, realEarnings, sectorOfEmployer, type Holder, type OutcomeContext } from './outcome-context.ts';
import { changeAt, preAverage } from './event-study.ts';
import type { QuarterIndex } from './outcome-person.ts';
import type { WageHistory } from './wage-history.ts';

/*
 * Coarsened exact matching (Iacus, King and Porro 2012) of holders to non-holders in the wage
 * population, for credentials with too few failed candidates. Strata: the calendar quarter of the
 * event, the band of mean real earnings over -4..-1, quarters employed in -4..-1 and the NAICS
 * sector of the primary employer at -1 — the pre-period variables UI wage records give, as in
 * the WIOA/TAA net-impact studies that match participants to UI or Employment Service comparison
 * groups. It cannot match on what the records lack (ability, intent to train): see docs/outcomes.md
 * for its measured bias.
 */

/** A stratum needs this many non-holders: one or two would make a holder's counterfactual one person's change. */
export const MIN_CONTROLS = 5;

/** Real dollars a quarter: bands of the pre-award average (0 = no earnings at all). */
export const EARNINGS_BANDS = [2_500, 5_000, 7_500, 10_000, 15_000, 20_000];

export function earningsBand(preMean: number): number {
  if (preMean <= 0) return 0;
  const i = EARNINGS_BANDS.findIndex((upper) => preMean < upper);
  return i < 0 ? EARNINGS_BANDS.length + 1 : i + 1;
}

export function stratumOf(ctx: OutcomeContext, wages: WageHistory, event: QuarterIndex): string | undefined {
  const pre = preAverage(ctx, wages, event);
  if (pre === undefined) return undefined;
  let employed = 0;
  for (let k = -4; k <= -1; k++) if (wages.employed(event + k)) employed += 1;
  return `${event}|${earningsBand(pre)}|${employed}|${sectorOfEmployer(ctx, wages.primaryEmployer(event - 1))}`;
}

/** Non-holders per stratum, and their mean change at each event quarter once computed. */
export interface StrataIndex {
  controls: Map<string, WageHistory[]>;
  meanChange: Map<string, number>;
}

/** Every non-holder in the pool, once per event quarter the wage data cover (pre window included). */
export function indexPool(ctx: OutcomeContext, pool: readonly WageHistory[]): StrataIndex {
  const controls = new Map<string, WageHistory[]>();
  for (const wages of pool) {
    for (let e = ctx.coverage.from + 4; e <= ctx.coverage.to; e++) {
      const s = stratumOf(ctx, wages, e);
      if (s === undefined) continue;
      let list = controls.get(s);
      if (!list) controls.set(s, (list = []));
      list.push(wages);
    }
  }
  return { controls, meanChange: new Map() };
}

function controlMean(ctx: OutcomeContext, index: StrataIndex, stratum: string, controls: readonly WageHistory[], event: QuarterIndex, k: number): number {
  const key = `${stratum}|${k}`;
  let m = index.meanChange.get(key);
  if (m === undefined) {
    let sum = 0;
    for (const c of controls) sum += realEarnings(ctx, c, event + k) - preAverage(ctx, c, event)!;
    index.meanChange.set(key, (m = sum / controls.length));
  }
  return m;
}

export interface MatchedArms {
  /** Changes of the holders with enough matches. */
  treated: number[];
  /** Per matched holder, the mean change of its stratum's non-holders (ATT weights). */
  counterfactual: number[];
  /** Distinct non-holders used: the size of the comparison arm. */
  comparisonPeople: number;
}

/** `eligible`: holders the design may use (e.g. without another award near this one). */
export function matchedArms(ctx: OutcomeContext, index: StrataIndex, holders: readonly Holder[], k: number, eligible: (h: Holder) => boolean = () => true): MatchedArms {
  const treated: number[] = [];
  const counterfactual: number[] = [];
  const strata = new Map<string, readonly WageHistory[]>();
  for (const h of holders) {
    if (!eligible(h)) continue;
    const change = changeAt(ctx, h.wages, h.awardQuarter, k);
    if (change === undefined || !covered(ctx, h.awardQuarter + k)) continue;
    const s = stratumOf(ctx, h.wages, h.awardQuarter);
    const controls = s === undefined ? undefined : index.controls.get(s);
    if (!controls || controls.length < MIN_CONTROLS) continue;
    treated.push(change);
    counterfactual.push(controlMean(ctx, index, s!, controls, h.awardQuarter, k));
    strata.set(s!, controls);
  }
  // Distinct people: one non-holder sits in one stratum per event quarter, so strata overlap.
  const people = new Set<WageHistory>();
  for (const controls of strata.values()) for (const c of controls) people.add(c);
  return { treated, counterfactual, comparisonPeople: people.size };
}
