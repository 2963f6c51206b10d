import type { FieldName } from '../schema/field-names.ts';
import type { SourceRole } from '../schema/source-mapping.ts';
import type { BlockFilter } from './blocking.ts';
import { pairSides } from './candidate-pairs.ts';
import { candidateVectors, uSample } from './candidate-vectors.ts';
import { sourcePairsToLink } from './link-sources.ts';
import { defaultLinkSettings, type LinkMethod, type LinkSettings } from './link-settings.ts';
import type { MTraining } from './fs-model.ts';
import type { SourceStore } from './source-store.ts';

/*
 * Sharded linking (docs/scaling.md). Shard i of n keeps the blocks whose value hashes to i, so
 * each block (and each pair it emits) is scored in exactly one shard per pass, and writes the
 * comparison vectors of its pairs with how each pass emitted them. `merge` replays the single-run
 * discovery order from those rows, fits the model once on the union (EM needs every candidate,
 * the competing-match probability every pair of a record) and assigns and clusters: the result
 * is the single-machine result byte for byte. u stays global because the random pairs it is
 * estimated on are drawn from a seed and the source sizes; shard 0 scores them.
 */

export interface Shard {
  index: number;
  count: number;
}

/** FNV-1a over the seed, the LSH band and the (already keyed) blocking value: even, stable, no secret needed. */
export function shardOf(seed: string, band: number, value: string | number, count: number): number {
  return shardHash(fnv(0x811c9dc5, seed), band, value) % count;
}

function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function shardHash(seeded: number, band: number, value: string | number): number {
  return fnv(Math.imul(seeded ^ (band + 1), 0x01000193), typeof value === 'number' ? `#${value}` : value) >>> 0;
}

export function shardFilter(shard: Shard, seed: string): BlockFilter {
  // The seed's part of the hash once, not per value: shards hash every value of every pass.
  const seeded = fnv(0x811c9dc5, seed);
  return { keep: (value, band) => shardHash(seeded, band, value) % shard.count === shard.index };
}

/** The settings a shard ran with, as JSON, so that merge fits with exactly the same ones. */
export interface SettingsRecord {
  seed: string;
  method: LinkMethod;
  threshold: number | 'auto';
  diceThreshold: number;
  training: MTraining;
  lsh: boolean;
  keyFields: Array<[string, FieldName[]]> | null;
}

export function settingsRecord(settings: LinkSettings): SettingsRecord {
  const { seed, method, threshold, diceThreshold, training } = settings;
  return { seed, method, threshold, diceThreshold, training, lsh: settings.lsh !== false, keyFields: settings.keyFields ? [...settings.keyFields] : null };
}

export function settingsFromRecord(record: SettingsRecord): LinkSettings {
  const { seed, method, threshold, diceThreshold, training } = record;
  return defaultLinkSettings(seed, {
    method, threshold, diceThreshold, training,
    ...(record.lsh ? {} : { lsh: false }),
    ...(record.keyFields ? { keyFields: new Map(record.keyFields) } : {}),
  });
}

/** One pass's emissions in one shard: row k is pair (left[k], right[k]), found in LSH band band[k] in the block starting at blockStart[k]. */
export interface PassPart {
  name: string;
  kind: 'key' | 'lsh' | 'scan';
  /** The fields the pass blocks on, which EM training leaves out. */
  fields?: FieldName[];
  /** Exact-value pass (filter-blocking.ts). */
  exact?: boolean;
  skippedBlocks: number;
  skippedPairs: number;
  band: Uint32Array;
  blockStart: Uint32Array;
  left: Uint32Array;
  right: Uint32Array;
}

/** Comparison vectors (row-major levels, one row per pair) with the CLK Dice of each pair. */
export interface VectorRows {
  left: Uint32Array;
  right: Uint32Array;
  levels: Uint8Array;
  clkDice: Float64Array;
  tfBits?: Float32Array;
}

export interface SourcePairPart {
  a: number;
  b: number;
  fields: FieldName[];
  passes: PassPart[];
  /** The shard's distinct candidate pairs. */
  pairs: VectorRows;
  /** The u sample, scored by shard 0 only, with whatever else uSample() counted over whole sources. */
  uSample?: VectorRows & Record<string, unknown>;
}

export interface SourcePart {
  name: string;
  role: SourceRole;
  duplicateFree: boolean;
  count: number;
  pseudonyms: string[];
}

export interface ShardPart {
  shard: Shard;
  settings: SettingsRecord;
  sources: SourcePart[];
  sourcePairs: SourcePairPart[];
}

/** Blocking and comparison vectors of shard i's blocks, for every source pair the single run would link. */
export function linkShard(stores: SourceStore[], settings: LinkSettings, shard: Shard): ShardPart {
  const filter = shardFilter(shard, settings.seed);
  const sourcePairs = sourcePairsToLink(stores).map(([a, b]): SourcePairPart => {
    const sides = pairSides(stores[a], a === b ? undefined : stores[b]);
    const found = candidateVectors(sides, settings, filter);
    const passes = found.passes.map((pass): PassPart => {
      const e = pass.emissions!;
      return {
        name: pass.name, kind: pass.kind, ...(pass.fields ? { fields: pass.fields } : {}), ...(pass.exact ? { exact: true } : {}), skippedBlocks: pass.skippedBlocks, skippedPairs: pass.skippedPairs,
        band: e.band, blockStart: e.blockStart, left: e.pair.map((k) => found.left[k]), right: e.pair.map((k) => found.right[k]),
      };
    });
    const { levels, clkDice, tfBits } = found.vectors;
    const pairs = { left: found.left, right: found.right, levels, clkDice, ...(tfBits ? { tfBits } : {}) };
    const part: SourcePairPart = { a, b, fields: found.fields, passes, pairs };
    if (shard.index === 0) {
      const sample = uSample(sides, settings, found.fields);
      const { vectors, ...rest } = sample;
      part.uSample = { ...rest, levels: vectors.levels, clkDice: vectors.clkDice };
    }
    return part;
  });
  const sources = stores.map(({ name, role, duplicateFree, count, pseudonyms }) => ({ name, role, duplicateFree, count, pseudonyms }));
  return { shard, settings: settingsRecord(settings), sources, sourcePairs };
}
