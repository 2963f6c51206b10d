import { covered, realEarnings, type Holder, type OutcomeContext } from './outcome-context.ts';
import type { OutcomePerson, QuarterIndex } from './outcome-person.ts';
import { quarterOfDate } from './outcome-person.ts';
import type { WageHistory } from './wage-history.ts';

export const EVENT_QUARTERS = Array.from({ length: 21 }, (_, i) => i - 8);
/** Event quarters from..to, both included. */
export interface EventWindow {
  from: number;
  to: number;
}

/**
 * The reference window, event quarters -6..-3: every change is measured from the person's mean
 * real earnings over it. It ends before the two quarters of anticipation (-2..-1), Callaway and
 * Sant'Anna's base period g - d - 1 with d = 2: people cut hours to prepare for an exam, and a
 * baseline inside that dip would read the recovery after it as effect (docs/outcomes.md, CNA).
 */
export const REFERENCE_WINDOW: EventWindow = { from: -6, to: -3 };
/** The quarters between the reference window and the award. */
export const ANTICIPATION_WINDOW: EventWindow = { from: REFERENCE_WINDOW.to + 1, to: -1 };
/** The event quarters before the reference window: the pre-trend test's, and where the matched comparison's trend starts. */
export const PRE_REFERENCE_WINDOW: EventWindow = { from: EVENT_QUARTERS[0], to: REFERENCE_WINDOW.from - 1 };

export const quartersOf = (w: EventWindow): number[] => Array.from({ length: w.to - w.from + 1 }, (_, i) => w.from + i);
export const inWindow = (w: EventWindow, k: number): boolean => k >= w.from && k <= w.to;
/** "-6..-3"; `minus` = '−' for typeset text. */
export const windowLabel = (w: EventWindow, minus = '-'): string => `${w.from}..${w.to}`.replace(/-/g, minus);

/** Mean real earnings over the event quarters of `w` around e, or undefined if the data do not cover them. */
export function windowAverage(ctx: OutcomeContext, wages: WageHistory, e: QuarterIndex, w: EventWindow): number | undefined {
  if (!covered(ctx, e + w.from, e + w.to)) return undefined;
  let sum = 0;
  for (let k = w.from; k <= w.to; k++) sum += realEarnings(ctx, wages, e + k);
  return sum / (w.to - w.from + 1);
}

/** Mean real earnings over the reference window around event quarter e. */
export const preAverage = (ctx: OutcomeContext, wages: WageHistory, e: QuarterIndex): number | undefined => windowAverage(ctx, wages, e, REFERENCE_WINDOW);

/** Per-person change in real earnings at event quarter + k from the pre-award average. */
export function changeAt(ctx: OutcomeContext, wages: WageHistory, e: QuarterIndex, k: number): number | undefined {
  const q = e + k;
  if (!covered(ctx, q)) return undefined;
  const pre = preAverage(ctx, wages, e);
  return pre === undefined ? undefined : realEarnings(ctx, wages, q) - pre;
}

export function treatedChanges(ctx: OutcomeContext, holders: readonly Holder[], k: number, eligible: (h: Holder) => boolean = () => true): number[] {
  const out: number[] = [];
  for (const h of holders) {
    if (!eligible(h)) continue;
    const c = changeAt(ctx, h.wages, h.awardQuarter, k);
    if (c !== undefined) out.push(c);
  }
  return out;
}

/** Quarters around an event in which another award would blend its own effect into the comparison. */
export const NEARBY_AWARD_WINDOW = { from: -8, to: 12 } as const;

/**
 * Whether the person was awarded a credential other than `credential` in event quarter -8..+12:
 * their earnings change then carries that credential's effect too (stacking, e.g. DS-SUP then
 * DS-NET within a few quarters), so the comparison would measure a ladder, not this credential.
 */
export function otherAwardNear(person: OutcomePerson, credential: string, event: QuarterIndex): boolean {
  return person.credentials.some((c) => {
    if (c.credential === credential || c.result !== 'pass' || !c.awardDate) return false;
    const q = quarterOfDate(c.awardDate);
    return q >= event + NEARBY_AWARD_WINDOW.from && q <= event + NEARBY_AWARD_WINDOW.to;
  });
}

/** A comparison candidate: failed the first attempt at the credential; event quarter 0 is that failure. */
export interface FailedCandidate {
  wages: WageHistory;
  failQuarter: QuarterIndex;
  /** Award quarter of a later pass, if any: the person leaves the comparison arm from then on. */
  passQuarter?: QuarterIndex;
}

export function failedCandidate(person: OutcomePerson, wages: WageHistory, credential: string): FailedCandidate | undefined {
  const attempts = person.credentials.filter((c) => c.credential === credential).sort((a, b) => (a.examDate < b.examDate ? -1 : a.examDate > b.examDate ? 1 : 0));
  if (attempts.length === 0 || attempts[0].result !== 'fail' || !attempts[0].examDate) return undefined;
  const passes = attempts.filter((a) => a.result === 'pass' && a.awardDate).map((a) => quarterOfDate(a.awardDate!));
  return { wages, failQuarter: quarterOfDate(attempts[0].examDate), passQuarter: passes.length ? Math.min(...passes) : undefined };
}

/**
 * Comparison arm at event quarter k: candidates who failed and had not yet passed by then
 * (a not-yet-treated comparison group, as in staggered difference-in-differences).
 */
export function comparisonChanges(ctx: OutcomeContext, candidates: readonly FailedCandidate[], k: number): number[] {
  const out: number[] = [];
  for (const c of candidates) {
    if (c.passQuarter !== undefined && c.passQuarter <= c.failQuarter + k) continue;
    const change = changeAt(ctx, c.wages, c.failQuarter, k);
    if (change !== undefined) out.push(change);
  }
  return out;
}
