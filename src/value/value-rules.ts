/*
 * The rules of public "credential of value" frameworks, as pure functions of published numbers.
 * A rule that lacks an input answers 'not enough data' instead of guessing.
 */

export type Verdict = 'meets' | 'does not meet' | 'not enough data';

/** Float slack so that 46,000 against a 40,000 baseline counts as exactly 15%. */
const EPSILON = 1e-9;

/** Lumina Foundation: at least 15% over the median high-school graduate; Louisiana: at least 20%. */
export const LUMINA_PREMIUM = 0.15;
export const LOUISIANA_PREMIUM = 0.2;
/** Texas (THECB): cost repaid within 10 years while out-earning a typical high-school graduate. */
export const TEXAS_YEARS = 10;

export function earningsPremium(medianAnnual: number, baselineAnnual: number): number {
  return medianAnnual / baselineAnnual - 1;
}

export function premiumVerdict(medianAnnual: number | null, baselineAnnual: number | undefined, threshold: number): { verdict: Verdict; premium: number | null } {
  if (medianAnnual === null || baselineAnnual === undefined) return { verdict: 'not enough data', premium: null };
  const premium = earningsPremium(medianAnnual, baselineAnnual);
  return { verdict: premium >= threshold - EPSILON ? 'meets' : 'does not meet', premium };
}

/**
 * Annual earnings in year t after the award (t = 1, 2, ...) from the published medians of a few
 * years after (e.g. 1, 3, 5): each year uses the latest measured year at or before it, so year 2
 * uses year 1, years 3-4 year 3 and years 5+ year 5; a suppressed later year holds the earlier one.
 */
export function earningsByYear(medians: ReadonlyMap<number, number | null>, years: number): Array<number | null> {
  const measured = [...medians.keys()].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  let held: number | null = null;
  for (let t = 1; t <= years; t++) {
    for (const y of measured) if (y === t && medians.get(y) !== null) held = medians.get(y)!;
    out.push(held);
  }
  return out;
}

/** First quarter after the award at which the summed (undiscounted) earnings above the baseline reach the cost, or undefined. */
export function quarterCostCovered(annualByYear: ReadonlyArray<number | null>, baselineAnnual: number, cost: number): number | undefined {
  if (cost <= 0) return 0;
  let sum = 0;
  for (let k = 1; k <= annualByYear.length * 4; k++) {
    const annual = annualByYear[Math.ceil(k / 4) - 1];
    if (annual === null) return undefined;
    sum += (annual - baselineAnnual) / 4;
    if (sum >= cost - EPSILON) return k;
  }
  return undefined;
}

export interface TexasResult {
  verdict: Verdict;
  quarterCovered: number | null;
}

/** Needs the first measured year; meets when the cost is covered by quarter 40 and the latest earnings exceed the baseline. */
export function texasVerdict(medians: ReadonlyMap<number, number | null>, baselineAnnual: number | undefined, cost: number | undefined): TexasResult {
  const first = Math.min(...medians.keys());
  if (baselineAnnual === undefined || cost === undefined || medians.get(first) === null || medians.get(first) === undefined) return { verdict: 'not enough data', quarterCovered: null };
  const annual = earningsByYear(medians, TEXAS_YEARS);
  if (annual[0] === null) {
    // The first measured year is after year 1: earlier years are unknown.
    return { verdict: 'not enough data', quarterCovered: null };
  }
  const covered = quarterCostCovered(annual, baselineAnnual, cost);
  const latest = annual[annual.length - 1]!;
  const meets = covered !== undefined && covered <= TEXAS_YEARS * 4 && latest > baselineAnnual;
  return { verdict: meets ? 'meets' : 'does not meet', quarterCovered: covered ?? null };
}

/** Positive net present value of the premium over the comparison group, net of the cost. */
export function npvVerdict(npv: number | null): Verdict {
  if (npv === null) return 'not enough data';
  return npv > 0 ? 'meets' : 'does not meet';
}

/** Payback within the ROI horizon: the ROI table's breakeven quarter exists. */
export function paybackVerdict(roiPublished: boolean, breakevenQuarter: number | null): Verdict {
  if (!roiPublished) return 'not enough data';
  return breakevenQuarter !== null ? 'meets' : 'does not meet';
}
