import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blake3 } from '@noble/hashes/blake3.js';
import { createKeyedHash } from '../../src/encode/keyed-blake3.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const reference = (key: Uint8Array, text: string, length: number) => hex(blake3(new TextEncoder().encode(text), { key, dkLen: length }));

describe('keyed BLAKE3', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i);

  it('matches the BLAKE3 test vector for keyed hashing of the empty input', () => {
    // Official test vector: key "whats the Elvish word for friend", input length 0.
    const officialKey = new TextEncoder().encode('whats the Elvish word for friend');
    expect(hex(createKeyedHash(officialKey).hashInto('', new Uint8Array(32)))).toBe('92b2b75604ed3c761f9d6f62392c8a9227ad0ea3f09573e783f1498a4ed60d26');
  });

  it('agrees with @noble/hashes at every block and chunk boundary and output length', () => {
    const hash = createKeyedHash(key);
    for (const length of [0, 1, 55, 63, 64, 65, 128, 129, 1023, 1024, 1025, 2500]) {
      const text = 'x'.repeat(length);
      for (const out of [1, 8, 16, 32, 33, 64, 65, 256]) expect(hex(hash.hashInto(text, new Uint8Array(out)))).toBe(reference(key, text, out));
    }
  });

  it('agrees with @noble/hashes on any text and key (UTF-8 included)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (k, text, out) => {
        expect(hex(createKeyedHash(k).hashInto(text, new Uint8Array(out)))).toBe(reference(k, text, out));
      }),
      { numRuns: 100 },
    );
  });

  it('hashes parts as their join, interleaved with other messages (stale bytes never leak in)', () => {
    const hash = createKeyedHash(key);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300 }), { minLength: 1, maxLength: 5 }), fc.string({ maxLength: 700 }), (parts, other) => {
        hash.hashInto(other, new Uint8Array(8));
        expect(hex(hash.hashPartsInto(parts, '\u001f', new Uint8Array(8)))).toBe(reference(key, parts.join('\u001f'), 8));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the first bytes as hex', () => {
    expect(createKeyedHash(key).hex('garcia', 8)).toBe(reference(key, 'garcia', 8));
  });
});
