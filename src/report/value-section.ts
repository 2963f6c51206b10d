import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { esc, formatNumber, renderHtmlTable } from './html.ts';
import { credentialCells, findTable } from './published-lookup.ts';

/*
 * "Credential of value" verdicts of one credential (src/value/): one row per framework with its
 * verdict and the published inputs it was computed from, so a reader can check the arithmetic.
 */

const FRAMEWORK_LABELS: Record<string, string> = {
  lumina_15: 'Premium over high-school earnings >= 15% (Lumina Foundation)',
  louisiana_20: 'Premium over high-school earnings >= 20% (Louisiana)',
  texas_10y: 'Cost covered and above high-school earnings within 10 years (Texas)',
  roi_npv: 'Net present value of the premium over 10 years > 0',
  roi_payback: 'Payback of the cost within the horizon',
};

function verdictText(cell: PublishedCell | undefined): { html: string; className?: string } {
  if (!cell || cell.status === 'suppressed') return { html: 'not enough data', className: 'suppressed' };
  return { html: esc(cell.note ?? (cell.value === 1 ? 'meets' : 'does not meet')) };
}

function inputText(cell: PublishedCell): string {
  if (cell.status === 'suppressed') return `${esc(cell.measure)}: suppressed`;
  const value = cell.value === null ? esc(cell.note ?? '') : formatNumber(cell.value);
  return `${esc(cell.measure)}: ${value}`;
}

export function valueSection(tables: readonly PublishedTable[], credential: string): string {
  const cells = credentialCells(findTable(tables, 'value-verdicts'), credential);
  if (cells.length === 0) return '<p class="note">No credential-of-value verdicts in this run.</p>';
  const frameworks = [...new Set(cells.map((c) => String(c.dims.framework)))];
  const rows = frameworks.map((framework) => {
    const own = cells.filter((c) => c.dims.framework === framework);
    const verdict = verdictText(own.find((c) => c.measure === 'verdict'));
    const inputs = own.filter((c) => c.measure !== 'verdict').map(inputText).join('; ');
    return [{ html: esc(FRAMEWORK_LABELS[framework] ?? framework) }, verdict, { html: inputs }];
  });
  return renderHtmlTable({ head: ['framework', 'verdict', 'inputs (published cells)'], labelColumns: 1, rows });
}
