import { describe, expect, it } from 'vitest';
import { WasmHeap } from '../../src/kernel/wasm-heap.ts';

describe('WasmHeap', () => {
  it('reuses freed blocks and coalesces neighbours', () => {
    const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1, maximum: 16 }));
    const a = heap.alloc(100);
    const b = heap.alloc(100);
    const c = heap.alloc(100);
    expect(new Set([a, b, c]).size).toBe(3);
    expect([a, b, c].every((p) => p % 64 === 0 && p > 0)).toBe(true);
    heap.release(a);
    heap.release(b);
    expect(heap.alloc(200)).toBe(a);
    heap.release(c);
  });

  it('grows the memory when no free block fits', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 16 });
    const heap = new WasmHeap(memory);
    const p = heap.alloc(3 * 65536);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(p + 3 * 65536);
    heap.release(p);
    expect(heap.bytesInUse).toBe(0);
  });

  it('refuses to free what it did not allocate', () => {
    const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1, maximum: 1 }));
    expect(() => heap.release(12345)).toThrow();
  });
});
