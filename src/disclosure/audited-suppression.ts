import type { Margin } from './cells.ts';
import { complementarySuppression } from './complementary-suppression.ts';
import { pinnedCells, type LpSolver, type PeopleInterval, type PinnedCell } from './margin-audit.ts';

export interface AuditReport {
  /** Audits run (the last one found nothing pinned, unless `pinnedLeft` > 0). */
  rounds: number;
  /** Hidden cells the first audit found pinned below the minimum cell. */
  pinnedFound: number;
  /** Cells hidden beyond `start` (primary and complementary suppression) to unpin them. */
  addedSuppressions: number;
  pinnedLeft: number;
}

const MAX_ROUNDS = 50;

/**
 * Complementary suppression checked by the integer-programming audit: while a hidden cell is
 * pinned below the minimum, hide one more published cell of a margin it is in (the open part
 * with the fewest people, else the total), redo complementary suppression, audit again.
 * `intervalOf` gives the people a cell would be published as, or null if it is no count of people.
 */
export function auditedSuppression(
  margins: readonly Margin[],
  start: ReadonlySet<string>,
  population: (key: string) => number,
  intervalOf: (key: string) => PeopleInterval | null,
  minCell: number,
  solve: LpSolver,
): { hidden: Set<string>; report: AuditReport } {
  let hidden = new Set(start);
  const keys = [...new Set(margins.flatMap((m) => [m.total, ...m.parts]))];
  const people = new Map<string, PeopleInterval>();
  for (const k of keys) {
    const iv = intervalOf(k);
    if (iv) people.set(k, iv);
  }
  const report: AuditReport = { rounds: 0, pinnedFound: 0, addedSuppressions: 0, pinnedLeft: 0 };
  const byPopulation = (a: string, b: string) => population(a) - population(b) || (a < b ? -1 : a > b ? 1 : 0);
  let pinned: PinnedCell[] = [];
  while (report.rounds < MAX_ROUNDS) {
    const intervals = new Map<string, PeopleInterval | undefined>([...people].map(([k, iv]) => [k, hidden.has(k) ? undefined : iv]));
    pinned = pinnedCells(intervals, margins, minCell, solve);
    report.rounds++;
    if (report.rounds === 1) report.pinnedFound = pinned.length;
    if (pinned.length === 0) break;
    const more = new Set(hidden);
    for (const cell of pinned) {
      const around = margins.filter((m) => m.total === cell.key || m.parts.includes(cell.key));
      const open = around.flatMap((m) => m.parts).filter((k) => !more.has(k) && people.has(k)).sort(byPopulation);
      const pick = open[0] ?? around.map((m) => m.total).find((k) => !more.has(k) && people.has(k));
      if (pick) more.add(pick);
    }
    if (more.size === hidden.size) break; // nothing left to hide around the pinned cells
    hidden = complementarySuppression(margins, more, population);
  }
  report.pinnedLeft = pinned.length;
  report.addedSuppressions = hidden.size - start.size;
  return { hidden, report };
}
