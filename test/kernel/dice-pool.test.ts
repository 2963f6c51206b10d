import { afterAll, describe, expect, it } from 'vitest';
import { createDicePool } from '../../src/kernel/dice-pool.ts';
import { createWasmDiceKernel } from '../../src/kernel/wasm-dice-kernel.ts';

const kernel = createWasmDiceKernel({ maximumBytes: 256 << 20 });
const pool = await createDicePool(kernel, { workers: 2 });
afterAll(() => pool.close());

function randomFilters(count: number, bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(count * bytes);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe('dice pool', () => {
  it.each([128, 32])('gives the single-threaded scores for %i-byte filters, split over workers', async (bytes) => {
    const a = kernel.load(randomFilters(2000, bytes, 1), bytes);
    const b = kernel.load(randomFilters(3000, bytes, 2), bytes);
    const n = 20_000;
    const idxA = Uint32Array.from({ length: n }, (_, k) => (k * 7919) % 2000);
    const idxB = Uint32Array.from({ length: n }, (_, k) => (k * 104729) % 3000);
    const expected = new Float64Array(n);
    kernel.scorePairs(a, b, idxA, idxB, expected);
    const out = new Float64Array(n);
    await pool.scorePairs(a, b, idxA, idxB, out);
    expect(out).toEqual(expected);
    kernel.release(a);
    kernel.release(b);
  });

  it('reports an index out of range with its position in the whole batch', async () => {
    const a = kernel.load(new Uint8Array(10 * 128), 128);
    const idxA = new Uint32Array(10_000);
    const idxB = new Uint32Array(10_000);
    idxB[9_999] = 10;
    await expect(pool.scorePairs(a, a, idxA, idxB, new Float64Array(10_000))).rejects.toThrow(/pair 9999/);
    kernel.release(a);
  });
});
