import type { HistogramBins, RawCell, RawTable } from './cells.ts';
import { sameBins } from './geometric-noise.ts';

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

/** A rate's numerator and denominator, a difference's two arms; a standard error is not released under DP, so it costs none. */
function queriesOf(cell: RawCell): number {
  if (cell.dpSumOf) return 0; // the sum of its parts' releases
  if (cell.kind === 'mean_difference') return cell.statistic === 'standard_error' ? 0 : 2;
  return cell.kind === 'rate' ? 2 : 1;
}

export function familyKey(table: string, cell: { dpFamily?: string; measure: string }): string {
  return `${table}/${cell.dpFamily ?? cell.measure}`;
}

export function planDpBudget(tables: readonly RawTable[], epsilon: number, sensitivityOf: (t: RawTable) => number): DpBudget {
  const perTable = tables.map((table) => {
    const families = new Map<string, number>();
    // Statistics of one list of values (p25, median, p75 of a group) are one noisy histogram: one
    // release, counted in the family of the first of them (publish-tables shares the release).
    const shared = new Map<readonly number[], { bins: HistogramBins; family: string }>();
    for (const cell of table.cells) {
      let key = familyKey(table.name, cell);
      if (cell.kind === 'stat') {
        const first = shared.get(cell.values);
        if (first && sameBins(first.bins, cell.bins)) key = first.family;
        else if (!first) shared.set(cell.values, { bins: cell.bins, family: key });
      }
      families.set(key, Math.max(families.get(key) ?? 0, queriesOf(cell)));
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
