import type { PublishedTable } from '../disclosure/cells.ts';
import { CHARTED_TABLES, credentialChartPlans, type ChartPlan } from './credential-charts.ts';
import { diagnosticsCharts, diagnosticsTables } from './diagnostics-section.ts';
import { REPORT_CSS, anchor, esc, formatNumber, renderHtmlTable } from './html.ts';
import { methodsSection } from './methods-section.ts';
import { countCells, credentialCells, credentialsOf } from './published-lookup.ts';
import type { ReportInput } from './report-input.ts';
import { renderChart } from './render-chart.ts';
import { renderPublishedTable } from './table-view.ts';

/*
 * The run's report: one self-contained HTML file (inline CSS and SVG, no script, nothing
 * fetched; the Content-Security-Policy makes a browser refuse any load). Built from published
 * tables and linkage aggregates only, in a fixed order, so the same run gives the same bytes.
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

async function figure(plan: ChartPlan): Promise<string> {
  const svg = await renderChart(plan.spec, plan.title);
  return `<figure data-chart="${esc(plan.key)}">\n<h4>${esc(plan.title)}</h4>\n${svg}\n<figcaption>${esc(plan.caption)}</figcaption>\n</figure>`;
}

async function figures(plans: ChartPlan[]): Promise<string> {
  const parts: string[] = [];
  for (const plan of plans) parts.push(await figure(plan));
  return `<div class="charts">\n${parts.join('\n')}\n</div>`;
}

/** Cells of the tables no chart draws (ROI, stacking, education flows...) for one credential. */
function otherMeasures(tables: readonly PublishedTable[], credential: string): string {
  const parts = tables
    .filter((t) => !CHARTED_TABLES.has(t.name))
    .map((t) => {
      const cells = credentialCells(t, credential);
      if (cells.length === 0) return '';
      const dims = t.dims.filter((d) => d !== 'credential' && d !== 'cohort');
      const rows = cells.map((c) => [
        ...dims.map((d) => ({ html: esc(c.dims[d] ?? '') })),
        { html: esc(c.measure) },
        c.status === 'suppressed' ? { html: 'suppressed', className: 'suppressed' } : { html: c.value === null ? esc(c.note ?? '') : formatNumber(c.value) },
      ]);
      return `<h4>${esc(t.title)}</h4>\n${renderHtmlTable({ head: [...dims, 'measure', 'value'], labelColumns: dims.length + 1, rows })}`;
    })
    .filter(Boolean);
  return parts.join('\n');
}

async function credentialSection(input: ReportInput, credential: string): Promise<string> {
  const name = input.credentialNames?.[credential];
  const heading = name ? `${name} (${credential})` : credential;
  const plans = credentialChartPlans(input.tables, credential);
  const charts = plans.length > 0 ? await figures(plans) : '<p class="note">Every charted cell of this credential was suppressed.</p>';
  const other = otherMeasures(input.tables, credential);
  return `<section id="credential-${anchor(credential)}">
<h2>${esc(heading)}</h2>
<p class="note">All award cohorts pooled. Suppressed cells are left out of the charts.</p>
${charts}
${other ? `<h3>Return, stacking and education</h3>\n${other}` : ''}
</section>`;
}

function summarySection(input: ReportInput): string {
  const { summary } = input.linkage;
  const cells = countCells(input.tables);
  const kpi = (label: string, value: string) => `<span class="kpi"><b>${value}</b>${esc(label)}</span>`;
  return `<section id="summary">
<h2>Summary</h2>
${kpi('extracts', formatNumber(input.extracts.length))}${kpi('persons linked into clusters', formatNumber(summary.clusters))}${kpi('links', formatNumber(summary.sourcePairs.reduce((n, p) => n + p.links, 0)))}${kpi('published tables', formatNumber(input.tables.length))}${kpi('cells suppressed', `${formatNumber(cells.suppressed)} of ${formatNumber(cells.cells)}`)}
</section>`;
}

export async function buildReport(input: ReportInput): Promise<string> {
  const credentials = credentialsOf(input.tables);
  const credentialParts: string[] = [];
  for (const c of credentials) credentialParts.push(await credentialSection(input, c));
  const nav = [
    ['summary', 'Summary'],
    ...credentials.map((c) => [`credential-${anchor(c)}`, input.credentialNames?.[c] ?? c]),
    ['linkage', 'Linkage diagnostics'],
    ['tables', 'Tables'],
    ['methods', 'Methods'],
  ]
    .map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${esc(input.title)}</h1>
<p class="subtitle">${esc(input.jobName)}${input.description ? ` - ${esc(input.description)}` : ''}</p>
</header>
<nav><ol>${nav}</ol></nav>
${summarySection(input)}
${credentialParts.join('\n')}
<section id="linkage">
<h2>Linkage diagnostics</h2>
${await figures(diagnosticsCharts(input))}
${diagnosticsTables(input)}
</section>
<section id="tables">
<h2>Tables</h2>
<p class="note">Cells marked <span class="suppressed">suppressed</span> were withheld by disclosure control; they are not zero.</p>
${input.tables.map(renderPublishedTable).join('\n')}
</section>
${methodsSection(input)}
</body>
</html>
`;
}
