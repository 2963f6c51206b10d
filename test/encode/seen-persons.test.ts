import { describe, expect, it } from 'vitest';
import { SeenPersons } from '../../src/encode/seen-persons.ts';
import { createKeyedHash } from '../../src/encode/keyed-blake3.ts';

describe('SeenPersons', () => {
  it('counts each pseudonym once across growth, as a Set would', () => {
    const hash = createKeyedHash(new Uint8Array(32).fill(9));
    const seen = new SeenPersons();
    const reference = new Set<string>();
    for (let i = 0; i < 30000; i++) {
      // A wage file: each person on several quarters.
      const pseudonym = hash.hex(`person-${i % 9000}`, 16);
      expect(seen.add(pseudonym)).toBe(!reference.has(pseudonym));
      reference.add(pseudonym);
    }
    expect(seen.size).toBe(9000);
  });
});
