import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import levenshtein from 'fast-levenshtein';
import { dayOf, formatDate, isoDate, partsOf } from '../../src/synth/calendar.ts';
import { offByOne, swapDayMonth, typo } from '../../src/synth/corrupt.ts';
import { csvLine } from '../../src/synth/formatting.ts';
import { keyedPermutation } from '../../src/synth/permutation.ts';
import { createRng } from '../../src/synth/prng.ts';
import { mistypeSsn, plausibleSsn, ssnGenerator } from '../../src/synth/ssn.ts';

describe('seeded randomness', () => {
  it('gives the same stream for the same seed parts and another for others', () => {
    const a = createRng(42, 7, 1);
    const b = createRng(42, 7, 1);
    const c = createRng(42, 7, 2);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
    expect(sa.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws normals with mean 0 and sd 1', () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});

describe('keyed permutation', () => {
  it('is a bijection on [0, n) for sizes that are not powers of two', () => {
    for (const size of [1, 7, 100, 1000, 4097]) {
      const p = keyedPermutation(size, 99);
      const seen = new Set(Array.from({ length: size }, (_, i) => p(i)));
      expect(seen.size).toBe(size);
      expect([...seen].every((x) => x >= 0 && x < size)).toBe(true);
    }
  });
});

describe('SSNs', () => {
  it('are unique and plausible for every person', () => {
    const ssnOf = ssnGenerator(42);
    const ssns = Array.from({ length: 20_000 }, (_, i) => ssnOf(i));
    expect(new Set(ssns).size).toBe(ssns.length);
    expect(ssns.every(plausibleSsn)).toBe(true);
  });

  it('mistyped, are plausible and never any person\'s true SSN', () => {
    const ssnOf = ssnGenerator(42);
    const truth = new Set(Array.from({ length: 20_000 }, (_, i) => ssnOf(i)));
    const rng = createRng(3);
    for (const ssn of [...truth].slice(0, 5_000)) {
      const typo = mistypeSsn(rng, ssn);
      expect(typo).not.toBe(ssn);
      expect(plausibleSsn(typo)).toBe(true);
      expect(truth.has(typo)).toBe(false);
    }
  });
});

describe('corruption operators', () => {
  it('a typo is one edit (insert, delete, substitute) or one transposition away', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 14 }), fc.integer(), (name, seed) => {
        const out = typo(createRng(seed), name);
        const d = levenshtein.get(name, out);
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('swaps day and month only when the result is a different real date', () => {
    expect(isoDate(swapDayMonth(dayOf(1990, 3, 7)))).toBe('1990-07-03');
    expect(isoDate(swapDayMonth(dayOf(1990, 3, 17)))).toBe('1990-03-17');
    expect(isoDate(swapDayMonth(dayOf(1990, 4, 4)))).toBe('1990-04-04');
  });

  it('moves a birth date by one unit of day, month or year', () => {
    const rng = createRng(5);
    const dob = dayOf(1985, 6, 15);
    for (let i = 0; i < 200; i += 1) {
      const p = partsOf(offByOne(rng, dob));
      const diffs = [Math.abs(p.year - 1985), Math.abs(p.month - 6), Math.abs(p.day - 15)];
      expect(diffs.filter((d) => d === 1)).toHaveLength(1);
      expect(diffs.filter((d) => d === 0)).toHaveLength(2);
    }
  });
});

describe('file formatting', () => {
  it.each([
    ['YYYY-MM-DD', '2019-03-07'],
    ['MM/DD/YYYY', '03/07/2019'],
    ['M/D/YY', '3/7/19'],
    ['DD-MON-YYYY', '07-Mar-2019'],
    ['YYYYMMDD', '20190307'],
  ])('formats dates as %s', (format, expected) => {
    expect(formatDate('2019-03-07', format)).toBe(expected);
  });

  it('quotes CSV fields only when needed', () => {
    expect(csvLine(['a', 'SMITH, JOHN', 'say "hi"', ''])).toBe('a,"SMITH, JOHN","say ""hi""",\n');
  });
});
