import { blake3 } from '@noble/hashes/blake3.js';

/*
 * Keyed BLAKE3 (the "keyed_hash" mode of the BLAKE3 specification) specialised for the short
 * messages of record linkage: tokens, blocking keys, local person ids. A message of at most one
 * chunk (1024 bytes) needs no tree, so the whole hash is a few calls of the compression function
 * on preallocated words; @noble/hashes spends most of its time per call on setup, which made it
 * the bottleneck at ~7 uncached hashes per record. Longer messages go through @noble/hashes,
 * and the tests check this path against it bit for bit.
 */

const IV = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const CHUNK_START = 1;
const CHUNK_END = 2;
const ROOT = 8;
const KEYED_HASH = 16;
const CHUNK_LEN = 1024;

const s = new Uint32Array(16);

/*
 * The compression function with the state and the message words in locals, one G per line (a, b, c,
 * d, then the two message words); leaves the 16 output words in `s`. The words are permuted between
 * rounds as locals: reading them through a schedule table cost two array loads per word.
 */
function compress(cv: Uint32Array, m: Uint32Array, counter: number, blockLen: number, flags: number): void {
  let v0 = cv[0], v1 = cv[1], v2 = cv[2], v3 = cv[3], v4 = cv[4], v5 = cv[5], v6 = cv[6], v7 = cv[7];
  let v8 = IV[0], v9 = IV[1], v10 = IV[2], v11 = IV[3], v12 = counter, v13 = 0, v14 = blockLen, v15 = flags;
  let m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3], m4 = m[4], m5 = m[5], m6 = m[6], m7 = m[7];
  let m8 = m[8], m9 = m[9], m10 = m[10], m11 = m[11], m12 = m[12], m13 = m[13], m14 = m[14], m15 = m[15];
  for (let round = 0; round < 7; round++) {
    v0 = (v0 + v4 + m0) | 0; v12 ^= v0; v12 = (v12 >>> 16) | (v12 << 16); v8 = (v8 + v12) | 0; v4 ^= v8; v4 = (v4 >>> 12) | (v4 << 20);
    v0 = (v0 + v4 + m1) | 0; v12 ^= v0; v12 = (v12 >>> 8) | (v12 << 24); v8 = (v8 + v12) | 0; v4 ^= v8; v4 = (v4 >>> 7) | (v4 << 25);
    v1 = (v1 + v5 + m2) | 0; v13 ^= v1; v13 = (v13 >>> 16) | (v13 << 16); v9 = (v9 + v13) | 0; v5 ^= v9; v5 = (v5 >>> 12) | (v5 << 20);
    v1 = (v1 + v5 + m3) | 0; v13 ^= v1; v13 = (v13 >>> 8) | (v13 << 24); v9 = (v9 + v13) | 0; v5 ^= v9; v5 = (v5 >>> 7) | (v5 << 25);
    v2 = (v2 + v6 + m4) | 0; v14 ^= v2; v14 = (v14 >>> 16) | (v14 << 16); v10 = (v10 + v14) | 0; v6 ^= v10; v6 = (v6 >>> 12) | (v6 << 20);
    v2 = (v2 + v6 + m5) | 0; v14 ^= v2; v14 = (v14 >>> 8) | (v14 << 24); v10 = (v10 + v14) | 0; v6 ^= v10; v6 = (v6 >>> 7) | (v6 << 25);
    v3 = (v3 + v7 + m6) | 0; v15 ^= v3; v15 = (v15 >>> 16) | (v15 << 16); v11 = (v11 + v15) | 0; v7 ^= v11; v7 = (v7 >>> 12) | (v7 << 20);
    v3 = (v3 + v7 + m7) | 0; v15 ^= v3; v15 = (v15 >>> 8) | (v15 << 24); v11 = (v11 + v15) | 0; v7 ^= v11; v7 = (v7 >>> 7) | (v7 << 25);
    v0 = (v0 + v5 + m8) | 0; v15 ^= v0; v15 = (v15 >>> 16) | (v15 << 16); v10 = (v10 + v15) | 0; v5 ^= v10; v5 = (v5 >>> 12) | (v5 << 20);
    v0 = (v0 + v5 + m9) | 0; v15 ^= v0; v15 = (v15 >>> 8) | (v15 << 24); v10 = (v10 + v15) | 0; v5 ^= v10; v5 = (v5 >>> 7) | (v5 << 25);
    v1 = (v1 + v6 + m10) | 0; v12 ^= v1; v12 = (v12 >>> 16) | (v12 << 16); v11 = (v11 + v12) | 0; v6 ^= v11; v6 = (v6 >>> 12) | (v6 << 20);
    v1 = (v1 + v6 + m11) | 0; v12 ^= v1; v12 = (v12 >>> 8) | (v12 << 24); v11 = (v11 + v12) | 0; v6 ^= v11; v6 = (v6 >>> 7) | (v6 << 25);
    v2 = (v2 + v7 + m12) | 0; v13 ^= v2; v13 = (v13 >>> 16) | (v13 << 16); v8 = (v8 + v13) | 0; v7 ^= v8; v7 = (v7 >>> 12) | (v7 << 20);
    v2 = (v2 + v7 + m13) | 0; v13 ^= v2; v13 = (v13 >>> 8) | (v13 << 24); v8 = (v8 + v13) | 0; v7 ^= v8; v7 = (v7 >>> 7) | (v7 << 25);
    v3 = (v3 + v4 + m14) | 0; v14 ^= v3; v14 = (v14 >>> 16) | (v14 << 16); v9 = (v9 + v14) | 0; v4 ^= v9; v4 = (v4 >>> 12) | (v4 << 20);
    v3 = (v3 + v4 + m15) | 0; v14 ^= v3; v14 = (v14 >>> 8) | (v14 << 24); v9 = (v9 + v14) | 0; v4 ^= v9; v4 = (v4 >>> 7) | (v4 << 25);
    if (round === 6) break;
    // The specification's message permutation, applied to the words for the next round.
    const t0 = m0, t1 = m1, t2 = m2, t3 = m3, t4 = m4, t5 = m5, t6 = m6, t7 = m7, t8 = m8, t9 = m9, t10 = m10, t11 = m11, t12 = m12, t13 = m13, t14 = m14, t15 = m15;
    m0 = t2; m1 = t6; m2 = t3; m3 = t10; m4 = t7; m5 = t0; m6 = t4; m7 = t13;
    m8 = t1; m9 = t11; m10 = t12; m11 = t5; m12 = t9; m13 = t14; m14 = t15; m15 = t8;
  }
  s[0] = v0 ^ v8; s[1] = v1 ^ v9; s[2] = v2 ^ v10; s[3] = v3 ^ v11; s[4] = v4 ^ v12; s[5] = v5 ^ v13; s[6] = v6 ^ v14; s[7] = v7 ^ v15;
  s[8] = v8 ^ cv[0]; s[9] = v9 ^ cv[1]; s[10] = v10 ^ cv[2]; s[11] = v11 ^ cv[3]; s[12] = v12 ^ cv[4]; s[13] = v13 ^ cv[5]; s[14] = v14 ^ cv[6]; s[15] = v15 ^ cv[7];
}

