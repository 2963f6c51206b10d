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

  build(): RawTable {
    return { ...this.head, cells: this.cells, margins: [...this.margins, ...this.cohortMargins()] };
  }
}

/** Cells of one family touched by one person: each credential held (up to the cap), in its cohort row and the 'all' row. */
export function perCredentialSensitivity(ctx: OutcomeContext): number {
  return (ctx.credentialCap ?? 1) * (ctx.cohortLabels.length > 1 ? 2 : 1);
}
