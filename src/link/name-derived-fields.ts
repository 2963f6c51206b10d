import type { FieldName } from '../schema/field-names.ts';
import type { ComparisonVectors } from './comparison-vectors.ts';
import { missingWhereExact, sampleShare } from './nested-fields.ts';

/**
 * A field whose partial agreement is compared only where a name does not agree exactly: `field`
 * (an e-mail address) partly agrees between namesakes as often as between matches once `given`
 * (the surname) agrees.
 */
export interface NameDerivedField {
  field: FieldName;
  given: FieldName;
  /** Share of random pairs agreeing exactly on `given` whose `field` agrees partly (not exactly), and that share overall. */
  conditionalPartial: number;
  partial: number;
}

/**
 * E-mail addresses are built from names (jane.smith85@, jsmith@), so two namesakes' addresses
 * partly agree far more often than two random persons'. Fellegi-Sunter takes the fields as
 * independent and counts the names twice: at 200,000 persons, between two rosters sharing names,
 * ZIP and e-mail, EM fitted "names agree and e-mail partly agrees" as the match class (m of the
 * >=0.6 level 0.44 where every true pair's address was identical) and 61% of links were false.
 * Exact agreement and plain disagreement keep their weight; only the partial levels are dropped
 * where the name agrees, decided from the random sample as nested-fields.ts does for places.
 */
const DERIVED_CANDIDATES: readonly FieldName[] = ['email'] as FieldName[];
const NAMES: readonly FieldName[] = ['last_name', 'first_name'] as FieldName[];

const MIN_AGREEING_PAIRS = 20;
const MIN_LIFT = 4;

export function nameDerivedFields(sample: ComparisonVectors, exactLevel: number): NameDerivedField[] {
  const partialShare = (f: number, given?: number) => sampleShare(sample, f, given, exactLevel, (level) => level > 0 && level < exactLevel);
  const found: NameDerivedField[] = [];
  for (const field of DERIVED_CANDIDATES) {
    const f = sample.fields.indexOf(field);
    if (f < 0) continue;
    const base = partialShare(f);
    for (const name of NAMES) {
      const g = sample.fields.indexOf(name);
      if (g < 0) continue;
      const given = partialShare(f, g);
      if (given.pairs < MIN_AGREEING_PAIRS || given.share < MIN_LIFT * Math.max(base.share, 1e-12)) continue;
      found.push({ field, given: name, conditionalPartial: given.share, partial: base.share });
    }
  }
  return found;
}

/** The vectors with each derived field's partial levels set missing wherever its name agrees exactly. */
export function applyNameDerived(vectors: ComparisonVectors, derived: readonly NameDerivedField[], exactLevel: number): ComparisonVectors {
  return missingWhereExact(vectors, derived, exactLevel, (level) => level > 0 && level < exactLevel);
}
