/**
 * Sampling variance of a counterfactual built from comparison cells (a stratum, an award quarter):
 * sum over cells of (treated in the cell / all treated) x (mean change of the cell's comparison
 * people). One comparison person can sit in many cells (other event quarters), so the variance is
 * taken over people, from each person's summed influence (as Callaway and Sant'Anna's standard
 * errors are), not from the spread of the cell means across treated people, which would ignore
 * that a cell of 8 people has a noisy mean.
 */
export interface ComparisonCell<P> {
  /** Treated people whose counterfactual is this cell's mean. */
  treated: number;
  people: readonly P[];
  changes: readonly number[];
}

export function counterfactualVariance<P>(cells: Iterable<ComparisonCell<P>>): number {
  const list = [...cells];
  const totalTreated = list.reduce((sum, c) => sum + c.treated, 0);
  if (totalTreated === 0) return 0;
  const influence = new Map<P, number>();
  for (const cell of list) {
    const n = cell.changes.length;
    if (n === 0) continue;
    const mean = cell.changes.reduce((a, b) => a + b, 0) / n;
    const weight = cell.treated / totalTreated / n;
    cell.people.forEach((p, i) => influence.set(p, (influence.get(p) ?? 0) + weight * (cell.changes[i] - mean)));
  }
  let variance = 0;
  for (const psi of influence.values()) variance += psi * psi;
  return variance;
}

/**
 * The comparison arm handed to a standard-error cell so that sqrt(var(treated)/n + var(arm)/m)
 * equals sqrt(var(treated)/n + comparisonVariance): two values +-d have var(arm)/m = d^2. The
 * published standard error is then the one of the counterfactual above, with no person's value in it.
 */
export function armWithVariance(comparisonVariance: number): number[] {
  const d = Math.sqrt(Math.max(0, comparisonVariance));
  return [-d, d];
}
