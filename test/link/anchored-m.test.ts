import { describe, expect, it } from 'vitest';
import { MISSING_LEVEL } from '../../src/link/comparison-levels.ts';
import { anchoredM, MIN_ANCHORED_PAIRS } from '../../src/link/anchored-m.ts';
import type { ComparisonVectors } from '../../src/link/comparison-vectors.ts';

/** Two fields, three levels: rows of (first, second) levels. */
function vectors(rows: Array<[number, number]>): ComparisonVectors {
  return { fields: ['first_name', 'last_name'] as ComparisonVectors['fields'], count: rows.length, levels: Uint8Array.from(rows.flat()), clkDice: new Float64Array(rows.length) };
}

const u = [
  [0.9, 0.09, 0.01],
  [0.9, 0.09, 0.01],
];

describe('anchoredM', () => {
  it('counts the levels of the known matches with half a pseudo-match per level', () => {
    const rows: Array<[number, number]> = [...Array(90).fill([2, 2]), ...Array(6).fill([1, MISSING_LEVEL]), ...Array(4).fill([0, MISSING_LEVEL])];
    const m = anchoredM(vectors(rows), Uint32Array.from(rows.keys()), u);
    [4.5 / 101.5, 6.5 / 101.5, 90.5 / 101.5].forEach((x, k) => expect(m[0]![k]).toBeCloseTo(x, 12));
    // The second field is present in 90 rows only: still above the minimum.
    expect(m[1]![2]).toBeCloseTo(90.5 / 91.5, 12);
  });

  it('leaves a field alone where fewer than the minimum of known matches carry it, and counts only the given rows', () => {
    const rows: Array<[number, number]> = [...Array(MIN_ANCHORED_PAIRS - 1).fill([2, 2]), ...Array(100).fill([0, 0])];
    const m = anchoredM(vectors(rows), Uint32Array.from({ length: MIN_ANCHORED_PAIRS - 1 }, (_, i) => i), u);
    expect(m).toEqual([undefined, undefined]);
  });

  it('keeps m/u from falling as agreement rises', () => {
    // More known matches at the middle level than u allows for: pooled with the exact level.
    const rows: Array<[number, number]> = [...Array(10).fill([0, 2]), ...Array(60).fill([1, 2]), ...Array(30).fill([2, 2])];
    const [m] = anchoredM(vectors(rows), Uint32Array.from(rows.keys()), u);
    const ratios = m!.map((x, k) => x / u[0][k]);
    for (let k = 1; k < ratios.length; k++) expect(ratios[k]).toBeGreaterThanOrEqual(ratios[k - 1] - 1e-12);
    expect(m!.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});
