import { diagnosticsCharts } from './diagnostics-charts.ts';
import { renderFigures } from './figures.ts';
import { esc, formatNumber, formatPercent, renderHtmlTable } from './html.ts';
import type { ReportInput } from './report-input.ts';

/*
 * Linkage diagnostics from summary.json and model.json: how well the model separates matches
 * from non-matches, and how many links to expect to be wrong. They are aggregates: no pseudonym.
 */

const probability = (p: number) => (p >= 0.001 ? p.toFixed(3) : p.toExponential(1).replace('-', '\u2212'));

function modelTables(input: ReportInput): string {
  const models = (input.linkage.model?.sourcePairs ?? []).map((p) => {
    const rows = p.fields.flatMap((f) =>
      p.levels.map((level, i) => [{ html: esc(f.field) }, { html: esc(level) }, { html: probability(f.mProbability[i]) }, { html: probability(f.uProbability[i]) }, { html: formatNumber(Math.round(f.matchWeight[i] * 100) / 100) }]),
    );
    return `<details>\n<summary>${esc(`${p.sourceA} × ${p.sourceB}`)}: prior ${esc(probability(p.prior))}, ${p.fields.length} fields</summary>\n${renderHtmlTable({ head: ['field', 'level', 'm', 'u', 'weight (bits)'], labelColumns: 2, rows })}\n</details>`;
  });
  return models.join('\n');
}

export async function diagnosticsSection(input: ReportInput): Promise<string> {
  const { summary } = input.linkage;
  const pairs = renderHtmlTable({
    head: ['source pair', 'candidate pairs', 'reduction ratio', 'links', 'expected matches', 'expected false matches', 'expected false-match share', 'calibrated'],
    rows: summary.sourcePairs.map((p) => [
      { html: esc(`${p.sourceA} × ${p.sourceB}`) },
      { html: formatNumber(p.candidatePairs) },
      { html: formatPercent(p.reductionRatio, 3) },
      { html: formatNumber(p.links) },
      { html: formatNumber(Math.round(p.expectedMatches)) },
      { html: formatNumber(p.expectedFalseMatches) },
      { html: p.links > 0 ? formatPercent(p.expectedFalseMatches / p.links, 2) : '-' },
      { html: p.calibration.ok ? 'yes' : '<span class="warn">no</span>' },
    ]),
  });
  return `<section id="linkage">
<h2>Linkage diagnostics</h2>
${await renderFigures(diagnosticsCharts(input))}
<h3>Links and expected errors</h3>
<p class="note">The expected false-match share is the sum of (1 − match probability) over the chosen links, divided by the links: what the model itself expects to be wrong. Calibrated: the links made are within 10% of the matches the model expects.</p>
${pairs}
<h3>m and u probabilities per field</h3>
<p class="note">The numbers behind the m and u charts; the weight is log2(m/u).</p>
${modelTables(input)}
</section>`;
}
