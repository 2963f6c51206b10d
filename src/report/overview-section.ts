import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { WRAPPED_AXIS, barChart, wrapLabel, type BarRow, type ChartPlan } from './chart-parts.ts';
import { valueCell } from './cell-text.ts';
import { renderFigures } from './figures.ts';
import { anchor, esc, formatDollars, formatNumber, formatPercent, renderHtmlTable } from './html.ts';
import { credentialCells, findTable, isPublished } from './published-lookup.ts';
import { dollarsOfRun, type ReportInput } from './report-input.ts';
import type { ChartSpec } from './render-chart.ts';
import { VALUE_TABLE, withheldVerdictReason } from './value-section.ts';

/*
 * The first screen: what was linked, the headline figures of every credential side by side (the
 * table `credlink outcomes` prints in summary.md), the caveats that apply to all of them, and
 * charts across credentials.
 */

const cellOf = (tables: readonly PublishedTable[], table: string, credential: string, measure: string, dims: Record<string, number> = {}) =>
  credentialCells(findTable(tables, table), credential).find((c) => c.measure === measure && Object.entries(dims).every(([k, v]) => Number(c.dims[k]) === v));

/** Suppressed cells, leaving out verdicts withheld for their method (not disclosure control). */
export function suppressionCounts(tables: readonly PublishedTable[]): { cells: number; suppressed: number; withheld: number } {
  let cells = 0;
  let suppressed = 0;
  let withheld = 0;
  for (const t of tables) {
    for (const c of t.cells) {
      cells += 1;
      if (t.name === VALUE_TABLE && withheldVerdictReason(tables, c)) withheld += 1;
      else if (c.status === 'suppressed') suppressed += 1;
    }
  }
  return { cells, suppressed, withheld };
}

/** Expected share of false matches among all links (sum of 1 - probability over links / links). */
export function expectedFalseMatchShare(input: ReportInput): number | undefined {
  const pairs = input.linkage.summary.sourcePairs;
  const links = pairs.reduce((n, p) => n + p.links, 0);
  return links > 0 ? pairs.reduce((n, p) => n + p.expectedFalseMatches, 0) / links : undefined;
}

const credentialLabel = (input: ReportInput, code: string) => (input.credentialNames?.[code] ? `${input.credentialNames[code]} (${code})` : code);

function headlineTable(input: ReportInput, credentials: readonly string[]): string {
  const t = input.tables;
  const rows = credentials.map((code) => {
    const premium = cellOf(t, 'roi', code, 'premium_per_quarter');
    const premiumCell = valueCell('roi', premium);
    return [
      { html: `<a href="#credential-${anchor(code)}">${esc(credentialLabel(input, code))}</a>` },
      valueCell('employment', cellOf(t, 'employment', code, 'employed_q4')),
      valueCell('earnings_quarterly', cellOf(t, 'earnings_quarterly', code, 'median', { quarter_after: 4 })),
      isPublished(premium) && premium.note ? { html: `${premiumCell.html} <span class="method">(${esc(premium.note)})</span>` } : premiumCell,
      valueCell('roi', cellOf(t, 'roi', code, 'npv_10y')),
      valueCell('roi', cellOf(t, 'roi', code, 'breakeven_quarter')),
    ];
  });
  return renderHtmlTable({ head: ['credential', 'employed +4', 'median earnings +4', 'premium a quarter (method)', 'NPV 10 years', 'breakeven quarter'], labelColumns: 1, rows });
}

function caveats(input: ReportInput): string {
  const notes: string[] = [];
  const error = expectedFalseMatchShare(input);
  if (error !== undefined) notes.push(`Linkage error: the model expects ${formatPercent(error, 1)} of the links to be false matches; every count and rate may be off by about that share.`);
  const population = input.population;
  if (population && population.shareFound < 1) {
    notes.push(`Only ${formatPercent(population.shareFound, 1)} of credential holders were found in the population spine (${formatNumber(population.holders)} counted). The others are left out of every table: their wages are unknown, not zero.`);
  }
  const by = population?.foundBy;
  if (by && by.direct > 0) notes.push(`Credential holders found through the population spine: ${formatNumber(by.spine)}; by a direct roster-wage link (on names: outside the spine, or where the roster~spine link failed): ${formatNumber(by.direct)}; not found: ${formatNumber(by.notFound)}.`);
  notes.push('Premium methods: did = against candidates who failed and had not yet passed; did_nyt = against people who earn the same credential later (not yet treated); did_matched = against non-holders matched on pre-award earnings level and trend; pre_post = the holders’ own change from before the award, which is not a causal effect. Dollars: see Methods (real base-year dollars unless the configuration set nominal).');
  return notes.map((n) => `<p class="caveat">${esc(n)}</p>`).join('\n');
}

