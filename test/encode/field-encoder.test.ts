import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { linkageSchemaSchema } from '../../src/schema/linkage-schema.ts';
import { createKeyDeriver } from '../../src/encode/key-derivation.ts';
import { createFieldEncoder, createRecordBits } from '../../src/encode/field-encoder.ts';
import { FilterSlab } from '../../src/encode/bloom-filter.ts';
import { referenceFilter } from './reference-filter.ts';

/*
 * The field encoder reads bigram and positional tokens as character codes instead of calling
 * tokenize() (no token strings on the hot path). Both must set the same bits: this checks the
 * fast path against a reference built from tokenize() and the token positions, on any text,
 * for fresh values and for values served from the encoder's cache.
 */
const schema = linkageSchemaSchema.parse({ ...DEFAULT_SCHEMA, recordFilter: { bits: DEFAULT_SCHEMA.recordFilter.bits }, hardening: { salt: [] } });
const derive = createKeyDeriver(new Uint8Array(32).fill(0x2e), schema);

function reference(field: 'first_name' | 'dob', value: string) {
  const { filter, clk } = referenceFilter(schema, derive, field, value);
  return { filter, clk };
}

describe('createFieldEncoder', () => {
  const encoders = {
    first_name: createFieldEncoder(schema.fields.find((f) => f.field === 'first_name')!, schema, derive),
    dob: createFieldEncoder(schema.fields.find((f) => f.field === 'dob')!, schema, derive),
  };
  const slab = new FilterSlab();

  it.each(['first_name', 'dob'] as const)('sets the bits of tokenize() for %s, fresh and cached (property)', (field) => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', 'n', '_', '1', '9', '-', ' '), fc.constant('é'), fc.constant('\u{1F600}')), minLength: 1, maxLength: 30 }), (value) => {
        const want = reference(field, value);
        for (let pass = 0; pass < 2; pass++) {
          const clk = createRecordBits(schema.recordFilter.bits);
          const filter = encoders[field].encodeValue(value, '', clk, slab);
          expect(Buffer.from(filter).equals(Buffer.from(want.filter))).toBe(true);
          expect(Buffer.from(clk.bytes).equals(Buffer.from(want.clk))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
