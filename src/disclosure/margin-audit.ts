import type { Margin } from './cells.ts';

/**
 * The attacker's integer program over published margins (as tau-Argus audits a suppression
 * pattern): every cell of a margin is a whole number of people; a published count or rate
 * numerator lies in the interval its rounding leaves; a hidden cell is any whole number >= 0;
 * each margin's total equals the sum of its parts. A hidden cell whose largest feasible value is
 * under the minimum cell is pinned: the published tables prove it small, and bound it.
 */

/** People a published cell may hold, given its rounding; undefined when the cell is hidden. */
export interface PeopleInterval {
  low: number;
  high: number;
}

/** A solver for one integer program in CPLEX LP format (HiGHS in production; injected); `values` by column name. */
export type LpSolver = (lp: string) => { status: string; objective: number; values?: Record<string, number> };

export interface PinnedCell {
  key: string;
  /** The smallest and largest number of people the published margins allow. */
  low: number;
  high: number;
}

/** Hidden cells cannot exceed this: keeps every program bounded. */
const UNBOUNDED = 10_000_000;

/** Margins sharing cells, grouped: each group is one independent program. */
function components(margins: readonly Margin[]): Margin[][] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  for (const m of margins) for (const k of [m.total, ...m.parts]) if (!parent.has(k)) parent.set(k, k);
  for (const m of margins) for (const k of m.parts) parent.set(find(k), find(m.total));
  const groups = new Map<string, Margin[]>();
  for (const m of margins) {
    const root = find(m.total);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(m);
  }
  return [...groups.values()];
}

/**
 * Upper bounds for the hidden cells from the margins alone (a part is at most its total less the
 * other parts' lows; a total at most the sum of its parts' highs): the integer program then
 * branches over small ranges instead of 0..UNBOUNDED.
 */
function propagatedBounds(margins: readonly Margin[], intervals: ReadonlyMap<string, PeopleInterval | undefined>): Map<string, PeopleInterval> {
  const bounds = new Map<string, PeopleInterval>();
  for (const m of margins) for (const k of [m.total, ...m.parts]) bounds.set(k, intervals.get(k) ?? { low: 0, high: UNBOUNDED });
  for (let round = 0; round < 20; round++) {
    let changed = false;
    const tighten = (k: string, high: number) => {
      const b = bounds.get(k)!;
      if (high < b.high) {
        bounds.set(k, { low: b.low, high: Math.max(b.low, high) });
        changed = true;
      }
    };
    for (const m of margins) {
      const lows = m.parts.reduce((a, p) => a + bounds.get(p)!.low, 0);
      const highs = m.parts.reduce((a, p) => a + bounds.get(p)!.high, 0);
      tighten(m.total, highs);
      for (const p of m.parts) tighten(p, bounds.get(m.total)!.high - (lows - bounds.get(p)!.low));
    }
    if (!changed) break;
  }
  return bounds;
}

const columnOf = (i: number) => `x${i}`;

function program(sense: 'Maximize' | 'Minimize', targets: readonly string[], margins: readonly Margin[], bounds: ReadonlyMap<string, PeopleInterval>): string {
  const keys = [...bounds.keys()];
  const name = new Map(keys.map((k, i) => [k, columnOf(i)]));
  const rows = margins.map((m, i) => ` m${i}: ${name.get(m.total)} ${m.parts.map((p) => `- ${name.get(p)}`).join(' ')} = 0`);
  const lines = keys.map((k) => ` ${Math.max(0, bounds.get(k)!.low)} <= ${name.get(k)} <= ${Math.max(0, bounds.get(k)!.high)}`);
  return [sense, ` obj: ${targets.map((t) => name.get(t)).join(' + ')}`, 'Subject To', ...rows, 'Bounds', ...lines, 'Generals', ` ${keys.map((k) => name.get(k)).join(' ')}`, 'End'].join('\n');
}

/**
 * Hidden cells (interval undefined) that the margins pin below `minCell`. Margins whose cells
 * are not all in `intervals` (a mean, a median) are left out: they are not numbers of people.
 */
export function pinnedCells(intervals: ReadonlyMap<string, PeopleInterval | undefined>, margins: readonly Margin[], minCell: number, solve: LpSolver): PinnedCell[] {
  const usable = margins.filter((m) => m.parts.length > 0 && [m.total, ...m.parts].every((k) => intervals.has(k)));
  const pinned: PinnedCell[] = [];
  for (const group of components(usable)) {
    const hidden = [...new Set(group.flatMap((m) => [m.total, ...m.parts]))].filter((k) => intervals.get(k) === undefined).sort();
    if (hidden.length === 0) continue;
    const bounds = propagatedBounds(group, intervals);
    const keys = [...bounds.keys()];
    // A whole-number solution in which a hidden cell holds >= minCell proves it is not pinned,
    // so one solve usually clears several hidden cells.
    const cleared = new Set<string>();
    const clear = (values: Record<string, number> | undefined) => {
      const before = cleared.size;
      keys.forEach((k, i) => {
        const v = values?.[columnOf(i)];
        if (v !== undefined && v >= minCell - 1e-6) cleared.add(k);
      });
      return cleared.size > before;
    };
    // First push all open hidden cells up together while that clears some; then one cell at a time.
    for (let open = group.length > 1 ? hidden : []; open.length > 1; open = hidden.filter((k) => !cleared.has(k))) {
      const all = solve(program('Maximize', open, group, bounds));
      if (all.status !== 'Optimal' || !clear(all.values)) break;
    }
    // One margin: the propagated bound is the exact maximum (a part up to its total less the
    // others' lows, a total up to its parts' highs), so no program is needed to clear a cell.
    if (group.length === 1) for (const k of hidden) if (bounds.get(k)!.high >= minCell) cleared.add(k);
    for (const key of hidden) {
      if (cleared.has(key)) continue;
      const max = solve(program('Maximize', [key], group, bounds));
      // Infeasible: the published cells contradict each other (noise); nothing is pinned by them.
      if (max.status !== 'Optimal') continue;
      clear(max.values);
      if (max.objective >= minCell) continue;
      const min = solve(program('Minimize', [key], group, bounds));
      pinned.push({ key, low: Math.round(min.objective), high: Math.round(max.objective) });
    }
  }
  return pinned;
}
