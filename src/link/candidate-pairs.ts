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

/** Union of candidate pairs over blocking passes; each pair gets one index, in order of discovery. */
export class CandidateCollector {
  private readonly index = new Map<number, number>();
  private readonly leftList: number[] = [];
  private readonly rightList: number[] = [];

  constructor(private readonly sides: PairSides) {}

  /** Adds the pair (a-record x, b-record y) and returns its index, or -1 for a record with itself. */
  add(x: number, y: number): number {
    if (this.sides.dedupe) {
      if (x === y) return -1;
      if (x > y) [x, y] = [y, x];
    }
    const key = x * this.sides.b.count + y;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const next = this.leftList.length;
    this.index.set(key, next);
    this.leftList.push(x);
    this.rightList.push(y);
    return next;
  }

  /** Whether the pair is already a candidate. */
  has(x: number, y: number): boolean {
    if (this.sides.dedupe && x > y) [x, y] = [y, x];
    return this.index.has(x * this.sides.b.count + y);
  }

  get size(): number {
    return this.leftList.length;
  }

  toArrays(): { left: Uint32Array; right: Uint32Array } {
    return { left: Uint32Array.from(this.leftList), right: Uint32Array.from(this.rightList) };
  }
}
