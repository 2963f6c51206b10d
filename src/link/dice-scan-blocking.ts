import { createDiceKernel, type DiceKernel } from '../kernel/dice-kernel.ts';
import { totalPairs, type CandidateCollector, type PairSides } from './candidate-pairs.ts';
import type { BlockingPass } from './blocking.ts';
import type { FilterStore } from './filter-store.ts';

export interface DiceScanSettings {
  /** Scan every pair when the sides form at most this many; beyond it blocking and LSH must do. */
  maxPairs: number;
  /** Each record keeps its best this many partners by Dice, from either side. */
  bestPerRecord: number;
  /** ...and only partners at least this close. */
  minDice: number;
}

/*
 * 5,000 x 5,000 records is 25M Dice comparisons, about a second in the WebAssembly kernel: at that
 * size blocking keys and LSH are a needless risk (on name-and-ZIP files they reached only 0.89 of
 * the true pairs), and a full scan with the best few partners of every record reaches 0.99+
 * (docs/linkage.md). The candidate count stays bounded by bestPerRecord x records. The best 20 at
 * Dice >= 0.5 rather than 5 at 0.6 raised pairs completeness on voter-like files from 0.982-0.988 to
 * 0.989-0.992 at the same F1: what it adds are pairs too corrupted to link, but `evaluate` and a
 * refit model can see them.
 */
export const DEFAULT_DICE_SCAN: DiceScanSettings = { maxPairs: 50_000_000, bestPerRecord: 20, minDice: 0.5 };

/** Keeps the k highest scores (and their record) of one record, lowest first in slot 0. */
class BestPartners {
  readonly score: Float64Array;
  readonly partner: Int32Array;
  constructor(records: number, readonly k: number) {
    this.score = new Float64Array(records * k).fill(-1);
    this.partner = new Int32Array(records * k).fill(-1);
  }

  floor(record: number): number {
    return this.score[record * this.k];
  }

  offer(record: number, partner: number, score: number): void {
    const base = record * this.k;
    if (score <= this.score[base]) return;
    let slot = 0;
    // Shift lower entries down; ties keep the earlier partner, so the result is the same in any order of equal scores.
    while (slot + 1 < this.k && this.score[base + slot + 1] < score) {
      this.score[base + slot] = this.score[base + slot + 1];
      this.partner[base + slot] = this.partner[base + slot + 1];
      slot++;
    }
    this.score[base + slot] = score;
    this.partner[base + slot] = partner;
  }
}

function loadView(kernel: DiceKernel, store: FilterStore) {
  const bytes = new Uint8Array(store.words.buffer, store.words.byteOffset, store.count * store.wordsPerFilter * 4);
  // A copy: the store may live in the kernel's own memory, which loading can grow (detaching a view of it).
  return kernel.load(bytes.slice(), store.wordsPerFilter * 4);
}

/**
 * Scores every pair of the sides on one filter per record (the shared fields end to end) and makes
 * candidates of each record's best partners, from both sides, so that a record whose match is
 * outranked on its own side still gets it from the other. Pairs are added in record order.
 */
export function diceScanPass(
  sides: PairSides,
  collector: CandidateCollector,
  views: { a: FilterStore; b: FilterStore },
  settings: DiceScanSettings,
): BlockingPass | undefined {
  const { a, b } = views;
  const pairs = totalPairs(sides);
  if (pairs === 0 || pairs > settings.maxPairs || a.wordsPerFilter === 0 || a.wordsPerFilter !== b.wordsPerFilter || a.wordsPerFilter % 2 !== 0) return undefined;
  const kernel = createDiceKernel();
  const setB = loadView(kernel, b);
  const fromA = new BestPartners(a.count, settings.bestPerRecord);
  const fromB = new BestPartners(b.count, settings.bestPerRecord);
  const scores = new Float64Array(b.count);
  const query = new Uint8Array(a.wordsPerFilter * 4);
  const aBytes = new Uint8Array(a.words.buffer, a.words.byteOffset, a.count * a.wordsPerFilter * 4);
  for (let i = 0; i < a.count; i++) {
    if (a.present[i] === 0) continue;
    query.set(aBytes.subarray(i * query.length, (i + 1) * query.length));
    kernel.scan(query, setB, scores);
    for (let j = sides.dedupe ? i + 1 : 0; j < b.count; j++) {
      if (b.present[j] === 0) continue;
      const s = scores[j];
      if (s < settings.minDice) continue;
      if (s > fromA.floor(i)) fromA.offer(i, j, s);
      if (s > fromB.floor(j)) fromB.offer(j, i, s);
    }
  }
  kernel.release(setB);
  const found: number[] = [];
  const add = (x: number, y: number) => {
    const index = collector.add(x, y);
    if (index >= 0) found.push(index);
  };
  for (let i = 0; i < a.count; i++) for (let s = settings.bestPerRecord - 1; s >= 0; s--) if (fromA.partner[i * settings.bestPerRecord + s] >= 0) add(i, fromA.partner[i * settings.bestPerRecord + s]);
  for (let j = 0; j < b.count; j++) for (let s = settings.bestPerRecord - 1; s >= 0; s--) if (fromB.partner[j * settings.bestPerRecord + s] >= 0) add(fromB.partner[j * settings.bestPerRecord + s], j);
  const unique = Uint32Array.from(new Set(found)).sort();
  return { name: 'dice_scan', kind: 'scan', candidates: unique, skippedBlocks: 0, skippedPairs: 0 };
}
