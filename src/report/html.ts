/*
 * Small helpers for the one-file HTML report. Everything is escaped on the way in, so a
 * credential name or a table title can never inject markup into the page.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Integers get thousands separators; other numbers print as published (already rounded). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return String(value);
}

export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A section anchor id from a heading: stable, ASCII only. */
export function anchor(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

// Inline styles only: the report must open offline and fetch nothing.
export const REPORT_CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: #1d2330; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { border-bottom: 2px solid #d5dae3; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { margin-top: 1.6rem; }
nav ol { columns: 3; }
details { margin: 0.4rem 0; }
summary { cursor: pointer; }
.subtitle { color: #566; margin-top: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0.5rem 0; flex: 0 1 500px; max-width: 500px; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.85rem; color: #566; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
th, td { border: 1px solid #d5dae3; padding: 0.2rem 0.5rem; text-align: right; }
th { background: #f1f3f7; }
td.dim, th.dim { text-align: left; }
td.suppressed { background: #f6f0e0; color: #7a5b00; font-style: italic; }
td.noisy { color: #38548f; }
.note { font-size: 0.85rem; color: #566; }
.kpi { display: inline-block; border: 1px solid #d5dae3; border-radius: 6px; padding: 0.4rem 0.8rem; margin: 0 0.5rem 0.5rem 0; }
.kpi b { display: block; font-size: 1.2rem; }
.warn { color: #9a3412; }
`;

export interface HtmlTable {
  head: string[];
  rows: Array<Array<{ html: string; className?: string }>>;
  /** Leading columns that are labels, not numbers. */
  labelColumns?: number;
}

export function renderHtmlTable(table: HtmlTable): string {
  const labels = table.labelColumns ?? 1;
  const head = table.head.map((h, i) => `<th${i < labels ? ' class="dim"' : ''}>${esc(h)}</th>`).join('');
  const rows = table.rows
    .map((row) => `<tr>${row.map((c, i) => `<td${classOf(c.className, i < labels)}>${c.html}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function classOf(className: string | undefined, isLabel: boolean): string {
  const names = [isLabel ? 'dim' : '', className ?? ''].filter(Boolean).join(' ');
  return names ? ` class="${names}"` : '';
}
