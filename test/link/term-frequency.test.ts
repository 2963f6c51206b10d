import { describe, expect, it } from 'vitest';
import { pairSides } from '../../src/link/candidate-pairs.ts';
import { buildFilterStore } from '../../src/link/filter-store.ts';
import type { SourceStore } from '../../src/link/source-store.ts';
import { termFrequencyBits, valueShares } from '../../src/link/term-frequency.ts';
import type { FieldName } from '../../src/schema/field-names.ts';

/** A filter standing for a value: identical values give identical filters. */
const filterOf = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const bytes = new Uint8Array(16);
  for (let i = 0; i < value.length; i++) bytes[(value.charCodeAt(i) * 7 + i) % 16] |= 1 << (i % 8);
  return bytes;
};

function store(name: string, surnames: Array<string | undefined>): SourceStore {
  const fields = new Map([['last_name' as FieldName, buildFilterStore(surnames.map(filterOf))]]);
  return { name, count: surnames.length, fields, duplicateFree: true } as unknown as SourceStore;
}

describe('term frequencies on the encodings', () => {
  const a = store('a', ['SMITH', 'SMITH', 'SMITH', 'OKONKWO', undefined]);
  const b = store('b', ['SMITH', 'SMITH', 'ZYLSTRA', 'OKONKWO']);
  const sides = pairSides(a, b);

  it('gives each record the share of present records of both sides that hold its value', () => {
    const shares = valueShares(sides, 'last_name' as FieldName)!;
    expect(Array.from(shares.a)).toEqual([5 / 8, 5 / 8, 5 / 8, 2 / 8, 0].map((x) => expect.closeTo(x, 6)));
    expect(Array.from(shares.b)).toEqual([5 / 8, 5 / 8, 1 / 8, 2 / 8].map((x) => expect.closeTo(x, 6)));
  });

  it('weighs an exact agreement on a rare surname above one on a common surname, and others not at all', () => {
    const EXACT = 4;
    const left = Uint32Array.from([0, 3, 0]);
    const right = Uint32Array.from([0, 3, 2]);
    const levels = Uint8Array.from([EXACT, EXACT, 0]);
    const bits = termFrequencyBits(sides, ['last_name' as FieldName], levels, left, right, EXACT)!;
    expect(bits[0]).toBeCloseTo(-Math.log2(5 / 8), 5);
    expect(bits[1]).toBeCloseTo(2, 5);
    expect(bits[1]).toBeGreaterThan(bits[0]);
    expect(bits[2]).toBe(0);
  });
});
