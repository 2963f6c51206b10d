import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { complementarySuppression, marginsAreSafe } from '../../src/disclosure/complementary-suppression.ts';
import type { Margin } from '../../src/disclosure/cells.ts';

/** A two-way table: cells r,c with row totals r,*, column totals *,c and the grand total *,*. */
function twoWay(rows: number, cols: number): Margin[] {
  const id = (r: number | '*', c: number | '*') => `${r},${c}`;
  const margins: Margin[] = [];
  for (let r = 0; r < rows; r++) margins.push({ total: id(r, '*'), parts: Array.from({ length: cols }, (_, c) => id(r, c)) });
  for (let c = 0; c < cols; c++) margins.push({ total: id('*', c), parts: Array.from({ length: rows }, (_, r) => id(r, c)) });
  margins.push({ total: id('*', '*'), parts: Array.from({ length: rows }, (_, r) => id(r, '*')) });
  margins.push({ total: id('*', '*'), parts: Array.from({ length: cols }, (_, c) => id('*', c)) });
  return margins;
}

describe('complementary suppression', () => {
  it('hides a second cell when one part of a margin is hidden', () => {
    const margins = [{ total: 'T', parts: ['a', 'b', 'c'] }];
    const sizes: Record<string, number> = { T: 60, a: 3, b: 40, c: 17 };
    const hidden = complementarySuppression(margins, new Set(['a']), (id) => sizes[id]);
    expect([...hidden].sort()).toEqual(['a', 'c']);
  });

  it('hides a part when only the total is hidden', () => {
    const hidden = complementarySuppression([{ total: 'T', parts: ['a', 'b'] }], new Set(['T']), () => 1);
    expect(hidden.size).toBe(2);
  });

  it('leaves no margin of any two-way table with exactly one hidden cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 8 }), fc.integer(), (rows, cols, picks, seed) => {
        const margins = twoWay(rows, cols);
        const primary = new Set(picks.filter(([r, c]) => r < rows && c < cols).map(([r, c]) => `${r},${c}`));
        const hidden = complementarySuppression(margins, primary, (id) => (id.length * 7919 + seed) % 97);
        expect(marginsAreSafe(margins, hidden)).toBe(true);
        for (const id of primary) expect(hidden.has(id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
