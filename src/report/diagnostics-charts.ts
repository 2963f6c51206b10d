import type { SourcePairSummary } from '../link/linkage-summary.ts';
import { WRAPPED_AXIS, type ChartPlan } from './chart-parts.ts';
import type { LinkageModelJson, ReportInput } from './report-input.ts';
import type { ChartSpec } from './render-chart.ts';

/*
 * Linkage diagnostics as charts, after Splink's: the match-weight distribution with the
 * threshold marked, candidate pairs kept against the threshold, and m and u per field and level.
 * Built from summary.json and model.json: aggregates only, no pseudonym.
 */

/**
 * The match weight (log2 of prior odds times the Bayes factors) at which a lone candidate pair
 * reaches the probability threshold. Links are chosen on a probability that also weighs competing
 * candidates, so a pair right of this line can still be left out; it marks the threshold's place.
 */
export function thresholdWeight(threshold: number): number {
  return Math.log2(threshold / (1 - threshold));
}

const pairName = (p: { sourceA: string; sourceB: string }) => `${p.sourceA} × ${p.sourceB}`;

/**
 * Every source pair's match-weight histogram in one faceted chart (one row each: one vega view
 * instead of one per pair). `threshold` undefined: links were chosen on the Dice coefficient, so
 * no weight marks the cut.
 */
function weightHistograms(pairs: readonly SourcePairSummary[], byDice: boolean): ChartPlan {
  // Each pair carries its own threshold (one for all, or each pair's best under --threshold auto).
  const values = pairs.flatMap((p) => p.matchWeightHistogram.map((b) => ({ pair: pairName(p), from: b.from, to: b.from + 1, count: b.count, w: thresholdWeight(p.threshold) })));
  const thresholds = [...new Set(pairs.map((p) => p.threshold))];
  const w = byDice ? undefined : thresholds.length === 1 ? thresholdWeight(thresholds[0]) : NaN;
  const thresholdText = thresholds.length === 1 ? `match probability ${thresholds[0]}, ${thresholdWeight(thresholds[0]).toFixed(1)} bits` : `each pair's own match-probability threshold, ${thresholds.join(', ')}`;
  const base = 'Candidate pairs by match weight, per source pair (1-bit bins, log count scale). Non-matches pile up on the left, matches on the right';
  const marker = w === undefined ? [] : [
    { mark: { type: 'rule', color: '#c0392b', strokeWidth: 2 }, encoding: { x: { field: 'w', aggregate: 'min', type: 'quantitative' } } },
    { mark: { type: 'text', color: '#c0392b', align: 'left', dx: 3, baseline: 'top', y: 2, fontSize: 11, text: 'threshold' }, encoding: { x: { field: 'w', aggregate: 'min', type: 'quantitative' } } },
  ];
  return {
    key: 'match-weights',
    title: 'Match weights per source pair',
    caption: w === undefined ? `${base}. Links were chosen on the Dice coefficient, not on this weight.` : `${base}; the red line is the threshold (${thresholdText} for a pair without competing candidates).`,
    spec: {
      data: { values },
      facet: { field: 'pair', type: 'nominal', title: null, sort: pairs.map(pairName), header: { labelFontSize: 12, labelFontWeight: 'bold', labelAnchor: 'start', labelLimit: 0 } },
      columns: 1,
      spacing: 14,
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: 270,
        height: 90,
        layer: [
          {
            mark: { type: 'bar', color: '#4c78a8' },
            encoding: {
              x: { field: 'from', type: 'quantitative', bin: { binned: true, step: 1 }, title: 'match weight (bits)' },
              x2: { field: 'to' },
              y: { field: 'count', type: 'quantitative', scale: { type: 'symlog' }, title: 'pairs', axis: { tickCount: 3, labelExpr: "datum.value === 0 ? '0' : format(datum.value, '~s')" } },
            },
          },
          ...marker,
        ],
      },
    } as ChartSpec,
  };
}

/** For every weight cut, the candidate pairs at or above it: what a lower or higher threshold would keep. */
export function pairsAboveWeight(pair: SourcePairSummary): Array<{ weight: number; pairs: number }> {
  const bins = [...pair.matchWeightHistogram].sort((a, b) => b.from - a.from);
  let running = 0;
  return bins.map((b) => ({ weight: b.from, pairs: (running += b.count) })).reverse();
}

