import { DEFAULT_ASSIGNMENT } from './assignment.ts';
import { float64List, uint32List, type GrowableArray } from './growable-array.ts';
import { clusterRecords } from './clustering.ts';
import type { CandidateRow } from './linkage-files.ts';
import { allPairQuality, truePairCount, type PairQuality } from './linkage-quality.ts';
import { chooseLinks, thresholdEdges } from './link-selection.ts';
import type { LinkMethod } from './link-settings.ts';

export interface SweepSource {
  name: string;
  duplicateFree: boolean;
  /** The spine's links are clustered first, as `credlink link` does. */
  spine?: boolean;
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

interface GroupColumns {
  a: number;
  b: number;
  left: GrowableArray<Uint32Array>;
  right: GrowableArray<Uint32Array>;
  matchWeight: GrowableArray<Float64Array>;
  matchProbability: GrowableArray<Float64Array>;
  clkDice: GrowableArray<Float64Array>;
}

/**
 * Indexes the scored candidates of a linkage folder, one row at a time as they are read, so that
 * links can be re-chosen at any threshold. Groups follow the order their source pair first appears;
 * rows whose source or record is not among the sources are left out.
 */
export class SweepBuilder {
  private readonly sourceIndex: Map<string, number>;
  private readonly recordIndex: Array<Map<string, number>>;
  private readonly groups = new Map<string, GroupColumns | null>();

  constructor(private readonly sources: SweepSource[]) {
    this.sourceIndex = new Map(sources.map((s, i) => [s.name, i]));
    this.recordIndex = sources.map((s) => new Map(s.pseudonyms.map((p, i) => [p, i])));
  }

  add(row: CandidateRow): void {
    const key = `${row.sourceA}\u0000${row.sourceB}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      const a = this.sourceIndex.get(row.sourceA);
      const b = this.sourceIndex.get(row.sourceB);
      const [ids, scores] = [() => uint32List(), () => float64List()];
      group = a === undefined || b === undefined ? null : { a, b, left: ids(), right: ids(), matchWeight: scores(), matchProbability: scores(), clkDice: scores() };
      this.groups.set(key, group);
    }
    if (group === null) return;
    const x = this.recordIndex[group.a].get(row.pseudonymA);
    const y = this.recordIndex[group.b].get(row.pseudonymB);
    if (x === undefined || y === undefined) return;
    group.left.push(x);
    group.right.push(y);
    group.matchWeight.push(row.matchWeight);
    group.matchProbability.push(row.matchProbability);
    group.clkDice.push(row.clkDice);
  }

  build(): Sweep {
    const groups: CandidateGroup[] = [];
    for (const g of this.groups.values()) {
      if (g === null) continue;
      groups.push({ a: g.a, b: g.b, left: g.left.take(), right: g.right.take(), matchWeight: g.matchWeight.take(), matchProbability: g.matchProbability.take(), clkDice: g.clkDice.take() });
    }
    return { sources: this.sources, groups };
  }
}

/** The sweep over candidates already in memory (tests, small folders). */
export function prepareSweep(sources: SweepSource[], candidates: Iterable<CandidateRow>): Sweep {
  const builder = new SweepBuilder(sources);
  for (const row of candidates) builder.add(row);
  return builder.build();
}

/** Chooses links at `threshold` exactly as `credlink link` does, clusters them, and scores every source pair. */
export function qualityAt(sweep: Sweep, method: LinkMethod, threshold: number): PairQuality[] {
  const { sources, groups } = sweep;
  const links = groups.map((g) => {
    const edges = thresholdEdges(g.left, g.right, g.matchWeight, g.matchProbability, g.clkDice, method, threshold);
    const facts = { aDuplicateFree: sources[g.a].duplicateFree, bDuplicateFree: sources[g.b].duplicateFree, dedupe: g.a === g.b };
    return { a: g.a, b: g.b, links: chooseLinks(edges, facts, method, DEFAULT_ASSIGNMENT) };
  });
  const spine = sources.findIndex((s) => s.spine);
  const clustering = clusterRecords(sources.map((s) => s.pseudonyms.length), sources.map((s) => s.duplicateFree), links, spine >= 0 ? spine : undefined);
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
