import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dice } from '../../src/kernel/dice.ts';
import { createDiceKernel, type DiceKernel } from '../../src/kernel/dice-kernel.ts';
import { createJsDiceKernel } from '../../src/kernel/js-dice-kernel.ts';
import { createWasmDiceKernel, type ScanVariant } from '../../src/kernel/wasm-dice-kernel.ts';

const variants: ScanVariant[] = ['v128', 'v128-generic', 'i64', 'i8x16'];
// Small maximum: every kernel reserves its maximum as address space up front.
const kernels: Array<[string, DiceKernel]> = [
  ['js', createJsDiceKernel()],
  ...variants.map((v): [string, DiceKernel] => [`wasm ${v}`, createWasmDiceKernel({ scanVariant: v, maximumBytes: 64 << 20 })]),
];

/** count filters of `bytes` bytes, some empty, some full, the rest random with a random density. */
const filterSet = (bytes: number, minCount = 1) =>
  fc.array(
    fc.oneof(
      fc.constant(new Uint8Array(bytes)),
      fc.constant(new Uint8Array(bytes).fill(0xff)),
      fc.uint8Array({ minLength: bytes, maxLength: bytes }),
      fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((a) => a.map((x) => x & (x >>> 1) & 0x55)),
    ),
    { minLength: minCount, maxLength: 12 },
  );

const concat = (filters: Uint8Array[]) => {
  const out = new Uint8Array(filters.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of filters) {
    out.set(f, at);
    at += f.length;
  }
  return out;
};

// 64..2048 bits in 64-bit steps, with 1024 (the straight-line kernels) drawn often.
const bytesPerFilter = fc.oneof(fc.integer({ min: 1, max: 32 }).map((w) => w * 8), fc.constant(128));

describe.each(kernels)('%s kernel', (_name, kernel) => {
  it('scores pairs exactly as the oracle, for filters of 64..2048 bits', () => {
    fc.assert(
      fc.property(
        bytesPerFilter.chain((b) => fc.tuple(fc.constant(b), filterSet(b), filterSet(b))),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }),
        ([bytes, as, bs], picks) => {
          const a = kernel.load(concat(as), bytes);
          const b = kernel.load(concat(bs), bytes);
          const idxA = Uint32Array.from(picks, ([i]) => i % as.length);
          const idxB = Uint32Array.from(picks, ([, j]) => j % bs.length);
          const out = new Float64Array(picks.length);
          kernel.scorePairs(a, b, idxA, idxB, out);
          const expected = Array.from(idxA, (ia, k) => dice(as[ia], bs[idxB[k]]));
          kernel.release(a);
          kernel.release(b);
          expect(Array.from(out)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('scans one query and several queries exactly as the oracle', () => {
    fc.assert(
      fc.property(
        bytesPerFilter.chain((b) => fc.tuple(fc.constant(b), filterSet(b), filterSet(b))),
        ([bytes, queries, filters]) => {
          const set = kernel.load(concat(filters), bytes);
          const one = new Float64Array(filters.length);
          kernel.scan(queries[0], set, one);
          expect(Array.from(one)).toEqual(filters.map((f) => dice(queries[0], f)));
          const many = new Float64Array(queries.length * filters.length);
          kernel.scanMany(concat(queries), set, many);
          expect(Array.from(many)).toEqual(queries.flatMap((q) => filters.map((f) => dice(q, f))));
          kernel.release(set);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('scores two empty filters 0 and identical non-empty filters 1', () => {
    const filters = new Uint8Array(256);
    filters.fill(0xa5, 128);
    const set = kernel.load(filters, 128);
    const out = new Float64Array(2);
    kernel.scorePairs(set, set, Uint32Array.of(0, 1), Uint32Array.of(0, 1), out);
    expect(Array.from(out)).toEqual([0, 1]);
    expect([set.popcount(0), set.popcount(1)]).toEqual([0, 512]);
    kernel.release(set);
  });

  it('rejects indices past the set instead of reading other memory', () => {
    const set = kernel.load(new Uint8Array(3 * 16), 16);
    expect(() => kernel.scorePairs(set, set, Uint32Array.of(0, 3), Uint32Array.of(0, 0), new Float64Array(2))).toThrow(/pair 1/);
    kernel.release(set);
  });

  it('rejects filter lengths that are not whole 64-bit words', () => {
    expect(() => kernel.load(new Uint8Array(12), 12)).toThrow(RangeError);
    expect(() => kernel.load(new Uint8Array(20), 8)).toThrow(RangeError);
  });
});

describe('wasm kernel memory', () => {
  it('scores into arrays it allocated without copying, and frees every block', () => {
    const kernel = createWasmDiceKernel({ maximumBytes: 64 << 20 });
    const filters = new Uint8Array(4 * 128).map((_, i) => (i * 37) & 0xff);
    const set = kernel.load(filters, 128);
    const out = kernel.allocScores(4);
    const idx = kernel.allocIndices(4);
    idx.set([3, 2, 1, 0]);
    kernel.scorePairs(set, set, idx, idx, out);
    expect(Array.from(out)).toEqual([1, 1, 1, 1]);
    kernel.freeArray(out);
    kernel.freeArray(idx);
    kernel.release(set);
    expect(kernel.heap.bytesInUse).toBe(0);
  });

  it('grows its memory for a set larger than the initial pages', () => {
    const kernel = createWasmDiceKernel({ maximumBytes: 64 << 20 });
    const count = 20_000; // 2.5 MB, past the 1 MiB the memory starts with
    const filters = new Uint8Array(count * 128);
    filters.fill(0xff, (count - 1) * 128);
    const set = kernel.load(filters, 128);
    const out = new Float64Array(count);
    kernel.scan(filters.subarray((count - 1) * 128), set, out);
    expect([out[0], out[count - 1]]).toEqual([0, 1]);
  });
});

describe('createDiceKernel', () => {
  it('takes WebAssembly where the runtime has it, and JavaScript on request', () => {
    expect(createDiceKernel().path).toBe('wasm');
    expect(createDiceKernel({ path: 'js' }).path).toBe('js');
  });
});