const encoder = new TextEncoder();
const messageBytes = new Uint8Array(CHUNK_LEN);
const block = new Uint32Array(16);
const chain = new Uint32Array(8);
const isLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** UTF-8 of `text` into messageBytes; returns its length, or -1 when it is longer than one chunk. */
function utf8Into(text: string): number {
  if (text.length > CHUNK_LEN) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) {
      const { read, written } = encoder.encodeInto(text, messageBytes);
      return read === text.length ? written : -1;
    }
    messageBytes[i] = c;
  }
  return text.length;
}

const messageWords = new Uint32Array(messageBytes.buffer);

/** The UTF-8 of `parts` joined by `separator` (one ASCII character) into messageBytes; its length, or -1 when not ASCII or over one chunk. */
function asciiPartsInto(parts: string[], separator: number): number {
  let at = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (p > 0) messageBytes[at++] = separator;
    if (at + part.length > CHUNK_LEN) return -1;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      if (c > 127) return -1;
      messageBytes[at++] = c;
    }
  }
  return at;
}

/** The message block at `start` (a multiple of 64) of messageBytes, `len` bytes of it, zero-padded: read as little-endian words. */
function loadBlock(start: number, len: number): void {
  const from = start >>> 2;
  const whole = len >>> 2;
  for (let i = 0; i < whole; i++) block[i] = messageWords[from + i];
  let next = whole;
  // The bytes past the message in its last word are left from an earlier one: masked off.
  if ((len & 3) !== 0) block[next++] = messageWords[from + whole] & ((1 << ((len & 3) * 8)) - 1);
  for (; next < 16; next++) block[next] = 0;
}

