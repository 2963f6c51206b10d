/** Bloom-filter bit operations on byte arrays; bit i lives in byte i>>3 at mask 1<<(i&7). */

export function emptyFilter(bits: number): Uint8Array {
  return new Uint8Array(bits >>> 3);
}

export function setPositions(filter: Uint8Array, positions: ArrayLike<number>): void {
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    filter[p >>> 3] |= 1 << (p & 7);
  }
}

export function getBit(filter: Uint8Array, i: number): number {
  return (filter[i >>> 3] >>> (i & 7)) & 1;
}

export function setBit(filter: Uint8Array, i: number, value: number): void {
  if (value) filter[i >>> 3] |= 1 << (i & 7);
  else filter[i >>> 3] &= ~(1 << (i & 7));
}

export function filterBits(filter: Uint8Array): number {
  return filter.length * 8;
}
