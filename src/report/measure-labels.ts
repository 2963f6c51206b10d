import type { PublishedCell } from '../disclosure/cells.ts';
import { formatDollars, formatNumber, formatPercent } from './html.ts';

/*
 * Readable names and units of the published measures, so that the report never shows a raw
 * key (premium_per_quarter) or a rate as 0.433. The CSV/JSON keys stay as they are; the full
 * tables show each key under its label so a reader can find the column in the files.
 */

export type MeasureUnit = 'dollars' | 'share' | 'people' | 'quarter' | 'months' | 'flag' | 'label' | 'number';

const LABELS: Record<string, string> = {
  p25: '25th percentile',
  median: 'median',
  p75: '75th percentile',
  mean: 'mean',
  mean_change_from_pre: 'mean change from pre-award (quarters −4..−1)',
  did: 'effect against failed candidates (DiD)',
  did_matched: 'effect against matched non-holders (DiD)',
  did_se: 'standard error of the effect',
  treated_n: 'holders',
  comparison_n: 'comparison group',
  employed_q2: 'employed, quarter +2',
  employed_q4: 'employed, quarter +4',
  employed_within_12m: 'employed within 12 months',
  new_job_q4: 'new employer at +4 (of employed)',
  aligned_q4: 'aligned industry at +4 (of employed)',
  retention_q2: 'same employer at +2',
  retention_q4: 'same employer at +4',
  retention_q2_and_q4: 'same employer at +2 and +4',
  share: 'share of employed holders',
  holders_of_both: 'holders of both',
  went_on_to_earn: 'went on to earn it',
  median_months: 'median months between awards',
  related_after: 'earned a related credential after',
  enrolled_after: 'enrolled in college after the award',
  degree_before: 'held a degree before the award',
  degree_after: 'earned a degree after the award',
  holders: 'holders',
  pretrend_mean_did: 'mean effect before the award (−8..−5)',
  pretrend_ok: 'pre-trend check',
  method: 'comparison method',
  premium_per_quarter: 'premium a quarter',
  premium_se_max: 'standard error of the premium (upper bound)',
  breakeven_quarter: 'breakeven quarter',
  hs_baseline: 'high-school baseline (annual)',
  premium: 'premium over the baseline',
  threshold: 'required premium',
  verdict: 'verdict',
  cost: 'catalog cost',
  quarter_cost_covered: 'quarter the cost is covered',
};

const DIMENSION_LABELS: Record<string, string> = {
  credential: 'credential',
  cohort: 'award cohort',
  event_quarter: 'quarter since award',
  quarter_after: 'quarter after award',
  year_after: 'year after award',
  sector: 'industry (NAICS sector)',
  sequence: 'pathway (sector at −4 → +4 → +8)',
  degree_level: 'degree level',
  next_credential: 'next credential',
  other_credential: 'other credential',
  cross_issuer: 'other issuer',
  framework: 'framework',
};

const METHOD_LABELS: Record<string, string> = {
  did: 'against failed candidates',
  did_nyt: 'against later holders, not yet treated',
  did_matched: 'against matched non-holders',
  pre_post: 'holders’ own pre/post change, no comparison group',
};

export function measureLabel(measure: string): string {
  const npv = /^npv_(\d+)y$/.exec(measure);
  if (npv) return `net present value, ${npv[1]} years`;
  const annual = /^median_annual_earnings_y(\d+)$/.exec(measure);
  if (annual) return `median annual earnings, year ${annual[1]}`;
  return LABELS[measure] ?? measure.replace(/_/g, ' ');
}

export function dimensionLabel(dim: string): string {
  return DIMENSION_LABELS[dim] ?? dim.replace(/_/g, ' ');
}

/** The method an effect or ROI figure used, in words (the key itself when unknown). */
export function methodLabel(method: string): string {
  return METHOD_LABELS[method] ?? method;
}

export function measureUnit(table: string, measure: string): MeasureUnit {
  if (measure === 'method') return 'label';
  if (measure === 'verdict' || measure === 'pretrend_ok') return 'flag';
  if (/_n$|^holders/.test(measure) || (table === 'industry' && measure === 'employed_q4')) return 'people';
  if (measure === 'breakeven_quarter' || measure === 'quarter_cost_covered') return 'quarter';
  if (measure === 'median_months') return 'months';
  if (/^(p25|median|p75|mean|did|hs_baseline|cost)|_did$|^npv_|^premium_(per_quarter|se)|^median_annual/.test(measure)) return 'dollars';
  if (/^(employed|new_job|aligned|retention|share|went_on|related|enrolled|degree|premium$|threshold$)/.test(measure)) return 'share';
  return 'number';
}

const FLAG_TEXT: Record<string, [string, string]> = {
  verdict: ['meets', 'does not meet'],
  pretrend_ok: ['passes', 'fails'],
};

/** A published, unsuppressed value as text; a cell without a number shows its label. */
export function formatCellValue(table: string, cell: PublishedCell): string {
  if (cell.value === null) return cell.measure === 'method' && cell.note ? methodLabel(cell.note) : (cell.note ?? '');
  const v = cell.value;
  switch (measureUnit(table, cell.measure)) {
    case 'dollars':
      return formatDollars(v);
    case 'share':
      return formatPercent(v);
    case 'flag':
      return cell.note && cell.measure === 'verdict' ? cell.note : (FLAG_TEXT[cell.measure] ?? ['yes', 'no'])[v === 1 ? 0 : 1];
    case 'months':
      return `${formatNumber(v)} months`;
    default:
      return formatNumber(v);
  }
}
