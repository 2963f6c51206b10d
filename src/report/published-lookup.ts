import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';

/** The cohort row that pools every award year (src/outcomes/outcome-context.ts ALL_COHORTS). */
export const POOLED_COHORT = 'all';

export function findTable(tables: readonly PublishedTable[], name: string): PublishedTable | undefined {
  return tables.find((t) => t.name === name);
}

/** Cells of one credential in the pooled cohort (or every cell when the table has no cohort). */
export function credentialCells(table: PublishedTable | undefined, credential: string): PublishedCell[] {
  if (!table) return [];
  return table.cells.filter((c) => c.dims.credential === credential && (c.dims.cohort === undefined || c.dims.cohort === POOLED_COHORT));
}

/** The published value of one cell, or undefined when suppressed or absent. */
export function valueOf(cells: readonly PublishedCell[], measure: string, dims: Record<string, string | number> = {}): number | undefined {
  const cell = cells.find((c) => c.measure === measure && Object.entries(dims).every(([k, v]) => c.dims[k] === v));
  return cell && cell.status !== 'suppressed' && cell.value !== null ? cell.value : undefined;
}

/** Credentials in the order they first appear across the tables. */
export function credentialsOf(tables: readonly PublishedTable[]): string[] {
  const seen = new Set<string>();
  for (const t of tables) for (const c of t.cells) if (c.dims.credential !== undefined) seen.add(String(c.dims.credential));
  return [...seen];
}

export function countCells(tables: readonly PublishedTable[]): { cells: number; suppressed: number; noisy: number } {
  let cells = 0;
  let suppressed = 0;
  let noisy = 0;
  for (const t of tables) {
    for (const c of t.cells) {
      cells += 1;
      if (c.status === 'suppressed') suppressed += 1;
      else if (c.status === 'noisy') noisy += 1;
    }
  }
  return { cells, suppressed, noisy };
}

/** Whether a cell carries a published number (not suppressed, not a label-only cell). */
export function isPublished(cell: PublishedCell | undefined): cell is PublishedCell & { value: number } {
  return cell !== undefined && cell.status !== 'suppressed' && cell.value !== null;
}
