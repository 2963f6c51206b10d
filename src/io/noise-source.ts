import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors/errors.ts';
import { seededRandom } from '../disclosure/geometric-noise.ts';

/** Cryptographic U[0,1) unless a seed is given: noise an attacker could replay protects nothing. */
export function noiseSource(seed: string | undefined): () => number {
  if (seed !== undefined) {
    if (!/^\d+$/.test(seed)) throw new UsageError(`--noise-seed must be a non-negative integer, got "${seed}"`);
    return seededRandom(Number(seed) >>> 0);
  }
  return () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
}
