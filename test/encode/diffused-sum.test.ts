import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { linkageSchemaSchema } from '../../src/schema/linkage-schema.ts';
import { createKeyDeriver } from '../../src/encode/key-derivation.ts';
import { createFieldEncoder, createRecordBits } from '../../src/encode/field-encoder.ts';
import { createFilterHardening } from '../../src/encode/hardening.ts';
import { FilterSlab } from '../../src/encode/bloom-filter.ts';
import { referenceFilter } from './reference-filter.ts';

/*
 * A value the field encoder does not cache (e-mails) is diffused token by token (DiffusedSum) when
 * diffusion is the only hardening step. That must give the bytes of diffusing the value's filter.
 */
const schema = linkageSchemaSchema.parse({ ...DEFAULT_SCHEMA, recordFilter: { bits: DEFAULT_SCHEMA.recordFilter.bits }, hardening: { salt: [], diffusionT: 3 } });
const derive = createKeyDeriver(new Uint8Array(32).fill(0x3c), schema);

function reference(field: 'email' | 'postcode', value: string) {
  const { filter, clk, spec } = referenceFilter(schema, derive, field, value);
  const hardening = createFilterHardening(schema.hardening, spec.filterBits, field, derive);
  return { filter: hardening.harden(filter), clk };
}

/** A field encoder whose value cache has turned itself off (4,096 distinct values, no hit). */
function uncachedEncoder(field: 'email' | 'postcode') {
  const encoder = createFieldEncoder(schema.fields.find((f) => f.field === field)!, schema, derive);
  const slab = new FilterSlab();
  for (let i = 0; i <= 4096; i++) encoder.encodeValue(`warm-up ${i}`, '', createRecordBits(schema.recordFilter.bits), slab);
  return encoder;
}

describe('DiffusedSum', () => {
  it.each(['email', 'postcode'] as const)('gives the diffused filter of %s values the cache does not hold (property)', (field) => {
    const encoder = uncachedEncoder(field);
    const slab = new FilterSlab();
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', 'b', 'n', '@', '.', '1', '9', '_'), fc.constant('é'), fc.constant('\u{1F600}')), minLength: 1, maxLength: 60 }), (value) => {
        const want = reference(field, value);
        const clk = createRecordBits(schema.recordFilter.bits);
        const filter = encoder.encodeValue(value, '', clk, slab);
        expect(Buffer.from(filter).equals(Buffer.from(want.filter))).toBe(true);
        expect(Buffer.from(clk.bytes).equals(Buffer.from(want.clk))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
