import { DataError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import type { BlockingPass } from './blocking.ts';
import { CandidateCollector, pairSides } from './candidate-pairs.ts';
import type { CandidateVectors, USample } from './candidate-vectors.ts';
import { isDirectWagePair } from './direct-wage-links.ts';
import { fitScoredPairs } from './link-pair.ts';
import { finishLinkage, type LinkageResult } from './link-sources.ts';
import type { LinkSettings } from './link-settings.ts';
import { settingsFromRecord, type PassPart, type ShardPart, type SourcePairPart } from './link-shard.ts';
import { packedFilterStore } from './filter-store.ts';
import { sortedUnique, uint32List } from './growable-array.ts';
import type { SourceStore } from './source-store.ts';

/** Every shard of one run, once each, with the same settings and sources; findings otherwise. */
export function checkParts(parts: readonly ShardPart[]): Finding[] {
  if (parts.length === 0) return [{ code: 'MERGE_NO_PARTS', detail: 'give the part folders written by credlink link --shard' }];
  const n = parts[0].shard.count;
  const findings: Finding[] = [];
  const seen = new Set<number>();
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  for (const part of parts) {
    if (part.shard.count !== n) findings.push({ code: 'MERGE_SHARD_COUNT', value: String(part.shard.count), detail: `parts of runs split ${n} and ${part.shard.count} ways` });
    if (seen.has(part.shard.index)) findings.push({ code: 'MERGE_SHARD_REPEATED', value: `${part.shard.index}/${n}`, detail: 'the same shard given twice' });
    seen.add(part.shard.index);
    if (!same(part.settings, parts[0].settings)) findings.push({ code: 'MERGE_SETTINGS', value: `${part.shard.index}/${n}`, detail: 'shards ran with different settings or schemas' });
    const sources = part.sources.map(({ name, role, duplicateFree, count }) => ({ name, role, duplicateFree, count }));
    const first = parts[0].sources.map(({ name, role, duplicateFree, count }) => ({ name, role, duplicateFree, count }));
    if (!same(sources, first)) findings.push({ code: 'MERGE_SOURCES', value: `${part.shard.index}/${n}`, detail: 'shards linked different extracts' });
  }
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) findings.push({ code: 'MERGE_SHARD_MISSING', value: missing.map((i) => `${i}/${n}`).join(' '), detail: 'every shard is needed for the single-run result' });
  return findings;
}

/** Sources without filters: merge works on comparison vectors only. */
function storesOf(part: ShardPart): SourceStore[] {
  const none = packedFilterStore(new Uint8Array(0), 0, new Uint8Array(0));
  return part.sources.map(({ name, role, duplicateFree, count, pseudonyms }) => ({
    name, role, duplicateFree, count, pseudonyms, fields: new Map(), clk: none, blockingKeys: new Map(),
  }));
}

/**
 * Adds one pass's rows from every shard to the collector in single-run order and returns the
 * indices in that order. Each shard's rows are already in that order, so this is a k-way merge.
 */
function replayPass(passes: readonly PassPart[], collector: CandidateCollector): Uint32Array {
  // Plain arrays of typed arrays: objects revived from JSON are slow to read properties from.
  const band = passes.map((p) => p.band);
  const start = passes.map((p) => p.blockStart);
  const left = passes.map((p) => p.left);
  const right = passes.map((p) => p.right);
  const at = new Int32Array(passes.length);
  const found = uint32List(passes.reduce((n, p) => n + p.left.length, 0));
  const before = (s: number, t: number) => {
    const i = at[s];
    const j = at[t];
    if (band[s][i] !== band[t][j]) return band[s][i] < band[t][j];
    if (start[s][i] !== start[t][j]) return start[s][i] < start[t][j];
    if (left[s][i] !== left[t][j]) return left[s][i] < left[t][j];
    return right[s][i] < right[t][j];
  };
  for (;;) {
    let best = -1;
    for (let s = 0; s < passes.length; s++) if (at[s] < left[s].length && (best < 0 || before(s, best))) best = s;
    if (best < 0) return found.take();
    const k = at[best]++;
    found.push(collector.add(left[best][k], right[best][k]));
  }
}

function mergeSourcePair(stores: SourceStore[], pieces: SourcePairPart[], settings: LinkSettings) {
  const [{ a, b, fields }] = pieces;
  const sides = pairSides(stores[a], a === b ? undefined : stores[b]);
  const width = fields.length;
  const collector = new CandidateCollector(sides);
  const passes: BlockingPass[] = pieces[0].passes.map(({ name, kind, fields: passFields, exact }, p) => {
    const found = replayPass(pieces.map((piece) => piece.passes[p]), collector);
    const candidates = kind === 'key' ? found : sortedUnique(found);
    const sum = (key: 'skippedBlocks' | 'skippedPairs') => pieces.reduce((n, piece) => n + piece.passes[p][key], 0);
    return { name, kind, ...(kind === 'key' ? { fields: passFields } : {}), ...(exact ? { exact } : {}), candidates, skippedBlocks: sum('skippedBlocks'), skippedPairs: sum('skippedPairs') };
  });
  const { left, right } = collector.toArrays();
  const levels = new Uint8Array(left.length * width);
  const clkDice = new Float64Array(left.length);
  const tfBits = pieces[0].pairs.tfBits ? new Float32Array(left.length) : undefined;
  // A pair two shards found (two passes) has the same vector in both: either copy will do.
  for (const { pairs } of pieces) {
    for (let r = 0; r < pairs.left.length; r++) {
      const i = collector.indexOf(pairs.left[r], pairs.right[r]);
      levels.set(pairs.levels.subarray(r * width, (r + 1) * width), i * width);
      clkDice[i] = pairs.clkDice[r];
      if (tfBits && pairs.tfBits) tfBits[i] = pairs.tfBits[r];
    }
  }
  const candidates: CandidateVectors = { fields, passes, left, right, vectors: { fields, count: left.length, levels, clkDice, ...(tfBits ? { tfBits } : {}) }, has: (x, y) => collector.has(x, y) };
  const { levels: uLevels, clkDice: uDice, ...rest } = pieces[0].uSample!;
  // JSON keeps no undefined inside arrays: entries that were undefined come back null.
  const extra = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Array.isArray(v) ? v.map((x: unknown) => x ?? undefined) : v]));
  const sample = { ...extra, vectors: { fields, count: rest.left.length, levels: uLevels, clkDice: uDice } } as USample;
  return { a, b, scored: fitScoredPairs(sides, settings, candidates, sample, isDirectWagePair(stores, a, b)) };
}

/**
 * Combines the parts of a sharded run into exactly the single-machine linkage: the union of
 * candidates in single-run order, one model fit, assignment and clustering. Parts in any order.
 */
export function mergeParts(parts: readonly ShardPart[]): { result: LinkageResult; settings: LinkSettings } {
  const findings = checkParts(parts);
  if (findings.length > 0) throw new DataError(findings);
  const sorted = [...parts].sort((x, y) => x.shard.index - y.shard.index);
  const settings = settingsFromRecord(sorted[0].settings);
  const stores = storesOf(sorted[0]);
  const scored = sorted[0].sourcePairs.map((_, k) => mergeSourcePair(stores, sorted.map((part) => part.sourcePairs[k]), settings));
  return { result: finishLinkage(stores, scored, settings), settings };
}
