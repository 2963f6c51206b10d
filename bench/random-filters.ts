/** Seeded random data for the benches, so that every run scores the same filters. */

/** mulberry32: small, fast and good enough to fill Bloom filters. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** count filters of `bytes` bytes, about half the bits set (a CLK is sized to be half full). */
export function randomFilters(count: number, bytes: number, seed: number): Uint8Array {
  const next = seededRandom(seed);
  const out = new Uint8Array(count * bytes);
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < words.length; i++) words[i] = next();
  return out;
}

/**
 * Candidate pairs as blocking yields them: each A filter meets a run of `perBlock` B filters that
 * lie near each other (one block), so the B side is read mostly in order.
 */
export function blockedPairs(n: number, countA: number, countB: number, perBlock: number, seed: number) {
  const next = seededRandom(seed);
  const idxA = new Uint32Array(n);
  const idxB = new Uint32Array(n);
  for (let k = 0; k < n; k += perBlock) {
    const a = next() % countA;
    const start = next() % Math.max(1, countB - perBlock);
    for (let j = 0; j < perBlock && k + j < n; j++) {
      idxA[k + j] = a;
      idxB[k + j] = start + j;
    }
  }
  return { idxA, idxB };
}

/** Candidate pairs drawn uniformly: every pair misses the cache, the worst case. */
export function randomPairs(n: number, countA: number, countB: number, seed: number) {
  const next = seededRandom(seed);
  return {
    idxA: Uint32Array.from({ length: n }, () => next() % countA),
    idxB: Uint32Array.from({ length: n }, () => next() % countB),
  };
}
