import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { esc } from './html.ts';

/*
 * Charts are rendered to static SVG at build time: the report carries no script and needs no
 * network. Inline data only, and a fixed font list so the bytes do not depend on the machine.
 */

const CHART_CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  view: { stroke: 'transparent' },
  // labelLimit 0: never cut a label with an ellipsis; the charts wrap long labels instead.
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
};

export type ChartSpec = Omit<TopLevelSpec, '$schema'> & Record<string, unknown>;

/** Renders a vega-lite spec with inline data to an SVG element labelled for screen readers. */
export async function renderChart(spec: ChartSpec, label: string): Promise<string> {
  const full = { config: CHART_CONFIG, ...spec } as TopLevelSpec;
  const runtime = vega.parse(compile(full).spec);
  const view = new vega.View(runtime, { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg.replace('<svg ', `<svg role="img" aria-label="${esc(label)}" `);
  } finally {
    view.finalize();
  }
}
