/**
 * Dice coefficient of two Bloom filters, 2|A∩B| / (|A|+|B|), on the scalar JavaScript path.
 * The WebAssembly kernel (src/kernel/) must give identical scores; this is its oracle.
 * Two empty filters score 0: no evidence is not agreement.
 */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function popcountBytes(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) count += popcount32(bytes[i]);
  return count;
}

export function dice(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new RangeError(`filters differ in length: ${a.length} and ${b.length} bytes`);
  let common = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    common += popcount32(a[i] & b[i]);
    total += popcount32(a[i]) + popcount32(b[i]);
  }
  return total === 0 ? 0 : (2 * common) / total;
}
