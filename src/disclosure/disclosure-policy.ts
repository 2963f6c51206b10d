/** The disclosure policy (docs/disclosure.md). Defaults follow common practice for administrative-data outcome tables. */
export interface DisclosurePolicy {
  /** Smallest number of people in a count, or in a rate's numerator and denominator. */
  minCell: number;
  /** Smallest number of people behind an earnings statistic (percentile, mean, difference). */
  minPercentileCell: number;
  /** Published counts are rounded to a multiple of this. */
  roundingBase: number;
  /** Published dollar figures are rounded to a multiple of this. */
  dollarRounding: number;
  /** Decimals of a published rate. */
  rateDecimals: number;
  /** Employer-based cells need at least this many distinct employers... */
  minEmployers: number;
  /** ...and no employer may account for more than this share of the cell's people. */
  maxEmployerShare: number;
  /** (n, k) dominance rule on every mean: suppressed when its `dominanceTop` largest values... */
  dominanceTop: number;
  /** ...make up more than this share of the sum of all values (magnitudes). */
  dominanceShare: number;
}

export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicy = {
  minCell: 10,
  minPercentileCell: 30,
  roundingBase: 5,
  dollarRounding: 10,
  rateDecimals: 3,
  minEmployers: 3,
  maxEmployerShare: 0.8,
  dominanceTop: 2,
  dominanceShare: 0.5,
};
