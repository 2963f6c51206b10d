import { DataError } from '../errors/errors.ts';
import type { Finding } from '../errors/finding.ts';
import type { BlockingPass } from './blocking.ts';
import { CandidateCollector, pairSides } from './candidate-pairs.ts';
import type { CandidateVectors, USample } from './candidate-vectors.ts';
import { fitScoredPairs } from './link-pair.ts';
import { finishLinkage, type LinkageResult } from './link-sources.ts';
import type { LinkSettings } from './link-settings.ts';
import { settingsFromRecord, type PassPart, type ShardPart, type SourcePairPart } from './link-shard.ts';
import { packedFilterStore } from './filter-store.ts';
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

/** Rows of one pass from every shard in single-run order: each shard's rows are already in that order, so a k-way merge. */
function* passRows(passes: readonly PassPart[]): Generator<[number, number]> {
  const at = passes.map(() => 0);
  const before = (p: PassPart, i: number, q: PassPart, j: number) =>
    p.band[i] !== q.band[j] ? p.band[i] < q.band[j]
      : p.blockStart[i] !== q.blockStart[j] ? p.blockStart[i] < q.blockStart[j]
        : p.left[i] !== q.left[j] ? p.left[i] < q.left[j] : p.right[i] < q.right[j];
  for (;;) {
    let best = -1;
    passes.forEach((p, s) => {
      if (at[s] < p.left.length && (best < 0 || before(p, at[s], passes[best], at[best]))) best = s;
    });
    if (best < 0) return;
    const k = at[best]++;
    yield [passes[best].left[k], passes[best].right[k]];
  }
}

function mergeSourcePair(stores: SourceStore[], pieces: SourcePairPart[], settings: LinkSettings) {
  const [{ a, b, fields }] = pieces;
  const sides = pairSides(stores[a], a === b ? undefined : stores[b]);
  const width = fields.length;
  // Where each distinct pair's vector is: shard and row (a pair found by two passes may be in two shards, with equal vectors).
  const rowOf = new Map<number, number>();
  const shardOfRow = new Map<number, number>();
  pieces.forEach((piece, s) => {
    const { left, right } = piece.pairs;
    for (let r = 0; r < left.length; r++) {
      const key = left[r] * sides.b.count + right[r];
      rowOf.set(key, r);
      shardOfRow.set(key, s);
    }
  });
  const collector = new CandidateCollector(sides);
  const passes: BlockingPass[] = pieces[0].passes.map(({ name, kind, fields: passFields }, p) => {
    const found: number[] = [];
    for (const [x, y] of passRows(pieces.map((piece) => piece.passes[p]))) found.push(collector.add(x, y));
    const candidates = kind === 'key' ? Uint32Array.from(found) : Uint32Array.from(new Set(found)).sort();
    const sum = (key: 'skippedBlocks' | 'skippedPairs') => pieces.reduce((n, piece) => n + piece.passes[p][key], 0);
    return { name, kind, ...(kind === 'key' ? { fields: passFields } : {}), candidates, skippedBlocks: sum('skippedBlocks'), skippedPairs: sum('skippedPairs') };
  });
  const { left, right } = collector.toArrays();
  const levels = new Uint8Array(left.length * width);
  const clkDice = new Float64Array(left.length);
  for (let i = 0; i < left.length; i++) {
    const key = left[i] * sides.b.count + right[i];
    const piece = pieces[shardOfRow.get(key)!].pairs;
    const r = rowOf.get(key)!;
    levels.set(piece.levels.subarray(r * width, (r + 1) * width), i * width);
    clkDice[i] = piece.clkDice[r];
  }
  const candidates: CandidateVectors = { fields, passes, left, right, vectors: { fields, count: left.length, levels, clkDice }, has: (x, y) => collector.has(x, y) };
  const { levels: uLevels, clkDice: uDice, ...rest } = pieces[0].uSample!;
  // JSON keeps no undefined inside arrays: entries that were undefined come back null.
  const extra = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Array.isArray(v) ? v.map((x: unknown) => x ?? undefined) : v]));
  const sample = { ...extra, vectors: { fields, count: rest.left.length, levels: uLevels, clkDice: uDice } } as USample;
  return { a, b, scored: fitScoredPairs(sides, settings, candidates, sample) };
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
