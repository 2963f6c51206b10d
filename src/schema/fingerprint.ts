import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json.ts';
import type { LinkageSchema } from './linkage-schema.ts';

/** SHA-256 of the schema's canonical form, after defaults: two holders agree iff their fingerprints agree. */
export function schemaFingerprint(schema: LinkageSchema): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(schema))));
}
