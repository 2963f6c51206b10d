import type { OutcomePerson, QuarterIndex } from './outcome-person.ts';
import { quarterLabel } from './outcome-person.ts';

/*
 * The quarters the wage records cover. Inferred as min..max of the rows, one stray row (year 2099)
 * widened it: 440 more cells were published and employment rates fell by up to 38.6 points, since
 * every quarter inside the coverage without a wage row counts as not employed. Now a quarter counts
 * only with at least SPARSE_SHARE of the median quarter's rows, and the coverage is the longest
 * run of such quarters (by rows) with gaps of at most MAX_GAP quarters.
 */

const SPARSE_SHARE = 0.1;
const MAX_GAP = 1;

export interface WageCoverage {
  from: QuarterIndex;
  to: QuarterIndex;
  /** How it was set and what was left out, for the run's notes. */
  note: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rows per quarter -> the robust coverage (from > to when there are no rows). */
export function inferWageCoverage(rowsPerQuarter: ReadonlyMap<QuarterIndex, number>): WageCoverage {
  if (rowsPerQuarter.size === 0) return { from: 1, to: 0, note: 'no wage rows: wage coverage is empty' };
  const floor = SPARSE_SHARE * median([...rowsPerQuarter.values()]);
  const dense = [...rowsPerQuarter].filter(([, n]) => n >= floor).sort((a, b) => a[0] - b[0]);
  let best = { from: dense[0][0], to: dense[0][0], rows: 0 };
  let run = { from: dense[0][0], to: dense[0][0], rows: 0 };
  for (const [quarter, rows] of dense) {
    if (quarter - run.to > MAX_GAP + 1) run = { from: quarter, to: quarter, rows: 0 };
    run = { from: run.from, to: quarter, rows: run.rows + rows };
    if (run.rows > best.rows) best = { ...run };
  }
  let outsideRows = 0;
  let outsideQuarters = 0;
  for (const [quarter, rows] of rowsPerQuarter) {
    if (quarter < best.from || quarter > best.to) {
      outsideRows += rows;
      outsideQuarters += 1;
    }
  }
  const left = outsideRows > 0 ? `; ${outsideRows} wage row${outsideRows === 1 ? '' : 's'} in ${outsideQuarters} sparse or detached quarter${outsideQuarters === 1 ? '' : 's'} outside it ignored` : '';
  return { from: best.from, to: best.to, note: `wage coverage inferred as ${quarterLabel(best.from)}-${quarterLabel(best.to)}${left}; declare wageCoverage in the outcomes config to set it` };
}

export function wageRowsPerQuarter(persons: readonly OutcomePerson[]): Map<QuarterIndex, number> {
  const counts = new Map<QuarterIndex, number>();
  for (const p of persons) for (const w of p.wages) counts.set(w.quarter, (counts.get(w.quarter) ?? 0) + 1);
  return counts;
}
