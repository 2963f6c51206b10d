import { covered, type Holder, type OutcomeContext } from './outcome-context.ts';
import { changeAt } from './event-study.ts';
import { MIN_CONTROLS, type MatchedArms } from './matched-comparison.ts';
import { counterfactualVariance, type ComparisonCell } from './counterfactual-variance.ts';
import type { QuarterIndex } from './outcome-person.ts';

/*
 * Staggered-adoption difference-in-differences with a not-yet-treated comparison (Callaway and
 * Sant'Anna 2021): the holders awarded in calendar quarter g are compared with people who earn
 * the same credential later, still without it at g + k. Both sought the credential, so whatever
 * drives people to seek it (steeper earnings paths, ability) is in both arms; the group-time
 * effects ATT(g, g + k) are averaged over the holders' award quarters with holder weights.
 */

interface Controls {
  mean: number;
  people: Holder[];
  changes: number[];
}

/** Later holders of a credential, ordered by award quarter, and the mean change per (g, k) once computed. */
export interface LaterHolders {
  holders: Holder[];
  controls: Map<string, Controls | null>;
}

export function laterHoldersOf(ctx: OutcomeContext, credential: string): LaterHolders {
  const holders = [...(ctx.holdersByCredential.get(credential) ?? [])].sort((a, b) => a.awardQuarter - b.awardQuarter);
  return { holders, controls: new Map() };
}

/**
 * Quarters before its own award in which a later holder no longer counts as untreated: people
 * often lose a job or cut hours to prepare for an exam (Ashenfelter's dip), which would make the
 * comparison's earnings fall for reasons of its own.
 */
export function comparisonCutoff(g: QuarterIndex, k: number, anticipation: number): QuarterIndex {
  return g + Math.max(k, 0) + anticipation;
}

/** Mean change from the reference window g-6..g-3 to g+k of the holders awarded after the cutoff (and who they are), or null when fewer than MIN_CONTROLS. */
function controlsAt(ctx: OutcomeContext, later: LaterHolders, g: QuarterIndex, k: number, eligible: (h: Holder, event: QuarterIndex) => boolean): Controls | null {
  const key = `${g}|${k}`;
  const known = later.controls.get(key);
  if (known !== undefined) return known;
  const cutoff = comparisonCutoff(g, k, ctx.config.comparison.anticipationQuarters);
  const people: Holder[] = [];
  const changes: number[] = [];
  for (const c of later.holders) {
    if (c.awardQuarter <= cutoff || !eligible(c, g)) continue;
    const change = changeAt(ctx, c.wages, g, k);
    if (change === undefined) continue;
    changes.push(change);
    people.push(c);
  }
  const found = people.length >= MIN_CONTROLS ? { mean: changes.reduce((a, b) => a + b, 0) / changes.length, people, changes } : null;
  later.controls.set(key, found);
  return found;
}

/**
 * The treated holders' changes at k and, per holder, the mean change of the not-yet-treated
 * holders of its award quarter (its counterfactual). `eligible(h, event)`: whether a person may
 * enter either arm with event quarter `event` (e.g. no other award near it).
 */
export function notYetTreatedArms(
  ctx: OutcomeContext,
  later: LaterHolders,
  holders: readonly Holder[],
  k: number,
  eligible: (h: Holder, event: QuarterIndex) => boolean = () => true,
): MatchedArms {
  const treated: number[] = [];
  const counterfactual: number[] = [];
  const used = new Map<QuarterIndex, ComparisonCell<Holder>>();
  for (const h of holders) {
    if (!eligible(h, h.awardQuarter) || !covered(ctx, h.awardQuarter + k)) continue;
    const change = changeAt(ctx, h.wages, h.awardQuarter, k);
    if (change === undefined) continue;
    const controls = controlsAt(ctx, later, h.awardQuarter, k, eligible);
    if (controls === null) continue;
    treated.push(change);
    counterfactual.push(controls.mean);
    const cell = used.get(h.awardQuarter);
    if (cell) cell.treated += 1;
    else used.set(h.awardQuarter, { treated: 1, people: controls.people, changes: controls.changes });
  }
  // Distinct people: a later holder is a comparison for every award quarter before its own.
  const people = new Set<Holder>();
  for (const cell of used.values()) for (const c of cell.people) people.add(c);
  return { treated, counterfactual, comparisonPeople: people.size, comparisonVariance: counterfactualVariance(used.values()) };
}
