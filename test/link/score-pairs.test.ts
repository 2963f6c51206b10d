import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dice } from '../../src/kernel/dice.ts';
import { buildFilterStore } from '../../src/link/filter-store.ts';
import { diceForPairs } from '../../src/link/score-pairs.ts';
import { comparisonLevel, DEFAULT_LEVEL_THRESHOLDS, MISSING_LEVEL } from '../../src/link/comparison-levels.ts';

const filter = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('diceForPairs', () => {
  it('gives the same score as the scalar dice oracle for every pair in a batch', () => {
    fc.assert(
      fc.property(fc.array(filter, { minLength: 1, maxLength: 8 }), fc.array(filter, { minLength: 1, maxLength: 8 }), (as, bs) => {
        const a = buildFilterStore(as);
        const b = buildFilterStore(bs);
        const left = Uint32Array.from({ length: as.length * bs.length }, (_, k) => Math.floor(k / bs.length));
        const right = Uint32Array.from({ length: as.length * bs.length }, (_, k) => k % bs.length);
        const out = new Float64Array(left.length);
        diceForPairs(a, b, left, right, out);
        left.forEach((x, k) => expect(out[k]).toBe(dice(as[x], bs[right[k]])));
      }),
      { numRuns: 50 },
    );
  });

  it('marks a pair NaN when either record lacks the field', () => {
    const a = buildFilterStore([new Uint8Array(8).fill(1), undefined]);
    const b = buildFilterStore([new Uint8Array(8).fill(1)]);
    const out = new Float64Array(2);
    diceForPairs(a, b, Uint32Array.of(0, 1), Uint32Array.of(0, 0), out);
    expect(out[0]).toBe(1);
    expect(Number.isNaN(out[1])).toBe(true);
  });
});

describe('comparisonLevel', () => {
  it.each([
    [1, 4],
    [0.95, 3],
    [0.9, 3],
    [0.8, 2],
    [0.74, 1],
    [0.6, 1],
    [0.59, 0],
    [0, 0],
    [Number.NaN, MISSING_LEVEL],
  ])('maps Dice %s to level %s', (score, level) => {
    expect(comparisonLevel(score, DEFAULT_LEVEL_THRESHOLDS)).toBe(level);
  });
});
