import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { anchor, esc, formatNumber, renderHtmlTable } from './html.ts';

/*
 * A published table as HTML: one row per combination of dimension values, one column per
 * measure. Suppressed cells are marked, not left blank, so a reader cannot mistake them for zero.
 */

function cellHtml(cell: PublishedCell | undefined): { html: string; className?: string } {
  if (!cell) return { html: '' };
  if (cell.status === 'suppressed') return { html: 'suppressed', className: 'suppressed' };
  // A cell without a number but not suppressed carries a label (e.g. the ROI method used).
  if (cell.value === null) return { html: esc(cell.note ?? '') };
  const text = formatNumber(cell.value);
  if (cell.status === 'noisy') return { html: `${text}<sup>*</sup>`, className: 'noisy' };
  return { html: text };
}

export function renderPublishedTable(table: PublishedTable): string {
  const measures: string[] = [];
  const rows = new Map<string, { dims: PublishedCell['dims']; cells: Map<string, PublishedCell> }>();
  for (const cell of table.cells) {
    if (!measures.includes(cell.measure)) measures.push(cell.measure);
    const key = table.dims.map((d) => String(cell.dims[d])).join('\u0000');
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { dims: cell.dims, cells: new Map() }));
    row.cells.set(cell.measure, cell);
  }
  const html = renderHtmlTable({
    head: [...table.dims, ...measures],
    labelColumns: table.dims.length,
    rows: [...rows.values()].map((row) => [
      ...table.dims.map((d) => ({ html: esc(row.dims[d] ?? '') })),
      ...measures.map((m) => cellHtml(row.cells.get(m))),
    ]),
  });
  const suppressed = table.cells.filter((c) => c.status === 'suppressed').length;
  const noisy = table.cells.some((c) => c.status === 'noisy');
  // Collapsed by default (no script needed): the full tables are long, the summary line is not.
  return `<details id="table-${anchor(table.name)}">
<summary><b>${esc(table.title)}</b> (${esc(table.name)}): ${table.cells.length} cells, ${suppressed} suppressed</summary>
<p class="note">${esc(table.definition)}</p>
${noisy ? '<p class="note"><sup>*</sup> values carry differential-privacy noise.</p>\n' : ''}${html}
</details>`;
}
