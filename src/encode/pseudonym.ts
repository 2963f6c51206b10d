import type { LinkageSchema } from '../schema/linkage-schema.ts';
import { createKeyedHash } from './keyed-blake3.ts';
import { createKeyDeriver, type KeyPurpose } from './key-derivation.ts';

/** 128 bits: pseudonyms of millions of persons never collide, and 32 hex characters stay readable in CSVs. */
export const PSEUDONYM_BYTES = 16;

export type PseudonymFunction = (localPersonId: string) => string;

/**
 * A source's pseudonyms: keyed by a key derived for that source, so the linker cannot join two
 * sources on pseudonyms and one source's pseudonyms say nothing about another's.
 */
export function createPseudonymizer(derive: (purpose: KeyPurpose) => Uint8Array, source: string): PseudonymFunction {
  const hash = createKeyedHash(derive({ kind: 'pseudonym', source }));
  return (localPersonId) => hash.hex(localPersonId, PSEUDONYM_BYTES);
}

/** The same pseudonym as the PSEUDONYM_BYTES its hex spells, written to `out`. */
export type PseudonymDigest = (localPersonId: string, out: Uint8Array) => Uint8Array;

export function createPseudonymDigest(derive: (purpose: KeyPurpose) => Uint8Array, source: string): PseudonymDigest {
  const hash = createKeyedHash(derive({ kind: 'pseudonym', source }));
  return (localPersonId, out) => hash.hashInto(localPersonId, out);
}

export function pseudonymFor(secret: Uint8Array, schema: LinkageSchema, source: string, localPersonId: string): string {
  return createPseudonymizer(createKeyDeriver(secret, schema), source)(localPersonId);
}