function overviewCharts(input: ReportInput, credentials: readonly string[]): ChartPlan[] {
  const t = input.tables;
  const label = (code: string) => wrapLabel(credentialLabel(input, code), 18);
  const plans: ChartPlan[] = [];
  const premium: BarRow[] = credentials.map((code) => {
    const c = cellOf(t, 'roi', code, 'premium_per_quarter');
    return { label: label(code), value: isPublished(c) ? c.value : null, text: isPublished(c) ? formatDollars(c.value) : '', group: isPublished(c) ? (c.note ?? 'unknown') : 'suppressed' };
  });
  if (premium.length > 0) {
    plans.push({
      key: 'overview-premium',
      title: 'Premium a quarter, by credential',
      caption: 'Mean quarterly earnings effect at +1..+12, coloured by the method it used; pre_post is the holders’ own change and not causal.',
      spec: barChart(premium, { axisTitle: `${dollarsOfRun(input)} dollars a quarter`, format: '$,.0f', grouped: true, width: 110 }),
    });
  }
  const earnings = credentials.map((code) => {
    const get = (m: string) => cellOf(t, 'earnings_quarterly', code, m, { quarter_after: 4 });
    const [p25, median, p75] = ['p25', 'median', 'p75'].map((m) => get(m)).map((c: PublishedCell | undefined) => (isPublished(c) ? c.value : null));
    return { label: label(code), p25, median, p75, text: median === null ? '' : formatDollars(median) };
  });
  if (earnings.length > 0) plans.push({ key: 'overview-earnings', title: 'Quarterly earnings at +4, by credential', caption: 'Among holders employed in quarter +4: 25th to 75th percentile (bar) and median (tick, printed). Suppressed medians are marked.', spec: rangeChart(earnings, dollarsOfRun(input)) });
  const employed: BarRow[] = credentials.map((code) => {
    const c = cellOf(t, 'employment', code, 'employed_q4');
    return { label: label(code), value: isPublished(c) ? c.value : null, text: isPublished(c) ? formatPercent(c.value, 0) : '' };
  });
  if (employed.length > 0) plans.push({ key: 'overview-employment', title: 'Employed in quarter +4, by credential', caption: 'Share of holders with UI earnings four quarters after the award (WIOA employment rate).', spec: barChart(employed, { axisTitle: 'share of holders', format: '.0%', domain: [0, 1] }) });
  return plans;
}

function rangeChart(rows: Array<{ label: string; p25: number | null; median: number | null; p75: number | null; text: string }>, dollars: 'real' | 'nominal'): ChartSpec {
  const lines = Math.max(1, ...rows.map((r) => r.label.split('|').length));
  const x = { type: 'quantitative', title: `${dollars} quarterly earnings`, axis: { format: '$,.0f', tickCount: 3 }, scale: { zero: true } };
  return {
    width: 120,
    height: { step: lines > 1 ? 14 * lines + 6 : 20 },
    data: { values: rows },
    encoding: { y: { field: 'label', type: 'nominal', title: null, sort: rows.map((r) => r.label), axis: WRAPPED_AXIS } },
    layer: [
      { transform: [{ filter: 'isValid(datum.p25) && isValid(datum.p75)' }], mark: { type: 'bar', height: 10, color: '#9ecae9' }, encoding: { x: { field: 'p25', ...x }, x2: { field: 'p75' } } },
      { transform: [{ filter: 'isValid(datum.median)' }], mark: { type: 'tick', thickness: 3, color: '#1f4e79', size: 16 }, encoding: { x: { field: 'median', ...x } } },
      { transform: [{ filter: 'isValid(datum.median)' }], mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { x: { field: 'p75', ...x }, text: { field: 'text' } } },
      { transform: [{ filter: '!isValid(datum.median)' }], mark: { type: 'text', align: 'left', dx: 2, fontSize: 11, fontStyle: 'italic', color: '#9a6a00' }, encoding: { x: { datum: 0, type: 'quantitative' }, text: { value: 'suppressed' } } },
    ],
  } as ChartSpec;
}

export async function summarySection(input: ReportInput, credentials: readonly string[]): Promise<string> {
  const { summary } = input.linkage;
  const counts = suppressionCounts(input.tables);
  const kpi = (label: string, value: string) => `<span class="kpi"><b>${esc(value)}</b>${esc(label)}</span>`;
  const links = summary.sourcePairs.reduce((n, p) => n + p.links, 0);
  const withheld = counts.withheld > 0 ? kpi('verdicts withheld for their method', formatNumber(counts.withheld)) : '';
  return `<section id="summary">
<h2>Summary</h2>
<div class="kpis">${kpi('extracts', formatNumber(input.extracts.length))}${kpi('persons linked into clusters', formatNumber(summary.clusters))}${kpi('links', formatNumber(links))}${input.population ? kpi('credential holders counted', formatNumber(input.population.holders)) : ''}${kpi('cells suppressed', `${formatNumber(counts.suppressed)} of ${formatNumber(counts.cells)}`)}${withheld}</div>
<h3>Headline figures</h3>
<p class="note">All award cohorts pooled. Cells marked <span class="suppressed">suppressed</span> were withheld by disclosure control; they are not zero.</p>
${headlineTable(input, credentials)}
${caveats(input)}
</section>
<section id="overview">
<h2>All credentials</h2>
${await renderFigures(overviewCharts(input, credentials))}
</section>`;
}