function linksAgainstThreshold(pairs: readonly SourcePairSummary[]): ChartPlan {
  const values = pairs.flatMap((p) => pairsAboveWeight(p).map((r) => ({ ...r, pair: pairName(p) })));
  const links = pairs.map((p) => ({ weight: thresholdWeight(p.threshold), pairs: Math.max(1, p.links), pair: pairName(p) }));
  const thresholds = [...new Set(pairs.map((p) => p.threshold))];
  const color = { field: 'pair', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical' } };
  return {
    key: 'links-threshold',
    title: 'Pairs kept against the threshold',
    caption: 'Lines: candidate pairs with a match weight at or above each cut (log scale), per source pair. Dots: the links the run made at its threshold (red line), after one-to-one assignment.',
    spec: {
      width: 270,
      height: 170,
      layer: [
        { data: { values }, mark: { type: 'line', interpolate: 'step-after' }, encoding: { x: { field: 'weight', type: 'quantitative', title: 'match-weight threshold (bits)' }, y: { field: 'pairs', type: 'quantitative', scale: { type: 'log' }, title: 'pairs at or above', axis: { format: '~s', tickCount: 4 } }, color } },
        ...(thresholds.length === 1 ? [{ data: { values: [{ w: thresholdWeight(thresholds[0]) }] }, mark: { type: 'rule', color: '#c0392b', strokeWidth: 2 }, encoding: { x: { field: 'w', type: 'quantitative' } } }] : []),
        { data: { values: links }, mark: { type: 'point', filled: true, size: 50 }, encoding: { x: { field: 'weight', type: 'quantitative' }, y: { field: 'pairs', type: 'quantitative' }, color } },
      ],
    } as ChartSpec,
  };
}

function mAndU(pair: LinkageModelJson['sourcePairs'][number]): ChartPlan {
  const values = pair.fields.flatMap((f) =>
    pair.levels.flatMap((level, i) => [
      // Two lines (field, then level): vega sizes labels by an estimate of 0.8 em a character.
      { row: `${f.field}|${level}`, field: f.field, kind: 'm', p: f.mProbability[i] },
      { row: `${f.field}|${level}`, field: f.field, kind: 'u', p: f.uProbability[i] },
    ]),
  );
  const panel = (kind: string, title: string, color: string, withLabels: boolean) => ({
    width: 90,
    height: { step: 28 },
    transform: [{ filter: `datum.kind === '${kind}'` }],
    mark: { type: 'bar', color },
    encoding: {
      y: { field: 'row', type: 'nominal', sort: null, title: null, axis: withLabels ? WRAPPED_AXIS : null },
      x: { field: 'p', type: 'quantitative', scale: { domain: [0, 1] }, title, axis: { format: '.0%', tickCount: 2 } },
    },
  });
  return {
    key: `mu-${pair.sourceA}-${pair.sourceB}`,
    title: `m and u probabilities, ${pairName(pair)}`,
    caption: 'Per field and comparison level: m, the share of true matches at that level (estimated by EM), and u, the share of non-matches (from random pairs). A level separates well when m is far above u.',
    spec: { data: { values }, spacing: 10, hconcat: [panel('m', 'm: matches', '#59a14f', true), panel('u', 'u: non-matches', '#e15759', false)] } as ChartSpec,
  };
}

export function diagnosticsCharts(input: ReportInput): ChartPlan[] {
  const { summary, model } = input.linkage;
  const plans: ChartPlan[] = [];
  const linked = summary.sources.map((s) => ({ source: s.name, share: s.shareLinked, text: `${Math.round(s.shareLinked * 100)}% of ${s.records.toLocaleString('en-US')}` }));
  if (linked.length > 0) {
    plans.push({
      key: 'linked-per-source',
      title: 'Records linked per source',
      caption: 'Share of each source’s records linked to at least one record of another source, out of its records.',
      spec: {
        width: 140,
        data: { values: linked },
        encoding: { y: { field: 'source', type: 'nominal', title: null, sort: null } },
        layer: [
          { mark: { type: 'bar', color: '#59a14f' }, encoding: { x: { field: 'share', type: 'quantitative', title: 'share linked', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 4 } } } },
          { mark: { type: 'text', align: 'left', dx: 3, fontSize: 11 }, encoding: { x: { field: 'share', type: 'quantitative' }, text: { field: 'text' } } },
        ],
      } as ChartSpec,
    });
  }
  const pairs = summary.sourcePairs.filter((p) => p.matchWeightHistogram.length > 0);
  const byDice = summary.method === 'threshold';
  if (pairs.length > 0) plans.push(weightHistograms(pairs, byDice));
  if (pairs.length > 0 && !byDice) plans.push(linksAgainstThreshold(pairs));
  for (const pair of model?.sourcePairs ?? []) if (pair.fields.length > 0) plans.push(mAndU(pair));
  return plans;
}
