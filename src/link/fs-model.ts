import type { FieldName } from '../schema/field-names.ts';
import type { BlockingPass } from './blocking.ts';
import { MISSING_LEVEL } from './comparison-levels.ts';
import type { ComparisonVectors } from './comparison-vectors.ts';
import { DEFAULT_EM, emEstimate, type EmOptions } from './em-estimate.ts';
import { pooledExactU, type AgreementCount } from './exact-agreement.ts';
import type { NameDerivedField } from './name-derived-fields.ts';
import { NAMESAKE_FIELDS, namesakeMatchShare, namesakeRows, type NamesakeChance } from './namesake-session.ts';
import type { FieldNesting } from './nested-fields.ts';
import { patternTable, type PatternTable } from './pattern-table.ts';
import { TERM_FREQUENCY_FIELDS } from './term-frequency.ts';

export interface FieldParameters {
  field: FieldName;
  mProbability: number[];
  uProbability: number[];
  /** log2(m/u) per level. */
  matchWeight: number[];
}

export interface TrainingSession {
  pass: string;
  pairs: number;
  excludedFields: FieldName[];
  estimatedFields: FieldName[];
  lambda: number;
  iterations: number;
  converged: boolean;
}

export interface FsModel {
  levelLabels: string[];
  training: MTraining;
  fields: FieldParameters[];
  /** Estimated share of matches among all pairs the two sides can form. */
  prior: number;
  priorIterations: number;
  priorConverged: boolean;
  /** Every EM session and the prior fit converged; when not, `sessions` says which stopped at the iteration cap. */
  converged: boolean;
  uSampleSize: number;
  sessions: TrainingSession[];
  /** Place fields compared only where a finer one disagrees (nested-fields.ts). */
  nestings?: FieldNesting[];
  /** Fields built from names whose partial agreement counts only where the name differs (name-derived-fields.ts). */
  nameDerived?: NameDerivedField[];
}

/** Sessions smaller than this say more about noise than about m. */
const MIN_SESSION_PAIRS = 30;

/**
 * u per field and level from the levels of random pairs, each counted by its weight (its
 * probability of being a non-match, 1 when unknown); +0.5 smoothing so that no level has u = 0.
 * Weighting matters for a strong identifier: about one random pair in |B| is a match, and those
 * matches, not chance, would otherwise make up nearly all exact SSN agreements.
 */
export function estimateU(sample: ComparisonVectors, levelCount: number, nonMatch?: Float64Array, exact?: ExactAgreement): number[][] {
  const width = sample.fields.length;
  return sample.fields.map((_, f) => {
    const counts = new Array<number>(levelCount).fill(0);
    for (let i = 0; i < sample.count; i++) {
      const level = sample.levels[i * width + f];
      if (level !== MISSING_LEVEL) counts[level] += nonMatch ? nonMatch[i] : 1;
    }
    const total = counts.reduce((s, x) => s + x, 0);
    const u = counts.map((c) => (c + 0.5) / (total + 0.5 * levelCount));
    const within = exact?.within[f];
    return exact && within ? pooledExactU(u, exact.level, counts[exact.level], total, within) : u;
  });
}

/** Within-source exact agreement per field (undefined where unknown) and the level it pools into. */
export interface ExactAgreement {
  level: number;
  within: Array<AgreementCount | undefined>;
}

/** A start for m that favours agreement: m_k proportional to 4^k. */
function startingM(levelCount: number): number[] {
  const raw = Array.from({ length: levelCount }, (_, k) => 4 ** k);
  const total = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => x / total);
}

export type MTraining = 'blocks' | 'all-pairs';

/** What the fit sees: candidate pairs, the passes that found them, and a random sample standing for all other pairs. */
export interface TrainingData {
  vectors: ComparisonVectors;
  passes: readonly BlockingPass[];
  /** Levels of the random sample that gave u. */
  sample: ComparisonVectors;
  /** Sample rows that are not candidates. */
  sampleOutside: Uint32Array;
  totalPairs: number;
  /**
   * Most matches the sides can hold over all pairs, as a share: a duplicate-free side's record has
   * at most one match. Fields that cluster (city and ZIP: a town) let EM take "same place" for
   * "same person" with a match share 18x this bound (prior 0.0037 between two files of 5,000,
   * m(surname disagrees) = 0.43); bounded, EM must explain those pairs as chance.
   */
  maxPrior?: number;
  /** Chance namesakes across the sides (namesake-session.ts), where both carry both names. */
  namesakeChance?: NamesakeChance;
}

