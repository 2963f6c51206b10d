import { compareEdges, type Edge } from './assignment.ts';

/** Links chosen between source `a` and source `b` (indices into the source list). */
export interface SourceLinks {
  a: number;
  b: number;
  links: Edge[];
}

export interface Clustering {
  /** Cluster number (from 1) of each record, per source. */
  clusterOf: Int32Array[];
  /** Highest match probability among the links that tie the record into its cluster; 1 when alone. */
  probability: Float64Array[];
  clusterCount: number;
}

/**
 * Union-find over the chosen links, strongest first, refusing any merge that would put two records
 * of one duplicate-free source in one cluster. With a spine (`spine`, its source index) the links
 * that touch it go first: clusters are spine records plus what links to them, and a direct link
 * between two other sources joins only what the spine left apart. Otherwise one strong false link
 * between two rosters (sharing few persons, so with many namesakes among their candidates) would
 * pull a roster record away from its own spine record into another person's cluster.
 * Cluster numbers follow the order of the first member (sources in the given order, records in store order).
 */
export function clusterRecords(
  sizes: readonly number[],
  duplicateFree: readonly boolean[],
  sourceLinks: readonly SourceLinks[],
  spine?: number,
): Clustering {
  if (sizes.length > 30) throw new RangeError('at most 30 sources can be clustered together');
  const offsets: number[] = [];
  let total = 0;
  for (const size of sizes) {
    offsets.push(total);
    total += size;
  }
  const sourceOf = new Int32Array(total);
  sizes.forEach((size, s) => sourceOf.fill(s, offsets[s], offsets[s] + size));
  const parent = Int32Array.from({ length: total }, (_, i) => i);
  const members = Int32Array.from(sourceOf, (s) => 1 << s);
  const dupFreeMask = duplicateFree.reduce((mask, free, s) => (free ? mask | (1 << s) : mask), 0);
  const probability = new Float64Array(total).fill(Number.NaN);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const tierOf = (group: SourceLinks) => (spine === undefined || group.a === spine || group.b === spine ? 0 : 1);
  const all = sourceLinks.flatMap((group) =>
    group.links.map((edge) => ({ edge, tier: tierOf(group), x: offsets[group.a] + edge.left, y: offsets[group.b] + edge.right })),
  );
  all.sort((p, q) => p.tier - q.tier || compareEdges(p.edge, q.edge) || p.x - q.x || p.y - q.y);
  for (const { edge, x, y } of all) {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) {
      if (members[rx] & members[ry] & dupFreeMask) continue;
      parent[rx] = ry;
      members[ry] |= members[rx];
    }
    for (const node of [x, y]) if (!(probability[node] >= edge.probability)) probability[node] = edge.probability;
  }
  // By root, 0 = not numbered yet: a Map stops at 2^24 entries, fewer than a state's records.
  const numberOf = new Int32Array(total);
  let clusterCount = 0;
  const clusterOf = sizes.map(() => new Int32Array(0));
  const probabilities = sizes.map(() => new Float64Array(0));
  sizes.forEach((size, s) => {
    clusterOf[s] = new Int32Array(size);
    probabilities[s] = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const node = offsets[s] + i;
      const root = find(node);
      if (numberOf[root] === 0) numberOf[root] = ++clusterCount;
      clusterOf[s][i] = numberOf[root];
      probabilities[s][i] = Number.isNaN(probability[node]) ? 1 : probability[node];
    }
  });
  return { clusterOf, probability: probabilities, clusterCount };
}
