import type { RawTable } from './cells.ts';

/**
 * Privacy accounting for `--epsilon`, by basic sequential composition: every noisy release
 * (a count, a rate's numerator or denominator, a histogram) of one family is one query, and
 * the total epsilon is split evenly over all queries. Cells of one family partition people
 * (credentials x cohorts x a partition dimension such as sector), so one person changes at most
 * `dpSensitivity` of them, the table's bound under the per-person credential cap.
 */
export interface DpFamilyBudget {
  table: string;
  families: number;
  queries: number;
  sensitivity: number;
  epsilonPerQuery: number;
  alpha: number;
  /** Standard deviation of the two-sided geometric noise on one count. */
  noiseStdDev: number;
}

export interface DpBudget {
  mechanism: 'two-sided geometric (counts), noisy fixed-bin histograms (statistics)';
  epsilon: number;
  queries: number;
  epsilonPerQuery: number;
  tables: DpFamilyBudget[];
  notes: string[];
}

const queriesOf = (kind: string) => (kind === 'rate' || kind === 'mean_difference' ? 2 : 1);

export function familyKey(table: string, cell: { dpFamily?: string; measure: string }): string {
  return `${table}/${cell.dpFamily ?? cell.measure}`;
}

export function planDpBudget(tables: readonly RawTable[], epsilon: number, sensitivityOf: (t: RawTable) => number): DpBudget {
  const perTable = tables.map((table) => {
    const families = new Map<string, number>();
    for (const cell of table.cells) {
      const key = familyKey(table.name, cell);
      families.set(key, Math.max(families.get(key) ?? 0, queriesOf(cell.kind)));
    }
    let queries = 0;
    for (const q of families.values()) queries += q;
    return { table, families: families.size, queries };
  });
  const totalQueries = perTable.reduce((a, t) => a + t.queries, 0);
  const epsilonPerQuery = totalQueries > 0 ? epsilon / totalQueries : epsilon;
  return {
    mechanism: 'two-sided geometric (counts), noisy fixed-bin histograms (statistics)',
    epsilon,
    queries: totalQueries,
    epsilonPerQuery,
    tables: perTable.map(({ table, families, queries }) => {
      const sensitivity = sensitivityOf(table);
      const alpha = Math.exp(-epsilonPerQuery / sensitivity);
      return {
        table: table.name,
        families,
        queries,
        sensitivity,
        epsilonPerQuery,
        alpha,
        noiseStdDev: Math.sqrt(2 * alpha) / (1 - alpha),
      };
    }),
    notes: [
      'epsilon protects persons; suppression thresholds are applied to the noisy counts, so they spend no budget',
      'the employer rule (>= 3 employers, none > 80%) protects employers and is applied to exact employer counts, outside epsilon',
      'tables derived from published cells (ROI, pre-trend check) are post-processing and spend no budget',
    ],
  };
}