/**
 * Every pair the sides can form, as pattern counts: the candidates exactly, the rest through the
 * random sample rows that are not candidates, scaled up. EM over this table sees the true mix of
 * matches and non-matches, so the prior it finds is the share of matches among all pairs.
 */
function allPairsTable(data: TrainingData, levelCount: number): PatternTable {
  const outside = data.totalPairs - data.vectors.count;
  const weight = data.sampleOutside.length > 0 ? Math.max(0, outside) / data.sampleOutside.length : 0;
  return patternTable([{ vectors: data.vectors }, { vectors: data.sample, rows: data.sampleOutside, weight }], levelCount);
}

/**
 * u is fixed from random pairs. m by EM either Splink-style ('blocks': on the pairs of each blocking
 * pass, leaving out the fields that pass blocked on, since their agreement there is forced; averaged
 * over passes by expected matches) or fastLink-style ('all-pairs': on the table of all pairs). The
 * prior is then fitted on all pairs with m and u held, so match probabilities hold for any pair.
 */
export function fitFsModel(data: TrainingData, u: number[][], levelLabels: string[], training: MTraining, options: EmOptions = DEFAULT_EM): FsModel {
  const fields = data.vectors.fields;
  const levelCount = levelLabels.length;
  const all = allPairsTable(data, levelCount);
  const bounded = data.maxPrior !== undefined ? { ...options, maxLambda: data.maxPrior } : options;
  const smallerSide = Math.max(1, Math.min(data.vectors.count, Math.sqrt(data.totalPairs)));
  const priorStart = Math.min(0.5, smallerSide / Math.max(1, data.totalPairs));
  const sessions: TrainingSession[] = [];
  let m = fields.map(() => startingM(levelCount));
  let untrained = fields.map(() => true);
  if (training === 'blocks') {
    const fromBlocks = trainOnBlocks(data, u, levelCount, levelLabels.at(-1) === 'exact', options);
    m = fromBlocks.m;
    untrained = fromBlocks.untrained;
    sessions.push(...fromBlocks.sessions);
  }
  if (untrained.some(Boolean) && all.size > 0) {
    const fit = emEstimate(all, u, m, untrained, Math.min(priorStart, bounded.maxLambda ?? 1), true, bounded);
    m = fit.m;
    sessions.push({
      pass: 'all_pairs',
      pairs: data.totalPairs,
      excludedFields: [],
      estimatedFields: fields.filter((_, f) => untrained[f]),
      lambda: fit.lambda,
      iterations: fit.iterations,
      converged: fit.converged,
    });
  }
  const held = fields.map(() => false);
  const prior = all.size > 0 ? emEstimate(all, u, m, held, Math.min(priorStart, bounded.maxLambda ?? 1), true, bounded) : { lambda: priorStart, iterations: 0, converged: true };
  return {
    levelLabels,
    training,
    fields: fields.map((field, f) => ({
      field,
      mProbability: m[f],
      uProbability: u[f],
      matchWeight: m[f].map((value, k) => Math.log2(value / u[f][k])),
    })),
    prior: prior.lambda,
    priorIterations: prior.iterations,
    priorConverged: prior.converged,
    converged: prior.converged && sessions.every((s) => s.converged),
    uSampleSize: data.sample.count,
    sessions,
  };
}

/** Running sums of m over training sessions, each weighted by the matches it saw. */
interface MTally {
  sum: number[][];
  mass: number[];
}

