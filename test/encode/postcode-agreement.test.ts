import { describe, expect, it } from 'vitest';
import { createEncoder } from '../../src/encode/encoder.ts';
import { dice } from '../../src/kernel/dice.ts';
import { comparisonLevel, DEFAULT_LEVEL_THRESHOLDS, levelLabels } from '../../src/link/comparison-levels.ts';
import { normalizePostcode } from '../../src/normalize/contact-fields.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';

/*
 * Partial agreement on postcodes comes from the positional filter: a digit wrong shares four of
 * five position tokens, a ZIP3 shares three with its ZIP5. These pin that the default schema's
 * filters (with their hardening) keep such pairs above "else", and unrelated ZIPs in it.
 */
const encoder = createEncoder(DEFAULT_SCHEMA, new Uint8Array(32).fill(9), 'roster');
const filterOf = (raw: string) => encoder.encode({ postcode: normalizePostcode(raw).value! }, raw).fields.postcode!;
const level = (a: string, b: string) => levelLabels(DEFAULT_LEVEL_THRESHOLDS)[comparisonLevel(dice(filterOf(a), filterOf(b)), DEFAULT_LEVEL_THRESHOLDS)];

describe('postcode comparison levels in the default schema', () => {
  it('scores the same ZIP exact, however it is written', () => {
    expect(level('28613', '28613-4410')).toBe('exact');
  });

  it('keeps a ZIP with one wrong digit, or an OCR slip, above else', () => {
    expect(level('28613', '28623')).not.toBe('else');
    expect(level('286z3', '28623')).not.toBe('else');
    expect(level('28613', '28623')).not.toBe('exact');
  });

  it('lets a ZIP3 agree partly with a ZIP5 of its area', () => {
    expect(level('286', '28613')).not.toBe('else');
  });

  it('puts ZIPs that share no position in else', () => {
    expect(level('28613', '45102')).toBe('else');
    // Diffusion (t = 2) lifts chance Dice to about 0.5; the partial pairs above sit 0.15-0.3 higher.
    expect(dice(filterOf('28613'), filterOf('45102'))).toBeLessThan(dice(filterOf('28613'), filterOf('28623')) - 0.1);
  });
});
