import { stringify } from 'csv-stringify/sync';
import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { spreadsheetSafe } from '../disclosure/safe-text.ts';
import type { PublishedMargin } from '../disclosure/publish-tables.ts';
import type { DollarBasis } from './real-dollars.ts';
import { PRE_REFERENCE_WINDOW, windowLabel } from './event-study.ts';

/** The linkage error reported beside every table (from the linkage's summary.json). */
export interface LinkageError {
  /** Expected share of false matches among the links: sum of (1 - match probability) / links. */
  expectedFalseMatchShare: number | null;
  bySourcePair: Array<{ sourceA: string; sourceB: string; links: number; expectedFalseMatchShare: number; calibrated: boolean }>;
  /** Source pairs whose model failed its own calibration check: their share is not a checked estimate. */
  uncheckedPairs: string[];
}

export function tableCsv(table: PublishedTable): string {
  const header = [...table.dims, 'measure', 'value', 'count', 'status', 'note'];
  const rows = table.cells.map((c) => [...table.dims.map((d) => c.dims[d]), c.measure, c.value ?? '', c.count ?? '', c.status, c.note ?? '']);
  return stringify([header, ...rows].map((row) => row.map(spreadsheetSafe)), { record_delimiter: '\n' });
}

export function tableJson(table: PublishedTable, linkage: LinkageError | undefined, dollars?: DollarBasis): string {
  const body = {
    table: table.name,
    title: table.title,
    definition: table.definition,
    ...(dollars ? { dollars } : {}),
    linkageError: linkage ?? null,
    dims: table.dims,
    cells: table.cells.map((c) => ({ ...c.dims, measure: c.measure, value: c.value, count: c.count, status: c.status, ...(c.note ? { note: c.note } : {}) })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * margins.json: which published count and rate cells add up (cells by table and position), with
 * the rounding they were published with, so that `credlink audit` can rebuild the attacker's
 * integer program from the tables folder alone.
 */
export function marginsJson(margins: readonly PublishedMargin[], manifest: object): string {
  const d = (manifest as { config?: { disclosure?: Record<string, unknown> } }).config?.disclosure ?? {};
  const policy = { minCell: d.minCell, roundingBase: d.roundingBase, rateDecimals: d.rateDecimals };
  return `${JSON.stringify({ credlinkMargins: 1, policy, margins }, null, 1)}\n`;
}

function cellFinder(tables: readonly PublishedTable[]) {
  const index = new Map<string, PublishedCell>();
  for (const t of tables) for (const c of t.cells) index.set(`${t.name}|${c.dims.credential}|${c.dims.cohort ?? ''}|${c.dims.quarter_after ?? c.dims.event_quarter ?? ''}|${c.measure}`, c);
  return (table: string, credential: string, cohort: string, k: number | '', measure: string) => index.get(`${table}|${credential}|${cohort}|${k}|${measure}`);
}

const show = (c: PublishedCell | undefined, format: (v: number) => string): string => {
  if (!c || c.status === 'suppressed') return '(s)';
  if (c.value === null) return c.note ?? '';
  return format(c.value);
};
const dollars = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The Markdown summary printed to stdout: headline figures per credential, then every table with its linkage error. */
export function markdownSummary(tables: readonly PublishedTable[], credentials: readonly string[], linkage: LinkageError | undefined, extra: string[], basis?: DollarBasis): string {
  const find = cellFinder(tables);
  const lines: string[] = ['# Credential outcomes', ''];
  const error = linkage?.expectedFalseMatchShare;
  lines.push(`Linkage error: expected false-match share ${error === null || error === undefined ? 'unknown (no summary.json)' : percent(error)} among linked records; every count and rate below may be off by about that share.`, '');
  lines.push('| credential | employed +4 | median earnings +4 | premium a quarter (method) | NPV 10y | breakeven quarter |', '|---|---|---|---|---|---|');
  for (const credential of credentials) {
    // The same premium the NPV and breakeven are computed from, with its method, so the row adds up.
    const premium = find('roi', credential, 'all', '', 'premium_per_quarter');
    const effect = premium && premium.status !== 'suppressed' && premium.value !== null ? `${dollars(premium.value)} (${premium.note})` : '(s)';
    lines.push(
      `| ${credential} | ${show(find('employment', credential, 'all', '', 'employed_q4'), percent)} | ${show(find('earnings_quarterly', credential, 'all', 4, 'median'), dollars)} | ${effect} | ${show(find('roi', credential, 'all', '', 'npv_10y'), dollars)} | ${show(find('roi', credential, 'all', '', 'breakeven_quarter'), String)} |`,
    );
  }
  lines.push('', `(s) = suppressed by the disclosure policy. ${basis?.dollars === 'nominal' ? 'Dollars are nominal dollars of each quarter (not deflated: dollars = nominal).' : `Dollars are real dollars of ${basis?.baseYear ? `${basis.baseYear} (${basis.deflator})` : 'the base year'}.`} Premium: mean effect a quarter over +1..+12 (did: against failed candidates; did_nyt: against later holders not yet treated; did_matched: against non-holders matched on pre-award level and trend; pre_post: the holders' own change, not a causal effect); NPV 10y = premium x 34.50 - cost at 3% (quarterly compounding) with the default configuration.`, '');
  lines.push('## Comparison design', '', `| credential | method | why | pre-trend test (${windowLabel(PRE_REFERENCE_WINDOW)}) | effect distinguishable from 0 |`, '|---|---|---|---|---|');
  for (const credential of credentials) {
    const note = (table: string, measure: string) => find(table, credential, 'all', '', measure)?.note ?? '-';
    lines.push(`| ${credential} | ${note('pretrend', 'method')} | ${note('pretrend', 'reason')} | ${note('pretrend', 'pretrend_ok')} | ${note('roi', 'significant')} |`);
  }
  lines.push('', '## Tables', '');
  for (const t of tables) {
    const suppressed = t.cells.filter((c) => c.status === 'suppressed').length;
    lines.push(`- **${t.name}** (${t.name}.csv, ${t.name}.json): ${t.title}. ${t.cells.length} cells, ${suppressed} suppressed. Linkage error: ${error === null || error === undefined ? 'unknown' : percent(error)}.`);
  }
  if (extra.length) lines.push('', ...extra.map((e) => `Note: ${e}.`));
  return `${lines.join('\n')}\n`;
}
