import { describe, expect, it } from 'vitest';
import { MISSING_LEVEL } from '../../src/link/comparison-levels.ts';
import type { ComparisonVectors } from '../../src/link/comparison-vectors.ts';
import { applyNesting, nestedFields } from '../../src/link/nested-fields.ts';
import type { FieldName } from '../../src/schema/field-names.ts';
import { seededRandom } from '../../src/link/seeded-random.ts';

const EXACT = 4;

/**
 * Random pairs of a state of 40 towns with 10 ZIPs each: a ZIP lies in one town, so pairs sharing
 * a ZIP share the town; first names are drawn apart from places.
 */
function placeSample(count: number): ComparisonVectors {
  const fields = ['first_name', 'city', 'postcode'] as FieldName[];
  const random = seededRandom('nested-fields-test');
  const levels = new Uint8Array(count * 3);
  for (let i = 0; i < count; i++) {
    const zipA = random.int(400);
    const zipB = random.int(400);
    levels[i * 3] = random.int(50) === 0 ? EXACT : 0;
    levels[i * 3 + 1] = Math.floor(zipA / 10) === Math.floor(zipB / 10) ? EXACT : 0;
    levels[i * 3 + 2] = zipA === zipB ? EXACT : 0;
  }
  return { fields, count, levels, clkDice: new Float64Array(count) };
}

describe('nestedFields', () => {
  const sample = placeSample(200_000);

  it('nests the city under the ZIP that implies it, and leaves the name alone', () => {
    const nestings = nestedFields(sample, EXACT);
    expect(nestings.map((n) => [n.field, n.within])).toEqual([['city', 'postcode']]);
    expect(nestings[0].conditionalAgreement).toBe(1);
    expect(nestings[0].agreement).toBeCloseTo(1 / 40, 2);
  });

  it('finds no nesting where places vary apart', () => {
    const random = seededRandom('independent places');
    const independent = { ...sample, levels: sample.levels.map((x, i) => (i % 3 === 1 ? (random.int(40) === 0 ? EXACT : 0) : x)) };
    expect(nestedFields(independent, EXACT)).toEqual([]);
  });

  it('sets the nested field missing exactly where the finer field agrees', () => {
    const nested = applyNesting(sample, nestedFields(sample, EXACT), EXACT);
    let wrong = 0;
    let missing = 0;
    for (let i = 0; i < sample.count; i++) {
      const zipAgrees = sample.levels[i * 3 + 2] === EXACT;
      if (nested.levels[i * 3 + 1] !== (zipAgrees ? MISSING_LEVEL : sample.levels[i * 3 + 1])) wrong += 1;
      if (nested.levels[i * 3] !== sample.levels[i * 3]) wrong += 1;
      if (zipAgrees) missing += 1;
    }
    expect(wrong).toBe(0);
    expect(missing).toBeGreaterThan(300);
    expect(sample.levels.includes(MISSING_LEVEL)).toBe(false);
  });
});
