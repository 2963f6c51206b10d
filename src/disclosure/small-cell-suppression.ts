import type { DisclosurePolicy } from './disclosure-policy.ts';
import { isDominated } from './dominance-rule.ts';

/**
 * Primary suppression rules, applied to the numbers that will be published (exact, or noisy
 * under differential privacy, so that the decision itself spends no extra privacy budget).
 */
export interface CellSizes {
  kind: 'count' | 'rate' | 'stat' | 'mean_difference';
  /** count: the count; rate: numerator; stat: n; mean_difference: treated arm. */
  primary: number;
  /** rate: denominator; mean_difference: comparison arm. */
  secondary?: number;
  /** mean_difference: the smallest arm the method accepts. */
  minArm?: number;
  employers?: Map<string, number>;
  /** Person-level values behind a mean (one list per arm), for the dominance rule; exact measurement only. */
  contributions?: ReadonlyArray<readonly number[]>;
}

export type SuppressionReason = 'small_cell' | 'small_complement' | 'few_employers' | 'employer_dominance' | 'value_dominance';

export function primarySuppressionReason(sizes: CellSizes, policy: DisclosurePolicy): SuppressionReason | undefined {
  switch (sizes.kind) {
    case 'count':
      if (sizes.primary < policy.minCell) return 'small_cell';
      break;
    case 'rate':
      if (sizes.primary < policy.minCell || (sizes.secondary ?? 0) < policy.minCell) return 'small_cell';
      // All-but-k: a rate of 0.97 over 40 people says that all but one or two are employed; the
      // people outside the numerator are a cell of their own and need the minimum too.
      if ((sizes.secondary ?? 0) - sizes.primary < policy.minCell) return 'small_complement';
      break;
    case 'stat':
      if (sizes.primary < policy.minPercentileCell) return 'small_cell';
      break;
    case 'mean_difference': {
      const floor = Math.max(policy.minPercentileCell, sizes.minArm ?? 0);
      if (sizes.primary < floor || (sizes.secondary ?? 0) < floor) return 'small_cell';
      break;
    }
  }
  if (sizes.contributions?.some((values) => isDominated(values, policy.dominanceTop, policy.dominanceShare))) return 'value_dominance';
  return sizes.employers ? employerRuleReason(sizes.employers, policy) : undefined;
}

/**
 * Employer-based cells (industry, retention, new job): a cell made mostly of one employer's
 * workers would disclose that employer's hiring or turnover, as QWI's employer protection guards.
 */
export function employerRuleReason(employers: Map<string, number>, policy: DisclosurePolicy): SuppressionReason | undefined {
  let total = 0;
  let largest = 0;
  for (const n of employers.values()) {
    total += n;
    if (n > largest) largest = n;
  }
  if (total === 0) return undefined;
  if (employers.size < policy.minEmployers) return 'few_employers';
  if (largest / total > policy.maxEmployerShare) return 'employer_dominance';
  return undefined;
}
