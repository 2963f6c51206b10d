import { createKeyedHash } from './keyed-blake3.ts';

/** Distinct tokens a field keeps positions for; names and dates have a few thousand, e-mails more. */
export const TOKEN_CACHE_LIMIT = 1 << 16;

export interface TokenPositions {
  /** The k bit positions of a token. */
  of(token: string): Uint16Array;
  /** The same, written to out[offset...] and not remembered (the caller keeps them: TokenPositionTable). */
  write(token: string, out: Uint16Array, offset: number): void;
}

/**
 * Maps a token to k bit positions in a filter of `bits` bits: one keyed BLAKE3 output of 4k bytes,
 * cut into k 32-bit words taken modulo `bits`. Independent words rather than double hashing
 * (h1 + i*h2), whose positions an attacker can align across filters (Kroll & Steinmetzer 2015).
 * The modulo bias of a 32-bit word over at most 8192 positions is below 2^-19.
 */
export function createTokenPositions(key: Uint8Array, bits: number, k: number): TokenPositions {
  const hash = createKeyedHash(key);
  const digest = new Uint8Array(4 * k);
  const words = new Uint32Array(digest.buffer);
  const byToken = new Map<string, Uint16Array>();

  function write(token: string, out: Uint16Array, offset: number): void {
    hash.hashInto(token, digest);
    for (let i = 0; i < k; i++) out[offset + i] = words[i] % bits;
  }

  function of(token: string): Uint16Array {
    let positions = byToken.get(token);
    if (positions === undefined) {
      positions = new Uint16Array(k);
      write(token, positions, 0);
      // Clearing rather than evicting one by one: a full cache means the field has many distinct tokens anyway.
      if (byToken.size >= TOKEN_CACHE_LIMIT) byToken.clear();
      byToken.set(token, positions);
    }
    return positions;
  }

  return { of, write };
}
