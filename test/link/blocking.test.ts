import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emitBlocks } from '../../src/link/blocking.ts';
import { CandidateCollector, pairSides } from '../../src/link/candidate-pairs.ts';
import type { SourceStore } from '../../src/link/source-store.ts';

const store = (name: string, count: number): SourceStore => ({
  name, role: 'roster', duplicateFree: true, count, pseudonyms: [], fields: new Map(), clk: undefined as never, blockingKeys: new Map(),
});

/** The order a single run promises: A's values by first occurrence, A records then B records in record order, big blocks skipped. */
function referencePairs(a: Array<number | undefined>, b: Array<number | undefined>, maxBlockPairs: number): Array<[number, number]> {
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const value of a) {
    if (value === undefined || seen.has(value)) continue;
    seen.add(value);
    const xs = a.flatMap((v, i) => (v === value ? [i] : []));
    const ys = b.flatMap((v, i) => (v === value ? [i] : []));
    if (ys.length === 0 || xs.length * ys.length > maxBlockPairs) continue;
    for (const x of xs) for (const y of ys) out.push([x, y]);
  }
  return out;
}

function emitted(a: Array<number | undefined>, b: Array<number | undefined>, maxBlockPairs: number): Array<[number, number]> {
  const sides = pairSides(store('a', a.length), store('b', b.length));
  const collector = new CandidateCollector(sides);
  emitBlocks(sides, collector, a, b, maxBlockPairs);
  const { left, right } = collector.toArrays();
  return Array.from(left, (x, k) => [x, right[k]]);
}

const values = (maxLength: number) => fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), { maxLength });

describe('emitBlocks', () => {
  it('emits pairs in block order whichever side is the smaller one (the smaller is grouped whole)', () => {
    fc.assert(
      fc.property(values(12), values(40), fc.integer({ min: 1, max: 30 }), (short, long, max) => {
        expect(emitted(short, long, max)).toEqual(referencePairs(short, long, max));
        expect(emitted(long, short, max)).toEqual(referencePairs(long, short, max));
      }),
    );
  });

  it('counts a block over maxBlockPairs as skipped, with its pairs', () => {
    const sides = pairSides(store('a', 3), store('b', 5));
    const result = emitBlocks(sides, new CandidateCollector(sides), [1, 1, 2], [1, 1, 1, 2, 3], 4);
    expect(result).toMatchObject({ skippedBlocks: 1, skippedPairs: 6 });
    expect(Array.from(result.candidates)).toEqual([0]);
  });
});
