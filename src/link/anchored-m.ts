import { MISSING_LEVEL } from './comparison-levels.ts';
import type { ComparisonVectors } from './comparison-vectors.ts';
import type { Clustering } from './clustering.ts';
import { monotoneRatio } from './em-estimate.ts';
import { scoreCandidates, type ScoredPairs } from './link-pair.ts';

/**
 * A roster linked to the wage file directly shares only names with it, and EM on names alone
 * cannot tell a namesake from a match: the model expected 140-330 matches where 99-133 were linked
 * at 50,000 persons. The spine already joins most roster records to their wage records (roster ~
 * spine on birth date and more, spine ~ wages on the SSN), so the direct pair's candidates that
 * the spine put in one cluster are matches known without the names; m is counted on them.
 */
export const MIN_ANCHORED_PAIRS = 50;

/** Half a pseudo-match per level, as EM's Dirichlet prior does: a level no anchored pair showed keeps a small m. */
const PSEUDO_COUNT = 0.5;

/** Candidate rows whose two records sit in one cluster that holds a record of the spine. */
export function anchoredRows(scored: ScoredPairs, clustering: Clustering, a: number, b: number, spine: number): Uint32Array {
  const withSpine = new Uint8Array(clustering.clusterCount + 1);
  for (const c of clustering.clusterOf[spine]) withSpine[c] = 1;
  const [clustersA, clustersB] = [clustering.clusterOf[a], clustering.clusterOf[b]];
  const rows: number[] = [];
  for (let i = 0; i < scored.left.length; i++) {
    const c = clustersA[scored.left[i]];
    if (c === clustersB[scored.right[i]] && withSpine[c]) rows.push(i);
  }
  return Uint32Array.from(rows);
}

/** m per field from the levels of known matches (undefined where fewer than MIN_ANCHORED_PAIRS have the field), kept monotone in m/u. */
export function anchoredM(vectors: ComparisonVectors, rows: Uint32Array, u: readonly number[][]): Array<number[] | undefined> {
  const width = vectors.fields.length;
  return vectors.fields.map((_, f) => {
    const counts = new Array<number>(u[f].length).fill(0);
    let present = 0;
    for (const row of rows) {
      const level = vectors.levels[row * width + f];
      if (level === MISSING_LEVEL) continue;
      counts[level] += 1;
      present += 1;
    }
    if (present < MIN_ANCHORED_PAIRS) return undefined;
    const total = present + PSEUDO_COUNT * counts.length;
    return monotoneRatio(counts.map((c) => (c + PSEUDO_COUNT) / total), u[f]);
  });
}

/** The pair rescored with m counted on its spine-joined candidates; unchanged when too few or the vectors were not kept. */
export function withAnchoredM(scored: ScoredPairs, rows: Uint32Array): ScoredPairs {
  if (!scored.vectors || rows.length < MIN_ANCHORED_PAIRS) return scored;
  const m = anchoredM(scored.vectors, rows, scored.model.fields.map((f) => f.uProbability));
  if (m.every((x) => x === undefined)) return scored;
  const fields = scored.model.fields.map((p, f) => {
    const mf = m[f];
    return mf ? { ...p, mProbability: mf, matchWeight: mf.map((value, k) => Math.log2(value / p.uProbability[k])) } : p;
  });
  const session = { pass: 'joined_by_spine', pairs: rows.length, excludedFields: [], estimatedFields: fields.filter((_, f) => m[f]).map((p) => p.field), lambda: 1, iterations: 0, converged: true };
  const model = { ...scored.model, fields, sessions: [...scored.model.sessions, session] };
  const { matchWeight, matchProbability } = scoreCandidates(scored.sides, model, scored.vectors, scored.left, scored.right);
  return { ...scored, model, matchWeight, matchProbability };
}
