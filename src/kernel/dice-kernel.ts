/**
 * The Dice kernel API the linker calls: filters are copied in once per field per source as a
 * FilterSet (one contiguous buffer plus precomputed popcounts), then scored many times.
 * Two implementations give identical scores: WebAssembly (wasm-dice-kernel.ts, the fast path)
 * and JavaScript (js-dice-kernel.ts, the fallback and the oracle the tests check against).
 */
import { createJsDiceKernel } from './js-dice-kernel.ts';
import { createWasmDiceKernel, wasmDiceSupported } from './wasm-dice-kernel.ts';

/** Filters of one field of one source, held by a kernel. */
export interface FilterSet {
  readonly count: number;
  readonly bytesPerFilter: number;
  /** Number of set bits of filter i. */
  popcount(i: number): number;
}

/**
 * The filters a best-match scan keeps: their indices in the set and their scores, best first.
 * Plain arrays: k is small, and a typed array made per call costs more than the scan of a small set.
 */
export interface BestMatches {
  index: number[];
  score: number[];
}

export interface DiceKernel {
  readonly path: 'wasm' | 'js';
  /**
   * Copies `filters` (count * bytesPerFilter bytes, filter i at i * bytesPerFilter) in once and
   * counts their bits. bytesPerFilter is a multiple of 8: the schema sizes filters in 64-bit steps.
   */
  load(filters: Uint8Array, bytesPerFilter: number): FilterSet;
  /** Frees a set's memory; the set must not be used afterwards. */
  release(set: FilterSet): void;
  /** out[i] = dice(query, filter i) for every filter of the set. */
  scan(query: Uint8Array, set: FilterSet, out: Float64Array): void;
  /** out[q * set.count + i] = dice(query q, filter i); queries are laid end to end. */
  scanMany(queries: Uint8Array, set: FilterSet, out: Float64Array): void;
  /**
   * The k filters of the set that score highest against the query, each at least minScore, best
   * first, equal scores lower index first: anonlink's top-k, without writing a score per filter.
   */
  scanBest(query: Uint8Array, set: FilterSet, k: number, minScore: number): BestMatches;
  /** out[k] = dice(a[idxA[k]], b[idxB[k]]): the scores of a batch of candidate pairs. */
  scorePairs(a: FilterSet, b: FilterSet, idxA: Uint32Array, idxB: Uint32Array, out: Float64Array): void;
}

export interface DiceKernelOptions {
  /** 'auto' (default) takes WebAssembly when the runtime has SIMD, else JavaScript. */
  path?: 'auto' | 'wasm' | 'js';
}

export function createDiceKernel(options: DiceKernelOptions = {}): DiceKernel {
  const path = options.path ?? 'auto';
  if (path === 'js' || (path === 'auto' && !wasmDiceSupported())) return createJsDiceKernel();
  return createWasmDiceKernel();
}

/** Argument checks shared by both implementations, so that both fail the same way. */
export function checkFilters(filters: Uint8Array, bytesPerFilter: number): number {
  if (!Number.isInteger(bytesPerFilter) || bytesPerFilter <= 0 || bytesPerFilter % 8 !== 0) {
    throw new RangeError(`bytesPerFilter must be a positive multiple of 8, got ${bytesPerFilter}`);
  }
  if (filters.length % bytesPerFilter !== 0) {
    throw new RangeError(`${filters.length} bytes is not a whole number of ${bytesPerFilter}-byte filters`);
  }
  return filters.length / bytesPerFilter;
}

/** The arguments of scorePairs agree: filters of one length, one index per pair on each side, one score per pair. */
export function checkPairArgs(bytesA: number, bytesB: number, pairs: number, idxB: { length: number }, out: { length: number }): void {
  if (bytesA !== bytesB) throw new RangeError('the two sets hold filters of different lengths');
  checkLength('idxB', idxB.length, pairs);
  checkLength('out', out.length, pairs);
}

export function checkLength(name: string, actual: number, expected: number): void {
  if (actual !== expected) throw new RangeError(`${name} has ${actual} elements, expected ${expected}`);
}

export function checkBestArgs(k: number, minScore: number): void {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number >= 0, got ${k}`);
  if (typeof minScore !== 'number' || Number.isNaN(minScore)) throw new RangeError(`minScore must be a number, got ${minScore}`);
}

/** scanBest's choice made from every score: the JavaScript kernel's path and the oracle of the WebAssembly one. */
export function bestOf(scores: Float64Array, k: number, minScore: number): BestMatches {
  const score = new Float64Array(k);
  const index = new Uint32Array(k);
  let kept = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s < minScore || (kept === k && s <= score[k - 1])) continue;
    // Shift lower scores down; an equal score stays ahead, being the lower index.
    let slot = kept < k ? kept++ : k - 1;
    while (slot > 0 && score[slot - 1] < s) {
      score[slot] = score[slot - 1];
      index[slot] = index[slot - 1];
      slot--;
    }
    score[slot] = s;
    index[slot] = i;
  }
  return { index: Array.from(index.subarray(0, kept)), score: Array.from(score.subarray(0, kept)) };
}
