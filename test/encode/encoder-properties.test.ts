import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEncoder, keyCheckValue, pseudonymFor } from '../../src/encode/encoder.ts';
import { deriveKey } from '../../src/encode/key-derivation.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { linkageSchemaSchema } from '../../src/schema/linkage-schema.ts';
import type { NormalizedRecord } from '../../src/schema/field-names.ts';
import type { EncodedPerson } from '../../src/extract/extract-types.ts';
import { dice } from '../../src/kernel/dice.ts';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const flat = (p: EncodedPerson) => JSON.stringify({ f: Object.fromEntries(Object.entries(p.fields).map(([k, v]) => [k, b64(v!)])), clk: b64(p.clk), bk: p.blockingKeys, id: p.pseudonym });

const name = fc.stringMatching(/^[a-z]{2,10}( [a-z]{2,8})?$/);
const date = fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const recordArb: fc.Arbitrary<NormalizedRecord> = fc.record(
  { first_name: name, last_name: name, dob: date, email: fc.emailAddress().map((e) => e.toLowerCase()), postcode: fc.stringMatching(/^\d{5}$/), ssn: fc.stringMatching(/^\d{9}$/) },
  { requiredKeys: ['first_name'] },
);
const secretArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const secret = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

describe('createEncoder', () => {
  const encoder = createEncoder(DEFAULT_SCHEMA, secret, 'roster');

  it('gives the same encoding for the same input, and dice 1 between identical records', () => {
    fc.assert(fc.property(recordArb, (record) => {
      const a = encoder.encode(record, 'A-1');
      const b = createEncoder(DEFAULT_SCHEMA, secret, 'roster').encode({ ...record }, 'A-1');
      expect(flat(b)).toBe(flat(a));
      expect(dice(a.clk, b.clk)).toBe(1);
      for (const field of Object.keys(a.fields) as Array<keyof typeof a.fields>) expect(dice(a.fields[field]!, b.fields[field]!)).toBe(1);
    }), { numRuns: 150 });
  });

  it('depends on the key: another secret changes every filter, blocking key and pseudonym', () => {
    fc.assert(fc.property(recordArb, secretArb, (record, other) => {
      fc.pre(Buffer.compare(Buffer.from(other), Buffer.from(secret)) !== 0);
      const a = encoder.encode(record, 'A-1');
      const b = createEncoder(DEFAULT_SCHEMA, other, 'roster').encode(record, 'A-1');
      expect(b.pseudonym).not.toBe(a.pseudonym);
      expect(b64(b.clk)).not.toBe(b64(a.clk));
      expect(b64(b.fields.first_name!)).not.toBe(b64(a.fields.first_name!));
      for (const key of Object.keys(a.blockingKeys)) expect(b.blockingKeys[key]).not.toBe(a.blockingKeys[key]);
    }), { numRuns: 40 });
  });

  it('does not depend on the order of the fields in the record', () => {
    fc.assert(fc.property(recordArb, (record) => {
      const reversed = Object.fromEntries(Object.entries(record).reverse()) as NormalizedRecord;
      expect(flat(encoder.encode(reversed, 'A-1'))).toBe(flat(encoder.encode(record, 'A-1')));
    }), { numRuns: 100 });
  });

  it('encodes only the fields present, and a blocking key only when all its parts are', () => {
    const person = encoder.encode({ first_name: 'maria', last_name: 'garcia lopez' }, 'NB-1');
    expect(Object.keys(person.fields).sort()).toEqual(['first_name', 'last_name']);
    expect(Object.keys(person.blockingKeys)).toEqual(['last_soundex_first_soundex']);
    expect(person.blockingKeys.last_soundex_first_soundex).toMatch(/^[0-9a-f]{16}$/);
    expect(person.clk.length * 8).toBe(encoder.filterBits.record);
    expect(person.fields.first_name!.length * 8).toBe(encoder.filterBits.fields.first_name);
  });

  it('gives two sources the same filters and blocking keys but different pseudonyms', () => {
    const record = { first_name: 'maria', last_name: 'garcia', dob: '1988-04-17', ssn: '123456780' };
    const roster = createEncoder(DEFAULT_SCHEMA, secret, 'nurseboard').encode(record, '123456780');
    const wages = createEncoder(DEFAULT_SCHEMA, secret, 'wages').encode(record, '123456780');
    expect(b64(wages.clk)).toBe(b64(roster.clk));
    expect(wages.blockingKeys).toEqual(roster.blockingKeys);
    expect(wages.pseudonym).not.toBe(roster.pseudonym);
    expect(pseudonymFor(secret, DEFAULT_SCHEMA, 'wages', '123456780')).toBe(wages.pseudonym);
  });

  it('scores a typo in a name high and another name low', () => {
    // Against the comparison levels: a typo lands at >=0.75 (diffusion costs it a few hundredths), another name in "else".
    const filter = (first: string) => encoder.encode({ first_name: first }, 'x').fields.first_name!;
    expect(dice(filter('jonathan'), filter('jonathon'))).toBeGreaterThan(0.75);
    expect(dice(filter('jonathan'), filter('margaret'))).toBeLessThan(0.6);
  });
});

describe('key derivation', () => {
  it('binds keys to the field name and the schema fingerprint, not to positions', () => {
    const renamed = linkageSchemaSchema.parse({ ...DEFAULT_SCHEMA, name: 'another-project' });
    const key = (schema: typeof DEFAULT_SCHEMA, field: string) => b64(deriveKey(secret, schema, { kind: 'field-filter', field }));
    expect(key(DEFAULT_SCHEMA, 'first_name')).not.toBe(key(DEFAULT_SCHEMA, 'last_name'));
    expect(key(renamed, 'first_name')).not.toBe(key(DEFAULT_SCHEMA, 'first_name'));
    expect(b64(deriveKey(secret, DEFAULT_SCHEMA, { kind: 'record-filter', field: 'first_name' }))).not.toBe(key(DEFAULT_SCHEMA, 'first_name'));
  });

  it('gives a 12-hex key check value that tells secrets apart', () => {
    expect(keyCheckValue(secret)).toMatch(/^[0-9a-f]{12}$/);
    expect(keyCheckValue(secret)).toBe(keyCheckValue(Uint8Array.from(secret)));
    expect(keyCheckValue(new Uint8Array(32))).not.toBe(keyCheckValue(secret));
    expect(() => keyCheckValue(new Uint8Array(16))).toThrow(RangeError);
  });
});
