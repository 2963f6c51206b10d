import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dice } from '../../src/kernel/dice.ts';
import { bestOf, type DiceKernel } from '../../src/kernel/dice-kernel.ts';
import { createJsDiceKernel } from '../../src/kernel/js-dice-kernel.ts';
import { createWasmDiceKernel } from '../../src/kernel/wasm-dice-kernel.ts';

const kernels: Array<[string, DiceKernel]> = [
  ['js', createJsDiceKernel()],
  ['wasm', createWasmDiceKernel({ maximumBytes: 64 << 20 })],
  ['wasm generic', createWasmDiceKernel({ scanVariant: 'v128-generic', maximumBytes: 64 << 20 })],
];

/** Filters drawn from a small pool, so that equal scores (ties) and empty filters are common. */
const filters = (bytes: number) =>
  fc
    .array(
      fc.oneof(
        fc.constant(new Uint8Array(bytes)),
        fc.constant(new Uint8Array(bytes).fill(0xff)),
        fc.uint8Array({ minLength: bytes, maxLength: bytes }),
        fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((a) => a.map((x) => x & (x >>> 2))),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .chain((pool) => fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 41 }).map((picks) => picks.map((p) => pool[p])));

const concat = (fs: Uint8Array[]) => {
  const out = new Uint8Array(fs.reduce((n, f) => n + f.length, 0));
  fs.forEach((f, i) => out.set(f, i * f.length));
  return out;
};

/** By sorting: scores descending, lower index first among equals, at least minScore, the first k. */
const sortedBest = (scores: number[], k: number, minScore: number) => {
  const order = scores.map((s, i) => [s, i] as const).filter(([s]) => s >= minScore);
  order.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  return order.slice(0, k);
};

const minScores = fc.oneof(fc.constant(0), fc.constant(0.5), fc.double({ min: -0.1, max: 1.1, noNaN: true }));

describe('bestOf', () => {
  it('keeps what sorting keeps', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 0.25, 0.5, 0.75, 1, 1 / 3), { maxLength: 60 }), fc.nat(12), minScores, (scores, k, min) => {
        const got = bestOf(Float64Array.from(scores), k, min);
        const want = sortedBest(scores, k, min);
        expect(Array.from(got.index)).toEqual(want.map(([, i]) => i));
        expect(Array.from(got.score)).toEqual(want.map(([s]) => s));
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(kernels)('%s kernel scanBest', (_name, kernel) => {
  it('keeps the k best at or above minScore, ties to the lower index, for 1024-bit and other filters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(128, 128, 32, 64).chain((b) => fc.tuple(fc.constant(b), filters(b), fc.uint8Array({ minLength: b, maxLength: b }))),
        fc.nat(15),
        minScores,
        ([bytes, fs, query], k, min) => {
          const set = kernel.load(concat(fs), bytes);
          const got = kernel.scanBest(query, set, k, min);
          kernel.release(set);
          const want = sortedBest(fs.map((f) => dice(query, f)), k, min);
          expect(Array.from(got.index)).toEqual(want.map(([, i]) => i));
          expect(Array.from(got.score)).toEqual(want.map(([s]) => s));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds the one identical filter in an odd-sized set, and nothing above a minScore of 1.5', () => {
    const count = 1001;
    const fs = new Uint8Array(count * 128).map((_, i) => (i * 2654435761) >>> 24);
    const query = fs.slice(777 * 128, 778 * 128);
    const set = kernel.load(fs, 128);
    const best = kernel.scanBest(query, set, 3, 0);
    expect(best.index[0]).toBe(777);
    expect(best.score[0]).toBe(1);
    expect(best.index).toHaveLength(3);
    expect(kernel.scanBest(query, set, 3, 1.5).index).toHaveLength(0);
    expect(kernel.scanBest(query, set, 0, 0).index).toHaveLength(0);
    kernel.release(set);
  });

  it('rejects a k that is not a whole number and a minScore that is not a number', () => {
    const set = kernel.load(new Uint8Array(256), 128);
    expect(() => kernel.scanBest(new Uint8Array(128), set, 1.5, 0)).toThrow(RangeError);
    expect(() => kernel.scanBest(new Uint8Array(128), set, -1, 0)).toThrow(RangeError);
    expect(() => kernel.scanBest(new Uint8Array(128), set, 2, Number.NaN)).toThrow(RangeError);
    expect(() => kernel.scanBest(new Uint8Array(64), set, 2, 0)).toThrow(RangeError);
    kernel.release(set);
  });
});

describe('wasm scan of 1024-bit filters two at a time', () => {
  it('scores every count of filters, odd and even, exactly as the oracle', () => {
    const kernel = createWasmDiceKernel({ maximumBytes: 64 << 20 });
    fc.assert(
      fc.property(filters(128), fc.uint8Array({ minLength: 128, maxLength: 128 }), (fs, query) => {
        const set = kernel.load(concat(fs), 128);
        const out = new Float64Array(fs.length);
        kernel.scan(query, set, out);
        kernel.release(set);
        expect(Array.from(out)).toEqual(fs.map((f) => dice(query, f)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('wasm kernel scratch', () => {
  it('gives the same results when scan and scanBest of any k alternate, across memory growth', () => {
    const kernel = createWasmDiceKernel({ maximumBytes: 64 << 20 });
    const js = createJsDiceKernel();
    const fs = new Uint8Array(300 * 128).map((_, i) => (i * 2246822519) >>> 25);
    const set = kernel.load(fs, 128);
    const oracle = js.load(fs, 128);
    const out = new Float64Array(300);
    const want = new Float64Array(300);
    for (let round = 0; round < 3; round++) {
      for (const k of [10, 1, 40, 10]) {
        const query = fs.slice(((round * 7 + k) % 300) * 128, ((round * 7 + k) % 300) * 128 + 128);
        expect(kernel.scanBest(query, set, k, 0.3)).toEqual(js.scanBest(query, oracle, k, 0.3));
        kernel.scan(query, set, out);
        js.scan(query, oracle, want);
        expect(out).toEqual(want);
      }
      // Past the 1 MiB the memory starts with: it grows, and the scratch views must stay valid.
      kernel.load(new Uint8Array(20_000 * 128), 128);
    }
  });
});
