import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competingMatchProbability, sumsWithoutSelf } from '../../src/link/match-probability.ts';

const base = { lambda: 1e-6, countA: 1_000_000, countB: 100_000, missedShare: 0.01, oneMatchPerA: true, oneMatchPerB: true };

describe('competingMatchProbability at state scale', () => {
  it('gives a near-certain exact-SSN pair a probability of about 1 beside weak namesakes, never NaN', () => {
    // Roster record 0 has one pair at +95 bits (names, birth date and an SSN whose u is ~1e-12) and
    // two weak ones; subtracting its own term from a sum of ~1e22 used to leave rounding noise.
    const left = Uint32Array.from([7, 8, 9, 7]);
    const right = Uint32Array.from([0, 0, 0, 1]);
    const likelihoodWeight = Float64Array.from([95, 3, -2, 94]);
    const p = competingMatchProbability({ ...base, left, right, likelihoodWeight });
    expect(p.every((x) => Number.isFinite(x) && x >= 0 && x <= 1)).toBe(true);
    expect(p[0]).toBeGreaterThan(0.3);
    expect(p[0] + p[3]).toBeGreaterThan(0.99);
    expect(p[1]).toBeLessThan(1e-4);
    const huge = competingMatchProbability({ ...base, left, right, likelihoodWeight: Float64Array.from([5000, 3, -2, 1]) });
    expect(huge[0]).toBe(1);
    expect(huge.every((x) => Number.isFinite(x))).toBe(true);
  });
});

describe('sumsWithoutSelf', () => {
  it('is the sum over the other pairs of the same record, whatever the spread of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -40, max: 40 })), { minLength: 1, maxLength: 30 }), (pairs) => {
        const owner = Uint32Array.from(pairs.map(([o]) => o));
        const values = Float64Array.from(pairs.map(([, e]) => 2 ** e));
        const others = sumsWithoutSelf(values, owner, 4);
        pairs.forEach(([o], i) => {
          let expected = 0;
          pairs.forEach(([p], j) => { if (j !== i && p === o) expected += values[j]; });
          expect(Math.abs(others(i) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
        });
      }),
    );
  });
});
