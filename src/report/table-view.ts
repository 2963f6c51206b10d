import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { dimensionText, valueCell } from './cell-text.ts';
import { anchor, esc, renderHtmlTable } from './html.ts';
import { dimensionLabel, measureLabel } from './measure-labels.ts';
import { VALUE_TABLE, withheldVerdictReason } from './value-section.ts';

/*
 * A published table as HTML: one row per combination of dimension values, one column per
 * measure. Suppressed cells are marked, not left blank, so a reader cannot mistake them for zero.
 * Each column shows its readable name over the key it has in the CSV and JSON files.
 */

const header = (label: string, key: string) => (label === key ? esc(key) : `${esc(label)}<br><code>${esc(key)}</code>`);

export function renderPublishedTable(table: PublishedTable, all: readonly PublishedTable[] = [table], credentialNames: Record<string, string> = {}): string {
  const measures: string[] = [];
  const rows = new Map<string, { dims: PublishedCell['dims']; cells: Map<string, PublishedCell> }>();
  for (const cell of table.cells) {
    if (!measures.includes(cell.measure)) measures.push(cell.measure);
    const key = table.dims.map((d) => String(cell.dims[d])).join('\u0000');
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { dims: cell.dims, cells: new Map() }));
    row.cells.set(cell.measure, cell);
  }
  const cellHtml = (cell: PublishedCell | undefined) => {
    const withheld = table.name === VALUE_TABLE && cell ? withheldVerdictReason(all, cell) : undefined;
    return withheld ? { html: esc(withheld), className: 'withheld' } : valueCell(table.name, cell);
  };
  const html = renderHtmlTable({
    head: [...table.dims.map((d) => header(dimensionLabel(d), d)), ...measures.map((m) => header(measureLabel(m), m))],
    headIsHtml: true,
    labelColumns: table.dims.length,
    rows: [...rows.values()].map((row) => [
      ...table.dims.map((d) => ({ html: esc(dimensionText(d, row.dims[d], credentialNames)) })),
      ...measures.map((m) => cellHtml(row.cells.get(m))),
    ]),
  });
  const suppressed = table.cells.filter((c) => c.status === 'suppressed' && !(table.name === VALUE_TABLE && withheldVerdictReason(all, c))).length;
  const noisy = table.cells.some((c) => c.status === 'noisy');
  // Collapsed by default (no script needed): the full tables are long, the summary line is not.
  return `<details id="table-${anchor(table.name)}">
<summary><b>${esc(table.title)}</b> (${esc(table.name)}): ${table.cells.length} cells, ${suppressed} suppressed</summary>
<p class="note">${esc(table.definition)}</p>
${noisy ? '<p class="note"><sup>*</sup> values carry differential-privacy noise.</p>\n' : ''}${html}
</details>`;
}
