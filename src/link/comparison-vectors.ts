import type { FieldName } from '../schema/field-names.ts';
import type { PairSides } from './candidate-pairs.ts';
import { comparisonLevel } from './comparison-levels.ts';
import { diceForPairs } from './score-pairs.ts';

/** Comparison levels of many pairs: row i holds pair i's level per field (MISSING_LEVEL where absent). */
export interface ComparisonVectors {
  fields: FieldName[];
  count: number;
  levels: Uint8Array;
  /** Dice of the record-level CLKs (NaN where either lacks one), for the threshold baseline. */
  clkDice: Float64Array;
  /** Per pair, -log2 of the shares of its exactly agreeing name values (term-frequency.ts), where computed. */
  tfBits?: Float32Array;
}

const BATCH = 1 << 16;

export function comparisonVectors(
  sides: PairSides,
  fields: FieldName[],
  left: Uint32Array,
  right: Uint32Array,
  thresholds: readonly number[],
): ComparisonVectors {
  const count = left.length;
  const width = fields.length;
  const levels = new Uint8Array(count * width);
  const clkDice = new Float64Array(count);
  const scratch = new Float64Array(Math.min(BATCH, Math.max(count, 1)));
  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH);
    const l = left.subarray(start, end);
    const r = right.subarray(start, end);
    const out = scratch.subarray(0, end - start);
    fields.forEach((field, f) => {
      diceForPairs(sides.a.fields.get(field)!, sides.b.fields.get(field)!, l, r, out);
      for (let i = 0; i < out.length; i++) levels[(start + i) * width + f] = comparisonLevel(out[i], thresholds);
    });
    if (sides.a.clk.wordsPerFilter === sides.b.clk.wordsPerFilter) diceForPairs(sides.a.clk, sides.b.clk, l, r, clkDice.subarray(start, end));
    else clkDice.subarray(start, end).fill(Number.NaN);
  }
  return { fields, count, levels, clkDice };
}

/** Uniformly random pairs of distinct records, for estimating u: nearly all of them are non-matches. */
export function randomPairs(sides: PairSides, size: number, next: (n: number) => number): { left: Uint32Array; right: Uint32Array } {
  const nA = sides.a.count;
  const nB = sides.b.count;
  const left = new Uint32Array(size);
  const right = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    let x = next(nA);
    let y = next(nB);
    if (sides.dedupe) while (y === x && nA > 1) y = next(nB);
    left[i] = x;
    right[i] = y;
  }
  return { left, right };
}