function storeWords(out: Uint8Array, offset: number, count: number): void {
  for (let i = 0; i < count; i++) {
    const w = s[i >> 2] >>> ((i & 3) * 8);
    out[offset + i] = w & 0xff;
  }
}

export interface KeyedHash {
  /** Fills `out` with the keyed BLAKE3 output (extendable: any length) of the UTF-8 of `text`. */
  hashInto(text: string, out: Uint8Array): Uint8Array;
  /** hashInto of parts.join(separator), without making the joined string (separator: one ASCII character). */
  hashPartsInto(parts: string[], separator: string, out: Uint8Array): Uint8Array;
  /** The first `bytes` bytes of the keyed hash of `text`, as lower-case hex. */
  hex(text: string, bytes: number): string;
}

/** Keyed BLAKE3 with a 32-byte key; one-chunk messages take the fast path. */
export function createKeyedHash(key: Uint8Array): KeyedHash {
  if (key.length !== 32) throw new RangeError('a keyed hash needs a 32-byte key');
  if (!isLittleEndian) throw new Error('credlink needs a little-endian platform');
  const keyWords = new Uint32Array(8);
  for (let i = 0; i < 8; i++) keyWords[i] = key[4 * i] | (key[4 * i + 1] << 8) | (key[4 * i + 2] << 16) | (key[4 * i + 3] << 24);
  const keyCopy = key.slice();
  const scratch = new Uint8Array(16);
  const hexCodes: number[][] = [];

  function hashInto(text: string, out: Uint8Array): Uint8Array {
    const len = utf8Into(text);
    if (len < 0) {
      out.set(blake3(encoder.encode(text), { key: keyCopy, dkLen: out.length }));
      return out;
    }
    return hashMessage(len, out);
  }

  function hashPartsInto(parts: string[], separator: string, out: Uint8Array): Uint8Array {
    const len = asciiPartsInto(parts, separator.charCodeAt(0));
    return len < 0 ? hashInto(parts.join(separator), out) : hashMessage(len, out);
  }

  /** The keyed hash of the first `len` bytes of messageBytes into `out`. */
  function hashMessage(len: number, out: Uint8Array): Uint8Array {
    // Every block but the last goes into the chaining value; the last is compressed once per 64 output bytes.
    for (let i = 0; i < 8; i++) chain[i] = keyWords[i];
    const lastStart = len === 0 ? 0 : Math.floor((len - 1) / 64) * 64;
    for (let start = 0; start < lastStart; start += 64) {
      loadBlock(start, 64);
      compress(chain, block, 0, 64, KEYED_HASH | (start === 0 ? CHUNK_START : 0));
      for (let i = 0; i < 8; i++) chain[i] = s[i];
    }
    const lastLen = len - lastStart;
    loadBlock(lastStart, lastLen);
    const flags = KEYED_HASH | CHUNK_END | ROOT | (lastStart === 0 ? CHUNK_START : 0);
    for (let offset = 0, counter = 0; offset < out.length; offset += 64, counter++) {
      compress(chain, block, counter, lastLen, flags);
      storeWords(out, offset, Math.min(64, out.length - offset));
    }
    return out;
  }

  return {
    hashInto,
    hashPartsInto,
    hex(text, bytes) {
      const out = bytes <= scratch.length ? scratch.subarray(0, bytes) : new Uint8Array(bytes);
      hashInto(text, out);
      // One flat string from char codes: concatenating two-character pieces built a rope to flatten later.
      const codes = (hexCodes[bytes] ??= new Array<number>(2 * bytes).fill(0));
      for (let i = 0; i < bytes; i++) {
        codes[2 * i] = HEX_CODES[2 * out[i]];
        codes[2 * i + 1] = HEX_CODES[2 * out[i] + 1];
      }
      return String.fromCharCode.apply(null, codes);
    },
  };
}

/** The two lower-case hex digits of each byte, as char codes. */
const HEX_CODES = new Uint8Array(512).map((_, i) => (i >> 1).toString(16).padStart(2, '0').charCodeAt(i & 1));
