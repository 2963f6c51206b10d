import { dice, popcountBytes } from '../kernel/dice.ts';

/** Records whose filters the attacker believes encode one value, with a consensus filter. */
export interface FilterCluster {
  members: number[];
  /** Majority vote of the members' bits: per-record noise (randomized response) averages out. */
  consensus: Uint8Array;
}

const key = (filter: Uint8Array) => Buffer.from(filter.buffer, filter.byteOffset, filter.byteLength).toString('base64');

function majority(filters: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(filters[0].length);
  const half = filters.length / 2;
  for (let byte = 0; byte < out.length; byte++) {
    for (let bit = 0; bit < 8; bit++) {
      let ones = 0;
      for (const f of filters) ones += (f[byte] >>> bit) & 1;
      if (ones > half) out[byte] |= 1 << bit;
    }
  }
  return out;
}

/**
 * Groups filters by value as an attacker would: identical filters first, then (when `nearDice` < 1)
 * each group joins the largest earlier cluster whose consensus is at least that similar. Near
 * grouping is what defeats per-record noise: equal values stay closer to each other than to other values.
 */
export function clusterFilters(filters: ReadonlyArray<Uint8Array | undefined>, nearDice = 1): FilterCluster[] {
  const exact = new Map<string, number[]>();
  filters.forEach((f, i) => {
    if (!f || popcountBytes(f) === 0) return;
    const k = key(f);
    const list = exact.get(k);
    if (list) list.push(i);
    else exact.set(k, [i]);
  });
  const groups = [...exact.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  if (nearDice >= 1) return groups.map((members) => ({ members, consensus: filters[members[0]]! }));
  const clusters: Array<{ members: number[]; seed: Uint8Array }> = [];
  for (const members of groups) {
    const f = filters[members[0]]!;
    let best: { members: number[] } | undefined;
    for (const c of clusters) {
      if (dice(c.seed, f) >= nearDice) {
        best = c;
        break;
      }
    }
    if (best) best.members.push(...members);
    else clusters.push({ members: [...members], seed: f });
  }
  return clusters
    .map((c) => ({ members: c.members, consensus: c.members.length > 2 ? majority(c.members.map((i) => filters[i]!)) : c.seed }))
    .sort((a, b) => b.members.length - a.members.length || a.members[0] - b.members[0]);
}
