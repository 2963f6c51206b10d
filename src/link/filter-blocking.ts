import type { FieldName } from '../schema/field-names.ts';
import { emitBlocks, type BlockFilter, type BlockingPass } from './blocking.ts';
import type { CandidateCollector, PairSides } from './candidate-pairs.ts';
import type { FilterStore } from './filter-store.ts';

/**
 * Blocking passes the linker forms itself: records whose filters of two fields are identical
 * (identical filters mean identical values, so these are exact-value blocks). The schema's keys
 * lean on names and birth date; a source without a birth date (tradecert: names, e-mail, ZIP)
 * whose first name is a nickname, or whose surname changed, fell through every key and most LSH
 * bands: on the synthetic world half the true spine ~ tradecert pairs blocking missed had the
 * surname and ZIP exact. A ZIP with one name is selective and needs no secret.
 */
export const FILTER_BLOCKING_FIELDS: ReadonlyArray<readonly FieldName[]> = [
  ['last_name', 'postcode'],
  ['first_name', 'postcode'],
  ['dob'],
];

function filterKeys(stores: FilterStore[]): Array<string | undefined> {
  const count = stores[0].count;
  const views = stores.map((s) => new Uint16Array(s.words.buffer, s.words.byteOffset, s.words.length * 2));
  const keys: Array<string | undefined> = new Array(count);
  for (let i = 0; i < count; i++) {
    if (stores.some((s) => s.present[i] === 0 || s.popcounts[i] === 0)) continue;
    keys[i] = stores.map((s, k) => String.fromCharCode(...views[k].subarray(i * s.wordsPerFilter * 2, (i + 1) * s.wordsPerFilter * 2))).join('\u0000');
  }
  return keys;
}

/** One pass per field combination both sides carry (same filter lengths), named `exact:<fields>`. */
export function filterBlockingPasses(
  sides: PairSides,
  collector: CandidateCollector,
  shared: readonly FieldName[],
  maxBlockPairs: number,
  filter?: BlockFilter,
): BlockingPass[] {
  const passes: BlockingPass[] = [];
  for (const fields of FILTER_BLOCKING_FIELDS) {
    if (!fields.every((f) => shared.includes(f))) continue;
    const valuesA = filterKeys(fields.map((f) => sides.a.fields.get(f)!));
    const valuesB = sides.dedupe ? valuesA : filterKeys(fields.map((f) => sides.b.fields.get(f)!));
    const { blockStarts, ...result } = emitBlocks(sides, collector, valuesA, valuesB, maxBlockPairs, filter);
    const emissions = blockStarts && { band: new Uint32Array(blockStarts.length), blockStart: blockStarts, pair: result.candidates };
    passes.push({ name: `exact:${fields.join('+')}`, kind: 'key', fields: [...fields], exact: true, ...result, ...(emissions ? { emissions } : {}) });
  }
  return passes;
}
