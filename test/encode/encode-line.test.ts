import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEncoder } from '../../src/encode/encoder.ts';
import { prefixWord, SeenPersons } from '../../src/encode/seen-persons.ts';
import { ExtractLineBuilder, linesText } from '../../src/io/extract-lines.ts';
import { DEFAULT_SCHEMA, DEFAULT_SCHEMA_INPUT } from '../../src/schema/default-schema.ts';
import { linkageSchemaSchema } from '../../src/schema/linkage-schema.ts';
import type { NormalizedRecord } from '../../src/schema/field-names.ts';

/*
 * `hash` writes person lines straight from the encoder (encodeLine, pseudonym and uncached blocking
 * keys as bytes, no strings); readers and the tests of the line format go through encode(). The two
 * must give the same bytes, whichever caches are on, hit or turned off.
 */

const HARDENED = linkageSchemaSchema.parse({
  ...DEFAULT_SCHEMA_INPUT,
  name: 'encode-line-hardened',
  recordFilter: { bits: 1024, hardening: { balance: false, xorFold: true, diffusionT: 3, randomizedResponse: 0.02 } },
  hardening: { salt: [{ field: 'first_name', with: 'dob' }], balance: true, xorFold: true, diffusionT: 3, randomizedResponse: 0.05 },
});

const secret = Uint8Array.from({ length: 32 }, (_, i) => (i * 37) & 255);
const name = fc.stringMatching(/^[a-z]{1,9}( [a-z]{2,6})?$/);
const recordArb: fc.Arbitrary<NormalizedRecord> = fc.record(
  {
    first_name: name,
    last_name: name,
    dob: fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    email: fc.emailAddress().map((e) => e.toLowerCase()),
    postcode: fc.stringMatching(/^\d{5}$/),
    ssn: fc.stringMatching(/^\d{9}$/),
    city: fc.constantFrom('springfield', 'são paulo', 'x'),
  },
  { requiredKeys: [] },
);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe.each([['default', DEFAULT_SCHEMA], ['hardened', HARDENED]])('Encoder#encodeLine (%s schema)', (_, schema) => {
  it('writes the bytes of ExtractLineBuilder#person of encode(), record after record', () => {
    // One encoder each for the whole run, so that caches fill, hit and (with many ids) turn off.
    const lines = createEncoder(schema, secret, 'roster');
    const people = createEncoder(schema, secret, 'roster');
    fc.assert(fc.property(recordArb, fc.string({ minLength: 1, maxLength: 12 }), (record, id) => {
      const a = new ExtractLineBuilder();
      lines.encodeLine(record, id, a);
      const b = new ExtractLineBuilder();
      b.person(people.encode(record, id));
      expect(linesText(a.take())).toBe(linesText(b.take()));
    }), { numRuns: 400 });
  });

  it('gives pseudonymBytes as the bytes of pseudonym()', () => {
    const encoder = createEncoder(schema, secret, 'wages');
    fc.assert(fc.property(fc.string(), (id) => {
      expect(hex(encoder.pseudonymBytes(id))).toBe(encoder.pseudonym(id));
    }));
  });
});

describe('SeenPersons#addPrefix', () => {
  it('answers as add() does for the same pseudonym given as bytes', () => {
    const encoder = createEncoder(DEFAULT_SCHEMA, secret, 'wages');
    const byHex = new SeenPersons();
    const byBytes = new SeenPersons();
    for (let i = 0; i < 20000; i++) {
      const id = `p${(i * 7919) % 6000}`;
      const bytes = encoder.pseudonymBytes(id);
      expect(byBytes.addPrefix(prefixWord(bytes, 0), prefixWord(bytes, 4))).toBe(byHex.add(encoder.pseudonym(id)));
    }
    expect(byBytes.size).toBe(6000);
  });
});

describe('ExtractLineBuilder hex members', () => {
  it('write what the string forms write for the hex of the bytes', () => {
    const bytes = fc.uint8Array({ minLength: 0, maxLength: 20 });
    fc.assert(fc.property(bytes, bytes, fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null))), (id, key, values) => {
      const a = new ExtractLineBuilder();
      a.personStartHex(id);
      a.personClk(key);
      a.personKeyHex('k', key);
      a.personEnd();
      a.payloadHex(id, values);
      const b = new ExtractLineBuilder();
      b.personStart(hex(id));
      b.personClk(key);
      b.personKey('k', hex(key));
      b.personEnd();
      b.payload({ pseudonym: hex(id), values });
      expect(linesText(a.take())).toBe(linesText(b.take()));
    }), { numRuns: 300 });
  });
});
