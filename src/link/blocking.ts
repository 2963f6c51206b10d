import type { FieldName } from '../schema/field-names.ts';
import { CandidateCollector, type PairSides } from './candidate-pairs.ts';
import { uint32List } from './growable-array.ts';

/** What one blocking pass contributed. */
export interface BlockingPass {
  name: string;
  kind: 'key' | 'lsh' | 'scan';
  /** Fields the blocking key is built from, when the schema is known; used to rotate EM training. */
  fields?: FieldName[];
  /** Pairs agree exactly (identical filters) on every field of `fields`: chance agreement there is the product of their exact u. */
  exact?: boolean;
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
  // A shard groups only its own values; values the other side lacks can form no pair, so they are
  // not grouped at all (most LSH band keys). The smaller side is grouped whole and the larger one
  // only where it meets it: a 1M spine against 10M wage records then builds no 10M-entry Map per
  // pass. Pairs come out in the same order either way (A's groups in order of first occurrence).
  const keep = filter ? (value: string | number) => filter.keep(value, band) : undefined;
  let groupA: Grouping;
  let groupB: Grouping;
  if (sides.dedupe) groupA = groupB = groupBy(valuesB, keep);
  else if (valuesA.length < valuesB.length) {
    groupA = groupBy(valuesA, keep);
    groupB = groupBy(valuesB, (value) => groupA.groups.has(value));
  } else {
    groupB = groupBy(valuesB, keep);
    groupA = groupBy(valuesA, (value) => groupB.groups.has(value));
  }
  const found = uint32List();
  const starts = filter ? uint32List() : undefined;
  let skippedBlocks = 0;
  let skippedPairs = 0;
  for (const [value, ga] of groupA.groups) {
    const gb = groupB.groups.get(value);
    if (gb === undefined) continue;
    const na = groupA.size[ga];
    const pairs = sides.dedupe ? (na * (na - 1)) / 2 : na * groupB.size[gb];
    if (pairs === 0) continue;
    if (pairs > maxBlockPairs) {
      skippedBlocks += 1;
      skippedPairs += pairs;
      continue;
    }
    const start = groupA.first[ga];
    for (let x = start; x >= 0; x = groupA.next[x]) {
      for (let y = sides.dedupe ? groupA.next[x] : groupB.first[gb]; y >= 0; y = groupB.next[y]) {
        const index = collector.add(x, y);
        if (index < 0) continue;
        found.push(index);
        starts?.push(start);
      }
    }
  }
  const candidates = found.take();
  return { candidates, skippedBlocks, skippedPairs, ...(starts ? { blockStarts: starts.take() } : {}) };
}

/**
 * Records grouped by value without an array per group: `groups` maps a value to its group number
 * (in order of first occurrence), and each group is a chain first[g] -> next[i] -> ... -> -1 in
 * record order. Most groups hold one record, so this saves millions of small arrays per pass.
 */
interface Grouping {
  groups: Map<string | number, number>;
  first: Int32Array;
  size: Int32Array;
  next: Int32Array;
}

function groupBy(values: ReadonlyArray<string | number | undefined>, only?: (value: string | number) => boolean): Grouping {
  const groups = new Map<string | number, number>();
  const next = new Int32Array(values.length).fill(-1);
  let first = new Int32Array(1024);
  let last = new Int32Array(1024);
  let size = new Int32Array(1024);
  const widen = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === undefined || (only && !only(value))) continue;
    const g = groups.get(value);
    if (g !== undefined) {
      next[last[g]] = i;
      last[g] = i;
      size[g] += 1;
      continue;
    }
    const fresh = groups.size;
    if (fresh === first.length) [first, last, size] = [widen(first), widen(last), widen(size)];
    groups.set(value, fresh);
    first[fresh] = i;
    last[fresh] = i;
    size[fresh] = 1;
  }
  return { groups, first, size, next };
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
