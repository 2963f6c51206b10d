import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.ts';
import { reportFixture } from './report-fixture.ts';
import { externalReferences } from './external-references.ts';

const figure = (html: string, key: string, nth = 0) => [...html.matchAll(/<figure data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)].filter((f) => f[1] === key)[nth]?.[2] ?? '';
const section = (html: string, id: string) => html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)));
/** Visible text of the page: tags, the <code> keys under table headings and attribute values dropped. */
const visibleText = (html: string) => html.replace(/<code>[^<]*<\/code>/g, '').replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');

describe('buildReport', async () => {
  const html = await buildReport(reportFixture());

  it('gives the same bytes for the same input', async () => {
    expect(await buildReport(reportFixture())).toBe(html);
  });

  it('loads nothing from outside the file', () => {
    expect(externalReferences(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    expect(html).toContain('Content-Security-Policy');
  });

  it('renders an SVG with marks for every chart', () => {
    const figures = [...html.matchAll(/<figure data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)];
    const keys = figures.map((f) => f[1]);
    expect(keys.filter((k) => k === 'trajectory')).toHaveLength(2);
    for (const key of ['overview-premium', 'overview-earnings', 'overview-employment', 'comparison', 'earnings-quarterly', 'earnings-annual', 'rates', 'industry', 'linked-per-source', 'match-weights', 'links-threshold', 'mu-nurseboard-wages']) {
      expect(keys, key).toContain(key);
    }
    for (const [, key, body] of figures) {
      expect(body, key).toMatch(/<svg [^>]*role="img"/);
      // Marks are drawn as paths with a d attribute: an empty chart has axes only.
      expect(body.match(/role-mark[\s\S]*?<path[^>]* d="M/), key).not.toBeNull();
    }
  });

  it('draws the comparison group of a did_matched credential and names its method', () => {
    const rn = section(html, 'credential-rn');
    expect(figure(rn, 'comparison')).toContain('comparison: matched non-holders');
    expect(rn).toContain('Holders against matched non-holders (did_matched)');
  });

  it('promises no comparison group for a pre_post credential', () => {
    const cna = section(html, 'credential-cna-x');
    expect(cna).toContain('Change from pre-award earnings, holders only (no comparison group)');
    expect(figure(cna, 'comparison')).not.toContain('comparison:');
  });

  it('marks suppressed cells in tables and charts and escapes names', () => {
    expect(html).toMatch(/<td class="suppressed">suppressed<\/td>/);
    // A suppressed industry share keeps its row in the chart, marked.
    expect(figure(section(html, 'credential-rn'), 'industry')).toMatch(/Retail trade[\s\S]*>suppressed</);
    // A suppressed trajectory quarter is a cross with a legend entry.
    expect(figure(section(html, 'credential-rn'), 'trajectory')).toMatch(/aria-label="[^"]*suppressed/);
    expect(html).toContain('CNA&lt;x&gt;');
    expect(html).not.toContain('CNA<x>');
    expect(html).toContain('Registered Nurse (RN)');
  });

  it('prints negative money as −$, rates as percents and no raw key outside the file-name hints', () => {
    expect(html).toContain('<b>−$19,030</b>net present value, 10 years');
    expect(html).not.toMatch(/\$-\d/);
    const text = visibleText(html);
    for (const key of ['premium_per_quarter', 'went_on_to_earn', 'npv_10y', 'aligned_q4']) expect(text, key).not.toContain(key);
    // Wrapped onto two lines of the axis, not cut.
    expect(figure(section(html, 'credential-rn'), 'rates')).toMatch(/>aligned industry at<\/tspan><tspan[^>]*>\+4 \(of employed\)</);
    expect(text).not.toMatch(/\b0\.433\b/);
    expect(text).toContain('43.3%');
  });

  it('names NAICS sectors and pathways', () => {
    expect(html).toContain('62 Health Care and Social Assistance');
    expect(html).toContain('−4: Health care → +4: same → +8: same');
    expect(html).not.toContain('62&gt;62&gt;62</td>');
  });

  it('shows headline figures, ROI and breakeven per credential', () => {
    expect(html).toContain('<b>$23,450</b>net present value, 10 years');
    expect(html).toContain('<b>5</b>breakeven (quarters after award)');
    expect(html).toContain('<b>80.0%</b>employed in quarter +4');
    expect(html).toMatch(/<b>suppressed<\/b>employed in quarter \+4/);
  });

  it('opens with the headline table of every credential and the caveats that apply to all', () => {
    const summary = section(html, 'summary');
    expect(summary).toMatch(/<th[^>]*>premium a quarter \(method\)<\/th>/);
    expect(summary).toMatch(/Registered Nurse \(RN\)[\s\S]*\$1,260 <span class="method">\(did_matched\)[\s\S]*\$23,450/);
    expect(summary).toMatch(/CNA&lt;x&gt;[\s\S]*−\$550[\s\S]*not within the horizon/);
    expect(summary).toContain('Only 92.3% of credential holders were found in the population spine');
    expect(summary).toContain('their wages are unknown, not zero');
  });

  it('counts a verdict withheld for its method apart from suppressed cells', () => {
    const cna = section(html, 'credential-cna-x');
    expect(cna).toMatch(/<td class="withheld text">no verdict: the effect is the holders’ own pre\/post change/);
    expect(cna).toMatch(/Lumina[\s\S]*not enough data \(an input is suppressed\)/);
    expect(section(html, 'summary')).toContain('<b>1</b>verdicts withheld for their method');
  });

  it('lists every table, collapsed, with its count of suppressed cells', () => {
    expect(html).toContain('<summary><b>Industry</b> (industry): 4 cells, 1 suppressed</summary>');
  });

  it('marks the threshold on the match-weight chart', () => {
    expect(figure(html, 'match-weights')).toMatch(/>threshold</);
    expect(figure(html, 'match-weights')).toContain('nurseboard × wages');
    expect(html).toContain('match probability 0.85, 2.5 bits');
  });

  it('writes the methods from the parameters and the fitted model', () => {
    const methods = section(html, 'methods');
    expect(methods).toContain('a match probability of at least 0.85');
    expect(methods).toContain('comparison levels (else, &gt;=0.6, &gt;=0.75, &gt;=0.9, exact)');
    expect(methods).toContain('through the population spine (the extract of source “spine”)');
    expect(methods).not.toMatch(/spine spine/);
    expect(methods).toContain('did_matched (against matched non-holders) for RN; pre_post');
    expect(methods).toContain('fewer than 10 persons is suppressed');
    expect(methods).toContain('real 2024 dollars');
    expect(methods).toContain('at 3.0% a year');
    expect(methods).toContain('A. B. Sunter (1969)');
  });

  it('reports the expected false-match share', () => {
    expect(html).toContain('1.14%');
  });
});
