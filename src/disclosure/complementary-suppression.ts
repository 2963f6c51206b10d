import type { Margin } from './cells.ts';

/**
 * Complementary suppression: wherever a total equals the sum of its parts, one hidden cell could
 * be recovered by subtraction. So in every margin (total and parts) the number of hidden cells
 * must be 0 or at least 2. Repeats until no margin has exactly one hidden cell, which also
 * covers cells shared by several margins (rows and columns of a two-way table).
 *
 * The extra cell hidden is the part with the fewest people (then the lowest id), so the choice
 * is deterministic and tends to agree across measures over the same population.
 */
export function complementarySuppression(
  margins: readonly Margin[],
  primary: ReadonlySet<string>,
  population: (id: string) => number,
): Set<string> {
  const hidden = new Set(primary);
  const byPopulation = (a: string, b: string) => population(a) - population(b) || (a < b ? -1 : a > b ? 1 : 0);
  let changed = true;
  while (changed) {
    changed = false;
    for (const margin of margins) {
      const group = [margin.total, ...margin.parts];
      const hiddenCount = group.filter((id) => hidden.has(id)).length;
      if (hiddenCount !== 1) continue;
      const openParts = margin.parts.filter((id) => !hidden.has(id)).sort(byPopulation);
      const pick = openParts[0] ?? margin.total;
      if (hidden.has(pick)) continue; // a margin with no parts constrains nothing
      hidden.add(pick);
      changed = true;
    }
  }
  return hidden;
}

/** True when no margin has exactly one hidden cell: the check the tests run on every table. */
export function marginsAreSafe(margins: readonly Margin[], hidden: ReadonlySet<string>): boolean {
  return margins.every((m) => [m.total, ...m.parts].filter((id) => hidden.has(id)).length !== 1);
}
