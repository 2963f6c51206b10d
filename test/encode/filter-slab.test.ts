import { describe, expect, it } from 'vitest';
import { FilterSlab } from '../../src/encode/bloom-filter.ts';

describe('FilterSlab', () => {
  it('hands out zeroed filters again after rewind (balancing only sets bits)', () => {
    const slab = new FilterSlab();
    slab.alloc(40).fill(0xff);
    slab.copy(new Uint8Array(24).fill(7));
    slab.rewind();
    expect([...slab.alloc(64)].every((b) => b === 0)).toBe(true);
  });
});
