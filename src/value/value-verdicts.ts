import type { CellStatus, PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { LOUISIANA_PREMIUM, LUMINA_PREMIUM, TEXAS_YEARS, npvVerdict, paybackVerdict, premiumVerdict, texasVerdict, type Verdict } from './value-rules.ts';

export interface ValueConfig {
  /**
   * Median annual earnings of high-school graduates, in the tables' dollars: real base-year
   * dollars, or under `dollars: nominal` the figure as published for its year.
   */
  baseline?: { annualEarnings: number; state?: string; year: number; source: string; dollars?: 'real' | 'nominal'; baseYear?: number };
  /** Catalog cost of each credential (dollars). */
  costOf: (credential: string) => number | undefined;
  /** earnings_annual year_after used for the premium rules (1 = the first calendar year after the award year). */
  premiumYearAfter: number;
  /** The NPV horizon (years) read from the roi table. */
  npvYears: number;
}

export const VALUE_TABLE = 'value-verdicts';

const VERDICT_VALUE: Record<Verdict, number | null> = { meets: 1, 'does not meet': 0, 'not enough data': null };

type Lookup = (table: string, credential: string, cohort: string, measure: string, extra?: [string, number]) => PublishedCell | undefined;

function lookupOf(tables: readonly PublishedTable[]): Lookup {
  const index = new Map<string, PublishedCell>();
  for (const t of tables) {
    for (const c of t.cells) {
      const extra = t.dims.filter((d) => d !== 'credential' && d !== 'cohort').map((d) => `${d}=${c.dims[d]}`).join(',');
      index.set(`${t.name}|${c.dims.credential}|${c.dims.cohort}|${c.measure}|${extra}`, c);
    }
  }
  return (table, credential, cohort, measure, extra) => index.get(`${table}|${credential}|${cohort}|${measure}|${extra ? `${extra[0]}=${extra[1]}` : ''}`);
}

/** A published value, or null when the cell is missing or suppressed. */
const valueOf = (cell: PublishedCell | undefined): number | null => (cell && cell.status !== 'suppressed' ? cell.value : null);

function verdictCell(dims: PublishedCell['dims'], verdict: Verdict, basis: PublishedCell | undefined, withheld = 'not enough data'): PublishedCell {
  if (verdict === 'not enough data') return { dims, measure: 'verdict', value: null, count: null, status: 'suppressed', note: withheld };
  const status: CellStatus = basis?.status === 'noisy' ? 'noisy' : 'ok';
  return { dims, measure: 'verdict', value: VERDICT_VALUE[verdict], count: basis?.count ?? null, status, note: verdict };
}

/** An input shown beside its verdict: copied from a published cell, or a configured number. */
function inputCell(dims: PublishedCell['dims'], measure: string, source: PublishedCell | undefined): PublishedCell {
  if (!source || source.status === 'suppressed' || source.value === null) return { dims, measure, value: null, count: null, status: 'suppressed', note: source?.note ?? 'not enough data' };
  return { dims, measure, value: source.value, count: source.count, status: source.status, ...(source.note ? { note: source.note } : {}) };
}

const configured = (dims: PublishedCell['dims'], measure: string, value: number | undefined, note: string): PublishedCell =>
  value === undefined ? { dims, measure, value: null, count: null, status: 'suppressed', note } : { dims, measure, value, count: null, status: 'ok', note: 'configured' };

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function premiumCells(find: Lookup, config: ValueConfig, credential: string, cohort: string, framework: string, threshold: number): PublishedCell[] {
  const dims = { credential, cohort, framework };
  const median = find('earnings_annual', credential, cohort, 'median', ['year_after', config.premiumYearAfter]);
  const baseline = config.baseline?.annualEarnings;
  const { verdict, premium } = premiumVerdict(valueOf(median), baseline, threshold);
  return [
    inputCell(dims, `median_annual_earnings_y${config.premiumYearAfter}`, median),
    configured(dims, 'hs_baseline', baseline, 'no high-school baseline configured'),
    premium === null ? { dims, measure: 'premium', value: null, count: null, status: 'suppressed', note: 'not enough data' } : { dims, measure: 'premium', value: round4(premium), count: median?.count ?? null, status: 'ok' },
    { dims, measure: 'threshold', value: threshold, count: null, status: 'ok', note: 'rule' },
    verdictCell(dims, verdict, median),
  ];
}

function texasCells(find: Lookup, config: ValueConfig, credential: string, cohort: string): PublishedCell[] {
  const dims = { credential, cohort, framework: 'texas_10y' };
  const years = [1, 3, 5];
  const cells = years.map((y) => find('earnings_annual', credential, cohort, 'median', ['year_after', y]));
  const medians = new Map(years.map((y, i) => [y, valueOf(cells[i])]));
  const cost = config.costOf(credential);
  const { verdict, quarterCovered } = texasVerdict(medians, config.baseline?.annualEarnings, cost);
  return [
    ...years.map((y, i) => inputCell(dims, `median_annual_earnings_y${y}`, cells[i])),
    configured(dims, 'hs_baseline', config.baseline?.annualEarnings, 'no high-school baseline configured'),
    configured(dims, 'cost', cost, 'credential not in the catalog'),
    { dims, measure: 'quarter_cost_covered', value: quarterCovered, count: null, status: verdict === 'not enough data' ? 'suppressed' : 'ok', ...(quarterCovered === null && verdict !== 'not enough data' ? { note: `not within ${TEXAS_YEARS} years` } : {}) },
    verdictCell(dims, verdict, cells[0]),
  ];
}

/**
 * Why an estimated effect cannot carry a verdict, if it cannot: an NPV from a premium that is not
 * distinguishable from zero, or from a comparison whose pre-trend test failed, would judge noise or
 * selection (issue #14: a null credential got "meets" from a $30-70 premium with a $140-250 error).
 */
function effectEvidence(find: Lookup, credential: string, cohort: string): string | undefined {
  if (valueOf(find('roi', credential, cohort, 'significant')) !== 1) return 'no significant effect';
  if (valueOf(find('pretrend', credential, cohort, 'pretrend_ok')) !== 1) return 'pre-trend failed';
  return undefined;
}

function roiCells(find: Lookup, config: ValueConfig, credential: string, cohort: string): PublishedCell[] {
  const npvDims = { credential, cohort, framework: 'roi_npv' };
  const paybackDims = { credential, cohort, framework: 'roi_payback' };
  const method = find('roi', credential, cohort, 'method');
  const npv = find('roi', credential, cohort, `npv_${config.npvYears}y`);
  const breakeven = find('roi', credential, cohort, 'breakeven_quarter');
  // The frameworks ask for the premium over a comparison group; a labelled pre/post change is
  // not one (it credits the holders' own earnings growth to the credential), so it gives no verdict.
  const comparison = Boolean(method && method.status !== 'suppressed' && method.note !== undefined && method.note !== 'pre_post');
  const evidence = comparison ? effectEvidence(find, credential, cohort) : undefined;
  const overComparison = comparison && evidence === undefined;
  const published = Boolean(breakeven && breakeven.status !== 'suppressed');
  return [
    // The method cell carries its answer (did / pre_post) as a label, not a number.
    method && method.status !== 'suppressed' ? { dims: npvDims, measure: 'method', value: null, count: method.count, status: method.status, note: method.note } : inputCell(npvDims, 'method', undefined),
    inputCell(npvDims, `npv_${config.npvYears}y`, npv),
    verdictCell(npvDims, npvVerdict(overComparison ? valueOf(npv) : null), npv, evidence),
    published ? { dims: paybackDims, measure: 'breakeven_quarter', value: breakeven!.value, count: breakeven!.count, status: breakeven!.status, ...(breakeven!.note ? { note: breakeven!.note } : {}) } : inputCell(paybackDims, 'breakeven_quarter', undefined),
    verdictCell(paybackDims, paybackVerdict(overComparison && published, published ? breakeven!.value : null), breakeven, evidence),
  ];
}

/**
 * Per credential and cohort, verdicts under public credential-of-value frameworks, computed from
 * published cells only (post-processing: no raw cell, no privacy budget). Each verdict sits next
 * to the inputs it used; a suppressed input makes it 'not enough data'.
 */
export function credentialOfValueVerdicts(tables: readonly PublishedTable[], config: ValueConfig): PublishedTable {
  const find = lookupOf(tables);
  const roi = tables.find((t) => t.name === 'roi');
  const groups = new Map<string, { credential: string; cohort: string }>();
  for (const c of roi?.cells ?? []) groups.set(`${c.dims.credential}|${c.dims.cohort}`, { credential: String(c.dims.credential), cohort: String(c.dims.cohort) });
  const cells: PublishedCell[] = [];
  for (const { credential, cohort } of groups.values()) {
    cells.push(
      ...premiumCells(find, config, credential, cohort, 'lumina_15', LUMINA_PREMIUM),
      ...premiumCells(find, config, credential, cohort, 'louisiana_20', LOUISIANA_PREMIUM),
      ...texasCells(find, config, credential, cohort),
      ...roiCells(find, config, credential, cohort),
    );
  }
  const b = config.baseline;
  const baselineText = b ? `median annual earnings of high-school graduates${b.state ? ` in ${b.state}` : ''}, ${b.year} (${b.source}), ${baselineDollars(b)}` : 'no high-school baseline configured (premium rules: not enough data)';
  return {
    name: VALUE_TABLE,
    title: 'Credentials of value',
    dims: ['credential', 'cohort', 'framework'],
    definition: `verdict 1 = meets, 0 = does not meet, suppressed = not enough data. lumina_15 / louisiana_20: published median annual earnings in year ${config.premiumYearAfter} after the award at least 15% (Lumina Foundation) / 20% (Louisiana) above the baseline: ${baselineText}. texas_10y (Texas Higher Education Coordinating Board): earnings above the baseline, summed by quarter (years 1-2 at the year-1 median, 3-4 at year 3, 5-10 at year 5; a suppressed later year holds the earlier), cover the catalog cost by quarter ${TEXAS_YEARS * 4}, and the latest median exceeds the baseline. roi_npv: ${config.npvYears}-year NPV of the earnings effect over the comparison group net of cost > 0; roi_payback: breakeven quarter within the ROI horizon (both from the roi table). Both need an effect distinguishable from zero (roi significant = 1) and a passed pre-trend test (pretrend_ok = 1); otherwise the verdict is withheld with the note 'no significant effect' or 'pre-trend failed'. Computed from published cells only.`,
    cells,
  };
}

function baselineDollars(b: NonNullable<ValueConfig['baseline']>): string {
  if (b.dollars !== 'nominal') return `in the tables' real${b.baseYear ? ` ${b.baseYear}` : ''} dollars`;
  return `in nominal ${b.year} dollars, not deflated (dollars: nominal; the medians are nominal dollars of their own years, so the comparison leaves inflation between those years and ${b.year} in)`;
}
