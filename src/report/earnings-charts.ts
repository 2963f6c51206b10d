import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { SUPPRESSED_COLOR, SUPPRESSED_LEGEND, SUPPRESSED_TEXT, suppressedCrosses, type ChartPlan } from './chart-parts.ts';
import { methodLabel } from './measure-labels.ts';
import { credentialCells, findTable, isPublished } from './published-lookup.ts';
import type { ChartSpec } from './render-chart.ts';

/*
 * Earnings charts of one credential, from published (disclosure-controlled) cells only: a
 * suppressed cell is a cross on the axis, never an estimate. Each function returns undefined when
 * the table has no cell for the credential, so the report shows a note instead of an empty chart.
 */

const PLOT = { width: 250, height: 170 };
const QUARTER_AXIS = { field: 'event_quarter', type: 'quantitative', title: 'quarters since award', scale: { domain: [-8, 12] }, axis: { tickMinStep: 1, values: [-8, -4, 0, 4, 8, 12] } } as const;
const DOLLAR_AXIS = { format: '$,.0f', tickCount: 5 } as const;

interface Point {
  event_quarter: number;
  dollars: number | null;
  series: string;
}

function eventLines(points: readonly Point[], yTitle: string): ChartSpec {
  const shown = points.filter((p) => p.dollars !== null);
  const hidden = points.filter((p) => p.dollars === null);
  const color = { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical' } };
  return {
    ...PLOT,
    layer: [
      // The award quarter, drawn once (its own one-row data, not once per point).
      { data: { values: [{ award: 0 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, encoding: { x: { field: 'award', type: 'quantitative' } } },
      { data: { values: shown }, mark: { type: 'line', point: true }, encoding: { x: QUARTER_AXIS, y: { field: 'dollars', type: 'quantitative', title: yTitle, axis: DOLLAR_AXIS }, color } },
      ...(hidden.length > 0 ? [suppressedCrosses(hidden, QUARTER_AXIS, PLOT.height)] : []),
    ],
  } as ChartSpec;
}

const dollarsOf = (c: PublishedCell | undefined): number | null => (isPublished(c) ? c!.value : null);

export function trajectoryChart(tables: readonly PublishedTable[], credential: string, dollars: 'real' | 'nominal' = 'real'): ChartPlan | undefined {
  const cells = credentialCells(findTable(tables, 'trajectory'), credential).filter((c) => c.measure === 'mean' || c.measure === 'median');
  if (cells.length === 0) return undefined;
  const points = cells.map((c) => ({ event_quarter: Number(c.dims.event_quarter), dollars: dollarsOf(c), series: `holders, ${c.measure}` }));
  return {
    key: 'trajectory',
    title: 'Earnings trajectory, quarters −8 to +12',
    caption: `${dollars === 'real' ? 'Real' : 'Nominal'} quarterly earnings of credential holders around the award quarter (0); quarters without UI earnings count as $0. A cross on the axis marks a suppressed quarter.`,
    spec: eventLines(points, 'earnings a quarter'),
  };
}

const EFFECT_MEASURES = ['did', 'did_matched'];

/** The effect measure behind the credential's ROI (its method), else the one with most published cells. */
export function effectMeasure(tables: readonly PublishedTable[], credential: string): string | undefined {
  const comparison = credentialCells(findTable(tables, 'comparison'), credential);
  const measures = [...new Set(comparison.map((c) => c.measure))].filter((m) => EFFECT_MEASURES.includes(m) || (m.startsWith('did_') && m !== 'did_se'));
  const method = credentialCells(findTable(tables, 'roi'), credential).find((c) => c.measure === 'method' && c.status !== 'suppressed')?.note;
  if (method && measures.includes(method)) return method;
  if (method === 'pre_post') return undefined;
  const published = (m: string) => comparison.filter((c) => c.measure === m && isPublished(c)).length;
  const best = measures.sort((a, b) => published(b) - published(a))[0];
  return best && published(best) > 0 ? best : undefined;
}

const COMPARISON_GROUP: Record<string, string> = { did: 'failed candidates, not yet passed', did_nyt: 'later holders, not yet treated', did_matched: 'matched non-holders' };

/**
 * Holders' mean change from their pre-award average beside the comparison group's (holders'
 * change minus the published effect), named by the method the credential's figures used. Without
 * a comparison group the chart says so and shows the holders alone.
 */
export function comparisonChart(tables: readonly PublishedTable[], credential: string): ChartPlan | undefined {
  const trajectory = credentialCells(findTable(tables, 'trajectory'), credential).filter((c) => c.measure === 'mean_change_from_pre');
  if (trajectory.length === 0) return undefined;
  const effect = effectMeasure(tables, credential);
  const comparison = credentialCells(findTable(tables, 'comparison'), credential).filter((c) => c.measure === effect);
  const group = effect ? `comparison: ${COMPARISON_GROUP[effect] ?? methodLabel(effect)}` : undefined;
  const points: Point[] = [];
  for (const cell of trajectory) {
    const k = Number(cell.dims.event_quarter);
    const holders = dollarsOf(cell);
    points.push({ event_quarter: k, dollars: holders, series: 'holders' });
    if (!group) continue;
    const did = dollarsOf(comparison.find((c) => Number(c.dims.event_quarter) === k));
    points.push({ event_quarter: k, dollars: holders !== null && did !== null ? Math.round(holders - did) : null, series: group });
  }
  const base = 'Mean per-person change from the average of quarters −4..−1.';
  if (!effect) {
    return {
      key: 'comparison',
      title: 'Change from pre-award earnings, holders only (no comparison group)',
      caption: `${base} No comparison group was large enough, so this is the holders' own pre/post change (method pre_post): it credits their ordinary earnings growth to the credential and is not a causal effect.`,
      spec: eventLines(points, 'change a quarter'),
    };
  }
  return {
    key: 'comparison',
    title: `Holders against ${COMPARISON_GROUP[effect] ?? methodLabel(effect)} (${effect})`,
    caption: `${base} Method ${effect}: the comparison line is the holders' change minus the published difference-in-differences, so the gap between the lines is the estimated effect. A cross marks a quarter whose value was suppressed.`,
    spec: eventLines(points, 'change a quarter'),
  };
}

interface PercentileRow {
  at: string;
  p25: number | null;
  median: number | null;
  p75: number | null;
}

/** PSEO-style: a bar from the 25th to the 75th percentile with the median marked and printed. */
function percentileSpec(rows: readonly PercentileRow[], xTitle: string, dollars: 'real' | 'nominal'): ChartSpec {
  const x = { field: 'at', type: 'ordinal', title: xTitle, sort: null, axis: { labelAngle: 0 } };
  const y = { type: 'quantitative', title: `${dollars} earnings`, axis: DOLLAR_AXIS };
  const values = rows.map((r) => ({ ...r, range: '25th to 75th percentile', mid: 'median', label: r.median === null ? '' : `$${(r.median / 1000).toFixed(1)}k` }));
  return {
    width: { step: Math.floor(230 / Math.max(3, rows.length)) },
    height: PLOT.height,
    data: { values },
    layer: [
      { transform: [{ filter: 'isValid(datum.p25) && isValid(datum.p75)' }], mark: { type: 'bar', size: 18 }, encoding: { x, y: { field: 'p25', ...y }, y2: { field: 'p75' }, color: { field: 'range', type: 'nominal', title: null, scale: { range: ['#9ecae9'] }, legend: { orient: 'bottom' } } } },
      { transform: [{ filter: 'isValid(datum.median)' }], mark: { type: 'tick', thickness: 3, size: 22, color: '#1f4e79' }, encoding: { x, y: { field: 'median', ...y } } },
      { transform: [{ filter: 'isValid(datum.median)' }], mark: { type: 'text', dy: -8, fontSize: 11, color: '#1f4e79', baseline: 'bottom' }, encoding: { x, y: { field: 'p75', ...y }, text: { field: 'label' } } },
      ...(rows.some((r) => r.median === null) ? [{
        transform: [{ filter: '!isValid(datum.median)' }],
        mark: { type: 'point', shape: 'cross', filled: true, size: 60, color: SUPPRESSED_COLOR },
        encoding: { x, y: { value: PLOT.height - 5 }, shape: { datum: SUPPRESSED_TEXT, type: 'nominal', scale: { range: ['cross'] }, legend: SUPPRESSED_LEGEND } },
      }] : []),
    ],
  } as ChartSpec;
}

function percentileRows(cells: readonly PublishedCell[], dim: string, label: (v: number) => string): PercentileRow[] {
  const at = [...new Set(cells.map((c) => Number(c.dims[dim])))].sort((a, b) => a - b);
  return at.map((v) => {
    const get = (m: string) => dollarsOf(cells.find((c) => c.measure === m && Number(c.dims[dim]) === v));
    return { at: label(v), p25: get('p25'), median: get('median'), p75: get('p75') };
  });
}

export function quarterlyPercentilesChart(tables: readonly PublishedTable[], credential: string, dollars: 'real' | 'nominal' = 'real'): ChartPlan | undefined {
  const cells = credentialCells(findTable(tables, 'earnings_quarterly'), credential);
  if (cells.length === 0) return undefined;
  return {
    key: 'earnings-quarterly',
    title: 'Quarterly earnings after the award',
    caption: 'Among holders employed that quarter: the bar spans the 25th to the 75th percentile, the dark tick is the median (printed above). A cross marks a suppressed quarter.',
    spec: percentileSpec(percentileRows(cells, 'quarter_after', (k) => `+${k}`), 'quarter after award', dollars),
  };
}

export function annualPercentilesChart(tables: readonly PublishedTable[], credential: string, dollars: 'real' | 'nominal' = 'real'): ChartPlan | undefined {
  const cells = credentialCells(findTable(tables, 'earnings_annual'), credential);
  if (cells.length === 0) return undefined;
  return {
    key: 'earnings-annual',
    title: 'Annual earnings of attached workers (PSEO)',
    caption: 'Calendar-year earnings of holders attached to the labour market that year (earnings in at least 3 quarters and above full-time minimum wage), as the Census Bureau’s PSEO reports them: 25th percentile, median, 75th percentile.',
    spec: percentileSpec(percentileRows(cells, 'year_after', (y) => `year ${y}`), 'year after award', dollars),
  };
}
