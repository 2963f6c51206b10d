import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { valueCell } from './cell-text.ts';
import { esc, renderHtmlTable } from './html.ts';
import { measureLabel, methodLabel } from './measure-labels.ts';
import { credentialCells, findTable } from './published-lookup.ts';

/*
 * "Credential of value" verdicts of one credential (src/value/): one row per framework with its
 * verdict and the published inputs it was computed from, so a reader can check the arithmetic.
 * src/value/ gives no verdict both when an input is suppressed and when every input is published
 * but the method rules one out (a pre/post change is not a premium over a comparison group);
 * only the first is disclosure control, so the report tells them apart and counts only it.
 */

export const VALUE_TABLE = 'value-verdicts';

const FRAMEWORK_LABELS: Record<string, string> = {
  lumina_15: 'Premium over high-school earnings ≥ 15% (Lumina Foundation)',
  louisiana_20: 'Premium over high-school earnings ≥ 20% (Louisiana)',
  texas_10y: 'Cost covered and above high-school earnings within 10 years (Texas)',
  roi_npv: 'Net present value of the premium over 10 years > 0',
  roi_payback: 'Payback of the cost within the horizon',
};

/** Why a verdict without a value was withheld, when it was not for a suppressed input. */
export function withheldVerdictReason(tables: readonly PublishedTable[], verdict: PublishedCell): string | undefined {
  if (verdict.measure !== 'verdict' || verdict.status !== 'suppressed') return undefined;
  const table = findTable(tables, VALUE_TABLE);
  const same = (c: PublishedCell) => c.dims.credential === verdict.dims.credential && c.dims.cohort === verdict.dims.cohort;
  const inputs = (table?.cells ?? []).filter((c) => same(c) && c.dims.framework === verdict.dims.framework && c.measure !== 'verdict');
  if (inputs.length === 0 || inputs.some((c) => c.status === 'suppressed')) return undefined;
  const method = findTable(tables, 'roi')?.cells.find((c) => same(c) && c.measure === 'method')?.note;
  return method === 'pre_post' ? `no verdict: the effect is the ${methodLabel(method)}` : 'no verdict from these inputs';
}

function verdictText(tables: readonly PublishedTable[], cell: PublishedCell | undefined): { html: string; className?: string } {
  if (!cell) return { html: 'not enough data', className: 'suppressed' };
  const withheld = withheldVerdictReason(tables, cell);
  if (withheld) return { html: esc(withheld), className: 'withheld text' };
  if (cell.status === 'suppressed') return { html: 'not enough data (an input is suppressed)', className: 'suppressed text' };
  return { html: esc(cell.note ?? (cell.value === 1 ? 'meets' : 'does not meet')), className: cell.value === 1 ? 'meets text' : 'text' };
}

function inputText(cell: PublishedCell): string {
  const value = valueCell(VALUE_TABLE, cell);
  const shown = value.className === 'suppressed' ? '<span class="suppressed">suppressed</span>' : value.html;
  return `${esc(measureLabel(cell.measure))}: ${shown}`;
}

export function valueSection(tables: readonly PublishedTable[], credential: string): string {
  const cells = credentialCells(findTable(tables, VALUE_TABLE), credential);
  if (cells.length === 0) return '<p class="note">No credential-of-value verdicts in this run.</p>';
  const frameworks = [...new Set(cells.map((c) => String(c.dims.framework)))];
  const rows = frameworks.map((framework) => {
    const own = cells.filter((c) => c.dims.framework === framework);
    const verdict = verdictText(tables, own.find((c) => c.measure === 'verdict'));
    const inputs = own.filter((c) => c.measure !== 'verdict').map(inputText).join('; ');
    return [{ html: esc(FRAMEWORK_LABELS[framework] ?? framework) }, verdict, { html: inputs, className: 'text' }];
  });
  return renderHtmlTable({ head: ['framework', 'verdict', 'inputs (published cells)'], labelColumns: 1, rows });
}
