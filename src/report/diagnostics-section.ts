import { esc, formatNumber, formatPercent, renderHtmlTable } from './html.ts';
import type { ChartPlan } from './credential-charts.ts';
import type { ReportInput } from './report-input.ts';
import type { ChartSpec } from './render-chart.ts';

/*
 * Linkage diagnostics from summary.json and model.json: how well the model separates matches
 * from non-matches, and how many links to expect to be wrong. They are aggregates: no pseudonym.
 */

export function diagnosticsCharts(input: ReportInput): ChartPlan[] {
  const { summary } = input.linkage;
  const plans: ChartPlan[] = [];
  const linked = summary.sources.map((s) => ({ source: s.name, share: s.shareLinked }));
  if (linked.length > 0) {
    plans.push({
      key: 'linked-per-source',
      title: 'Records linked per source',
      caption: 'Share of each source\'s persons linked to at least one record of another source.',
      spec: {
        width: 300,
        data: { values: linked },
        mark: { type: 'bar', color: '#59a14f' },
        encoding: {
          y: { field: 'source', type: 'nominal', title: null, sort: null },
          x: { field: 'share', type: 'quantitative', title: 'share linked', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        },
      } as ChartSpec,
    });
  }
  for (const pair of summary.sourcePairs) {
    const values = pair.matchWeightHistogram.map((b) => ({ from: b.from, to: b.from + 1, count: b.count }));
    if (values.length === 0) continue;
    plans.push({
      key: `weights-${pair.sourceA}-${pair.sourceB}`,
      title: `Match weights, ${pair.sourceA} x ${pair.sourceB}`,
      caption: 'Candidate pairs by match weight (log2 of m/u summed over fields, 1-bit bins; log count scale). Matches pile up on the right, non-matches on the left; a clear valley means a clean separation.',
      spec: {
        width: 380,
        height: 160,
        data: { values },
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: {
          x: { field: 'from', type: 'quantitative', bin: { binned: true, step: 1 }, title: 'match weight (bits)' },
          x2: { field: 'to' },
          y: { field: 'count', type: 'quantitative', scale: { type: 'symlog' }, title: 'candidate pairs' },
        },
      } as ChartSpec,
    });
  }
  return plans;
}

export function diagnosticsTables(input: ReportInput): string {
  const { summary, model } = input.linkage;
  const pairs = renderHtmlTable({
    head: ['source pair', 'candidate pairs', 'reduction ratio', 'links', 'expected matches', 'expected false matches', 'expected false-match share', 'calibrated'],
    rows: summary.sourcePairs.map((p) => [
      { html: esc(`${p.sourceA} x ${p.sourceB}`) },
      { html: formatNumber(p.candidatePairs) },
      { html: String(p.reductionRatio) },
      { html: formatNumber(p.links) },
      { html: formatNumber(p.expectedMatches) },
      { html: formatNumber(p.expectedFalseMatches) },
      { html: p.links > 0 ? formatPercent(p.expectedFalseMatches / p.links, 2) : '-' },
      { html: p.calibration.ok ? 'yes' : '<span class="warn">no</span>' },
    ]),
  });
  const sources = renderHtmlTable({
    head: ['source', 'role', 'persons', 'linked', 'share linked'],
    rows: summary.sources.map((s) => [
      { html: esc(s.name) },
      { html: esc(s.role) },
      { html: formatNumber(s.records) },
      { html: formatNumber(s.linked) },
      { html: formatPercent(s.shareLinked) },
    ]),
  });
  const models = (model?.sourcePairs ?? []).map((p) => {
    const rows = p.fields.flatMap((f) =>
      p.levels.map((level, i) => [
        { html: esc(f.field) },
        { html: esc(level) },
        { html: String(f.mProbability[i]) },
        { html: String(f.uProbability[i]) },
        { html: String(f.matchWeight[i]) },
      ]),
    );
    return `<h4>${esc(`${p.sourceA} x ${p.sourceB}`)}: prior ${esc(p.prior)}</h4>\n${renderHtmlTable({ head: ['field', 'level', 'm', 'u', 'weight (bits)'], labelColumns: 2, rows })}`;
  });
  return `<h3>Links and expected errors</h3>
<p class="note">The expected false-match share is the sum of (1 - match probability) over the chosen links, divided by the links: what the model itself expects to be wrong.</p>
${pairs}
<h3>Persons linked per source</h3>
${sources}
<h3>m and u probabilities per field</h3>
<p class="note">m: probability of the comparison level among true matches (estimated by EM); u: among non-matches (from random pairs). The weight is log2(m/u).</p>
${models.join('\n')}`;
}
