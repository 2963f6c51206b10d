/** Rows of the linkage folder's own tables (written by linkage-tables.ts), for `credlink evaluate`. */

export interface ClusterRow {
  cluster: number;
  source: string;
  pseudonym: string;
  probability: number;
}

export interface CandidateRow {
  sourceA: string;
  pseudonymA: string;
  sourceB: string;
  pseudonymB: string;
  matchWeight: number;
  matchProbability: number;
  clkDice: number;
}

export function clusterRow([cluster, source, pseudonym, probability]: readonly string[]): ClusterRow {
  return { cluster: Number(cluster), source, pseudonym, probability: Number(probability) };
}

export function candidateRow([sourceA, pseudonymA, sourceB, pseudonymB, w, p, d]: readonly string[]): CandidateRow {
  return { sourceA, pseudonymA, sourceB, pseudonymB, matchWeight: Number(w), matchProbability: Number(p), clkDice: d === '' || d === undefined ? Number.NaN : Number(d) };
}
