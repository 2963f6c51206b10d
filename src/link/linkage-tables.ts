import type { LinkageResult } from './link-sources.ts';
import { round } from './linkage-summary.ts';

/*
 * The linkage folder's tables as text (docs/architecture.md). Sources are [a-z0-9_-] and
 * pseudonyms base64url/hex, so no field ever needs CSV quoting.
 */

export const CLUSTERS_HEADER = 'cluster_id,source,pseudonym,match_probability';
export const PAIRS_HEADER = 'source_a,pseudonym_a,source_b,pseudonym_b,match_weight,match_probability';
export const CANDIDATES_HEADER = `${PAIRS_HEADER},clk_dice`;

/** Candidates kept for threshold sweeps in `credlink evaluate`: anything either method might link. */
export const CANDIDATE_FLOOR = { probability: 0.01, clkDice: 0.6 };

const fmt = (x: number, digits: number) => (Number.isNaN(x) ? '' : String(round(x, digits)));

export function clustersCsv(result: LinkageResult): string {
  const rows: Array<{ cluster: number; line: string }> = [];
  result.sources.forEach((source, s) => {
    for (let i = 0; i < source.count; i++) {
      const cluster = result.clustering.clusterOf[s][i];
      rows.push({ cluster, line: `${cluster},${source.name},${source.pseudonyms[i]},${fmt(result.clustering.probability[s][i], 6)}` });
    }
  });
  // Stable sort: within a cluster, rows keep source order then pseudonym order.
  rows.sort((x, y) => x.cluster - y.cluster);
  return `${CLUSTERS_HEADER}\n${rows.map((r) => `${r.line}\n`).join('')}`;
}

export function pairsCsv(result: LinkageResult): string {
  const lines: string[] = [];
  for (const pair of result.pairs) {
    const a = result.sources[pair.a];
    const b = result.sources[pair.b];
    for (const e of pair.links) lines.push(`${a.name},${a.pseudonyms[e.left]},${b.name},${b.pseudonyms[e.right]},${fmt(e.weight, 4)},${fmt(e.probability, 6)}\n`);
  }
  return `${PAIRS_HEADER}\n${lines.join('')}`;
}

export function candidatesCsv(result: LinkageResult): string {
  const lines: string[] = [];
  for (const pair of result.pairs) {
    const a = result.sources[pair.a];
    const b = result.sources[pair.b];
    const { left, right, matchWeight, matchProbability, clkDice } = pair.scored;
    for (let i = 0; i < left.length; i++) {
      if (!(matchProbability[i] >= CANDIDATE_FLOOR.probability || clkDice[i] >= CANDIDATE_FLOOR.clkDice)) continue;
      lines.push(`${a.name},${a.pseudonyms[left[i]]},${b.name},${b.pseudonyms[right[i]]},${fmt(matchWeight[i], 4)},${fmt(matchProbability[i], 6)},${fmt(clkDice[i], 4)}\n`);
    }
  }
  return `${CANDIDATES_HEADER}\n${lines.join('')}`;
}

export function modelJson(result: LinkageResult): object {
  return {
    credlinkModel: 1,
    sourcePairs: result.pairs.map((pair) => {
      const { model } = pair.scored;
      return {
        sourceA: result.sources[pair.a].name,
        sourceB: result.sources[pair.b].name,
        levels: model.levelLabels,
        prior: round(model.prior, 8),
        priorIterations: model.priorIterations,
        priorConverged: model.priorConverged,
        converged: model.converged,
        uSampleSize: model.uSampleSize,
        fields: model.fields.map((f) => ({
          field: f.field,
          mProbability: f.mProbability.map((x) => round(x, 8)),
          uProbability: f.uProbability.map((x) => round(x, 8)),
          matchWeight: f.matchWeight.map((x) => round(x, 4)),
        })),
        training: model.sessions.map((s) => ({ ...s, lambda: round(s.lambda, 6) })),
      };
    }),
  };
}
