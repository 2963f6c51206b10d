import type { PublishedTable } from './cells.ts';
import { pinnedCells, type LpSolver, type PeopleInterval } from './margin-audit.ts';
import { countInterval, numeratorInterval } from './published-intervals.ts';
import type { PublishedCellRef, PublishedMargin } from './publish-tables.ts';

/** margins.json as `credlink outcomes` writes it beside the tables. */
export interface MarginsFile {
  credlinkMargins: 1;
  policy: { minCell: number; roundingBase: number; rateDecimals: number };
  margins: PublishedMargin[];
}

export interface PinnedTableCell {
  table: string;
  dims: Record<string, string | number>;
  measure: string;
  low: number;
  high: number;
}

export interface TablesAudit {
  margins: number;
  hiddenCellsInMargins: number;
  pinned: PinnedTableCell[];
}

/**
 * The audit from the published files alone, as an attacker holding the tables folder would run
 * it: a count cell is the people that round to it, a rate cell's numerator the people its rate
 * and rounded denominator allow; a suppressed cell is unknown.
 */
export function auditPublishedTables(tables: readonly PublishedTable[], file: MarginsFile, solve: LpSolver): TablesAudit {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const intervals = new Map<string, PeopleInterval | undefined>();
  const keyOf = ([table, index]: PublishedCellRef) => `${table}#${index}`;
  const margins = file.margins.filter((m) => [m.total, ...m.parts].every(([t, i]) => byName.get(t)?.cells[i] !== undefined));
  for (const m of margins) {
    for (const ref of [m.total, ...m.parts]) {
      const cell = byName.get(ref[0])!.cells[ref[1]];
      const key = keyOf(ref);
      if (cell.status === 'suppressed' || cell.value === null || cell.count === null) intervals.set(key, undefined);
      else intervals.set(key, ref[2] === 'rate' ? numeratorInterval(cell.value, cell.count, file.policy) : countInterval(cell.value, file.policy));
    }
  }
  const keyed = margins.map((m) => ({ total: keyOf(m.total), parts: m.parts.map(keyOf) }));
  const pinned = pinnedCells(intervals, keyed, file.policy.minCell, solve).map((p) => {
    const [table, index] = p.key.split('#');
    const cell = byName.get(table)!.cells[Number(index)];
    return { table, dims: cell.dims, measure: cell.measure, low: p.low, high: p.high };
  });
  return { margins: keyed.length, hiddenCellsInMargins: [...intervals.values()].filter((v) => v === undefined).length, pinned };
}

