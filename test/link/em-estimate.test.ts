import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emEstimate, monotoneRatio } from '../../src/link/em-estimate.ts';
import { fitFsModel } from '../../src/link/fs-model.ts';
import { patternTable } from '../../src/link/pattern-table.ts';
import type { ComparisonVectors } from '../../src/link/comparison-vectors.ts';
import { seededRandom } from '../../src/link/seeded-random.ts';

const probabilities = (n: number) =>
  fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((xs) => {
    const total = xs.reduce((s, x) => s + x, 0);
    return xs.map((x) => x / total);
  });

describe('monotoneRatio', () => {
  it('never lets m/u fall as agreement rises, and keeps m summing to 1', () => {
    fc.assert(
      fc.property(probabilities(4), probabilities(4), (m, u) => {
        const fixed = monotoneRatio(m, u);
        for (let k = 1; k < 4; k++) expect(fixed[k] / u[k]).toBeGreaterThanOrEqual(fixed[k - 1] / u[k - 1] - 1e-9);
        expect(fixed.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('leaves an already monotone m alone', () => {
    expect(monotoneRatio([0.1, 0.2, 0.7], [0.8, 0.15, 0.05])).toEqual([0.1, 0.2, 0.7].map((x) => expect.closeTo(x, 12)));
  });
});

describe('emEstimate', () => {
  it('recovers m and the match share from simulated comparison vectors with u held at its true value', () => {
    const m = [[0.02, 0.08, 0.9], [0.05, 0.1, 0.85], [0.03, 0.07, 0.9]];
    const u = [[0.9, 0.08, 0.02], [0.95, 0.04, 0.01], [0.7, 0.25, 0.05]];
    const r = seededRandom('em');
    const n = 20_000;
    const levels = new Uint8Array(n * 3);
    const draw = (p: number[]) => {
      const x = r.next();
      return x < p[0] ? 0 : x < p[0] + p[1] ? 1 : 2;
    };
    for (let i = 0; i < n; i++) {
      const match = r.next() < 0.2;
      for (let f = 0; f < 3; f++) levels[i * 3 + f] = draw(match ? m[f] : u[f]);
    }
    const vectors: ComparisonVectors = { fields: ['first_name', 'last_name', 'dob'], count: n, levels, clkDice: new Float64Array(n) };
    const start = [0, 1, 2].map(() => [0.1, 0.2, 0.7]);
    const fit = emEstimate(patternTable([{ vectors }], 3), u, start, [true, true, true], 0.5, true);
    expect(fit.converged).toBe(true);
    expect(fit.lambda).toBeCloseTo(0.2, 1);
    fit.m.forEach((row, f) => row.forEach((value, k) => expect(Math.abs(value - m[f][k])).toBeLessThan(0.03)));
  });

  it('fits a field that only one-free-field passes leave free over all pairs, and converges', () => {
    // Three fields; the pass blocks on two of them, leaving one free: no lambda can be told from its m there.
    const m = [[0.05, 0.95], [0.1, 0.9], [0.1, 0.9]];
    const u = [[0.99, 0.01], [0.95, 0.05], [0.9, 0.1]];
    const r = seededRandom('one-free');
    const n = 4_000;
    const levels = new Uint8Array(n * 3);
    const rows: number[] = [];
    for (let i = 0; i < n; i++) {
      const match = i < 400;
      for (let f = 0; f < 3; f++) levels[i * 3 + f] = r.next() < (match ? m[f] : u[f])[1] ? 1 : 0;
      if (levels[i * 3] === 1 && levels[i * 3 + 1] === 1) rows.push(i);
    }
    const vectors: ComparisonVectors = { fields: ['ssn', 'last_name', 'first_name'], count: n, levels, clkDice: new Float64Array(n) };
    const pass = { name: 'ssn_last', kind: 'key' as const, fields: ['ssn', 'last_name'] as ComparisonVectors['fields'], candidates: Uint32Array.from(rows), skippedBlocks: 0, skippedPairs: 0 };
    const data = { vectors, passes: [pass], sample: vectors, sampleOutside: new Uint32Array(0), totalPairs: n };
    const model = fitFsModel(data, u, ['else', 'exact'], 'blocks');
    expect(model.sessions.map((s) => s.pass)).toEqual(['all_pairs']);
    expect(model.converged).toBe(true);
    expect(model.prior).toBeCloseTo(0.1, 1);
  });
});
