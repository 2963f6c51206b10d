import type { PeopleInterval } from './margin-audit.ts';
import { rateOfRoundedCounts, rateStep } from './rounding.ts';

interface Rounding {
  roundingBase: number;
  rateDecimals: number;
}

/** Whole numbers of people that round (half away from zero) to a published count. */
export function countInterval(count: number, policy: Rounding): PeopleInterval {
  const half = Math.max(1, policy.roundingBase) / 2;
  return { low: Math.max(0, Math.ceil(count - half)), high: Math.ceil(count + half) - 1 };
}

/**
 * Whole numbers of people a rate's numerator may be, from the rate and its rounded denominator,
 * as an attacker who knows the rule finds them: the rounded numerator is a multiple of the base
 * whose rate over the published count is the published rate (only those, not every number near
 * count x rate), and the numerator is what rounds to one of them.
 */
export function numeratorInterval(rate: number, count: number, policy: Rounding): PeopleInterval {
  const base = Math.max(1, Math.round(policy.roundingBase));
  const step = rateStep(count, policy);
  const first = Math.max(0, Math.floor((count * (rate - step) ) / base) - 1);
  const last = Math.min(Math.floor(count / base) + 1, Math.ceil((count * (rate + step)) / base) + 1);
  let low: number | undefined;
  let high: number | undefined;
  for (let k = first; k <= last; k++) {
    const rounded = k * base;
    if (rounded > count || rateOfRoundedCounts(rounded, count, policy) !== rate) continue;
    low ??= rounded;
    high = rounded;
  }
  // A rate no rounded numerator gives (a file edited by hand): fall back to the whole cell.
  if (low === undefined || high === undefined) return { low: 0, high: countInterval(count, policy).high };
  return { low: countInterval(low, policy).low, high: Math.min(countInterval(high, policy).high, countInterval(count, policy).high) };
}
