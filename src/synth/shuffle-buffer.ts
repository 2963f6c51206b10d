import type { Rng } from './prng.ts';

/**
 * A bounded shuffle: rows leave in random order from a window of `capacity` rows. Files would
 * otherwise list persons in the same order in every source, a cross-file alignment no real
 * extract has; the window keeps memory fixed however large the world.
 */
export class ShuffleBuffer<T> {
  private readonly items: T[] = [];

  constructor(private readonly rng: Rng, private readonly capacity: number) {}

  /** Adds an item and returns the item it displaces once the window is full. */
  push(item: T): T | undefined {
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return undefined;
    }
    const i = this.rng.int(this.capacity);
    const out = this.items[i];
    this.items[i] = item;
    return out;
  }

  /** Empties the window in random order. */
  drain(): T[] {
    const out = this.items.splice(0);
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = this.rng.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
