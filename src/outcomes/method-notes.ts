import type { PublishedTable } from '../disclosure/cells.ts';
import { designOf, lookupOf } from './published-effects.ts';

/**
 * Names the comparison design on every cell of the comparison table (the effect, did_se,
 * treated_n, comparison_n), so a cell read alone still says which comparison it belongs to;
 * a note already there (why a cell was withheld) follows the design. Fixed labels only.
 */
export function withMethodNotes(comparison: PublishedTable): PublishedTable {
  const lookup = lookupOf(comparison, 'event_quarter');
  const designs = new Map<string, string>();
  const designFor = (credential: string, cohort: string) => {
    const key = `${credential}\u0000${cohort}`;
    if (!designs.has(key)) designs.set(key, designOf(lookup, credential, cohort) ?? 'did');
    return designs.get(key)!;
  };
  const cells = comparison.cells.map((c) => {
    const design = designFor(String(c.dims.credential), String(c.dims.cohort));
    return { ...c, note: c.note && c.note !== design ? `${design}; ${c.note}` : design };
  });
  return { ...comparison, cells };
}
