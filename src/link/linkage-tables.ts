import type { LinkageResult } from './link-sources.ts';
import { round } from './linkage-summary.ts';

/*
 * The linkage folder's tables as generators of lines (docs/architecture.md), written by
 * writeChunksAtomic: at 200,000 persons candidates.csv is near 1 GB, over V8's string limit.
 * Sources are [a-z0-9_-] and pseudonyms base64url/hex, so no field ever needs CSV quoting.
 */

export const CLUSTERS_HEADER = 'cluster_id,source,pseudonym,match_probability';
export const PAIRS_HEADER = 'source_a,pseudonym_a,source_b,pseudonym_b,match_weight,match_probability';
export const CANDIDATES_HEADER = `${PAIRS_HEADER},clk_dice`;

/** Candidates kept for threshold sweeps in `credlink evaluate`: anything either method might link. */
export const CANDIDATE_FLOOR = { probability: 0.01, clkDice: 0.6 };

const fmt = (x: number, digits: number) => (Number.isNaN(x) ? '' : String(round(x, digits)));

/**
 * clusters.csv rows: by cluster, and within a cluster in source order then store order (a stable
 * counting sort over cluster numbers 1..clusterCount, with no object or string per record held).
 */
export function* clustersCsv(result: LinkageResult): Generator<string> {
  yield `${CLUSTERS_HEADER}\n`;
  const { clusterOf, probability, clusterCount } = result.clustering;
  const offsets: number[] = [];
  let total = 0;
  for (const source of result.sources) {
    offsets.push(total);
    total += source.count;
  }
  const start = new Uint32Array(clusterCount + 2);
  for (const clusters of clusterOf) for (let i = 0; i < clusters.length; i++) start[clusters[i] + 1] += 1;
  for (let c = 1; c < start.length; c++) start[c] += start[c - 1];
  const order = new Uint32Array(total);
  result.sources.forEach((_, s) => {
    for (let i = 0; i < clusterOf[s].length; i++) order[start[clusterOf[s][i]]++] = offsets[s] + i;
  });
  for (let k = 0; k < total; k++) {
    const node = order[k];
    let s = offsets.length - 1;
    while (offsets[s] > node) s -= 1;
    const i = node - offsets[s];
    const source = result.sources[s];
    yield `${clusterOf[s][i]},${source.name},${source.pseudonyms[i]},${fmt(probability[s][i], 6)}\n`;
  }
}

export function* pairsCsv(result: LinkageResult): Generator<string> {
  yield `${PAIRS_HEADER}\n`;
  for (const pair of result.pairs) {
    const a = result.sources[pair.a];
    const b = result.sources[pair.b];
    for (const e of pair.links) yield `${a.name},${a.pseudonyms[e.left]},${b.name},${b.pseudonyms[e.right]},${fmt(e.weight, 4)},${fmt(e.probability, 6)}\n`;
  }
}

export function* candidatesCsv(result: LinkageResult): Generator<string> {
  yield `${CANDIDATES_HEADER}\n`;
  for (const pair of result.pairs) {
    const a = result.sources[pair.a];
    const b = result.sources[pair.b];
    const { left, right, matchWeight, matchProbability, clkDice } = pair.scored;
    for (let i = 0; i < left.length; i++) {
      if (!(matchProbability[i] >= CANDIDATE_FLOOR.probability || clkDice[i] >= CANDIDATE_FLOOR.clkDice)) continue;
      yield `${a.name},${a.pseudonyms[left[i]]},${b.name},${b.pseudonyms[right[i]]},${fmt(matchWeight[i], 4)},${fmt(matchProbability[i], 6)},${fmt(clkDice[i], 4)}\n`;
    }
  }
}

/** A table as one string: for tests and small tables only (a large linkage exceeds V8's string limit). */
export function tableText(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
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
        nestings: (model.nestings ?? []).map((n) => ({ ...n, conditionalAgreement: round(n.conditionalAgreement, 4), agreement: round(n.agreement, 4) })),
        nameDerived: (model.nameDerived ?? []).map((n) => ({ ...n, conditionalPartial: round(n.conditionalPartial, 4), partial: round(n.partial, 4) })),
      };
    }),
  };
}
