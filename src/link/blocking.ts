import type { FieldName } from '../schema/field-names.ts';
import { CandidateCollector, type PairSides } from './candidate-pairs.ts';

/** What one blocking pass contributed. */
export interface BlockingPass {
  name: string;
  kind: 'key' | 'lsh';
  /** Fields the blocking key is built from, when the schema is known; used to rotate EM training. */
  fields?: FieldName[];
  /** Indices (into the union of candidates) of the pairs this pass produced. */
  candidates: Uint32Array;
  /** Blocks dropped because they would give more than maxBlockPairs pairs. */
  skippedBlocks: number;
  skippedPairs: number;
  /** Sharded runs only: how each emission was found, so that merge can replay the single-run order. */
  emissions?: PassEmissions;
}

/**
 * One row per pair a pass emitted (parallel to `candidates` for key passes): the LSH band (0 for
 * a key pass) and the first record of its block. A single run emits block by block in order of
 * the block's first record, and within a block in record order, so sorting by
 * (band, blockStart, left, right) restores that order from the rows of all shards.
 */
export interface PassEmissions {
  band: Uint32Array;
  blockStart: Uint32Array;
  pair: Uint32Array;
}

/** Sharded runs: emits only the blocks whose value falls in this shard, and records how (see PassEmissions). */
export interface BlockFilter {
  keep(value: string | number, band: number): boolean;
}

/**
 * Groups records by a value and emits every pair within a group. A group giving more than
 * `maxBlockPairs` pairs (a default value, a very common surname) is skipped: such blocks carry
 * little evidence per pair and would dominate run time; other passes usually still find the matches.
 */
export function emitBlocks(
  sides: PairSides,
  collector: CandidateCollector,
  valuesA: ReadonlyArray<string | number | undefined>,
  valuesB: ReadonlyArray<string | number | undefined>,
  maxBlockPairs: number,
  filter?: BlockFilter,
  band = 0,
): { candidates: Uint32Array; skippedBlocks: number; skippedPairs: number; blockStarts?: Uint32Array } {
  const groupA = groupBy(valuesA);
  const groupB = sides.dedupe ? groupA : groupBy(valuesB);
  const found: number[] = [];
  const starts: number[] | undefined = filter ? [] : undefined;
  let skippedBlocks = 0;
  let skippedPairs = 0;
  for (const [value, xs] of groupA) {
    const ys = groupB.get(value);
    if (!ys) continue;
    if (filter && !filter.keep(value, band)) continue;
    const pairs = sides.dedupe ? (xs.length * (xs.length - 1)) / 2 : xs.length * ys.length;
    if (pairs === 0) continue;
    if (pairs > maxBlockPairs) {
      skippedBlocks += 1;
      skippedPairs += pairs;
      continue;
    }
    for (let i = 0; i < xs.length; i++) {
      for (let j = sides.dedupe ? i + 1 : 0; j < ys.length; j++) {
        const index = collector.add(xs[i], ys[j]);
        if (index < 0) continue;
        found.push(index);
        starts?.push(xs[0]);
      }
    }
  }
  const candidates = Uint32Array.from(found);
  return { candidates, skippedBlocks, skippedPairs, ...(starts ? { blockStarts: Uint32Array.from(starts) } : {}) };
}

function groupBy(values: ReadonlyArray<string | number | undefined>): Map<string | number, number[]> {
  const groups = new Map<string | number, number[]>();
  values.forEach((value, i) => {
    if (value === undefined) return;
    const group = groups.get(value);
    if (group) group.push(i);
    else groups.set(value, [i]);
  });
  return groups;
}

/** One pass per keyed blocking key both sides carry. */
export function blockingKeyPasses(
  sides: PairSides,
  collector: CandidateCollector,
  keyFields: ReadonlyMap<string, FieldName[]> | undefined,
  maxBlockPairs: number,
  filter?: BlockFilter,
): BlockingPass[] {
  const passes: BlockingPass[] = [];
  for (const [name, valuesA] of sides.a.blockingKeys) {
    const valuesB = sides.b.blockingKeys.get(name);
    if (!valuesB) continue;
    const { blockStarts, ...result } = emitBlocks(sides, collector, valuesA, valuesB, maxBlockPairs, filter);
    const emissions = blockStarts && { band: new Uint32Array(blockStarts.length), blockStart: blockStarts, pair: result.candidates };
    passes.push({ name, kind: 'key', fields: keyFields?.get(name), ...result, ...(emissions ? { emissions } : {}) });
  }
  return passes;
}