/** One EM session on some candidate rows: fits m of the `estimate` fields (the others held at `held`) and adds it to the tally. */
function session(data: TrainingData, rows: Uint32Array, name: string, excluded: boolean[], estimate: boolean[], held: number[][], u: number[][], knownShare: number | undefined, tally: MTally, options: EmOptions): TrainingSession {
  const fields = data.vectors.fields;
  const levelCount = held[0].length;
  const table = patternTable([{ vectors: data.vectors, rows }], levelCount, excluded);
  const result = emEstimate(table, u, held, estimate, knownShare ?? 0.5, knownShare === undefined, options);
  fields.forEach((_, f) => {
    if (!estimate[f] || result.matchMass[f] <= 0) return;
    tally.mass[f] += result.matchMass[f];
    result.m[f].forEach((value, k) => (tally.sum[f][k] += value * result.matchMass[f]));
  });
  return {
    pass: name,
    pairs: rows.length,
    excludedFields: fields.filter((_, f) => excluded[f]),
    estimatedFields: fields.filter((_, f) => estimate[f]),
    lambda: result.lambda,
    iterations: result.iterations,
    converged: result.converged,
  };
}

function trainOnBlocks(data: TrainingData, u: number[][], levelCount: number, hasExactLevel: boolean, options: EmOptions) {
  const fields = data.vectors.fields;
  const start = fields.map(() => startingM(levelCount));
  const tally: MTally = { sum: fields.map(() => new Array<number>(levelCount).fill(0)), mass: new Array<number>(fields.length).fill(0) };
  const sessions: TrainingSession[] = [];
  for (const pass of data.passes) {
    if (pass.kind !== 'key' || pass.candidates.length < MIN_SESSION_PAIRS) continue;
    const excluded = fields.map((f) => pass.fields?.includes(f) ?? false);
    const estimate = excluded.map((x, f) => !x && mostlyPresent(data.vectors, pass.candidates, f));
    // A field mostly missing in the pass (a city nested under the ZIP the pass blocked on) is no
    // evidence there. One free field cannot be told apart from the match share: any lambda fits with a matching m
    // (a 4-level field has 3 free frequencies, the mixture 4 parameters), so EM crawls along that
    // ridge toward lambda = 1 and an m of "else" far too high. Such fields are fitted over all pairs.
    // Unless the pass's match share is known without EM: on exact keys, from the chance agreement u gives.
    const knownShare = estimate.filter(Boolean).length < 2 ? (hasExactLevel ? exactPassMatchShare(data, pass, u, levelCount) : undefined) : undefined;
    if (estimate.filter(Boolean).length < 2 && knownShare === undefined) continue;
    if (!estimate.some(Boolean)) continue;
    sessions.push(session(data, pass.candidates, pass.name, excluded, estimate, start, u, knownShare, tally, options));
  }
  const fromPasses = () => fields.map((_, f) => (tally.mass[f] > 0 ? tally.sum[f].map((x) => x / tally.mass[f]) : start[f]));
  const namesakes = hasExactLevel ? namesakeSession(data, u, fromPasses(), tally, options) : undefined;
  if (namesakes) sessions.push(namesakes);
  return { m: fromPasses(), untrained: tally.mass.map((x) => x === 0), sessions };
}

/**
 * The fields no pass could fit, fitted on the candidate pairs agreeing exactly on both names, with
 * the share of matches there known from chance (namesake-session.ts); the names are left out and
 * the fields the passes fitted are held at their m.
 */
function namesakeSession(data: TrainingData, u: number[][], m: number[][], tally: MTally, options: EmOptions): TrainingSession | undefined {
  if (!data.namesakeChance || !tally.mass.some((x) => x === 0)) return undefined;
  const fields = data.vectors.fields;
  const levelCount = m[0].length;
  const rows = namesakeRows(data.vectors, levelCount - 1);
  const share = namesakeMatchShare(data.namesakeChance, rows.length, MIN_KNOWN_SHARE);
  if (share === undefined || rows.length < MIN_SESSION_PAIRS) return undefined;
  const excluded = fields.map((f) => NAMESAKE_FIELDS.includes(f));
  const estimate = fields.map((_, f) => !excluded[f] && tally.mass[f] === 0 && mostlyPresent(data.vectors, rows, f));
  if (!estimate.some(Boolean)) return undefined;
  return session(data, rows, 'namesakes:first_name+last_name', excluded, estimate, m, u, share, tally, options);
}

/**
 * A pass whose share of matches is lower than this is nearly all chance: it cannot teach m. Low on
 * purpose: at 200,000 persons the pass first name + ZIP between the spine and a names-and-ZIP
 * roster held 54,769 pairs of which about 50,400 agree by chance (share 0.08), and fitting the
 * surname there instead of over all pairs raised that pair's F1 from 0.863 to 0.914 (recall 0.78
 * -> 0.87). The exact u it rests on pools the sides' within-source agreement, so it is precise.
 */
