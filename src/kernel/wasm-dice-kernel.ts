/**
 * The WebAssembly Dice kernel (dice.wat). Filter sets are copied into one shared linear memory
 * once. A query goes through one scratch block the kernel keeps; index and score arrays are
 * taken per call unless the caller passes arrays from `allocScores`/`allocIndices`, which live in
 * that memory and skip the copies (a 1M-filter scan writes 8 MB of scores: copying them out costs
 * ~15% of the scan).
 */
import { diceWasmBase64 } from './dice-wasm-optional.ts';
import { bestOf, checkBestArgs, checkFilters, checkLength, checkPairArgs, type BestMatches, type DiceKernel, type FilterSet } from './dice-kernel.ts';
import { WasmHeap } from './wasm-heap.ts';

/**
 * The popcount strategies of dice.wat; the bench compares them. 'v128' (the default) takes the
 * straight-line 1024-bit kernels when filters are 1024 bits and the generic ones otherwise;
 * 'v128-generic' always takes the generic ones.
 */
export type ScanVariant = 'v128' | 'v128-generic' | 'i64' | 'i8x16';

interface DiceExports {
  popcounts(f: number, n: number, stride: number, out: number): void;
  scan_v128(q: number, f: number, pops: number, n: number, stride: number, out: number): void;
  scan_i64(q: number, f: number, pops: number, n: number, stride: number, out: number): void;
  scan_i8x16(q: number, f: number, pops: number, n: number, stride: number, out: number): void;
  scan_v128_1024(q: number, f: number, pops: number, n: number, out: number): void;
  scan_best_1024(q: number, f: number, pops: number, n: number, k: number, minScore: number, bestScores: number, bestIdx: number): number;
  pairs_v128_1024(
    a: number, popA: number, countA: number, b: number, popB: number, countB: number,
    idxA: number, idxB: number, n: number, out: number,
  ): number;
  scan_many_v128_1024(q: number, qn: number, qpops: number, f: number, pops: number, n: number, out: number): void;
  pairs_v128(
    a: number, popA: number, countA: number, b: number, popB: number, countB: number,
    stride: number, idxA: number, idxB: number, n: number, out: number,
  ): number;
  scan_many_v128(
    q: number, qn: number, qpops: number, f: number, pops: number, n: number, stride: number, out: number,
  ): void;
}

let compiled: WebAssembly.Module | undefined;

/** Compiled once per thread; a WebAssembly.Module can also be posted to workers (dice-pool.ts). */
export function diceWasmModule(): WebAssembly.Module {
  if (diceWasmBase64 === undefined) throw new Error('the WebAssembly Dice kernel is not built (run `npm run build:wasm`); the JavaScript kernel gives the same scores');
  if (!compiled) compiled = new WebAssembly.Module(Uint8Array.from(atob(diceWasmBase64), (c) => c.charCodeAt(0)));
  return compiled;
}

/** False where the kernel was not built, or on runtimes without WebAssembly SIMD or threads (shared memory). */
export function wasmDiceSupported(): boolean {
  try {
    diceWasmModule();
    return typeof SharedArrayBuffer === 'function';
  } catch {
    return false;
  }
}

export class WasmFilterSet implements FilterSet {
  constructor(
    readonly memory: WebAssembly.Memory,
    readonly ptr: number,
    readonly popPtr: number,
    readonly count: number,
    readonly bytesPerFilter: number,
  ) {}

  popcount(i: number): number {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`filter ${i} is out of range`);
    return new Uint32Array(this.memory.buffer, this.popPtr, this.count)[i];
  }
}

export interface WasmDiceKernel extends DiceKernel {
  readonly path: 'wasm';
  readonly memory: WebAssembly.Memory;
  readonly heap: WasmHeap;
  /** A score array inside the kernel's memory; scoring into it skips a copy. */
  allocScores(length: number): Float64Array;
  /** An index array inside the kernel's memory; scorePairs reads it without a copy. */
  allocIndices(length: number): Uint32Array;
  freeArray(array: Float64Array | Uint32Array): void;
}

export interface WasmDiceKernelOptions {
  scanVariant?: ScanVariant;
  /** Upper bound on the kernel's memory, in bytes (default and most: 4 GiB). */
  maximumBytes?: number;
}

