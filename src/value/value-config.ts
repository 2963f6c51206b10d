import type { OutcomeContext } from '../outcomes/outcome-context.ts';
import type { ValueConfig } from './value-verdicts.ts';

/** Year-1 earnings: the year most award cohorts of a short window have published. */
export const PREMIUM_YEAR_AFTER = 1;

/** The verdicts' configuration from the outcomes configuration: baseline in the tables' dollars (real base-year, or nominal as published), costs from the catalog. */
export function valueConfigOf(ctx: OutcomeContext): ValueConfig {
  const b = ctx.config.highSchoolBaseline;
  return {
    baseline: b && {
      annualEarnings: Math.round(ctx.deflator.toReal(b.annualEarnings, b.year)), year: b.year, source: b.source, state: b.state,
      dollars: ctx.dollars.dollars, baseYear: ctx.dollars.baseYear ?? undefined,
    },
    costOf: (credential) => ctx.catalog.get(credential)?.cost,
    premiumYearAfter: PREMIUM_YEAR_AFTER,
    npvYears: Math.max(...ctx.config.roi.horizonsYears),
  };
}
