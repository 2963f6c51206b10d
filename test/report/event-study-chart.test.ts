import { describe, expect, it } from 'vitest';
import { eventStudyChart } from '../../src/report/event-study-chart.ts';
import { credentialChartPlans } from '../../src/report/credential-charts.ts';
import { reportFixture } from './report-fixture.ts';

const tables = reportFixture().tables;

describe('event-study chart', () => {
  it('names the method, draws the 95% band and marks the reference window and award quarter', () => {
    const plan = eventStudyChart(tables, 'RN')!;
    expect(plan.title).toBe('Event study (did_matched: against matched non-holders)');
    expect(plan.caption).toMatch(/95% confidence band/);
    const layers = (plan.spec as { layer: Array<{ mark: { type: string }; data: { values: Array<Record<string, number>> } }> }).layer;
    expect(layers.map((l) => l.mark.type)).toEqual(['rect', 'rule', 'rule', 'area', 'line', 'point']);
    expect(layers[0].data.values[0]).toMatchObject({ from: -4.5, to: -0.5 });
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