const MIN_KNOWN_SHARE = 0.02;

/**
 * Share of matches in an exact-key pass, with no EM: non-matches agree on all its fields by chance
 * at the product of their exact u (independent for non-matches), so about totalPairs x that many of
 * them are in the pass, less those in blocks skipped for size. On voter-like files the pass
 * first_name + ZIP left one free field (the surname; the city nests under the ZIP), and EM with a
 * free share had no way to tell m from lambda: it made m(surname disagrees) 0.20 against 0.02 true.
 */
export function exactPassMatchShare(data: TrainingData, pass: BlockingPass, u: number[][], levelCount: number): number | undefined {
  if (!pass.exact || !pass.fields?.length || pass.candidates.length === 0) return undefined;
  let chance = data.totalPairs;
  for (const field of pass.fields) {
    const f = data.vectors.fields.indexOf(field);
    if (f < 0) return undefined;
    chance *= u[f][levelCount - 1];
  }
  const share = 1 - Math.max(0, chance - pass.skippedPairs) / pass.candidates.length;
  return share >= MIN_KNOWN_SHARE ? Math.min(share, 0.999) : undefined;
}

/** Whether field f is present in enough of the pass's pairs to be fitted there: MIN_SESSION_PAIRS and a tenth. */
function mostlyPresent(vectors: ComparisonVectors, rows: Uint32Array, f: number): boolean {
  const width = vectors.fields.length;
  let present = 0;
  for (let i = 0; i < rows.length; i++) if (vectors.levels[rows[i] * width + f] !== MISSING_LEVEL) present += 1;
  return present >= Math.max(MIN_SESSION_PAIRS, rows.length / 10);
}

/**
 * Bounds of one pair's term-frequency adjustment, in bits: a value held once in a state is rare, not
 * proof; and a common first name still agrees. Unbounded below, the adjustment cost recall on the
 * bundled world (education ~ spine .9946 -> .9928); at -2 it keeps the voter gains (5 keys:
 * voter-20 F1 .919 -> .922, voter-35 .932 -> .936) that allowing no penalty at all gave up.
 */
export const TF_BITS = { min: -2, max: 8 } as const;

/**
 * Match weight of every pair: log2 prior odds plus the weight of each present field's level, and,
 * where the vectors carry term frequencies, the adjustment log2(u_exact / tf(v)) of each exactly
 * agreeing name field (term-frequency.ts).
 */
export function scorePairs(model: FsModel, vectors: ComparisonVectors): { matchWeight: Float64Array; matchProbability: Float64Array } {
  const width = vectors.fields.length;
  const priorWeight = Math.log2(model.prior / (1 - model.prior));
  const matchWeight = new Float64Array(vectors.count);
  const matchProbability = new Float64Array(vectors.count);
  const exactLevel = model.levelLabels.length - 1;
  const tf = vectors.tfBits && model.levelLabels.at(-1) === 'exact' ? vectors.tfBits : undefined;
  const tfFields = tf ? TERM_FREQUENCY_FIELDS.map((field) => vectors.fields.indexOf(field)).filter((f) => f >= 0) : [];
  const uExactBits = tfFields.map((f) => Math.log2(model.fields[f].uProbability[exactLevel]));
  for (let i = 0; i < vectors.count; i++) {
    let w = priorWeight;
    for (let f = 0; f < width; f++) {
      const level = vectors.levels[i * width + f];
      if (level !== MISSING_LEVEL) w += model.fields[f].matchWeight[level];
    }
    if (tf) {
      let adjustment = tf[i];
      let any = false;
      tfFields.forEach((f, k) => {
        if (vectors.levels[i * width + f] !== exactLevel) return;
        adjustment += uExactBits[k];
        any = true;
      });
      if (any) w += Math.max(TF_BITS.min, Math.min(TF_BITS.max, adjustment));
    }
    matchWeight[i] = w;
    matchProbability[i] = 1 / (1 + 2 ** -w);
  }
  return { matchWeight, matchProbability };
}
