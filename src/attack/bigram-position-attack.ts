import { bigrams } from '../encode/tokenize.ts';
import { dice } from '../kernel/dice.ts';
import type { FilterCluster } from './filter-clusters.ts';

export interface BigramAttackOptions {
  /** Rounds of learning positions from known values, re-identifying, and learning again. */
  rounds: number;
  /** Least share of a value's bigrams with learned positions before it is tried. */
  minCoverage: number;
  /** Least Dice between a value's predicted filter and a cluster's consensus to accept. */
  minDice: number;
  /** Least lead of the best value over the runner-up. */
  minMargin: number;
  /** Bit positions per token, from the (public) schema. */
  hashesPerToken: number;
}

export const DEFAULT_BIGRAM_ATTACK: BigramAttackOptions = { rounds: 3, minCoverage: 0.75, minDice: 0.8, minMargin: 0.04, hashesPerToken: 20 };

export interface BigramAttackResult {
  guesses: Array<string | undefined>;
  /** Bigram -> the bit positions the attacker believes it sets. */
  learned: Map<string, number[]>;
}

function bitsOf(filter: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < filter.length * 8; i++) if ((filter[i >>> 3] >>> (i & 7)) & 1) out.push(i);
  return out;
}

/**
 * Positions of each bigram (after Kroll & Steinmetzer 2015; Christen et al. 2018): the k bits most
 * often set in the known filters that contain it and least often in those that do not. k is public
 * (it is in the schema); voting rather than intersecting tolerates a few wrongly aligned seeds.
 */
function learnPositions(known: ReadonlyArray<{ filter: Uint8Array; value: string }>, bits: number, k: number): Map<string, number[]> {
  const withGram = new Map<string, { n: number; counts: Float64Array }>();
  const all = new Float64Array(bits);
  for (const { filter, value } of known) {
    const set = bitsOf(filter);
    for (const b of set) all[b]++;
    for (const q of new Set(bigrams(value))) {
      let acc = withGram.get(q);
      if (!acc) withGram.set(q, (acc = { n: 0, counts: new Float64Array(bits) }));
      acc.n++;
      for (const b of set) acc.counts[b]++;
    }
  }
  const learned = new Map<string, number[]>();
  for (const [q, { n, counts }] of withGram) {
    const rest = known.length - n;
    const score = Array.from(counts, (c, b) => ({ b, inside: c / n, s: c / n - (rest > 0 ? (all[b] - c) / rest : 0) }));
    const positions = score.filter((x) => x.inside >= 0.75).sort((x, y) => y.s - x.s).slice(0, k).map((x) => x.b);
    // Two or fewer known filters share too many chance bits; those bigrams are explained away below.
    if (n >= 3 && positions.length > 0) learned.set(q, positions);
  }
  explainAway(known, learned);
  return learned;
}

/**
 * Constraint propagation (Kuzu et al. 2011): in a known filter whose bigrams are all learned but
 * one, the bits no learned bigram explains belong to that one.
 */
function explainAway(known: ReadonlyArray<{ filter: Uint8Array; value: string }>, learned: Map<string, number[]>): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const { filter, value } of known) {
      const grams = [...new Set(bigrams(value))];
      const unknown = grams.filter((q) => !learned.has(q));
      if (unknown.length !== 1) continue;
      const explained = new Set(grams.flatMap((q) => learned.get(q) ?? []));
      const rest = bitsOf(filter).filter((b) => !explained.has(b));
      if (rest.length > 0) {
        learned.set(unknown[0], rest);
        changed = true;
      }
    }
  }
}

function predictedFilter(value: string, learned: Map<string, number[]>, bytes: number): { filter: Uint8Array; coverage: number } {
  const grams = [...new Set(bigrams(value))];
  const filter = new Uint8Array(bytes);
  let known = 0;
  for (const q of grams) {
    const positions = learned.get(q);
    if (!positions) continue;
    known++;
    for (const p of positions) filter[p >>> 3] |= 1 << (p & 7);
  }
  return { filter, coverage: known / grams.length };
}

/**
 * Pattern-mining re-identification: from the values a frequency attack aligned, learn which bits
 * each bigram sets, then re-identify any filter (rare values included) by the public-list value
 * whose predicted filter matches best; accepted values become new known filters for the next round.
 */
export function bigramPositionAttack(
  filters: ReadonlyArray<Uint8Array | undefined>,
  clusters: readonly FilterCluster[],
  seeds: ReadonlyMap<number, string>,
  background: readonly string[],
  options: BigramAttackOptions = DEFAULT_BIGRAM_ATTACK,
): BigramAttackResult {
  const first = filters.find((f) => f !== undefined);
  const guesses: Array<string | undefined> = new Array(filters.length).fill(undefined);
  if (!first) return { guesses, learned: new Map() };
  const dictionary = [...new Set(background)];
  const known = new Map<number, string>(seeds);
  let learned = new Map<string, number[]>();
  for (let round = 0; round < options.rounds; round++) {
    learned = learnPositions([...known].map(([c, value]) => ({ filter: clusters[c].consensus, value })), first.length * 8, options.hashesPerToken);
    const candidates = dictionary
      .map((value) => ({ value, ...predictedFilter(value, learned, first.length) }))
      .filter((c) => c.coverage >= options.minCoverage);
    let added = 0;
    clusters.forEach((cluster, c) => {
      if (known.has(c)) return;
      let best = { value: '', score: -1 };
      let second = -1;
      for (const cand of candidates) {
        const score = dice(cand.filter, cluster.consensus);
        if (score > best.score) {
          second = best.score;
          best = { value: cand.value, score };
        } else if (score > second) second = score;
      }
      if (best.score >= options.minDice && best.score - second >= options.minMargin) {
        known.set(c, best.value);
        added++;
      }
    });
    if (added === 0) break;
  }
  for (const [c, value] of known) for (const r of clusters[c].members) guesses[r] = value;
  return { guesses, learned };
}
