import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { barChart, foldSuppressed, wrapLabel, type BarRow, type ChartPlan } from './chart-parts.ts';
import { formatPercent } from './html.ts';
import { measureLabel } from './measure-labels.ts';
import { sectorShort } from './naics-sectors.ts';
import { credentialCells, findTable, isPublished } from './published-lookup.ts';

/*
 * Shares of one credential's holders as bars: employment and retention, industry, education and
 * further credentials. A suppressed share keeps its row, marked "suppressed", so that a missing
 * bar is never read as zero.
 */

const shareRow = (label: string, cell: PublishedCell, group?: string): BarRow => ({
  label: wrapLabel(label),
  value: isPublished(cell) ? cell.value : null,
  text: isPublished(cell) ? formatPercent(cell.value, 0) : '',
  group,
});

const SHARE = { axisTitle: 'share of holders', format: '.0%', domain: [0, 1] as [number, number] };

export function ratesChart(tables: readonly PublishedTable[], credential: string): ChartPlan | undefined {
  const rows = ['employment', 'retention'].flatMap((name) => credentialCells(findTable(tables, name), credential).map((c) => shareRow(measureLabel(c.measure), c, name)));
  if (rows.length === 0) return undefined;
  return {
    key: 'rates',
    title: 'Employment and retention',
    caption: 'Shares of holders, WIOA-style: employment in quarters +2 and +4; retention among holders employed in the award quarter (see the tables for each denominator).',
    spec: barChart(rows, { ...SHARE, grouped: true }),
  };
}

export function industryChart(tables: readonly PublishedTable[], credential: string): ChartPlan | undefined {
  const cells = credentialCells(findTable(tables, 'industry'), credential).filter((c) => c.measure === 'share');
  // Zero shares carry no information on a bar chart; suppressed ones keep their row.
  const shown = cells.filter((c) => !isPublished(c) || c.value > 0);
  if (shown.length === 0) return undefined;
  const order = (c: PublishedCell) => (isPublished(c) ? -c.value : 1);
  const { rows, folded } = foldSuppressed([...shown].sort((a, b) => order(a) - order(b)).map((c) => shareRow(`${sectorShort(String(c.dims.sector))} (${c.dims.sector})`, c)), 'other sectors');
  return {
    key: 'industry',
    title: 'Industry four quarters after the award',
    caption: `NAICS sector of the primary employer (highest wages) among holders employed at +4. Sectors with no holder are left out.${folded.length ? ` Suppressed: ${folded.join('; ')}.` : ''}`,
    spec: barChart(rows, { axisTitle: 'share of employed holders', format: '.0%', domain: [0, 1] }),
  };
}

/** Education flows and further credentials: shares of holders, from the education and stacking tables. */
export function flowsChart(tables: readonly PublishedTable[], credential: string, credentialNames: Record<string, string> = {}): ChartPlan | undefined {
  const cells = (name: string) => credentialCells(findTable(tables, name), credential);
  const next = foldSuppressed(
    cells('stacking_next')
      .filter((c) => c.measure === 'went_on_to_earn')
      .map((c) => shareRow(`went on to earn ${credentialNames[String(c.dims.next_credential)] ?? c.dims.next_credential}`, c, 'credentials')),
    'more credentials to go on to',
  );
  const rows = [
    ...cells('education').filter((c) => c.dims.degree_level === 'any').map((c) => shareRow(measureLabel(c.measure), c, 'education')),
    ...cells('stacking_related').map((c) => shareRow(measureLabel(c.measure), c, 'credentials')),
    ...next.rows,
  ];
  if (rows.length === 0) return undefined;
  return {
    key: 'flows',
    title: 'Education and further credentials',
    caption: `Shares of holders who enrolled or earned a degree (clearinghouse records), or went on to earn another credential.${next.folded.length ? ` Suppressed, going on to earn: ${next.folded.map((f) => f.replace(/^went on to earn /, '')).join('; ')}.` : ''}`,
    spec: barChart(rows, { ...SHARE, grouped: true }),
  };
}
