import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { credentialChartPlans } from './credential-charts.ts';
import { anchor, esc, formatNumber, formatPercent, renderHtmlTable } from './html.ts';
import { credentialCells, findTable } from './published-lookup.ts';
import type { ReportInput } from './report-input.ts';
import { renderFigures } from './figures.ts';
import { valueSection } from './value-section.ts';

/*
 * One credential's page: headline figures, charts, then the return-on-investment and the
 * stacking/education tables restricted to its published cells. Pooled cohort only; the full
 * tables (every cohort, suppressed cells marked) are in the Tables section.
 */

const dollars = (v: number) => `$${formatNumber(Math.round(v))}`;

function kpis(tables: readonly PublishedTable[], credential: string): string {
  const employment = credentialCells(findTable(tables, 'employment'), credential);
  const earnings = credentialCells(findTable(tables, 'earnings_quarterly'), credential);
  const roi = credentialCells(findTable(tables, 'roi'), credential);
  const method = roi.find((c) => c.measure === 'method' && c.status !== 'suppressed')?.note;
  const kpi = (label: string, cells: PublishedCell[], measure: string, dims: Record<string, string | number>, format: (v: number) => string) => {
    const cell = cells.find((c) => c.measure === measure && Object.entries(dims).every(([k, v]) => c.dims[k] === v));
    // A published cell without a number carries a label instead (e.g. "not within the horizon").
    const text = !cell || cell.status === 'suppressed' ? 'suppressed' : cell.value === null ? (cell.note ?? '-') : format(cell.value);
    return `<span class="kpi"><b>${esc(text)}</b>${esc(label)}</span>`;
  };
  return [
    kpi('employed in quarter +4', employment, 'employed_q4', {}, (v) => formatPercent(v)),
    kpi('median quarterly earnings at +4', earnings, 'median', { quarter_after: 4 }, dollars),
    kpi(`net present value, 10 years${method ? ` (${method})` : ''}`, roi, 'npv_10y', {}, dollars),
    kpi('breakeven (quarters after award)', roi, 'breakeven_quarter', {}, (v) => String(v)),
  ].join('');
}

function cellText(c: PublishedCell): string {
  return c.value === null ? esc(c.note ?? '') : formatNumber(c.value);
}

/** Published cells of one table for the credential; suppressed ones are counted, not listed. */
function miniTable(tables: readonly PublishedTable[], name: string, credential: string): { html: string; hiddenTitle?: string } {
  const table = findTable(tables, name);
  const cells = credentialCells(table, credential);
  if (!table || cells.length === 0) return { html: '' };
  const shown = cells.filter((c) => c.status !== 'suppressed');
  if (shown.length === 0) return { html: '', hiddenTitle: `${table.title} (${cells.length} cells)` };
  const hidden = cells.length - shown.length;
  const dims = table.dims.filter((d) => d !== 'credential' && d !== 'cohort');
  const rows = shown.map((c) => [...dims.map((d) => ({ html: esc(c.dims[d] ?? '') })), { html: esc(c.measure) }, { html: cellText(c) }]);
  const note = hidden > 0 ? `\n<p class="note">${hidden} of ${cells.length} cells suppressed (marked in the full table).</p>` : '';
  return { html: `<h4>${esc(table.title)}</h4>\n${renderHtmlTable({ head: [...dims, 'measure', 'value'], labelColumns: dims.length + 1, rows })}${note}` };
}

/** The mini tables of a group, with one line naming those whose cells were all suppressed. */
function miniTables(tables: readonly PublishedTable[], names: readonly string[], credential: string, absent: string): string {
  const parts = names.map((n) => miniTable(tables, n, credential));
  const hidden = parts.flatMap((p) => (p.hiddenTitle ? [p.hiddenTitle] : []));
  const html = parts.map((p) => p.html).filter(Boolean);
  if (hidden.length > 0) html.push(`<p class="note">Every cell suppressed: ${esc(hidden.join('; '))}.</p>`);
  return html.length > 0 ? html.join('\n') : `<p class="note">${absent}</p>`;
}

export const CREDENTIAL_TABLES = {
  roi: ['roi', 'pretrend'],
  flows: ['stacking_next', 'stacking_pairs', 'stacking_related', 'education', 'pathways'],
};

export async function credentialSection(input: ReportInput, credential: string): Promise<string> {
  const name = input.credentialNames?.[credential];
  const heading = name ? `${name} (${credential})` : credential;
  const plans = credentialChartPlans(input.tables, credential);
  const charts = plans.length > 0 ? await renderFigures(plans) : '<p class="note">Every charted cell of this credential was suppressed.</p>';
  const roi = miniTables(input.tables, CREDENTIAL_TABLES.roi, credential, 'No return-on-investment table in this run.');
  const flows = miniTables(input.tables, CREDENTIAL_TABLES.flows, credential, 'No stacking or education table in this run.');
  return `<section id="credential-${anchor(credential)}">
<h2>${esc(heading)}</h2>
<p class="note">All award cohorts pooled. Suppressed cells are left out of the charts.</p>
<div>${kpis(input.tables, credential)}</div>
${charts}
<h3>Return on investment and breakeven</h3>
${roi}
<h3>Credential of value</h3>
${valueSection(input.tables, credential)}
<h3>Stacking and education flows</h3>
${flows}
</section>`;
}
