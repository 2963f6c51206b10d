import { filterBit, packedFilterStore, type FilterStore } from './filter-store.ts';
import type { FieldName } from '../schema/field-names.ts';
import type { SourceStore } from './source-store.ts';
import { CandidateCollector, type PairSides } from './candidate-pairs.ts';
import { emitBlocks, type BlockFilter, type BlockingPass } from './blocking.ts';
import { seededRandom } from './seeded-random.ts';
import { sortedUnique, uint32List } from './growable-array.ts';

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

/**
 * Bit-sampling LSH on one filter per record (the CLK, or the shared fields' filters end to end):
 * catches pairs whose blocking keys disagree (a typo in the surname, a nickname, a swapped day and month).
 */
export function lshPass(
  sides: PairSides,
  collector: CandidateCollector,
  seed: string,
  settings: LshSettings,
  views: { name: string; a: FilterStore; b: FilterStore },
  filter?: BlockFilter,
): BlockingPass | undefined {
  const { a, b } = views;
  if (a.count === 0 || b.count === 0 || a.wordsPerFilter !== b.wordsPerFilter || a.wordsPerFilter === 0) return undefined;
  const bands = lshBandPositions(`${seed}:${views.name}`, a.wordsPerFilter * 32, settings);
  const found = uint32List();
  let skippedBlocks = 0;
  let skippedPairs = 0;
  const emitted = { band: uint32List(), blockStart: uint32List() };
  for (const [band, positions] of bands.entries()) {
    const keysA = bandKeys(a, positions);
    const keysB = sides.dedupe ? keysA : bandKeys(b, positions);
    const result = emitBlocks(sides, collector, keysA, keysB, settings.maxBlockPairs, filter, band);
    for (const index of result.candidates) found.push(index);
    if (result.blockStarts) for (const start of result.blockStarts) emitted.band.push(band), emitted.blockStart.push(start);
    skippedBlocks += result.skippedBlocks;
    skippedPairs += result.skippedPairs;
  }
  const all = found.take();
  const unique = sortedUnique(all);
  const emissions = filter && { band: emitted.band.take(), blockStart: emitted.blockStart.take(), pair: all };
  return { name: `${views.name}_lsh`, kind: 'lsh', candidates: unique, skippedBlocks, skippedPairs, ...(emissions ? { emissions } : {}) };
}

/**
 * The filters of `fields` laid end to end, one per record: unlike the CLK, two sources that carry
 * different fields (wage records have no birth date, rosters have e-mail) share every bit of it.
 */
export function sharedFieldView(store: SourceStore, fields: readonly FieldName[]): FilterStore {
  const parts = fields.map((f) => store.fields.get(f)!);
  const width = parts.reduce((n, part) => n + part.wordsPerFilter, 0);
  // Packed straight into one array: a typed array per record costs ~150 bytes of overhead each,
  // gigabytes of garbage at 10M records.
  const words = new Uint32Array(store.count * width);
  const present = new Uint8Array(store.count);
  let offset = 0;
  for (const part of parts) {
    const w = part.wordsPerFilter;
    for (let i = 0; i < store.count; i++) {
      if (!part.present[i]) continue;
      for (let k = 0, from = i * w, to = i * width + offset; k < w; k++) words[to + k] = part.words[from + k];
      present[i] = 1;
    }
    offset += w;
  }
  return packedFilterStore(new Uint8Array(words.buffer), width * 4, present);
}
