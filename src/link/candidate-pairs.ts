import type { SourceStore } from './source-store.ts';

/** The two sides of one linkage: two sources, or one source against itself (deduplication). */
export interface PairSides {
  a: SourceStore;
  b: SourceStore;
  dedupe: boolean;
}

export function pairSides(a: SourceStore, b?: SourceStore): PairSides {
  return b === undefined || b === a ? { a, b: a, dedupe: true } : { a, b, dedupe: false };
}

/** All pairs the sides could form: the denominator of the reduction ratio. */
export function totalPairs(sides: PairSides): number {
  return sides.dedupe ? (sides.a.count * (sides.a.count - 1)) / 2 : sides.a.count * sides.b.count;
}

/**
 * Union of candidate pairs over blocking passes; each pair gets one index, in order of discovery.
 * An open-addressing table over typed arrays rather than a Map: a Map holds at most 2^24 entries
 * (100k x 1M persons can give more candidates) and costs ~80 bytes per entry against ~24 here.
 */
export class CandidateCollector {
  private slots = new Int32Array(1 << 16).fill(-1);
  private leftList = new Uint32Array(1 << 15);
  private rightList = new Uint32Array(1 << 15);
  private count = 0;

  constructor(private readonly sides: PairSides) {}

  /** Adds the pair (a-record x, b-record y) and returns its index, or -1 for a record with itself. */
  add(x: number, y: number): number {
    if (this.sides.dedupe) {
      if (x === y) return -1;
      if (x > y) [x, y] = [y, x];
    }
    const slot = this.find(x, y);
    const known = this.slots[slot];
    if (known >= 0) return known;
    const next = this.count++;
    if (next === this.leftList.length) this.growLists();
    this.leftList[next] = x;
    this.rightList[next] = y;
    this.slots[slot] = next;
    // Keep the table at most half full so that probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
    return next;
  }

  /** Whether the pair is already a candidate. */
  has(x: number, y: number): boolean {
    return this.indexOf(x, y) >= 0;
  }

  /** The pair's index, or -1 when it is not a candidate. */
  indexOf(x: number, y: number): number {
    if (this.sides.dedupe && x > y) [x, y] = [y, x];
    return this.slots[this.find(x, y)];
  }

  get size(): number {
    return this.count;
  }

  toArrays(): { left: Uint32Array; right: Uint32Array } {
    return { left: this.leftList.slice(0, this.count), right: this.rightList.slice(0, this.count) };
  }

  /** The slot holding (x, y), or the empty slot where it would go (linear probing). */
  private find(x: number, y: number): number {
    const mask = this.slots.length - 1;
    let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const k = this.slots[h];
      if (k < 0 || (this.leftList[k] === x && this.rightList[k] === y)) return h;
      h = (h + 1) & mask;
    }
  }

  private growLists(): void {
    const grow = (a: Uint32Array) => {
      const b = new Uint32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.leftList = grow(this.leftList);
    this.rightList = grow(this.rightList);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let k = 0; k < this.count; k++) this.slots[this.find(this.leftList[k], this.rightList[k])] = k;
  }
}
