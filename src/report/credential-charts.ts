import type { PublishedTable } from '../disclosure/cells.ts';
import { credentialCells, findTable, valueOf } from './published-lookup.ts';
import type { ChartSpec } from './render-chart.ts';

/*
 * Chart specs of one credential's outcomes, built from published (disclosure-controlled) cells
 * only: a suppressed cell is a gap in a line, never an estimate. Each function returns undefined
 * when no cell survived, so the report shows a note instead of an empty chart.
 */

export interface ChartPlan {
  key: string;
  title: string;
  caption: string;
  spec: ChartSpec;
}

const QUARTER_AXIS = { field: 'event_quarter', type: 'quantitative', title: 'quarters since award', scale: { domain: [-8, 12] }, axis: { tickMinStep: 1 } } as const;
const DOLLARS = { type: 'quantitative', axis: { format: '$,.0f' } } as const;

function line(values: object[], y: string, title: string): ChartSpec {
  return {
    width: 380,
    height: 200,
    data: { values },
    layer: [
      // The award quarter, drawn once (its own one-row data, not once per point).
      { data: { values: [{ award: 0 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, encoding: { x: { field: 'award', type: 'quantitative' } } },
      {
        mark: { type: 'line', point: true },
        encoding: {
          x: QUARTER_AXIS,
          y: { field: y, ...DOLLARS, title },
          color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom' } },
        },
      },
    ],
  } as ChartSpec;
}

export function trajectoryChart(tables: readonly PublishedTable[], credential: string): ChartPlan | undefined {
  const cells = credentialCells(findTable(tables, 'trajectory'), credential);
  const values = cells
    .filter((c) => (c.measure === 'mean' || c.measure === 'median') && c.value !== null && c.status !== 'suppressed')
    .map((c) => ({ event_quarter: Number(c.dims.event_quarter), dollars: c.value, series: `holders, ${c.measure}` }));
  if (values.length === 0) return undefined;
  return {
    key: 'trajectory',
    title: 'Earnings trajectory, quarters -8 to +12',
    caption: 'Real quarterly earnings of credential holders around the award quarter (0); quarters without UI earnings count as $0.',
    spec: line(values, 'dollars', 'real quarterly earnings'),
  };
}

/** Holders' mean change from their pre-award average beside the comparison group's (holders' change minus the DiD). */
export function comparisonChart(tables: readonly PublishedTable[], credential: string): ChartPlan | undefined {
  const trajectory = credentialCells(findTable(tables, 'trajectory'), credential);
  const comparison = credentialCells(findTable(tables, 'comparison'), credential);
  const values: object[] = [];
  for (let k = -8; k <= 12; k++) {
    const holders = valueOf(trajectory, 'mean_change_from_pre', { event_quarter: k });
    if (holders === undefined) continue;
    values.push({ event_quarter: k, change: holders, series: 'holders' });
    const did = valueOf(comparison, 'did', { event_quarter: k });
    if (did !== undefined) values.push({ event_quarter: k, change: Math.round(holders - did), series: 'comparison group (failed, not yet passed)' });
  }
  if (values.length === 0) return undefined;
  return {
    key: 'comparison',
    title: 'Change from pre-award earnings, holders and comparison group',
    caption: 'Mean per-person change from the average of quarters -4..-1. The comparison line is the holders\' change minus the published difference-in-differences; the gap between the lines is the estimated effect.',
    spec: line(values, 'change', 'change in real quarterly earnings'),
  };
}

const RATE_LABELS: Record<string, string> = {
  employed_q2: 'employed, quarter +2',
  employed_q4: 'employed, quarter +4',
  employed_within_12m: 'employed within 12 months',
  new_job_q4: 'new employer at +4 (of employed)',
  aligned_q4: 'aligned industry at +4 (of employed)',
  retention_q2: 'same employer at +2',
  retention_q4: 'same employer at +4',
  retention_q2_and_q4: 'same employer at +2 and +4',
};

export function ratesChart(tables: readonly PublishedTable[], credential: string): ChartPlan | undefined {
  const values = ['employment', 'retention'].flatMap((name) =>
    credentialCells(findTable(tables, name), credential)
      .filter((c) => c.value !== null && c.status !== 'suppressed')
      .map((c) => ({ measure: RATE_LABELS[c.measure] ?? c.measure, rate: c.value, table: name })),
  );
  if (values.length === 0) return undefined;
  return {
    key: 'rates',
    title: 'Employment and retention',
    caption: 'Shares of holders (WIOA-style definitions; see the tables for each measure\'s denominator).',
    spec: {
      width: 300,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'measure', type: 'nominal', title: null, sort: null },
        x: { field: 'rate', type: 'quantitative', title: 'share', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        color: { field: 'table', type: 'nominal', title: null, legend: { orient: 'bottom' } },
      },
    } as ChartSpec,
  };
}

export function industryChart(tables: readonly PublishedTable[], credential: string): ChartPlan | undefined {
  const values = credentialCells(findTable(tables, 'industry'), credential)
    .filter((c) => c.measure === 'share' && c.value !== null && c.status !== 'suppressed' && c.value > 0)
    .map((c) => ({ sector: String(c.dims.sector), share: c.value }));
  if (values.length === 0) return undefined;
  return {
    key: 'industry',
    title: 'Industry four quarters after the award',
    caption: 'NAICS sector of the primary employer among holders employed at +4; suppressed sectors are left out.',
    spec: {
      width: 300,
      data: { values },
      mark: { type: 'bar', color: '#4c78a8' },
      encoding: {
        y: { field: 'sector', type: 'nominal', title: null, sort: '-x' },
        x: { field: 'share', type: 'quantitative', title: 'share of employed holders', axis: { format: '.0%' } },
      },
    } as ChartSpec,
  };
}

export function credentialChartPlans(tables: readonly PublishedTable[], credential: string): ChartPlan[] {
  return [trajectoryChart, comparisonChart, ratesChart, industryChart, flowsChart]
    .map((plan) => plan(tables, credential))
    .filter((p): p is ChartPlan => p !== undefined);
}


const FLOW_LABELS: Record<string, string> = {
  enrolled_after: 'enrolled in college after the award',
  degree_after: 'earned a degree after the award',
  degree_before: 'held a degree before the award',
  related_after: 'earned a related credential after',
};

/** Education flows and further credentials: shares of holders, from the education and stacking tables. */
export function flowsChart(tables: readonly PublishedTable[], credential: string): ChartPlan | undefined {
  const published = (name: string) => credentialCells(findTable(tables, name), credential).filter((c) => c.value !== null && c.status !== 'suppressed');
  const values = [
    ...published('education')
      .filter((c) => c.dims.degree_level === 'any')
      .map((c) => ({ flow: FLOW_LABELS[c.measure] ?? c.measure, share: c.value, kind: 'education' })),
    ...published('stacking_related').map((c) => ({ flow: FLOW_LABELS[c.measure] ?? c.measure, share: c.value, kind: 'credentials' })),
    ...published('stacking_next')
      .filter((c) => c.measure === 'went_on_to_earn')
      .map((c) => ({ flow: `went on to earn ${c.dims.next_credential}`, share: c.value, kind: 'credentials' })),
  ];
  if (values.length === 0) return undefined;
  return {
    key: 'flows',
    title: 'Education and further credentials',
    caption: 'Shares of holders who enrolled or earned a degree (clearinghouse records), or went on to earn another credential.',
    spec: {
      width: 300,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'flow', type: 'nominal', title: null, sort: null },
        x: { field: 'share', type: 'quantitative', title: 'share of holders', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        color: { field: 'kind', type: 'nominal', title: null, legend: { orient: 'bottom' } },
      },
    } as ChartSpec,
  };
}
