import { describe, expect, it } from 'vitest';
import { eventStudyChart } from '../../src/report/event-study-chart.ts';
import { credentialChartPlans } from '../../src/report/credential-charts.ts';
import { comparisonChart } from '../../src/report/earnings-charts.ts';
import type { PublishedTable } from '../../src/disclosure/cells.ts';
import { reportFixture } from './report-fixture.ts';

const tables = reportFixture().tables;

describe('event-study chart', () => {
  it('names the method, draws the 95% band and marks the reference window and award quarter', () => {
    const plan = eventStudyChart(tables, 'RN')!;
    expect(plan.title).toBe('Event study (did_matched: against matched non-holders)');
    expect(plan.caption).toMatch(/95% confidence band/);
    const layers = (plan.spec as { layer: Array<{ mark: { type: string }; data: { values: Array<Record<string, number>> } }> }).layer;
    expect(layers.map((l) => l.mark.type)).toEqual(['rect', 'rule', 'rule', 'area', 'line', 'point']);
    expect(layers[0].data.values[0]).toMatchObject({ from: -6.5, to: -2.5, label: 'reference −6..−3' });
    const band = layers[3].data.values;
    expect(band.find((p) => p.event_quarter === 4)).toMatchObject({ effect: 480, low: -120, high: 1080 });
    // The suppressed quarter is a cross, not a point of the line.
    expect(layers[4].data.values.some((p) => p.event_quarter === 3)).toBe(false);
    expect(layers[5].data.values).toEqual([{ event_quarter: 3 }]);
  });

  it('is left out for a credential without a comparison, and follows the comparison chart otherwise', () => {
    expect(eventStudyChart(tables, 'CNA<x>')).toBeUndefined();
    expect(credentialChartPlans(tables, 'RN').map((p) => p.key).slice(0, 3)).toEqual(['trajectory', 'comparison', 'event-study']);
    expect(credentialChartPlans(tables, 'CNA<x>').map((p) => p.key)).not.toContain('event-study');
  });
});

// The fixture's RN measured against later holders instead: every did_matched measure and note renamed.
const nyt: PublishedTable[] = tables.map((t) => ({
  ...t,
  cells: t.cells.map((c) => ({ ...c, measure: c.measure === 'did_matched' ? 'did_nyt' : c.measure, ...(c.note === 'did_matched' ? { note: 'did_nyt' } : {}) })),
}));

describe('charts of a credential measured against later holders (did_nyt)', () => {
  it('names the not-yet-treated comparison in the comparison and event-study charts', () => {
    expect(comparisonChart(nyt, 'RN')!.title).toBe('Holders against later holders, not yet treated (did_nyt)');
    expect(eventStudyChart(nyt, 'RN')!.title).toBe('Event study (did_nyt: against later holders, not yet treated)');
    const line = (comparisonChart(nyt, 'RN')!.spec as { layer: Array<{ data: { values: Array<{ series?: string }> } }> }).layer[1];
    const series = new Set(line.data.values.map((p) => p.series));
    expect(series).toEqual(new Set(['holders', 'comparison: later holders, not yet treated']));
  });
});
