import type { HistogramBins, Margin, RawCell, RawTable } from '../disclosure/cells.ts';
import { ALL_COHORTS, type OutcomeContext } from './outcome-context.ts';

type Dims = Record<string, string | number>;
type CellBody = RawCell extends infer C ? (C extends RawCell ? Omit<C, 'id' | 'dims' | 'measure'> : never) : never;

export const EARNINGS_BINS: HistogramBins = { min: 0, max: 60_000, width: 500 };
export const ANNUAL_EARNINGS_BINS: HistogramBins = { min: 0, max: 240_000, width: 2_000 };
export const CHANGE_BINS: HistogramBins = { min: -40_000, max: 40_000, width: 500 };
export const MONTH_BINS: HistogramBins = { min: 0, max: 240, width: 3 };

const additive = (c: RawCell) =>
  c.kind === 'count' || c.kind === 'rate' || (c.kind === 'stat' && c.stat === 'mean') || (c.kind === 'mean_difference' && c.statistic !== 'standard_error');

/** Collects raw cells of one table with stable ids, and adds the margins its cells obey. */
export class TableBuilder {
  private readonly cells: RawCell[] = [];
  private readonly margins: Margin[] = [];

  /**
   * `partitionDims`: dimensions whose cells split people (a person is in one sector). Under DP the
   * cells of one measure that differ only in credential, cohort or a partition dimension are one
   * query family; any other dimension (quarter, year) makes its own family.
   */
  constructor(
    private readonly ctx: OutcomeContext,
    private readonly head: Omit<RawTable, 'cells' | 'margins'>,
    private readonly partitionDims: string[] = [],
    /**
     * Every cohort 'all' cell is computed from the union of the cohorts' holders (the same people,
     * the same values), so under DP it can be released as the sum of the cohort cells: see dpTotals.
     */
    private readonly cohortTotals = false,
  ) {}

  private family(dims: Dims, measure: string): string {
    const own = this.head.dims.filter((d) => d !== 'credential' && d !== 'cohort' && !this.partitionDims.includes(d));
    return [measure, ...own.map((d) => `${d}=${dims[d]}`)].join(';');
  }

  id(dims: Dims, measure: string): string {
    return [...this.head.dims.map((d) => String(dims[d])), measure].join('|');
  }

  add(dims: Dims, measure: string, body: CellBody): string {
    const id = this.id(dims, measure);
    this.cells.push({ ...body, id, dims, measure, dpFamily: this.family(dims, measure) } as RawCell);
    return id;
  }

  margin(total: string, parts: string[]): void {
    this.margins.push({ total, parts });
  }

  /**
   * The 'all' cohort row of an additive cell (count, rate numerator, and a mean: n x mean is a sum)
   * is the sum of the cohort rows: one margin per such cell, so a cohort hidden in one row is not
   * the difference of others (a hidden cohort mean would be (n_all m_all - n_c m_c) / n_hidden).
   */
  private cohortMargins(): Margin[] {
    if (this.ctx.cohortLabels.length < 2 || !this.head.dims.includes('cohort')) return [];
    const ids = new Set(this.cells.map((c) => c.id));
    const cohorts = this.ctx.cohortLabels.filter((c) => c !== ALL_COHORTS);
    return this.cells
      .filter((c) => c.dims.cohort === ALL_COHORTS && additive(c))
      .map((c) => ({ total: c.id, parts: cohorts.map((cohort) => this.id({ ...c.dims, cohort }, c.measure)).filter((id) => ids.has(id)) }));
  }

  /**
   * Under DP, a cohort 'all' cell is the sum of its cohort cells' noisy releases: it spends no
   * budget, adds up with them exactly, and a person then touches one cohort cell per credential
   * held, not two, which halves the noise of every cell. Only with disjoint cohorts (else 'all' is
   * not their sum) and only when every 'all' cell has all its cohort cells.
   */
  private dpTotals(): { cells: RawCell[]; dpSensitivity?: number } {
    const cohorts = this.ctx.config.cohorts;
    const disjoint = cohorts.every((a, i) => cohorts.every((b, j) => i === j || a.to < b.from || b.to < a.from));
    if (!this.cohortTotals || cohorts.length < 2 || !disjoint || !this.head.dims.includes('cohort')) return { cells: this.cells };
    const ids = new Set(this.cells.map((c) => c.id));
    const labels = cohorts.map((c) => c.label);
    const partsOf = (c: RawCell) => labels.map((cohort) => this.id({ ...c.dims, cohort }, c.measure));
    const totals = this.cells.filter((c) => c.dims.cohort === ALL_COHORTS);
    if (!totals.every((c) => partsOf(c).every((id) => ids.has(id)))) return { cells: this.cells };
    const cells = this.cells.map((c) => (c.dims.cohort === ALL_COHORTS ? { ...c, dpSumOf: partsOf(c) } : c));
    return { cells, dpSensitivity: this.ctx.credentialCap ?? 1 };
  }

  build(): RawTable {
    const { cells, dpSensitivity } = this.dpTotals();
    return { ...this.head, ...(dpSensitivity === undefined ? {} : { dpSensitivity }), cells, margins: [...this.margins, ...this.cohortMargins()] };
  }
}

/** Cells of one family touched by one person: each credential held (up to the cap), in its cohort row and the 'all' row. */
export function perCredentialSensitivity(ctx: OutcomeContext): number {
  return (ctx.credentialCap ?? 1) * (ctx.cohortLabels.length > 1 ? 2 : 1);
}
