import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { LinkageSchema } from '../schema/linkage-schema.ts';
import { schemaFingerprint } from '../schema/fingerprint.ts';

export const SECRET_BYTES = 32;

/**
 * What a derived key is for. Every purpose names a field, blocking key or source by NAME, so that
 * reordering columns or adding a field leaves the other keys as they were; the HKDF salt carries the
 * schema fingerprint, so two schemas never share a key.
 */
export type KeyPurpose =
  | { kind: 'field-filter'; field: string }
  | { kind: 'record-filter'; field: string }
  | { kind: 'blocking-key'; name: string }
  | { kind: 'pseudonym'; source: string }
  | { kind: 'balance' | 'diffusion' | 'randomized-response'; filter: string };

export function purposeLabel(purpose: KeyPurpose): string {
  switch (purpose.kind) {
    case 'field-filter':
    case 'record-filter':
      return `${purpose.kind}/${purpose.field}`;
    case 'blocking-key':
      return `blocking-key/${purpose.name}`;
    case 'pseudonym':
      return `pseudonym/${purpose.source}`;
    default:
      return `${purpose.kind}/${purpose.filter}`;
  }
}

function checkSecret(secret: Uint8Array): void {
  if (secret.length !== SECRET_BYTES) throw new RangeError(`the project secret must be ${SECRET_BYTES} bytes`);
}

/** Derives the keys of one schema; the fingerprint is computed once. */
export function createKeyDeriver(secret: Uint8Array, schema: LinkageSchema): (purpose: KeyPurpose) => Uint8Array {
  checkSecret(secret);
  const salt = utf8ToBytes(`credlink/v1 schema ${schemaFingerprint(schema)}`);
  return (purpose) => hkdf(sha256, secret, salt, utf8ToBytes(purposeLabel(purpose)), 32);
}

export function deriveKey(secret: Uint8Array, schema: LinkageSchema, purpose: KeyPurpose): Uint8Array {
  return createKeyDeriver(secret, schema)(purpose);
}

/**
 * 12 hex characters that two parties compare to learn whether they hold the same secret. The secret
 * is 256 random bits, so 48 bits of a one-way function of it give no foothold for guessing it.
 */
export function keyCheckValue(secret: Uint8Array): string {
  checkSecret(secret);
  return bytesToHex(hkdf(sha256, secret, utf8ToBytes('credlink/v1 key check value'), undefined, 6));
}
