import { clusterFilters, type FilterCluster } from './filter-clusters.ts';

export interface FrequencyAttackOptions {
  /** How many of the most frequent clusters the attacker aligns (beyond that ranks are ties and guesses are noise). */
  topK: number;
  /** Dice at or above which two filters are taken for one value when exact repeats are rare (noise). */
  nearDice: number;
}

export const DEFAULT_FREQUENCY_ATTACK: FrequencyAttackOptions = { topK: 20, nearDice: 0.85 };

export interface FrequencyAttackResult {
  /** The attacker's guess of each record's value, undefined when the record was not aligned. */
  guesses: Array<string | undefined>;
  clusters: FilterCluster[];
}

/** Plaintext values by descending count (ties by value, so the attack is deterministic). */
export function rankValues(values: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * Frequency alignment (Kuzu et al. 2011; Christen et al. 2017): a keyless attacker groups the
 * field filters of equal values, ranks the groups by size and gives the i-th largest group the i-th
 * most frequent value of a public list (voter file, census surnames). Keyed hashing does not stop
 * this: it needs no key, only that equal values give equal (or near-equal) filters.
 */
export function frequencyAttack(
  filters: ReadonlyArray<Uint8Array | undefined>,
  background: readonly string[],
  options: FrequencyAttackOptions = DEFAULT_FREQUENCY_ATTACK,
): FrequencyAttackResult {
  // Deterministic encodings repeat exactly and near grouping would only merge similar names; an
  // attacker groups near filters only when exact repeats are missing (per-record noise).
  const exact = clusterFilters(filters, 1);
  const present = filters.filter((f) => f !== undefined).length;
  const repeated = exact.filter((c) => c.members.length > 1).reduce((a, c) => a + c.members.length, 0);
  const clusters = repeated > 0.05 * present ? exact : clusterFilters(filters, options.nearDice);
  const ranked = rankValues(background);
  const guesses: Array<string | undefined> = new Array(filters.length).fill(undefined);
  const aligned = Math.min(options.topK, clusters.length, ranked.length);
  for (let i = 0; i < aligned; i++) {
    // A singleton is not a frequent value: aligning it would be a blind guess.
    if (clusters[i].members.length < 2) break;
    for (const r of clusters[i].members) guesses[r] = ranked[i][0];
  }
  return { guesses, clusters };
}
