import type { FieldName } from '../schema/field-names.ts';
import type { PairSides } from './candidate-pairs.ts';
import type { ComparisonVectors } from './comparison-vectors.ts';
import { crossAgreementCount, filterHashes } from './exact-agreement.ts';
import type { FilterStore } from './filter-store.ts';

/**
 * Pairs agreeing exactly on first and last name form a training session of their own for fields no
 * blocking pass could fit (spine ~ wages share only names and the SSN: the SSN pass cannot fit the
 * SSN, and the soundex pass leaves it the one free field, so m(SSN) was fitted over all pairs, where
 * namesakes sit in the match class: m(SSN disagrees) .14 against .009 true). The session's share of
 * matches is known without EM from how many namesakes chance makes.
 */
export const NAMESAKE_FIELDS: readonly FieldName[] = ['first_name', 'last_name'] as FieldName[];

/** Namesakes across the sides: those chance explains (expected) and all there are (counted). */
export interface NamesakeChance {
  expected: number;
  all: number;
}

/** Too few namesakes within the sources say nothing of how first and last names go together. */
const MIN_WITHIN_NAMESAKES = 10;

/**
 * Chance namesakes over all cross pairs: the product of the cross-source agreement rates of the
 * two names times their lift within the duplicate-free sides (within one such source every pair is
 * a non-match). Names are not independent (surnames and given names travel together by origin and
 * generation), so the product alone undercounts: on the synthetic world it put the session's match
 * share at .78 against about .62 true.
 */
export function namesakeChance(sides: PairSides): NamesakeChance | undefined {
  if (sides.dedupe) return undefined;
  const stores = [sides.a, sides.b].map((s) => NAMESAKE_FIELDS.map((f) => s.fields.get(f)));
  if (stores.some((fields) => fields.some((f) => f === undefined))) return undefined;
  const [a, b] = stores as FilterStore[][];
  const lift = withinLift([sides.a.duplicateFree ? a : undefined, sides.b.duplicateFree ? b : undefined]);
  if (lift === undefined) return undefined;
  const total = sides.a.count * sides.b.count;
  const rate = (f: number) => crossAgreementCount(filterHashes([a[f]]), filterHashes([b[f]])).agreeing / total;
  return { expected: total * rate(0) * rate(1) * lift, all: crossAgreementCount(filterHashes(a), filterHashes(b)).agreeing };
}

/** P(both names agree) / (P(first agrees) x P(last agrees)) over the distinct pairs within the given sources. */
function withinLift(sources: ReadonlyArray<FilterStore[] | undefined>): number | undefined {
  let joint = 0;
  let first = 0;
  let last = 0;
  let pairs = 0;
  for (const fields of sources) {
    if (!fields) continue;
    const count = fields[0].count;
    pairs += (count * (count - 1)) / 2;
    joint += selfAgreement(filterHashes(fields));
    first += selfAgreement(filterHashes([fields[0]]));
    last += selfAgreement(filterHashes([fields[1]]));
  }
  if (joint < MIN_WITHIN_NAMESAKES || first === 0 || last === 0) return undefined;
  return (joint / pairs) / ((first / pairs) * (last / pairs));
}

function selfAgreement(sorted: Float64Array): number {
  const { agreeing } = crossAgreementCount(sorted, sorted);
  // Each record agrees with itself once, and every other pair is counted in both orders.
  return (agreeing - sorted.length) / 2;
}

/** Candidate rows whose first and last names both agree exactly. */
export function namesakeRows(vectors: ComparisonVectors, exactLevel: number): Uint32Array {
  const columns = NAMESAKE_FIELDS.map((f) => vectors.fields.indexOf(f));
  if (columns.some((c) => c < 0)) return new Uint32Array(0);
  const width = vectors.fields.length;
  const rows: number[] = [];
  for (let i = 0; i < vectors.count; i++) if (columns.every((c) => vectors.levels[i * width + c] === exactLevel)) rows.push(i);
  return Uint32Array.from(rows);
}

/**
 * Share of matches among the candidate namesakes: the namesakes outside the candidates (in blocks
 * skipped for size: common names) are taken as chance, so chance among the candidates is what is
 * left of the expected count. Undefined when the estimate says nothing (below `minShare`).
 */
export function namesakeMatchShare(chance: NamesakeChance, candidates: number, minShare: number): number | undefined {
  if (candidates === 0) return undefined;
  const outside = Math.max(0, chance.all - candidates);
  const share = 1 - Math.max(0, chance.expected - outside) / candidates;
  return share >= minShare ? Math.min(share, 0.999) : undefined;
}
