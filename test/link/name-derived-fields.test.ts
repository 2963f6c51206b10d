import { describe, expect, it } from 'vitest';
import { MISSING_LEVEL } from '../../src/link/comparison-levels.ts';
import type { ComparisonVectors } from '../../src/link/comparison-vectors.ts';
import { applyNameDerived, nameDerivedFields } from '../../src/link/name-derived-fields.ts';
import { seededRandom } from '../../src/link/seeded-random.ts';
import type { FieldName } from '../../src/schema/field-names.ts';

const EXACT = 4;
const FIELDS = ['first_name', 'last_name', 'email'] as FieldName[];

/**
 * Random pairs among persons with 300 surnames whose addresses are built from the surname: a
 * shared surname makes the addresses partly agree (level 2) half the time, other pairs 2% of it.
 */
function emailSample(count: number, fromNames: boolean): ComparisonVectors {
  const random = seededRandom(`name-derived-${fromNames}`);
  const levels = new Uint8Array(count * 3);
  for (let i = 0; i < count; i++) {
    const sameSurname = random.int(300) === 0;
    levels[i * 3] = random.int(60) === 0 ? EXACT : 0;
    levels[i * 3 + 1] = sameSurname ? EXACT : 0;
    const partly = fromNames && sameSurname ? random.int(2) === 0 : random.int(50) === 0;
    levels[i * 3 + 2] = random.int(10) === 0 ? MISSING_LEVEL : partly ? 2 : 0;
  }
  return { fields: FIELDS, count, levels, clkDice: new Float64Array(count) };
}

describe('nameDerivedFields', () => {
  it('finds an e-mail whose partial agreement follows the surname, and drops only those partial levels', () => {
    const sample = emailSample(200_000, true);
    const derived = nameDerivedFields(sample, EXACT);
    expect(derived.map((d) => [d.field, d.given])).toEqual([['email', 'last_name']]);
    expect(derived[0].conditionalPartial).toBeGreaterThan(0.4);
    expect(derived[0].partial).toBeLessThan(0.03);

    const pairs: ComparisonVectors = {
      fields: FIELDS,
      count: 4,
      // surname exact + email partial; surname exact + email exact; surname differs + email partial; surname exact + email else
      levels: Uint8Array.from([0, EXACT, 2, 0, EXACT, EXACT, 0, 1, 3, 0, EXACT, 0]),
      clkDice: new Float64Array(4),
    };
    const applied = applyNameDerived(pairs, derived, EXACT);
    expect([...applied.levels]).toEqual([0, EXACT, MISSING_LEVEL, 0, EXACT, EXACT, 0, 1, 3, 0, EXACT, 0]);
    expect([...pairs.levels][2]).toBe(2);
  });

  it('leaves an e-mail alone whose partial agreement does not depend on the names', () => {
    expect(nameDerivedFields(emailSample(200_000, false), EXACT)).toEqual([]);
  });

  it('needs enough sample pairs agreeing on the name to decide', () => {
    expect(nameDerivedFields(emailSample(3_000, true), EXACT)).toEqual([]);
  });
});
