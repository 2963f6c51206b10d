import type { PayloadValue } from '../extract/extract-types.ts';
import type { PayloadType } from '../schema/source-mapping.ts';

/*
 * Payload values that parse but cannot be true. They used to reach the tables: a wage of 1e308
 * published a mean of 1.2e306, quarter 7 or year 2099 widened the wage coverage, and the
 * placeholder dates 0000-01-01 and 9999-12-31 counted as real. Such a value is treated as invalid
 * (a required one rejects the row, with file, line and field), never clamped.
 */

/** Earliest plausible date or year of any payload (award, exam, enrollment, wage quarter). */
export const EARLIEST_PAYLOAD_YEAR = 1900;
/** Wage records describe quarters already paid: at most the next year (late filings of a fiscal year). */
const WAGE_YEARS_AHEAD = 1;
/** One person's wages for one quarter from one employer, either sign (corrections are negative): $100M. */
export const MAX_QUARTER_WAGES = 1e8;
/** Any other amount: beyond this it is an overflow or a sentinel, not a measurement. */
const MAX_AMOUNT = 1e12;

export interface PayloadBounds {
  /** The last calendar year a payload date or year may fall in. */
  latestYear: number;
  /** The current year, for wage years. */
  currentYear: number;
}

/** Why `value` (already typed) cannot be true for payload `name`, or undefined when it can. */
export function outOfBounds(name: string, type: PayloadType, value: PayloadValue, bounds: PayloadBounds): string | undefined {
  if (value === null) return undefined;
  if (type === 'date' && typeof value === 'string') {
    const year = Number(value.slice(0, 4));
    if (year < EARLIEST_PAYLOAD_YEAR || year > bounds.latestYear) return `date outside ${EARLIEST_PAYLOAD_YEAR}-01-01..${bounds.latestYear}-12-31 (a placeholder such as 0000-01-01 or 9999-12-31?)`;
  }
  if (type === 'year_quarter' && typeof value === 'string') {
    const year = Number(value.slice(0, 4));
    if (year < EARLIEST_PAYLOAD_YEAR || year > bounds.currentYear + WAGE_YEARS_AHEAD) return `year outside ${EARLIEST_PAYLOAD_YEAR}..${bounds.currentYear + WAGE_YEARS_AHEAD}`;
  }
  if (typeof value !== 'number') return undefined;
  if (name === 'quarter' && !(Number.isInteger(value) && value >= 1 && value <= 4)) return 'a quarter is 1, 2, 3 or 4';
  if (name === 'year' && !(value >= EARLIEST_PAYLOAD_YEAR && value <= bounds.currentYear + WAGE_YEARS_AHEAD)) return `year outside ${EARLIEST_PAYLOAD_YEAR}..${bounds.currentYear + WAGE_YEARS_AHEAD}`;
  if (name === 'wages' && Math.abs(value) > MAX_QUARTER_WAGES) return `more than ${MAX_QUARTER_WAGES.toExponential(0)} in one quarter`;
  if (Math.abs(value) > MAX_AMOUNT) return `beyond ${MAX_AMOUNT.toExponential(0)}`;
  return undefined;
}
