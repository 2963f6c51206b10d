import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TokenPositionTable } from '../../src/encode/token-table.ts';

/*
 * The token -> positions table of the encoder. Its positions must be the ones `fill` computed for
 * that code, across growth (the pool is reallocated) and clearing (the limit is reached): a stale
 * pool read after growth once gave wrong bits, caught only by the byte comparison of extracts.
 */
const STRIDE = 3;
const positionsOf = (code: number) => [code % 1021, (code * 7) % 1021, (code * 13 + 5) % 1021];

function tableWithCalls(limit: number) {
  const calls: number[] = [];
  const table = new TokenPositionTable(STRIDE, limit, (code, pool, offset) => {
    calls.push(code);
    pool.set(positionsOf(code), offset);
  });
  const read = (code: number) => {
    const offset = table.offsetOf(code);
    return Array.from(table.pool.subarray(offset, offset + STRIDE));
  };
  return { table, calls, read };
}

describe('TokenPositionTable', () => {
  it('returns what fill wrote for each code, and fills each code once while it fits', () => {
    const { calls, read } = tableWithCalls(100_000);
    for (const code of [5, 70_000, 5, 0, 70_000]) expect(read(code)).toEqual(positionsOf(code));
    expect(calls).toEqual([5, 70_000, 0]);
  });

  it('keeps every code right through many growths of the table and its pool', () => {
    const { calls, read } = tableWithCalls(100_000);
    const codes = Array.from({ length: 20_000 }, (_, i) => (i * 2_654_435_761) >>> 0).filter((c) => c !== 0xffffffff);
    for (const code of codes) expect(read(code)).toEqual(positionsOf(code));
    for (const code of codes) expect(read(code)).toEqual(positionsOf(code));
    expect(calls.length).toBe(new Set(codes).size);
  });

  it('clears when full and recomputes, still giving the right positions', () => {
    const { calls, read } = tableWithCalls(16);
    for (let code = 0; code < 40; code++) expect(read(code)).toEqual(positionsOf(code));
    expect(read(0)).toEqual(positionsOf(0));
    expect(calls.length).toBeGreaterThan(40);
  });

  it('agrees with a Map for any sequence of lookups (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xfffffffe }), { maxLength: 3000 }), fc.integer({ min: 1, max: 5000 }), (codes, limit) => {
        const { read } = tableWithCalls(limit);
        for (const code of codes) expect(read(code)).toEqual(positionsOf(code));
      }),
      { numRuns: 50 },
    );
  });
});
