import type { ChartPlan } from './credential-charts.ts';
import { esc } from './html.ts';
import { renderChart } from './render-chart.ts';

/** Charts as figures, rendered one after the other so that their order (and bytes) are fixed. */
export async function renderFigures(plans: ChartPlan[]): Promise<string> {
  const parts: string[] = [];
  for (const plan of plans) {
    const svg = await renderChart(plan.spec, plan.title);
    parts.push(`<figure data-chart="${esc(plan.key)}">\n<h4>${esc(plan.title)}</h4>\n${svg}\n<figcaption>${esc(plan.caption)}</figcaption>\n</figure>`);
  }
  return `<div class="charts">\n${parts.join('\n')}\n</div>`;
}
