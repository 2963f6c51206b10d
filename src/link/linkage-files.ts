import { DataError } from '../errors/errors.ts';
import { CANDIDATES_HEADER, CLUSTERS_HEADER } from './linkage-tables.ts';

/** Parsing of the linkage folder's own tables (written by linkage-tables.ts), for `credlink evaluate`. */

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

function rows(text: string, header: string, file: string): string[][] {
  const lines = text.split('\n').filter((line) => line !== '');
  if (lines[0] !== header) throw new DataError({ code: 'LINKAGE_HEADER', file, line: 1, detail: `expected the header "${header}"; is this a folder written by credlink link?` });
  return lines.slice(1).map((line) => line.split(','));
}

export function parseClusters(text: string, file: string): ClusterRow[] {
  return rows(text, CLUSTERS_HEADER, file).map(([cluster, source, pseudonym, probability]) => ({
    cluster: Number(cluster),
    source,
    pseudonym,
    probability: Number(probability),
  }));
}

export function parseCandidates(text: string, file: string): CandidateRow[] {
  return rows(text, CANDIDATES_HEADER, file).map(([sourceA, pseudonymA, sourceB, pseudonymB, w, p, d]) => ({
    sourceA,
    pseudonymA,
    sourceB,
    pseudonymB,
    matchWeight: Number(w),
    matchProbability: Number(p),
    clkDice: d === '' ? Number.NaN : Number(d),
  }));
}
