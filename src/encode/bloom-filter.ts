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

const SLAB_BYTES = 1 << 16;

/**
 * Hands out zeroed filters cut from shared 64 KiB buffers. V8 allocates a typed array over 64 bytes
 * outside the heap (~360 ns, and GC pressure); a view on a slab costs ~40 ns. A slab lives while any
 * of its filters does, so only short-lived per-record filters should come from here, not cached ones.
 */
export class FilterSlab {
  private buffer = new ArrayBuffer(SLAB_BYTES);
  /** The whole buffer, to zero what rewind() hands out again. */
  private whole = new Uint8Array(this.buffer);
  private offset = 0;

  alloc(bytes: number): Uint8Array {
    if (bytes > SLAB_BYTES / 8) return new Uint8Array(bytes);
    if (this.offset + bytes > SLAB_BYTES) {
      this.buffer = new ArrayBuffer(SLAB_BYTES);
      this.whole = new Uint8Array(this.buffer);
      this.offset = 0;
    }
    const filter = new Uint8Array(this.buffer, this.offset, bytes);
    // 8-byte alignment lets readers view a filter as 32- or 64-bit words.
    this.offset += (bytes + 7) & ~7;
    return filter;
  }

  /**
   * Hands out the current buffer again from its start, so that it stays in the CPU's cache instead
   * of a new 64 KiB buffer every few hundred records. Only for a slab whose filters are all read
   * by now (ExtractLineBuilder has copied them into a line).
   */
  rewind(): void {
    // Filters are handed out zeroed: balancing only sets bits.
    this.whole.fill(0, 0, this.offset);
    this.offset = 0;
  }

  /** `alloc` as a function value (a hardening step's FilterAlloc). */
  readonly allocator = (bytes: number): Uint8Array => this.alloc(bytes);

  copy(filter: Uint8Array): Uint8Array {
    const out = this.alloc(filter.length);
    // TypedArray#set costs more than the copy itself on a filter of a few dozen bytes.
    if (filter.length <= 64) for (let i = 0; i < filter.length; i++) out[i] = filter[i];
    else out.set(filter);
    return out;
  }
}
