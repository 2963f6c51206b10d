/*
 * Typed arrays that grow by doubling, for lists of pair indices and scores: a JavaScript array
 * stops near 2^27 elements ("Invalid array length") and a Set at 2^24 ("Set maximum size
 * exceeded"), and a 1M x 10M linkage emits more candidate pairs than either holds.
 */

type Typed = Uint32Array | Int32Array | Float64Array;

export class GrowableArray<T extends Typed> {
  length = 0;
  constructor(private values: T) {}

  push(x: number): void {
    if (this.length === this.values.length) {
      const wider = new (this.values.constructor as new (n: number) => T)(Math.max(16, this.values.length * 2));
      wider.set(this.values);
      this.values = wider;
    }
    this.values[this.length++] = x;
  }

  /** A copy of the values pushed so far, of exactly their length. */
  take(): T {
    return this.values.slice(0, this.length) as T;
  }
}

export const uint32List = (capacity = 1024) => new GrowableArray(new Uint32Array(capacity));
export const float64List = (capacity = 1024) => new GrowableArray(new Float64Array(capacity));

/** Distinct values in ascending order (what Uint32Array.from(new Set(values)).sort() gave, with no Set). */
export function sortedUnique(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}
