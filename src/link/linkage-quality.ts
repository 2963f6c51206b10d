/** Pairwise linkage quality against ground truth (synthetic data only). */
export interface PairQuality {
  sourceA: string;
  sourceB: string;
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Records of each source with their cluster and true person (undefined when the truth lacks the record). */
export interface LabelledRecords {
  sources: string[];
  clusterOf: ArrayLike<number>[];
  personOf: Array<Array<string | undefined>>;
}

function pairKeyCounts(keysA: ArrayLike<number | string | undefined>, keysB: ArrayLike<number | string | undefined>, same: boolean): number {
  const countA = new Map<number | string, number>();
  for (let i = 0; i < keysA.length; i++) if (keysA[i] !== undefined) countA.set(keysA[i]!, (countA.get(keysA[i]!) ?? 0) + 1);
  if (same) return [...countA.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  let total = 0;
  for (let j = 0; j < keysB.length; j++) if (keysB[j] !== undefined) total += countA.get(keysB[j]!) ?? 0;
  return total;
}

/** Pairs of records of one person across sources a and b (within a when they are the same source). */
export function truePairCount(personA: ReadonlyArray<string | undefined>, personB: ReadonlyArray<string | undefined>, same: boolean): number {
  return pairKeyCounts(personA, personB, same);
}

/**
 * Precision, recall and F1 over record pairs of two sources (or within one): a pair is predicted
 * when both records share a cluster, true when both belong to one person.
 */
export function pairQuality(records: LabelledRecords, a: number, b: number): PairQuality {
  const same = a === b;
  const truePairs = pairKeyCounts(records.personOf[a], records.personOf[b], same);
  const predictedPairs = pairKeyCounts(records.clusterOf[a], records.clusterOf[b], same);
  // Both cluster and person agree: count pairs keyed on the two together.
  const joint = (s: number) => Array.from({ length: records.clusterOf[s].length }, (_, i) => {
    const person = records.personOf[s][i];
    return person === undefined ? undefined : `${records.clusterOf[s][i]}\u0000${person}`;
  });
  const truePositives = pairKeyCounts(joint(a), same ? [] : joint(b), same);
  const precision = predictedPairs > 0 ? truePositives / predictedPairs : 1;
  const recall = truePairs > 0 ? truePositives / truePairs : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { sourceA: records.sources[a], sourceB: records.sources[b], truePairs, predictedPairs, truePositives, precision, recall, f1 };
}

/** Quality for every pair of distinct sources (or the one source against itself). */
export function allPairQuality(records: LabelledRecords): PairQuality[] {
  const n = records.sources.length;
  if (n === 1) return [pairQuality(records, 0, 0)];
  const out: PairQuality[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push(pairQuality(records, a, b));
  return out;
}

/** Pair counts summed over source pairs with the same two roles (all rosters against education...). */
export function qualityByRole(quality: readonly PairQuality[], roleOf: ReadonlyMap<string, string>): PairQuality[] {
  const sums = new Map<string, PairQuality>();
  for (const q of quality) {
    const roles = [roleOf.get(q.sourceA) ?? q.sourceA, roleOf.get(q.sourceB) ?? q.sourceB].sort();
    const key = roles.join('\u0000');
    const sum = sums.get(key) ?? { sourceA: roles[0], sourceB: roles[1], truePairs: 0, predictedPairs: 0, truePositives: 0, precision: 0, recall: 0, f1: 0 };
    sum.truePairs += q.truePairs;
    sum.predictedPairs += q.predictedPairs;
    sum.truePositives += q.truePositives;
    sums.set(key, sum);
  }
  return [...sums.values()].map((q) => {
    const precision = q.predictedPairs > 0 ? q.truePositives / q.predictedPairs : 1;
    const recall = q.truePairs > 0 ? q.truePositives / q.truePairs : 1;
    return { ...q, precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
  });
}

/**
 * Quality of the pairs a spine can connect: true pairs of persons who have a spine record, and
 * predicted pairs whose cluster holds a spine record. A person the spine lacks cannot be linked
 * through it, whatever the linker does; this separates that coverage gap from linkage error.
 */
export function qualityThroughSpine(records: LabelledRecords, spine: number, a: number, b: number): PairQuality {
  const inSpinePerson = new Set(records.personOf[spine].filter((p) => p !== undefined));
  const spineCluster = new Set(Array.from(records.clusterOf[spine]));
  const keep = (s: number): LabelledRecords['personOf'][number] =>
    records.personOf[s].map((p) => (p !== undefined && inSpinePerson.has(p) ? p : undefined));
    const trueOnly = truePairCount(keep(a), keep(b), a === b);
  const predictedClusters = (s: number) => Array.from(records.clusterOf[s], (c) => (spineCluster.has(c) ? c : undefined));
  const predicted = pairKeyCounts(predictedClusters(a), predictedClusters(b), a === b);
  const joint = (s: number) => predictedClusters(s).map((c, i) => (c === undefined || records.personOf[s][i] === undefined ? undefined : `${c}\u0000${records.personOf[s][i]}`));
  const tp = pairKeyCounts(joint(a), joint(b), a === b);
  const precision = predicted > 0 ? tp / predicted : 1;
  const recall = trueOnly > 0 ? tp / trueOnly : 1;
  return { sourceA: records.sources[a], sourceB: records.sources[b], truePairs: trueOnly, predictedPairs: predicted, truePositives: tp, precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
