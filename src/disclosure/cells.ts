/**
 * The cells outcome measures hand to disclosure control. A raw cell may hold person-level
 * values (a distribution) or exact counts; only `publishTable` turns it into a published cell,
 * which holds nothing but a rounded count, a value and a status. No raw cell leaves the process.
 */

export type CellStatus = 'ok' | 'suppressed' | 'noisy';

/** Fixed-width bins for a noisy histogram (differential privacy): values outside are clamped. */
export interface HistogramBins {
  min: number;
  max: number;
  width: number;
}

export type Statistic = 'p25' | 'median' | 'p75' | 'mean';

interface CellBase {
  /** Unique within its table; margins refer to it. */
  id: string;
  /** Dimension values (credential, cohort, quarter, sector...); the table lists their names. */
  dims: Record<string, string | number>;
  measure: string;
  /** Employer id -> number of people in the cell attributed to it (employer-based cells only). */
  employers?: Map<string, number>;
  /** Cells sharing a family key are one differential-privacy query (see dp-budget.ts). */
  dpFamily?: string;
  /**
   * Under DP, this cell is released as the sum of these cells' noisy releases (ids in the same
   * table): a total of disjoint parts of the same kind, such as a cohort 'all' row. It spends no
   * budget, and a person in it touches only the part they are in.
   */
  dpSumOf?: string[];
}

/** A number of people. */
export interface CountCell extends CellBase {
  kind: 'count';
  count: number;
}

/** numerator / denominator, both numbers of people. */
export interface RateCell extends CellBase {
  kind: 'rate';
  numerator: number;
  denominator: number;
}

/** A statistic of person-level values (dollars, months): percentiles are never one person's value. */
export interface StatCell extends CellBase {
  kind: 'stat';
  stat: Statistic;
  values: number[];
  bins: HistogramBins;
  /** 'dollars' values are rounded to the policy's dollar rounding; 'plain' to one decimal. */
  unit: 'dollars' | 'plain';
}

/** Difference of the means of two arms (difference-in-differences on per-person changes). */
export interface MeanDifferenceCell extends CellBase {
  kind: 'mean_difference';
  treated: number[];
  comparison: number[];
  bins: HistogramBins;
  /** Below this many people in either arm the cell is suppressed. */
  minArm: number;
  /**
   * 'difference' (default): mean(treated) - mean(comparison); 'standard_error': its standard error,
   * sqrt(var(treated)/n + var(comparison)/m) (an aggregate of both arms, never one person's value).
   */
  statistic?: 'difference' | 'standard_error';
  /**
   * People behind the comparison arm when its values are not one per person (a matched comparison
   * gives one stratum mean per treated person); default comparison.length.
   */
  comparisonPeople?: number;
}

export type RawCell = CountCell | RateCell | StatCell | MeanDifferenceCell;

/** Parts add up to the total (counts, or the numerators of rate cells). */
export interface Margin {
  total: string;
  parts: string[];
}

export interface RawTable {
  name: string;
  title: string;
  /** Names of the dimension columns, in output order. */
  dims: string[];
  cells: RawCell[];
  margins: Margin[];
  /** Where the definition comes from and what it means, for the summary and the JSON. */
  definition: string;
  /** Under differential privacy: most cells of one family one person can change (default 1). */
  dpSensitivity?: number;
}

export interface PublishedCell {
  dims: Record<string, string | number>;
  measure: string;
  /** null when suppressed. */
  value: number | null;
  /** People the cell describes, rounded; null when suppressed. */
  count: number | null;
  status: CellStatus;
  /** A fixed label, never data: e.g. the method a derived figure used, or "not within the horizon". */
  note?: string;
}

export interface PublishedTable {
  name: string;
  title: string;
  dims: string[];
  definition: string;
  cells: PublishedCell[];
}

/** The number of people the cell describes (its denominator). */
export function cellPopulation(cell: RawCell): number {
  switch (cell.kind) {
    case 'count':
      return cell.count;
    case 'rate':
      return cell.denominator;
    case 'stat':
      return cell.values.length;
    case 'mean_difference':
      return cell.treated.length + (cell.comparisonPeople ?? cell.comparison.length);
  }
}
