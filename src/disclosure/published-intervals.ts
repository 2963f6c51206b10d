import type { PeopleInterval } from './margin-audit.ts';
import { rateStep } from './rounding.ts';

interface Rounding {
  roundingBase: number;
  rateDecimals: number;
}

/** Whole numbers of people that round (half away from zero) to a published count. */
export function countInterval(count: number, policy: Rounding): PeopleInterval {
  const half = Math.max(1, policy.roundingBase) / 2;
  return { low: Math.max(0, Math.ceil(count - half)), high: Math.ceil(count + half) - 1 };
}

/** Whole numbers of people a rate's numerator may be, from the rate and its rounded denominator. */
export function numeratorInterval(rate: number, count: number, policy: Rounding): PeopleInterval {
  const half = Math.max(1, policy.roundingBase) / 2;
  const step = rateStep(count, policy);
  const low = Math.max(0, Math.ceil(count * (rate - step / 2) - half));
  const high = Math.min(Math.floor(count * (rate + step / 2) + half), countInterval(count, policy).high);
  return { low, high };
}
