/*
 * Small helpers for the one-file HTML report. Everything is escaped on the way in, so a
 * credential name or a table title can never inject markup into the page.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

// A typographic minus, as charts print it (d3-format), so that text and axes agree.
const MINUS = '\u2212';

/** Integers get thousands separators; other numbers print as published (already rounded). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = Number.isInteger(value) ? value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(value);
  return text.replace('-', MINUS);
}

export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits).replace('-', MINUS)}%`;
}

/** Whole dollars with the sign before the currency symbol: -19030 -> "−$19,030". */
export function formatDollars(value: number): string {
  const rounded = Math.round(value);
  return `${rounded < 0 ? MINUS : ''}$${formatNumber(Math.abs(rounded))}`;
}

/** A section anchor id from a heading: stable, ASCII only. */
export function anchor(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

// Inline styles only: the report must open offline and fetch nothing. Narrow screens get one
// column of everything and tables that scroll inside their box instead of widening the page.
export const REPORT_CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1180px; padding: 1.5rem; color: #1d2330; line-height: 1.45; overflow-wrap: break-word; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { border-bottom: 2px solid #d5dae3; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { margin-top: 1.6rem; }
nav ol { columns: 15rem 3; column-gap: 2rem; padding-left: 1.6rem; }
nav li { break-inside: avoid; }
details { margin: 0.4rem 0; }
summary { cursor: pointer; }
.subtitle { color: #566; margin-top: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; }
figure { margin: 0.5rem 0; flex: 0 1 auto; max-width: 100%; }
/* A figure is as wide as its chart: title and caption wrap to it instead of widening it. */
figure h4, figcaption { width: 0; min-width: 100%; }
figure h4 { margin: 0 0 0.3rem; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 0.85rem; color: #566; }
.scroll { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
th, td { border: 1px solid #d5dae3; padding: 0.2rem 0.5rem; text-align: right; vertical-align: top; }
th { background: #f1f3f7; }
th code { font-size: 0.75rem; font-weight: normal; color: #566; }
td.dim, th.dim, td.text { text-align: left; }
.suppressed { background: #f6f0e0; color: #7a5b00; font-style: italic; }
.withheld { background: #eef1f6; color: #38548f; font-style: italic; }
td.meets { color: #1a6b2f; }
td.noisy { color: #38548f; }
.note { font-size: 0.85rem; color: #566; }
.kpis { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
.kpi { display: block; border: 1px solid #d5dae3; border-radius: 6px; padding: 0.4rem 0.8rem; min-width: 9rem; }
.kpi b { display: block; font-size: 1.2rem; font-style: normal; }
.warn { color: #9a3412; }
@media (max-width: 600px) {
  body { padding: 0.75rem; }
  h1 { font-size: 1.4rem; }
  .kpi { min-width: 0; flex: 1 1 8rem; }
}
`;

export interface HtmlTable {
  head: string[];
  rows: Array<Array<{ html: string; className?: string }>>;
  /** The head cells are HTML already (escaped by the caller). */
  headIsHtml?: boolean;
  /** Leading columns that are labels, not numbers. */
  labelColumns?: number;
}

export function renderHtmlTable(table: HtmlTable): string {
  const labels = table.labelColumns ?? 1;
  const head = table.head.map((h, i) => `<th${i < labels ? ' class="dim"' : ''}>${table.headIsHtml ? h : esc(h)}</th>`).join('');
  const rows = table.rows
    .map((row) => `<tr>${row.map((c, i) => `<td${classOf(c.className, i < labels)}>${c.html}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="scroll"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`;
}

function classOf(className: string | undefined, isLabel: boolean): string {
  const names = [isLabel ? 'dim' : '', className ?? ''].filter(Boolean).join(' ');
  return names ? ` class="${names}"` : '';
}
