import { createKeyedHash } from './keyed-blake3.ts';

/** Distinct tokens a field keeps positions for; names and dates have a few thousand, e-mails more. */
export const TOKEN_CACHE_LIMIT = 1 << 16;

export interface TokenPositions {
  /** The k bit positions of a token. */
  of(token: string): Uint16Array;
  /**
   * The same, looked up by a number that identifies the token within its tokenizer (two UTF-16
   * code units, or position and code unit), so the hot path builds no string until a miss.
   */
  ofCode(code: number, tokenOf: (code: number) => string): Uint16Array;
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
  const byCode = new Map<number, Uint16Array>();

  function compute(token: string): Uint16Array {
    hash.hashInto(token, digest);
    const positions = new Uint16Array(k);
    for (let i = 0; i < k; i++) positions[i] = words[i] % bits;
    return positions;
  }

  // Clearing rather than evicting one by one: a full cache means the field has many distinct tokens anyway.
  function remember<K>(cache: Map<K, Uint16Array>, key: K, positions: Uint16Array): Uint16Array {
    if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
    cache.set(key, positions);
    return positions;
  }

  return {
    of: (token) => byToken.get(token) ?? remember(byToken, token, compute(token)),
    ofCode: (code, tokenOf) => byCode.get(code) ?? remember(byCode, code, compute(tokenOf(code))),
  };
}
