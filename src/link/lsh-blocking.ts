import { filterBit, type FilterStore } from './filter-store.ts';
import { CandidateCollector, type PairSides } from './candidate-pairs.ts';
import { emitBlocks, type BlockingPass } from './blocking.ts';
import { seededRandom } from './seeded-random.ts';

export interface LshSettings {
  bands: number;
  /** Sampled bits per band (at most 32): more rows, fewer and closer candidates. */
  rowsPerBand: number;
  maxBlockPairs: number;
}

/*
 * Defaults: two CLKs of one person (Dice about 0.9 at 30% fill) agree on about 94% of bits, two
 * strangers on about 57%; 24 rows make a band rare for strangers (about 1e-6) while 24 bands
 * still catch a true pair with probability above 0.99.
 */
export const DEFAULT_LSH: LshSettings = { bands: 24, rowsPerBand: 24, maxBlockPairs: 10_000 };

/**
 * Bit positions each band samples, drawn from a seed derived from the schema fingerprint so that
 * every run over extracts of one schema samples the same bits (the linker holds no secret).
 */
export function lshBandPositions(seed: string, filterBits: number, settings: LshSettings): Uint32Array[] {
  const random = seededRandom(`credlink-lsh:${seed}`);
  return Array.from({ length: settings.bands }, () => {
    const positions = new Uint32Array(settings.rowsPerBand);
    for (let r = 0; r < positions.length; r++) positions[r] = random.int(filterBits);
    return positions;
  });
}

function bandKeys(store: FilterStore, positions: Uint32Array): Array<number | undefined> {
  const keys: Array<number | undefined> = new Array(store.count);
  for (let i = 0; i < store.count; i++) {
    if (store.present[i] === 0) continue;
    let key = 0;
    for (let r = 0; r < positions.length; r++) key = ((key << 1) | filterBit(store, i, positions[r])) >>> 0;
    // All sampled bits unset says only that both filters are sparse there: no evidence, huge bucket.
    keys[i] = key === 0 ? undefined : key;
  }
  return keys;
}

/** Bit-sampling LSH on the record-level CLK: catches pairs whose blocking keys disagree (a typo in the surname, a swapped day and month). */
export function lshPass(sides: PairSides, collector: CandidateCollector, seed: string, settings: LshSettings): BlockingPass | undefined {
  const { a, b } = sides;
  if (a.clk.count === 0 || b.clk.count === 0 || a.clk.wordsPerFilter !== b.clk.wordsPerFilter || a.clk.wordsPerFilter === 0) return undefined;
  const bands = lshBandPositions(seed, a.clk.wordsPerFilter * 32, settings);
  const found: number[] = [];
  let skippedBlocks = 0;
  let skippedPairs = 0;
  for (const positions of bands) {
    const keysA = bandKeys(a.clk, positions);
    const keysB = sides.dedupe ? keysA : bandKeys(b.clk, positions);
    const result = emitBlocks(sides, collector, keysA, keysB, settings.maxBlockPairs);
    for (const index of result.candidates) found.push(index);
    skippedBlocks += result.skippedBlocks;
    skippedPairs += result.skippedPairs;
  }
  const unique = Uint32Array.from(new Set(found)).sort();
  return { name: 'clk_lsh', kind: 'lsh', candidates: unique, skippedBlocks, skippedPairs };
}
