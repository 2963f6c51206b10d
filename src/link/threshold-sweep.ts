import { DEFAULT_ASSIGNMENT } from './assignment.ts';
import { clusterRecords } from './clustering.ts';
import type { CandidateRow } from './linkage-files.ts';
import { allPairQuality, truePairCount, type PairQuality } from './linkage-quality.ts';
import { chooseLinks, thresholdEdges } from './link-selection.ts';
import type { LinkMethod } from './link-settings.ts';

export interface SweepSource {
  name: string;
  duplicateFree: boolean;
  pseudonyms: string[];
  /** True person of each record (undefined when unknown). */
  personOf: Array<string | undefined>;
}

interface CandidateGroup {
  a: number;
  b: number;
  left: Uint32Array;
  right: Uint32Array;
  matchWeight: Float64Array;
  matchProbability: Float64Array;
  clkDice: Float64Array;
}

export interface Sweep {
  sources: SweepSource[];
  groups: CandidateGroup[];
}

/** Indexes the scored candidates of a linkage folder so that links can be re-chosen at any threshold. */
export function prepareSweep(sources: SweepSource[], candidates: readonly CandidateRow[]): Sweep {
  const sourceIndex = new Map(sources.map((s, i) => [s.name, i]));
  const recordIndex = sources.map((s) => new Map(s.pseudonyms.map((p, i) => [p, i])));
  const byPair = new Map<string, CandidateRow[]>();
  for (const row of candidates) {
    const key = `${row.sourceA}\u0000${row.sourceB}`;
    const list = byPair.get(key);
    if (list) list.push(row);
    else byPair.set(key, [row]);
  }
  const groups: CandidateGroup[] = [];
  for (const list of byPair.values()) {
    const a = sourceIndex.get(list[0].sourceA);
    const b = sourceIndex.get(list[0].sourceB);
    if (a === undefined || b === undefined) continue;
    const kept = list.filter((r) => recordIndex[a].has(r.pseudonymA) && recordIndex[b].has(r.pseudonymB));
    groups.push({
      a,
      b,
      left: Uint32Array.from(kept, (r) => recordIndex[a].get(r.pseudonymA)!),
      right: Uint32Array.from(kept, (r) => recordIndex[b].get(r.pseudonymB)!),
      matchWeight: Float64Array.from(kept, (r) => r.matchWeight),
      matchProbability: Float64Array.from(kept, (r) => r.matchProbability),
      clkDice: Float64Array.from(kept, (r) => r.clkDice),
    });
  }
  return { sources, groups };
}

/** Chooses links at `threshold` exactly as `credlink link` does, clusters them, and scores every source pair. */
export function qualityAt(sweep: Sweep, method: LinkMethod, threshold: number): PairQuality[] {
  const { sources, groups } = sweep;
  const links = groups.map((g) => {
    const edges = thresholdEdges(g.left, g.right, g.matchWeight, g.matchProbability, g.clkDice, method, threshold);
    const facts = { aDuplicateFree: sources[g.a].duplicateFree, bDuplicateFree: sources[g.b].duplicateFree, dedupe: g.a === g.b };
    return { a: g.a, b: g.b, links: chooseLinks(edges, facts, method, DEFAULT_ASSIGNMENT) };
  });
  const clustering = clusterRecords(sources.map((s) => s.pseudonyms.length), sources.map((s) => s.duplicateFree), links);
  return allPairQuality({ sources: sources.map((s) => s.name), clusterOf: clustering.clusterOf, personOf: sources.map((s) => s.personOf) });
}

/** Quality of the candidates themselves: the share of true pairs among them caps the recall of any threshold. */
export function candidateRecallCeiling(sweep: Sweep): Array<{ sourceA: string; sourceB: string; ceiling: number }> {
  return sweep.groups.map((g) => {
    const A = sweep.sources[g.a];
    const B = sweep.sources[g.b];
    let found = 0;
    for (let i = 0; i < g.left.length; i++) {
      const person = A.personOf[g.left[i]];
      if (person !== undefined && person === B.personOf[g.right[i]]) found += 1;
    }
    const truePairs = truePairCount(A.personOf, B.personOf, g.a === g.b);
    return { sourceA: A.name, sourceB: B.name, ceiling: truePairs > 0 ? found / truePairs : 1 };
  });
}
