import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.ts';
import { reportFixture } from './report-fixture.ts';
import { externalReferences } from './external-references.ts';

describe('buildReport', async () => {
  const html = await buildReport(reportFixture());

  it('gives the same bytes for the same input', async () => {
    expect(await buildReport(reportFixture())).toBe(html);
  });

  it('loads nothing from outside the file', () => {
    expect(externalReferences(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    expect(html).toContain("Content-Security-Policy");
  });

  it('renders an SVG with marks for every chart', () => {
    const figures = [...html.matchAll(/<figure data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)];
    const keys = figures.map((f) => f[1]);
    expect(keys.filter((k) => k === 'trajectory')).toHaveLength(2);
    expect(keys).toContain('comparison');
    expect(keys).toContain('rates');
    expect(keys).toContain('industry');
    expect(keys).toContain('linked-per-source');
    expect(keys).toContain('weights-nurseboard-wages');
    for (const [, key, body] of figures) {
      expect(body, key).toMatch(/<svg [^>]*role="img"/);
      // Marks are drawn as paths with a d attribute: an empty chart has axes only.
      expect(body.match(/role-mark[\s\S]*?<path[^>]* d="M/), key).not.toBeNull();
    }
  });

  it('marks suppressed cells and escapes names', () => {
    expect(html).toMatch(/<td class="suppressed">suppressed<\/td>/);
    expect(html).toContain('CNA&lt;x&gt;');
    expect(html).not.toContain('CNA<x>');
    expect(html).toContain('Registered Nurse (RN)');
  });

  it('shows headline figures, ROI and breakeven per credential', () => {
    expect(html).toContain('<b>$23,450</b>net present value, 10 years');
    expect(html).toContain('<b>5</b>breakeven (quarters after award)');
    expect(html).toContain('<b>80.0%</b>employed in quarter +4');
    expect(html).toMatch(/<b>suppressed<\/b>employed in quarter \+4/);
  });

  it('lists every table, collapsed, with its count of suppressed cells', () => {
    expect(html).toContain('<summary><b>Industry</b> (industry): 2 cells, 1 suppressed</summary>');
  });

  it('writes the methods from the parameters', () => {
    expect(html).toContain('a match probability of at least 0.85');
    expect(html).toContain('fewer than 10 persons is suppressed');
    expect(html).toContain('real 2024 dollars');
    expect(html).toContain('A. B. Sunter (1969)');
  });

  it('reports the expected false-match share', () => {
    expect(html).toContain('1.14%');
  });
});
