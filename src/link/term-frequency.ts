import type { FieldName } from '../schema/field-names.ts';
import type { PairSides } from './candidate-pairs.ts';
import type { FilterStore } from './filter-store.ts';

/**
 * Term-frequency adjustment: agreeing on a rare surname says more than agreeing on SMITH. The
 * linker sees no names, but identical filters mean identical values, so it can count how often
 * each value occurs among the records of both sides. For an exact agreement on value v, the
 * likelihood ratio m_exact / u_exact of the level becomes m_exact / tf(v), tf(v) the share of
 * records holding v (Splink's adjustment, computed here on the encodings). This file gives each
 * pair the sum of -log2 tf(v) over its exactly agreeing name fields; fs-model.ts adds
 * log2 u_exact for the same fields when it scores.
 */
export const TERM_FREQUENCY_FIELDS: readonly FieldName[] = ['first_name', 'last_name'];

/** A hash of each present record's filter (0 where absent), for counting identical filters. */
function filterHashes(store: FilterStore): Uint32Array {
  const out = new Uint32Array(store.count);
  const { words, wordsPerFilter } = store;
  for (let i = 0; i < store.count; i++) {
    if (store.present[i] === 0) continue;
    let h = 0x811c9dc5;
    for (let w = i * wordsPerFilter, end = w + wordsPerFilter; w < end; w++) h = Math.imul(h ^ words[w], 0x01000193);
    out[i] = (h >>> 0) | 1;
  }
  return out;
}

/** Per record of each side, the share of the present records of both sides whose filter equals its own. */
export function valueShares(sides: PairSides, field: FieldName): { a: Float32Array; b: Float32Array } | undefined {
  const storeA = sides.a.fields.get(field);
  const storeB = sides.b.fields.get(field);
  if (!storeA || !storeB || storeA.wordsPerFilter !== storeB.wordsPerFilter) return undefined;
  const hashA = filterHashes(storeA);
  const hashB = sides.dedupe ? hashA : filterHashes(storeB);
  const pooled = sides.dedupe ? hashA.slice() : concat(hashA, hashB);
  const sorted = pooled.filter((h) => h !== 0).sort();
  if (sorted.length === 0) return undefined;
  const share = (hashes: Uint32Array) => {
    const out = new Float32Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== 0) out[i] = (bound(sorted, hashes[i], true) - bound(sorted, hashes[i], false)) / sorted.length;
    return out;
  };
  const a = share(hashA);
  return { a, b: sides.dedupe ? a : share(hashB) };
}

/** Per pair, the sum over TERM_FREQUENCY_FIELDS agreeing exactly of -log2 of the value's share. */
export function termFrequencyBits(sides: PairSides, fields: readonly FieldName[], levels: Uint8Array, left: Uint32Array, right: Uint32Array, exactLevel: number): Float32Array | undefined {
  const width = fields.length;
  const used = TERM_FREQUENCY_FIELDS.map((field) => ({ f: fields.indexOf(field), shares: valueShares(sides, field) })).filter((x) => x.f >= 0 && x.shares);
  if (used.length === 0 || exactLevel < 0) return undefined;
  const bits = new Float32Array(left.length);
  for (const { f, shares } of used) {
    for (let i = 0; i < left.length; i++) {
      if (levels[i * width + f] !== exactLevel) continue;
      const share = Math.max(shares!.a[left[i]], shares!.b[right[i]]);
      if (share > 0) bits[i] += -Math.log2(share);
    }
  }
  return bits;
}

function concat(x: Uint32Array, y: Uint32Array): Uint32Array {
  const out = new Uint32Array(x.length + y.length);
  out.set(x);
  out.set(y, x.length);
  return out;
}

/** The first index whose value is above `value` (or at least `value` when not `inclusive`), by bisection. */
function bound(sorted: Uint32Array, value: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value || (inclusive && sorted[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
