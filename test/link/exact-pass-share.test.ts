import { describe, expect, it } from 'vitest';
import type { BlockingPass } from '../../src/link/blocking.ts';
import { exactPassMatchShare, type TrainingData } from '../../src/link/fs-model.ts';
import type { FieldName } from '../../src/schema/field-names.ts';

const fields = ['first_name', 'last_name', 'postcode'] as FieldName[];
const vectors = { fields, count: 100, levels: new Uint8Array(300), clkDice: new Float64Array(100) };
const data = (totalPairs: number): TrainingData => ({ vectors, passes: [], sample: vectors, sampleOutside: new Uint32Array(0), totalPairs });
const pass = (over: Partial<BlockingPass>): BlockingPass => ({ name: 'exact:first_name+postcode', kind: 'key', fields: ['first_name', 'postcode'] as FieldName[], exact: true, candidates: new Uint32Array(100), skippedBlocks: 0, skippedPairs: 0, ...over });
// u per field and level (else, >=0.6, >=0.75, >=0.9, exact): exact first name 1%, exact ZIP 0.1%.
const u = [[0.9, 0.05, 0.03, 0.01, 0.01], [0.99, 0.005, 0.003, 0.001, 0.001], [0.99, 0.006, 0.002, 0.001, 0.001]];

describe('exactPassMatchShare', () => {
  it('takes the non-matches of an exact pass from chance agreement: 1e6 pairs x 1% x 0.1% = 10 of 100', () => {
    expect(exactPassMatchShare(data(1e6), pass({}), u, 5)).toBeCloseTo(0.9, 9);
  });

  it('counts pairs of blocks skipped for size as chance pairs the pass does not hold', () => {
    expect(exactPassMatchShare(data(1e6), pass({ skippedPairs: 6 }), u, 5)).toBeCloseTo(0.96, 9);
  });

  it('gives no share for a pass that is mostly chance, or that is not an exact pass', () => {
    expect(exactPassMatchShare(data(1e8), pass({}), u, 5)).toBeUndefined();
    expect(exactPassMatchShare(data(1e6), pass({ exact: undefined, name: 'last_soundex_first_soundex' }), u, 5)).toBeUndefined();
  });
});
