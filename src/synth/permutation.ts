import { mixSeed } from './prng.ts';

/**
 * A keyed permutation of [0, size): a balanced Feistel network over the next even power of two,
 * with cycle walking back into range. It hands out unique ids (SSNs, candidate numbers) to
 * person after person without remembering which ones were used.
 */
export function keyedPermutation(size: number, key: number): (index: number) => number {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError('permutation size must be a positive integer');
  let halfBits = 1;
  while (2 ** (2 * halfBits) < size) halfBits += 1;
  const half = 2 ** halfBits;
  const round = (r: number, value: number) => mixSeed(key, r, value) % half;
  const encrypt = (x: number) => {
    let left = Math.floor(x / half);
    let right = x % half;
    for (let r = 0; r < 4; r += 1) {
      const next = (left + round(r, right)) % half;
      left = right;
      right = next;
    }
    return left * half + right;
  };
  return (index: number) => {
    if (index < 0 || index >= size) throw new RangeError(`index ${index} outside [0, ${size})`);
    let x = encrypt(index);
    while (x >= size) x = encrypt(x);
    return x;
  };
}