export function createWasmDiceKernel(options: WasmDiceKernelOptions = {}): WasmDiceKernel {
  const maximum = Math.min(65536, Math.ceil((options.maximumBytes ?? 2 ** 32) / 65536));
  const memory = new WebAssembly.Memory({ initial: 16, maximum, shared: true });
  const wasm = new WebAssembly.Instance(diceWasmModule(), { env: { memory } }).exports as unknown as DiceExports;
  const variant = options.scanVariant ?? 'v128';
  // 1024 bits (128 bytes) is the record-level filter; the straight-line kernels only fit it.
  const straight = (stride: number) => variant === 'v128' && stride === 128;
  const scanFn = (q: number, f: number, pops: number, n: number, stride: number, out: number) => {
    if (straight(stride)) wasm.scan_v128_1024(q, f, pops, n, out);
    else if (variant === 'i64') wasm.scan_i64(q, f, pops, n, stride, out);
    else if (variant === 'i8x16') wasm.scan_i8x16(q, f, pops, n, stride, out);
    else wasm.scan_v128(q, f, pops, n, stride, out);
  };
  const heap = new WasmHeap(memory);
  // Arrays handed out by allocScores/allocIndices, by identity, with their address.
  const owned = new Map<Float64Array | Uint32Array, number>();
  const bytes = () => new Uint8Array(memory.buffer);

  const align = (bytes: number) => Math.ceil(bytes / 64) * 64;
  // One scratch block for the query and scanBest's list, kept for the kernel's life (calls are
  // synchronous), with views of it made once per layout: allocating the block and making views
  // per call cost ~10% of a 2,000-filter scan. A shared memory is never detached by growing, so
  // the views stay valid.
  let scratch = { ptr: 0, bytes: 0, queryBytes: -1, keep: -1, query: new Uint8Array(0), scores: new Float64Array(0), idx: new Uint32Array(0) };
  const scratchFor = (queryBytes: number, keep: number) => {
    if (queryBytes === scratch.queryBytes && keep === scratch.keep) return scratch;
    const scoresAt = align(queryBytes);
    const idxAt = scoresAt + align(keep * 8);
    const needed = idxAt + keep * 4;
    let { ptr, bytes: size } = scratch;
    if (needed > size) {
      if (size > 0) heap.release(ptr);
      size = Math.max(4096, needed);
      ptr = heap.alloc(size);
    }
    scratch = {
      ptr, bytes: size, queryBytes, keep,
      query: new Uint8Array(memory.buffer, ptr, queryBytes),
      scores: new Float64Array(memory.buffer, ptr + scoresAt, keep),
      idx: new Uint32Array(memory.buffer, ptr + idxAt, keep),
    };
    return scratch;
  };

  const own = (set: FilterSet): WasmFilterSet => {
    if (!(set instanceof WasmFilterSet) || set.memory !== memory) throw new TypeError('the filter set was loaded by another kernel');
    return set;
  };

  /** Address of `array` in the kernel's memory, copying it in (copyIn) or reserving room. */
  const place = (array: Float64Array | Uint32Array | Uint8Array, copyIn: boolean, scratch: number[]): number => {
    const at = array instanceof Uint8Array ? undefined : owned.get(array);
    if (at !== undefined) return at;
    const ptr = heap.alloc(array.byteLength);
    scratch.push(ptr);
    if (copyIn) bytes().set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), ptr);
    return ptr;
  };

  const finish = (out: Float64Array, outPtr: number, scratch: number[]) => {
    if (!owned.has(out)) out.set(new Float64Array(memory.buffer, outPtr, out.length));
    for (const ptr of scratch) heap.release(ptr);
  };

  const kernel: WasmDiceKernel = {
    path: 'wasm',
    memory,
    heap,
    load(filters, bytesPerFilter) {
      const count = checkFilters(filters, bytesPerFilter);
      const ptr = heap.alloc(filters.length);
      const popPtr = heap.alloc(count * 4);
      bytes().set(filters, ptr);
      wasm.popcounts(ptr, count, bytesPerFilter, popPtr);
      return new WasmFilterSet(memory, ptr, popPtr, count, bytesPerFilter);
    },
    release(set) {
      const s = own(set);
      heap.release(s.ptr);
      heap.release(s.popPtr);
    },
    scan(query, set, out) {
      const s = own(set);
      checkLength('query', query.length, s.bytesPerFilter);
      checkLength('out', out.length, s.count);
      if (s.count === 0) return;
      // The layout scanBest last used is kept, so that alternating calls make no views.
      const work = scratchFor(query.length, Math.max(0, scratch.keep));
      work.query.set(query);
      const q = work.ptr;
      const temporary: number[] = [];
      const o = place(out, false, temporary);
      scanFn(q, s.ptr, s.popPtr, s.count, s.bytesPerFilter, o);
      finish(out, o, temporary);
    },
    scanMany(queries, set, out) {
      const s = own(set);
      const qn = checkFilters(queries, s.bytesPerFilter);
      checkLength('out', out.length, qn * s.count);
      if (qn === 0 || s.count === 0) return;
      const scratch: number[] = [];
      const q = place(queries, true, scratch);
      const qpops = heap.alloc(qn * 4);
      scratch.push(qpops);
      const o = place(out, false, scratch);
      if (straight(s.bytesPerFilter)) wasm.scan_many_v128_1024(q, qn, qpops, s.ptr, s.popPtr, s.count, o);
      else wasm.scan_many_v128(q, qn, qpops, s.ptr, s.popPtr, s.count, s.bytesPerFilter, o);
      finish(out, o, scratch);
    },
    scanBest(query, set, k, minScore) {
      const s = own(set);
      checkLength('query', query.length, s.bytesPerFilter);
      checkBestArgs(k, minScore);
      // No more can be kept than the set holds; the kernel's list is sized by this.
      const keep = Math.min(k, s.count);
      if (keep === 0) return { index: [], score: [] };
      if (!straight(s.bytesPerFilter)) {
        const scores = new Float64Array(s.count);
        kernel.scan(query, set, scores);
        return bestOf(scores, keep, minScore);
      }
      const work = scratchFor(query.length, keep);
      work.query.set(query);
      const kept = wasm.scan_best_1024(work.ptr, s.ptr, s.popPtr, s.count, keep, minScore, work.scores.byteOffset, work.idx.byteOffset);
      const best: BestMatches = { index: [], score: [] };
      for (let i = 0; i < kept; i++) {
        best.index.push(work.idx[i]);
        best.score.push(work.scores[i]);
      }
      return best;
    },
    scorePairs(a, b, idxA, idxB, out) {
      const sa = own(a);
      const sb = own(b);
      checkPairArgs(sa.bytesPerFilter, sb.bytesPerFilter, idxA.length, idxB, out);
      if (idxA.length === 0) return;
      const scratch: number[] = [];
      const pa = place(idxA, true, scratch);
      const pb = place(idxB, true, scratch);
      const o = place(out, false, scratch);
      const bad = straight(sa.bytesPerFilter)
        ? wasm.pairs_v128_1024(sa.ptr, sa.popPtr, sa.count, sb.ptr, sb.popPtr, sb.count, pa, pb, idxA.length, o)
        : wasm.pairs_v128(sa.ptr, sa.popPtr, sa.count, sb.ptr, sb.popPtr, sb.count, sa.bytesPerFilter, pa, pb, idxA.length, o);
      if (bad >= 0) {
        for (const ptr of scratch) heap.release(ptr);
        throw new RangeError(`pair ${bad} (${idxA[bad]}, ${idxB[bad]}) is out of range`);
      }
      finish(out, o, scratch);
    },
    allocScores(length) {
      const ptr = heap.alloc(length * 8);
      const array = new Float64Array(memory.buffer, ptr, length);
      owned.set(array, ptr);
      return array;
    },
    allocIndices(length) {
      const ptr = heap.alloc(length * 4);
      const array = new Uint32Array(memory.buffer, ptr, length);
      owned.set(array, ptr);
      return array;
    },
    freeArray(array) {
      const ptr = owned.get(array);
      if (ptr === undefined) throw new TypeError('the array was not allocated by this kernel');
      owned.delete(array);
      heap.release(ptr);
    },
  };
  return kernel;
}
