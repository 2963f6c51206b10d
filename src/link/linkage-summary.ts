import type { LinkageResult, PairLinkage } from './link-sources.ts';
import type { LinkSettings } from './link-settings.ts';

export interface SourcePairSummary {
  sourceA: string;
  sourceB: string;
  /** 'direct-outside-spine': a roster linked to the wage file only where the spine linked neither record. */
  path?: 'direct-outside-spine';
  fields: string[];
  totalPairs: number;
  candidatePairs: number;
  reductionRatio: number;
  passes: PairLinkage['scored']['passes'];
  links: number;
  /** Threshold the links were chosen at: match probability (fs; 'auto' picks the one of best expected F1) or CLK Dice. */
  threshold: number;
  /** Sum of match probabilities over all candidates: what the model expects to exist. */
  expectedMatches: number;
  /** Sum of (1 - probability) over the chosen links. */
  expectedFalseMatches: number;
  calibration: { expectedMatches: number; linked: number; ratio: number; ok: boolean };
  /** EM sessions (blocking passes, all_pairs, prior) that stopped at the iteration cap. */
  notConverged?: string[];
  /** Candidate pairs by match weight, in 1-bit bins: bin k counts weights in [k, k+1). */
  matchWeightHistogram: Array<{ from: number; count: number }>;
}

export interface LinkageSummary {
  credlinkLinkage: 1;
  method: LinkSettings['method'];
  /** The --threshold asked for: a probability, or 'auto' (each source pair's own threshold is in sourcePairs). */
  threshold: number | 'auto';
  diceThreshold: number;
  seed: string;
  spine: string | null;
  clusters: number;
  sources: Array<{ name: string; role: string; duplicateFree: boolean; records: number; linked: number; shareLinked: number }>;
  sourcePairs: SourcePairSummary[];
}

/** Expected and realised link counts within 10% (or 5 links) count as calibrated. */
function calibration(expected: number, linked: number): SourcePairSummary['calibration'] {
  const ratio = linked > 0 ? expected / linked : expected > 0 ? Infinity : 1;
  return { expectedMatches: round(expected, 1), linked, ratio: round(ratio, 3), ok: Math.abs(expected - linked) <= Math.max(5, 0.1 * linked) };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function histogram(weights: Float64Array): Array<{ from: number; count: number }> {
  const bins = new Map<number, number>();
  for (const w of weights) {
    const bin = Math.max(-40, Math.min(60, Math.floor(w)));
    bins.set(bin, (bins.get(bin) ?? 0) + 1);
  }
  return [...bins.entries()].sort((x, y) => x[0] - y[0]).map(([from, count]) => ({ from, count }));
}

export function summarizeLinkage(result: LinkageResult, settings: LinkSettings): LinkageSummary {
  const { sources, clustering } = result;
  const linkedBy = sources.map((s) => new Uint8Array(s.count));
  for (const pair of result.pairs) {
    for (const e of pair.links) {
      linkedBy[pair.a][e.left] = 1;
      linkedBy[pair.b][e.right] = 1;
    }
  }
  return {
    credlinkLinkage: 1,
    method: settings.method,
    threshold: settings.threshold,
    diceThreshold: settings.diceThreshold,
    seed: settings.seed,
    spine: result.spine === undefined ? null : sources[result.spine].name,
    clusters: clustering.clusterCount,
    sources: sources.map((s, i) => {
      const linked = linkedBy[i].reduce((n, x) => n + x, 0);
      return { name: s.name, role: s.role, duplicateFree: s.duplicateFree, records: s.count, linked, shareLinked: round(s.count ? linked / s.count : 0, 4) };
    }),
    sourcePairs: result.pairs.map((pair) => {
      const { scored, links } = pair;
      const expected = pair.expectedMatches ?? scored.matchProbability.reduce((s, p) => s + p, 0);
      return {
        sourceA: sources[pair.a].name,
        sourceB: sources[pair.b].name,
        ...(pair.path ? { path: pair.path } : {}),
        fields: scored.fields,
        totalPairs: scored.totalPairs,
        candidatePairs: scored.left.length,
        reductionRatio: round(scored.totalPairs ? 1 - scored.left.length / scored.totalPairs : 0, 6),
        passes: scored.passes,
        links: links.length,
        threshold: round(pair.threshold, 4),
        expectedMatches: round(expected, 1),
        expectedFalseMatches: round(links.reduce((s, e) => s + (1 - e.probability), 0), 2),
        calibration: calibration(expected, links.length),
        notConverged: [...scored.model.sessions.filter((s) => !s.converged).map((s) => s.pass), ...(scored.model.priorConverged ? [] : ['prior'])],
        matchWeightHistogram: histogram(scored.matchWeight),
      };
    }),
  };
}
