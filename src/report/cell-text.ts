import type { PublishedCell } from '../disclosure/cells.ts';
import { esc } from './html.ts';
import { formatCellValue } from './measure-labels.ts';
import { pathwayLabel, sectorTitle } from './naics-sectors.ts';

/*
 * Table cells of the report: a suppressed value is always marked (never blank, so never read as
 * zero), a noisy one carries an asterisk, dimension values are shown in words.
 */

export function valueCell(table: string, cell: PublishedCell | undefined): { html: string; className?: string } {
  if (!cell) return { html: '' };
  if (cell.status === 'suppressed') return { html: 'suppressed', className: 'suppressed' };
  const text = esc(formatCellValue(table, cell));
  if (cell.status === 'noisy') return { html: `${text}<sup>*</sup>`, className: 'noisy' };
  return { html: text };
}

/** A dimension value in words: NAICS sectors and pathways by name, credentials by catalog name. */
export function dimensionText(dim: string, value: string | number | undefined, credentialNames: Record<string, string> = {}): string {
  if (value === undefined) return '';
  const text = String(value);
  if (dim === 'sector') return text === 'all' ? 'all sectors' : sectorTitle(text);
  if (dim === 'sequence') return pathwayLabel(text);
  if ((dim === 'credential' || dim.endsWith('_credential')) && credentialNames[text]) return `${credentialNames[text]} (${text})`;
  if (dim === 'quarter_after' || dim === 'event_quarter') return Number(value) > 0 ? `+${text}` : text.replace('-', '\u2212');
  return text;
}
