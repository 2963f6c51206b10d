import type { FieldName } from '../schema/field-names.ts';
import { blockingKeyPasses, type BlockingPass } from './blocking.ts';
import { CandidateCollector, totalPairs, type PairSides } from './candidate-pairs.ts';
import { levelLabels } from './comparison-levels.ts';
import { comparisonVectors, randomPairs } from './comparison-vectors.ts';
import { estimateU, fitFsModel, scorePairs, type FsModel } from './fs-model.ts';
import { lshPass, sharedFieldView } from './lsh-blocking.ts';
import { competingMatchProbability } from './match-probability.ts';
import { seededRandom } from './seeded-random.ts';
import { sharedFields } from './source-store.ts';
import type { LinkSettings } from './link-settings.ts';

export interface PassSummary {
  name: string;
  kind: 'key' | 'lsh';
  pairs: number;
  skippedBlocks: number;
  skippedPairs: number;
}

/** Everything scored between two sides, before any links are chosen. */
export interface ScoredPairs {
  sides: PairSides;
  fields: FieldName[];
  totalPairs: number;
  passes: PassSummary[];
  left: Uint32Array;
  right: Uint32Array;
  matchWeight: Float64Array;
  matchProbability: Float64Array;
  clkDice: Float64Array;
  model: FsModel;
}

/** Blocking, comparison vectors, the Fellegi-Sunter fit and the score of every candidate pair. */
export function scoreSides(sides: PairSides, settings: LinkSettings): ScoredPairs {
  const collector = new CandidateCollector(sides);
  const passes: BlockingPass[] = blockingKeyPasses(sides, collector, settings.keyFields, settings.maxBlockPairs);
  const fields = sharedFields(sides.a, sides.b);
  if (settings.lsh) {
    const views = settings.lshView === 'clk'
      ? { name: 'clk', a: sides.a.clk, b: sides.b.clk }
      : { name: 'shared_fields', a: sharedFieldView(sides.a, fields), b: sides.dedupe ? undefined : sharedFieldView(sides.b, fields) };
    const lsh = lshPass(sides, collector, settings.seed, settings.lsh, { ...views, b: views.b ?? views.a });
    if (lsh) passes.push(lsh);
  }
  const { left, right } = collector.toArrays();
  const labels = levelLabels(settings.levelThresholds);
  const vectors = comparisonVectors(sides, fields, left, right, settings.levelThresholds);

  const total = totalPairs(sides);
  const random = seededRandom(`credlink-u:${settings.seed}:${sides.a.name}:${sides.b.name}`);
  const sampleSize = Math.min(settings.uSampleSize, Math.max(total, 1));
  const sample = randomPairs(sides, sampleSize, random.int);
  const uVectors = comparisonVectors(sides, fields, sample.left, sample.right, settings.levelThresholds);
  const rawU = estimateU(uVectors, labels.length);

  const outside: number[] = [];
  for (let i = 0; i < sampleSize; i++) if (!collector.has(sample.left[i], sample.right[i])) outside.push(i);
  const data = { vectors, passes, sample: uVectors, sampleOutside: Uint32Array.from(outside), totalPairs: total };
  // Fit once, take the sample's likely matches out of u, fit again.
  const first = fitFsModel(data, rawU, labels, settings.training, settings.em);
  const firstWeight = scorePairs(first, uVectors).matchWeight;
  const u = estimateU(uVectors, labels.length, firstWeight.map((w) => 1 - 1 / (1 + 2 ** -w)));
  const model = fitFsModel(data, u, labels, settings.training, settings.em);
  const { matchWeight } = scorePairs(model, vectors);
  const priorWeight = Math.log2(model.prior / (1 - model.prior));
  const sampleWeight = scorePairs(model, uVectors).matchWeight;
  const outsideMeanLikelihood = outside.length > 0 ? outside.reduce((sum, i) => sum + 2 ** (sampleWeight[i] - priorWeight), 0) / outside.length : 0;
  const matchProbability = competingMatchProbability({
    left,
    right,
    likelihoodWeight: matchWeight.map((w) => w - priorWeight),
    lambda: model.prior,
    countA: sides.a.count,
    countB: sides.b.count,
    outsideMeanLikelihood,
    oneMatchPerA: !sides.dedupe && sides.b.duplicateFree,
    oneMatchPerB: !sides.dedupe && sides.a.duplicateFree,
  });
  return {
    sides,
    fields,
    totalPairs: total,
    passes: passes.map((p) => ({ name: p.name, kind: p.kind, pairs: p.candidates.length, skippedBlocks: p.skippedBlocks, skippedPairs: p.skippedPairs })),
    left,
    right,
    matchWeight,
    matchProbability,
    clkDice: vectors.clkDice,
    model,
  };
}
