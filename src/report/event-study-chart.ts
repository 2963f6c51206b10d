import type { PublishedTable } from '../disclosure/cells.ts';
import { suppressedCrosses, type ChartPlan } from './chart-parts.ts';
import { methodLabel } from './measure-labels.ts';
import { ANTICIPATION_WINDOW, PRE_REFERENCE_WINDOW, REFERENCE_WINDOW, windowLabel } from '../outcomes/event-study.ts';
import { credentialCells, findTable, isPublished } from './published-lookup.ts';
import type { ChartSpec } from './render-chart.ts';

/*
 * The event study of one credential, from the published event_study table: the effect at each
 * quarter -8..+12 with its 95% band, the reference window -6..-3 shaded (changes are measured
 * from its mean, so its effects sit near 0 by construction) and the award quarter marked.
 */

const PLOT = { width: 250, height: 170 };
const QUARTERS = { field: 'event_quarter', type: 'quantitative', title: 'quarters since award', scale: { domain: [-8, 12] }, axis: { tickMinStep: 1, values: [-8, -4, 0, 4, 8, 12] } } as const;
const DOLLARS = { format: '$,.0f', tickCount: 5 } as const;

interface EffectPoint {
  event_quarter: number;
  effect: number | null;
  low: number | null;
  high: number | null;
}

export function eventStudyChart(tables: readonly PublishedTable[], credential: string): ChartPlan | undefined {
  const cells = credentialCells(findTable(tables, 'event_study'), credential);
  const design = cells.find((c) => c.measure === 'effect' && isPublished(c))?.note;
  if (!design) return undefined;
  const at = (k: number, measure: string) => cells.find((c) => c.measure === measure && Number(c.dims.event_quarter) === k);
  const quarters = [...new Set(cells.map((c) => Number(c.dims.event_quarter)))].sort((a, b) => a - b);
  const points: EffectPoint[] = quarters.map((k) => {
    const value = (m: string) => {
      const c = at(k, m);
      return isPublished(c) ? c.value : null;
    };
    return { event_quarter: k, effect: value('effect'), low: value('ci95_low'), high: value('ci95_high') };
  });
  const reference = quarters.filter((k) => at(k, 'reference')?.value === 1);
  const shown = points.filter((p) => p.effect !== null);
  const hidden = points.filter((p) => p.effect === null).map((p) => ({ event_quarter: p.event_quarter }));
  const y = { type: 'quantitative', title: 'effect a quarter', axis: DOLLARS } as const;
  const spec = {
    ...PLOT,
    layer: [
      ...(reference.length > 0
        ? [{ data: { values: [{ from: Math.min(...reference) - 0.5, to: Math.max(...reference) + 0.5, label: `reference ${windowLabel(REFERENCE_WINDOW, '−')}` }] }, mark: { type: 'rect', color: '#eeeeee' }, encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } } }]
        : []),
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888' }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      { data: { values: [{ award: 0 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, encoding: { x: { field: 'award', type: 'quantitative' } } },
      { data: { values: shown.filter((p) => p.low !== null && p.high !== null) }, mark: { type: 'area', opacity: 0.25, color: '#4c78a8' }, encoding: { x: QUARTERS, y: { field: 'low', ...y }, y2: { field: 'high' } } },
      { data: { values: shown }, mark: { type: 'line', point: true, color: '#1f4e79' }, encoding: { x: QUARTERS, y: { field: 'effect', ...y } } },
      ...(hidden.length > 0 ? [suppressedCrosses(hidden, QUARTERS, PLOT.height, false)] : []),
    ],
  } as ChartSpec;
  return {
    key: 'event-study',
    title: `Event study (${design}: ${methodLabel(design)})`,
    caption: `Effect on quarterly earnings at each quarter since the award, method ${design} (${methodLabel(design)}), with its 95% confidence band (effect ± 1.96 standard errors). The grey band marks the reference window ${windowLabel(REFERENCE_WINDOW, '−')}: every change is measured from its mean, so effects there are near 0 by construction; effects at ${windowLabel(PRE_REFERENCE_WINDOW, '−')} are the pre-trend test, and ${windowLabel(ANTICIPATION_WINDOW, '−')} show any dip before the exam (anticipation). The dashed line is the award quarter. A cross on the axis marks a suppressed quarter.`,
    spec,
  };
}
