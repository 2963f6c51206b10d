import type { FieldName } from '../schema/field-names.ts';
import { blockingKeyPasses, type BlockFilter, type BlockingPass } from './blocking.ts';
import { CandidateCollector, totalPairs, type PairSides } from './candidate-pairs.ts';
import { comparisonVectors, randomPairs, type ComparisonVectors } from './comparison-vectors.ts';
import { filterBlockingPasses } from './filter-blocking.ts';
import { withinSourceAgreement, type AgreementCount } from './exact-agreement.ts';
import type { LinkSettings } from './link-settings.ts';
import { diceScanPass } from './dice-scan-blocking.ts';
import { namesakeChance, type NamesakeChance } from './namesake-session.ts';
import { lshPass, sharedFieldView } from './lsh-blocking.ts';
import { seededRandom } from './seeded-random.ts';
import { termFrequencyBits } from './term-frequency.ts';
import { sharedFields } from './source-store.ts';

/**
 * The half of linking two sides that needs the filters: blocking and the comparison vectors of
 * every candidate pair and of the random pairs u is estimated on. The other half (link-pair.ts)
 * fits the model on these alone, which is what lets shards do this half and `merge` the other.
 */
export interface CandidateVectors {
  fields: FieldName[];
  passes: BlockingPass[];
  left: Uint32Array;
  right: Uint32Array;
  vectors: ComparisonVectors;
  /** Whether (a-record x, b-record y) is a candidate pair. */
  has(x: number, y: number): boolean;
}

export interface USample {
  left: Uint32Array;
  right: Uint32Array;
  vectors: ComparisonVectors;
  /** Per field, identical filters among distinct records of the duplicate-free sides (exact-agreement.ts): u of the exact level. */
  exactWithin?: Array<AgreementCount | undefined>;
  /** Chance namesakes across the sides (namesake-session.ts): the known share of a training session. */
  namesakeChance?: NamesakeChance;
}

/**
 * Fields whose exact agreement alone makes a good blocking key: sides sharing one reach 0.99 of the
 * true pairs by blocking (the bundled world), and there a scan only feeds EM non-matches. Sides
 * sharing names and a ZIP alone reached 0.89 by blocking and 0.96 with the scan (docs/linkage.md).
 */
const KEY_FIELDS: ReadonlySet<FieldName> = new Set(['dob', 'ssn', 'email', 'phone'] as FieldName[]);

function needsScan(fields: readonly FieldName[]): boolean {
  return !fields.some((f) => KEY_FIELDS.has(f));
}

/** Blocking passes (keys, then LSH) and comparison vectors; with a filter, only this shard's blocks. */
export function candidateVectors(sides: PairSides, settings: LinkSettings, filter?: BlockFilter): CandidateVectors {
  const collector = new CandidateCollector(sides);
  const passes: BlockingPass[] = blockingKeyPasses(sides, collector, settings.keyFields, settings.maxBlockPairs, filter);
  const fields = sharedFields(sides.a, sides.b);
  if (settings.filterBlocking !== false) passes.push(...filterBlockingPasses(sides, collector, fields, settings.maxBlockPairs, filter));
  if (settings.lsh || (settings.diceScan && !filter)) {
    const views = settings.lshView === 'clk'
      ? { name: 'clk', a: sides.a.clk, b: sides.b.clk }
      : { name: 'shared_fields', a: sharedFieldView(sides.a, fields), b: sides.dedupe ? undefined : sharedFieldView(sides.b, fields) };
    const both = { ...views, b: views.b ?? views.a };
    const lsh = settings.lsh ? lshPass(sides, collector, settings.seed, settings.lsh, both, filter) : undefined;
    if (lsh) passes.push(lsh);
    // A shard sees only its blocks; a scan is over all pairs, so only whole runs scan.
    const scan = settings.diceScan && !filter && needsScan(fields) ? diceScanPass(sides, collector, both, settings.diceScan) : undefined;
    if (scan) passes.push(scan);
  }
  const { left, right } = collector.toArrays();
  const vectors = comparisonVectors(sides, fields, left, right, settings.levelThresholds);
  if (settings.termFrequency !== false) {
    const exactLevel = settings.levelThresholds.at(-1)! >= 1 ? settings.levelThresholds.length : -1;
    const tfBits = termFrequencyBits(sides, fields, vectors.levels, left, right, exactLevel);
    if (tfBits) vectors.tfBits = tfBits;
  }
  return { fields, passes, left, right, vectors, has: (x, y) => collector.has(x, y) };
}

/** Uniformly random pairs, seeded from the schema fingerprint and the source names: every run (and every shard) draws the same. */
export function uSample(sides: PairSides, settings: LinkSettings, fields: FieldName[]): USample {
  const total = totalPairs(sides);
  const random = seededRandom(`credlink-u:${settings.seed}:${sides.a.name}:${sides.b.name}`);
  const sampleSize = Math.min(settings.uSampleSize, Math.max(total, 1));
  const sample = randomPairs(sides, sampleSize, random.int);
  const sidesToCount = sides.dedupe ? [] : [sides.a, sides.b];
  const exactWithin = fields.map((f) => withinSourceAgreement(sidesToCount.map((s) => ({ duplicateFree: s.duplicateFree, filters: s.fields.get(f) }))));
  const namesakes = namesakeChance(sides);
  return { ...sample, vectors: comparisonVectors(sides, fields, sample.left, sample.right, settings.levelThresholds), exactWithin, ...(namesakes ? { namesakeChance: namesakes } : {}) };
}
