import type { PublishedTable } from '../disclosure/cells.ts';
import type { ChartPlan } from './chart-parts.ts';
import { annualPercentilesChart, comparisonChart, quarterlyPercentilesChart, trajectoryChart } from './earnings-charts.ts';
import { eventStudyChart } from './event-study-chart.ts';
import { flowsChart, industryChart, ratesChart } from './share-charts.ts';

export type { ChartPlan } from './chart-parts.ts';

/** The charts of one credential's page, in reading order; a chart without any cell is left out. */
export function credentialChartPlans(tables: readonly PublishedTable[], credential: string, credentialNames: Record<string, string> = {}, dollars: 'real' | 'nominal' = 'real'): ChartPlan[] {
  return [
    trajectoryChart(tables, credential, dollars),
    comparisonChart(tables, credential),
    eventStudyChart(tables, credential),
    quarterlyPercentilesChart(tables, credential, dollars),
    annualPercentilesChart(tables, credential, dollars),
    ratesChart(tables, credential),
    industryChart(tables, credential),
    flowsChart(tables, credential, credentialNames),
  ].filter((p): p is ChartPlan => p !== undefined);
}
