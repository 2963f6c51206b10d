import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtractLineBuilder, linesText } from '../../src/io/extract-lines.ts';
import { payloadLine, personLine } from '../../src/io/extract-file.ts';
import type { EncodedPerson, PayloadRow, PayloadValue } from '../../src/extract/extract-types.ts';

// Whatever a payload or blocking-key name or value may hold: quotes, controls, non-ASCII, lone surrogates.
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '"', '\\', '\u2028', '\ud800', 'a\u0000b', '2021', '-0'));
const filter = fc.uint8Array({ minLength: 0, maxLength: 70 });
const person: fc.Arbitrary<EncodedPerson> = fc.record({
  pseudonym: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), text),
  fields: fc.dictionary(fc.constantFrom('first_name', 'last_name', 'dob', 'email', 'postcode'), filter) as fc.Arbitrary<EncodedPerson['fields']>,
  clk: filter,
  blockingKeys: fc.dictionary(text, fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), text)),
});
const value: fc.Arbitrary<PayloadValue> = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(-0));
const payload: fc.Arbitrary<PayloadRow> = fc.record({ pseudonym: fc.stringMatching(/^[0-9a-f]{32}$/), values: fc.dictionary(text, value) });

describe('ExtractLineBuilder', () => {
  it('writes person lines byte for byte as JSON.stringify does', () => {
    fc.assert(fc.property(person, (p) => {
      const b = new ExtractLineBuilder();
      b.person(p);
      expect(linesText(b.take())).toBe(personLine(p));
    }), { numRuns: 500 });
  });

  it('writes payload lines byte for byte as JSON.stringify does', () => {
    fc.assert(fc.property(payload, (row) => {
      const b = new ExtractLineBuilder();
      b.payload(row);
      expect(Buffer.from(b.take())).toEqual(Buffer.from(payloadLine(row), 'utf8'));
    }), { numRuns: 500 });
  });

  it('grows past its first buffer and starts empty after take()', () => {
    const b = new ExtractLineBuilder();
    const row: PayloadRow = { pseudonym: 'ab'.repeat(16), values: { note: 'x'.repeat(100_000), n: 3 } };
    b.payload(row);
    b.payload(row);
    expect(linesText(b.take())).toBe(payloadLine(row).repeat(2));
    expect(b.size).toBe(0);
  });
});
