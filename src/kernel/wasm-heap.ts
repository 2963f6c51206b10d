/**
 * A first-fit allocator over a WebAssembly memory, growing it when no free block fits.
 * Filter sets live long (a field of one source for a whole link run) and scratch regions
 * (query, index and score arrays) live for one call, so a free list with coalescing is enough;
 * the kernels themselves never allocate.
 */

const PAGE = 65536;
// v128 loads need no alignment in WebAssembly, but aligned ones never straddle a cache line.
const ALIGN = 64;

interface Block {
  start: number;
  size: number;
}

export class WasmHeap {
  private readonly free: Block[] = [];
  private readonly used = new Map<number, number>();

  constructor(private readonly memory: WebAssembly.Memory) {
    // Address 0 stays unused so that a pointer of 0 never names a live block.
    const size = memory.buffer.byteLength;
    if (size > ALIGN) this.free.push({ start: ALIGN, size: size - ALIGN });
  }

  /** Returns the address of `bytes` bytes (at least 1), aligned to 64. */
  alloc(bytes: number): number {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    let index = this.free.findIndex((block) => block.size >= size);
    if (index < 0) index = this.grow(size);
    const block = this.free[index];
    const start = block.start;
    if (block.size === size) this.free.splice(index, 1);
    else {
      block.start += size;
      block.size -= size;
    }
    this.used.set(start, size);
    return start;
  }

  release(start: number): void {
    const size = this.used.get(start);
    if (size === undefined) throw new Error(`WasmHeap: ${start} is not an allocated block`);
    this.used.delete(start);
    let index = this.free.findIndex((block) => block.start > start);
    if (index < 0) index = this.free.length;
    this.free.splice(index, 0, { start, size });
    this.coalesce(index);
  }

  /** Bytes held by live blocks, for tests and the bench's memory figures. */
  get bytesInUse(): number {
    let total = 0;
    for (const size of this.used.values()) total += size;
    return total;
  }

  /** Grows the memory so that the last free block holds `size`; returns that block's index. */
  private grow(size: number): number {
    const end = this.memory.buffer.byteLength;
    const last = this.free[this.free.length - 1];
    const tail = last && last.start + last.size === end ? last.size : 0;
    const pages = Math.ceil((size - tail) / PAGE);
    // Throws RangeError when the memory's maximum is reached: a caller bug or a shard too big.
    this.memory.grow(pages);
    if (tail > 0) last.size += pages * PAGE;
    else this.free.push({ start: end, size: pages * PAGE });
    return this.free.length - 1;
  }

  private coalesce(index: number): void {
    const next = this.free[index + 1];
    const block = this.free[index];
    if (next && block.start + block.size === next.start) {
      block.size += next.size;
      this.free.splice(index + 1, 1);
    }
    const prev = this.free[index - 1];
    if (prev && prev.start + prev.size === block.start) {
      prev.size += block.size;
      this.free.splice(index, 1);
    }
  }
}
