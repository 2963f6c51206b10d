import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { dimensionText, valueCell } from './cell-text.ts';
import { credentialChartPlans } from './credential-charts.ts';
import { effectMeasure } from './earnings-charts.ts';
import { renderFigures } from './figures.ts';
import { anchor, esc, formatDollars, formatPercent, renderHtmlTable } from './html.ts';
import { dimensionLabel, measureLabel, methodLabel } from './measure-labels.ts';
import { credentialCells, findTable } from './published-lookup.ts';
import { dollarsOfRun, type ReportInput } from './report-input.ts';
import { valueSection } from './value-section.ts';

/*
 * One credential's page: headline figures, charts, then the return-on-investment and the
 * stacking/education tables restricted to it. Pooled cohort only; the full tables (every cohort)
 * are in the Tables section.
 */

function kpis(tables: readonly PublishedTable[], credential: string): string {
  const employment = credentialCells(findTable(tables, 'employment'), credential);
  const earnings = credentialCells(findTable(tables, 'earnings_quarterly'), credential);
  const roi = credentialCells(findTable(tables, 'roi'), credential);
  const method = roi.find((c) => c.measure === 'method' && c.status !== 'suppressed')?.note;
  const kpi = (label: string, cells: PublishedCell[], measure: string, dims: Record<string, string | number>, format: (v: number) => string) => {
    const cell = cells.find((c) => c.measure === measure && Object.entries(dims).every(([k, v]) => c.dims[k] === v));
    const suppressed = !cell || cell.status === 'suppressed';
    // A published cell without a number carries a label instead (e.g. "not within the horizon").
    const text = suppressed ? 'suppressed' : cell.value === null ? (cell.note ?? '-') : format(cell.value);
    return `<span class="kpi${suppressed ? ' suppressed' : ''}"><b>${esc(text)}</b>${esc(label)}</span>`;
  };
  return [
    kpi('employed in quarter +4', employment, 'employed_q4', {}, (v) => formatPercent(v)),
    kpi('median quarterly earnings at +4', earnings, 'median', { quarter_after: 4 }, formatDollars),
    kpi(`premium a quarter${method ? ` (${method})` : ''}`, roi, 'premium_per_quarter', {}, formatDollars),
    kpi('net present value, 10 years', roi, 'npv_10y', {}, formatDollars),
    kpi('breakeven (quarters after award)', roi, 'breakeven_quarter', {}, (v) => String(v)),
  ].join('');
}

/** One table's cells for the credential, suppressed ones marked in place. */
function miniTable(tables: readonly PublishedTable[], name: string, credential: string, credentialNames: Record<string, string>): string {
  const table = findTable(tables, name);
  const cells = credentialCells(table, credential);
  if (!table || cells.length === 0) return '';
  const dims = table.dims.filter((d) => d !== 'credential' && d !== 'cohort');
  const rows = cells.map((c) => [...dims.map((d) => ({ html: esc(dimensionText(d, c.dims[d], credentialNames)) })), { html: esc(measureLabel(c.measure)) }, valueCell(name, c)]);
  const suppressed = cells.filter((c) => c.status === 'suppressed').length;
  const note = suppressed > 0 ? `\n<p class="note">${suppressed} of ${cells.length} cells suppressed.</p>` : '';
  return `<h4>${esc(table.title)}</h4>\n${renderHtmlTable({ head: [...dims.map(dimensionLabel), 'measure', 'value'], labelColumns: dims.length + 1, rows })}${note}`;
}

function miniTables(input: ReportInput, names: readonly string[], credential: string, absent: string): string {
  const html = names.map((n) => miniTable(input.tables, n, credential, input.credentialNames ?? {})).filter(Boolean);
  return html.length > 0 ? html.join('\n') : `<p class="note">${absent}</p>`;
}

export const CREDENTIAL_TABLES = {
  roi: ['roi', 'pretrend'],
  flows: ['stacking_related', 'stacking_pairs', 'pathways'],
};

function methodNote(input: ReportInput, credential: string): string {
  const effect = effectMeasure(input.tables, credential);
  if (!effect) return 'Effects on this page are the holders’ own pre/post change (no comparison group large enough): not causal.';
  return `Effects on this page are measured ${methodLabel(effect)} (${effect}).`;
}

export async function credentialSection(input: ReportInput, credential: string): Promise<string> {
  const name = input.credentialNames?.[credential];
  const heading = name ? `${name} (${credential})` : credential;
  const plans = credentialChartPlans(input.tables, credential, input.credentialNames, dollarsOfRun(input));
  const charts = plans.length > 0 ? await renderFigures(plans) : '<p class="note">No outcome table has a cell for this credential.</p>';
  return `<section id="credential-${anchor(credential)}">
<h2>${esc(heading)}</h2>
<p class="note">All award cohorts pooled. ${esc(methodNote(input, credential))}</p>
<div class="kpis">${kpis(input.tables, credential)}</div>
${charts}
<h3>Return on investment and breakeven</h3>
${miniTables(input, CREDENTIAL_TABLES.roi, credential, 'No return-on-investment table in this run.')}
<h3>Credential of value</h3>
${valueSection(input.tables, credential)}
<h3>Stacking and career pathways</h3>
${miniTables(input, CREDENTIAL_TABLES.flows, credential, 'No stacking or pathway table in this run.')}
</section>`;
}
