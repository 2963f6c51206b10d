import type { OutcomePerson, QuarterIndex } from './outcome-person.ts';

/** One person's UI wage records by quarter: total earnings (all employers summed) and the primary employer. */
export interface WageHistory {
  /** Nominal earnings in the quarter, all employers summed; 0 when none. */
  earnings(q: QuarterIndex): number;
  /** Employed = any UI-covered earnings in the quarter (WIOA employment rate, QWI). */
  employed(q: QuarterIndex): boolean;
  /** The employer paying the most that quarter (ties: lowest id), as PSEO and QWI pick a dominant job. */
  primaryEmployer(q: QuarterIndex): string | undefined;
  /** Whether `employerId` paid the person anything in quarter q. */
  paidBy(q: QuarterIndex, employerId: string): boolean;
}

export function wageHistory(person: OutcomePerson): WageHistory {
  const byQuarter = new Map<QuarterIndex, Map<string, number>>();
  for (const w of person.wages) {
    if (!(w.wages > 0)) continue;
    let employers = byQuarter.get(w.quarter);
    if (!employers) byQuarter.set(w.quarter, (employers = new Map()));
    employers.set(w.employerId, (employers.get(w.employerId) ?? 0) + w.wages);
  }
  const totals = new Map<QuarterIndex, number>();
  const primary = new Map<QuarterIndex, string>();
  for (const [q, employers] of byQuarter) {
    let total = 0;
    let best: string | undefined;
    let bestWages = -1;
    for (const [id, wages] of [...employers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      total += wages;
      if (wages > bestWages) {
        best = id;
        bestWages = wages;
      }
    }
    totals.set(q, total);
    if (best !== undefined) primary.set(q, best);
  }
  return {
    earnings: (q) => totals.get(q) ?? 0,
    employed: (q) => (totals.get(q) ?? 0) > 0,
    primaryEmployer: (q) => primary.get(q),
    paidBy: (q, id) => (byQuarter.get(q)?.get(id) ?? 0) > 0,
  };
}
