import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactAgreementCount, pooledExactU } from '../../src/link/exact-agreement.ts';
import { buildFilterStore } from '../../src/link/filter-store.ts';

const filter = (byte: number) => new Uint8Array([byte, 0, 0, 0, 0, 0, 0, 1]);

describe('exact agreement within a duplicate-free source', () => {
  it('counts pairs of records with identical non-empty filters, skipping missing and empty ones', () => {
    const store = buildFilterStore([filter(1), filter(1), filter(1), filter(2), undefined, new Uint8Array(8), filter(2)]);
    // Five non-empty filters: three alike (3 pairs), two alike (1 pair); 10 pairs in all.
    expect(exactAgreementCount(store)).toEqual({ agreeing: 4, pairs: 10 });
  });

  it('refines u of the exact level below what the random sample can resolve', () => {
    const u = [0.97, 0.02, 0.01 - 2.5e-6, 2.5e-6];
    const pooled = pooledExactU(u, 3, 0, 200_000, { agreeing: 0, pairs: 12_000_000 });
    expect(pooled[3]).toBeLessThan(1e-7);
    expect(pooled.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(pooled[0] / pooled[1]).toBeCloseTo(u[0] / u[1], 9);
  });

  it('keeps the sample u when the within-source rate does not fit it (the sources write the field differently)', () => {
    const u = [0.9, 0.05, 0.05 - 1e-5, 1e-5];
    expect(pooledExactU(u, 3, 2, 200_000, { agreeing: 20_000, pairs: 1_000_000 })).toEqual(u);
  });
});

describe('exactAgreementCount at scale', () => {
  /** The definition: pairs of present, non-empty records whose filters are identical byte for byte. */
  function reference(filters: Array<Uint8Array | undefined>): number {
    const counts = new Map<string, number>();
    for (const f of filters) if (f && f.some((b) => b !== 0)) counts.set(f.join(','), (counts.get(f.join(',')) ?? 0) + 1);
    return [...counts.values()].reduce((n, c) => n + (c * (c - 1)) / 2, 0);
  }

  it('counts as the byte-for-byte definition does on random stores with repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), { maxLength: 80 }), fc.integer({ min: 0, max: 3 }), (codes, salt) => {
        // Few distinct values, spread over two 32-bit words so that both halves of the hash matter.
        const filters = codes.map((c) => (c === undefined ? undefined : new Uint8Array([c & 3, 0, 0, salt, c >> 2, 0, 0, 0])));
        const present = filters.filter((f) => f && f.some((b) => b !== 0)).length;
        expect(exactAgreementCount(buildFilterStore(filters))).toEqual({ agreeing: reference(filters), pairs: (present * (present - 1)) / 2 });
      }),
    );
  });
});
