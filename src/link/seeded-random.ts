import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** Deterministic PRNG (xoshiro128**): runs are reproducible, so the same inputs give the same bytes. */
export interface SeededRandom {
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [0, 1). */
  next(): number;
}

export function seededRandom(seed: string): SeededRandom {
  const h = sha256(utf8ToBytes(seed));
  const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
  let s0 = view.getUint32(0, true) | 1;
  let s1 = view.getUint32(4, true);
  let s2 = view.getUint32(8, true);
  let s3 = view.getUint32(12, true);
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const next = () => (nextU32() * 2 ** 21 + (nextU32() >>> 11)) / 2 ** 53;
  return { next, int: (n) => Math.floor(next() * n) };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
