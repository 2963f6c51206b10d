import { describe, expect, it } from 'vitest';
import { CandidateCollector, pairSides } from '../../src/link/candidate-pairs.ts';
import { diceScanPass } from '../../src/link/dice-scan-blocking.ts';
import { buildFilterStore } from '../../src/link/filter-store.ts';
import type { SourceStore } from '../../src/link/source-store.ts';

/** A 64-bit filter with the given bits set. */
function filter(bits: number[]): Uint8Array {
  const out = new Uint8Array(8);
  for (const b of bits) out[b >> 3] |= 1 << (b & 7);
  return out;
}

const side = (name: string, count: number) => ({ name, count }) as unknown as SourceStore;

describe('diceScanPass', () => {
  // a0 and b1 share 9 of 10 bits; a1 and b0 share 8; b2 is unlike anything.
  const a = buildFilterStore([filter([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), filter([20, 21, 22, 23, 24, 25, 26, 27, 28, 29])]);
  const b = buildFilterStore([filter([20, 21, 22, 23, 24, 25, 26, 27, 40, 41]), filter([0, 1, 2, 3, 4, 5, 6, 7, 8, 50]), filter([60, 61, 62, 63]), undefined]);
  const sides = pairSides(side('a', 2), side('b', 4));

  it("makes candidates of each record's close partners and of nothing else", () => {
    const collector = new CandidateCollector(sides);
    const pass = diceScanPass(sides, collector, { a, b }, { maxPairs: 100, bestPerRecord: 1, minDice: 0.6 })!;
    expect(pass.kind).toBe('scan');
    const { left, right } = collector.toArrays();
    const pairs = [...left].map((x, i) => `${x}-${right[i]}`).sort();
    expect(pairs).toEqual(['0-1', '1-0']);
    expect(pass.candidates.length).toBe(2);
  });

  it('leaves sides larger than its budget to blocking', () => {
    const collector = new CandidateCollector(sides);
    expect(diceScanPass(sides, collector, { a, b }, { maxPairs: 7, bestPerRecord: 1, minDice: 0.6 })).toBeUndefined();
    expect(collector.size).toBe(0);
  });
});
