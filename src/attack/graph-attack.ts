import { dice, popcountBytes } from '../kernel/dice.ts';
import type { EncodedPerson } from '../extract/extract-types.ts';
import type { FieldName } from '../schema/field-names.ts';
import { clusterFilters } from './filter-clusters.ts';

export interface GraphAttackOptions {
  /** Neighbours whose similarities describe a node (its strongest edges in the similarity graph). */
  neighbours: number;
  /** Field filters whose equal-value class size and fill join the node's features. */
  fields: readonly FieldName[];
  /**
   * Which similarity graph: of the record-level CLKs, or of the attacker's own record filter made by
   * laying the field filters of `fields` end to end (an extract carries both, so an attacker tries both).
   */
  view: 'clk' | 'fields';
  /** Also use the size of each record's blocking-key classes (the keys are deterministic, so equal values group). */
  blockingKeyClasses: boolean;
}

export const DEFAULT_GRAPH_ATTACK: GraphAttackOptions = { neighbours: 5, fields: ['first_name', 'last_name', 'dob'], view: 'clk', blockingKeyClasses: false };

/** The attacker variants the harness runs; a schema is judged by the best of them. */
export const GRAPH_ATTACKERS: Record<string, GraphAttackOptions> = {
  clk: DEFAULT_GRAPH_ATTACK,
  'clk+keys': { ...DEFAULT_GRAPH_ATTACK, blockingKeyClasses: true },
  fields: { ...DEFAULT_GRAPH_ATTACK, view: 'fields' },
  'fields+keys': { ...DEFAULT_GRAPH_ATTACK, view: 'fields', blockingKeyClasses: true },
};

/** Per person, the filter the similarity graph is built on. */
function graphFilters(persons: readonly EncodedPerson[], options: GraphAttackOptions): Uint8Array[] {
  if (options.view === 'clk') return persons.map((p) => p.clk);
  const length = options.fields.map((field) => persons.find((p) => p.fields[field])?.fields[field]?.length ?? 0);
  const total = length.reduce((a, b) => a + b, 0);
  return persons.map((p) => {
    const out = new Uint8Array(total);
    let at = 0;
    options.fields.forEach((field, k) => {
      const f = p.fields[field];
      if (f) out.set(f, at);
      at += length[k];
    });
    return out;
  });
}

/** log of the size of each person's class of equal values of one blocking key (-1 without the key). */
function blockingKeyClassSizes(persons: readonly EncodedPerson[]): number[][] {
  const names = [...new Set(persons.flatMap((p) => Object.keys(p.blockingKeys)))].sort();
  return names.map((name) => {
    const count = new Map<string, number>();
    for (const p of persons) {
      const v = p.blockingKeys[name];
      if (v) count.set(v, (count.get(v) ?? 0) + 1);
    }
    return persons.map((p) => {
      const v = p.blockingKeys[name];
      return v ? Math.log(count.get(v)!) : -1;
    });
  });
}

/**
 * Features of each node that do not depend on the key, only on the graph's shape: its fill, the
 * similarities of its strongest edges, per field the size of its equal-value class (the clique of
 * similarity-1 edges) and fill, and optionally its blocking-key class sizes. An attacker computes
 * the same from plaintext encoded with a key of their own.
 */
export function nodeFeatures(persons: readonly EncodedPerson[], options: GraphAttackOptions = DEFAULT_GRAPH_ATTACK): Float64Array[] {
  const n = persons.length;
  const filters = graphFilters(persons, options);
  const top: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = dice(filters[i], filters[j]);
      pushTop(top[i], d, options.neighbours);
      pushTop(top[j], d, options.neighbours);
    }
  }
  const classSize = options.fields.map((field) => {
    const size = new Float64Array(n);
    for (const c of clusterFilters(persons.map((p) => p.fields[field]), 0.9)) for (const m of c.members) size[m] = Math.log(c.members.length);
    return size;
  });
  const fill = options.fields.map((field) => persons.map((p) => {
    const f = p.fields[field];
    return f ? popcountBytes(f) / (f.length * 8) : 0;
  }));
  const keyClasses = options.blockingKeyClasses ? blockingKeyClassSizes(persons) : [];
  return persons.map((p, i) => Float64Array.from([
    popcountBytes(p.clk) / (p.clk.length * 8),
    ...top[i].concat(new Array(options.neighbours - top[i].length).fill(0)),
    ...classSize.map((s) => s[i]),
    ...fill.map((f) => f[i]),
    ...keyClasses.map((k) => k[i]),
  ]));
}

/** Keeps the `k` largest values in descending order. */
function pushTop(list: number[], value: number, k: number): void {
  if (list.length === k && value <= list[k - 1]) return;
  let i = list.length;
  while (i > 0 && list[i - 1] < value) i--;
  list.splice(i, 0, value);
  if (list.length > k) list.pop();
}

/** Each feature to mean 0 and deviation 1 within its own graph: the two keys' scales need not agree. */
function standardize(rows: Float64Array[]): Float64Array[] {
  if (rows.length === 0) return rows;
  const d = rows[0].length;
  const out = rows.map((r) => r.slice());
  for (let j = 0; j < d; j++) {
    const mean = rows.reduce((s, r) => s + r[j], 0) / rows.length;
    const sd = Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / rows.length) || 1;
    for (const r of out) r[j] = (r[j] - mean) / sd;
  }
  return out;
}

function nearest(row: Float64Array, others: readonly Float64Array[]): number {
  let best = -1;
  let bestDistance = Infinity;
  others.forEach((o, j) => {
    let distance = 0;
    for (let k = 0; k < row.length; k++) distance += (row[k] - o[k]) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = j;
    }
  });
  return best;
}

/**
 * Similarity-graph matching (Vidanage, Christen, Ranbaduge & Schnell 2020): nodes of the encoded
 * graph and of the attacker's plaintext graph are paired when each is the other's nearest neighbour
 * in feature space. Returns, per encoded record, the index of the plaintext record it is matched to.
 */
export function graphMatchingAttack(encoded: Float64Array[], plaintext: Float64Array[]): Array<number | undefined> {
  const a = standardize(encoded);
  const b = standardize(plaintext);
  const bToA = b.map((row) => nearest(row, a));
  return a.map((row, i) => {
    const j = nearest(row, b);
    return j >= 0 && bToA[j] === i ? j : undefined;
  });
}
