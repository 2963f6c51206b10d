/**
 * Dice kernel benches: the 1M x 1024-bit scan (JavaScript and each WebAssembly popcount
 * strategy), candidate-pair scoring (the linker's call), several queries per pass, and the
 * worker pool's scaling. One operation = one Dice comparison.
 */
import { availableParallelism } from 'node:os';
import { createDicePool } from '../src/kernel/dice-pool.ts';
import type { DiceKernel, FilterSet } from '../src/kernel/dice-kernel.ts';
import { createJsDiceKernel } from '../src/kernel/js-dice-kernel.ts';
import { createWasmDiceKernel, type ScanVariant } from '../src/kernel/wasm-dice-kernel.ts';
import { measure } from './measure.ts';
import { nativeScanRows, wasmReadCeiling } from './native-dice.ts';
import { blockedPairs, randomFilters, randomPairs } from './random-filters.ts';
import type { Bench, BenchContext, BenchRow } from './registry.ts';

const BYTES = 128; // 1024-bit record-level filters
const KERNEL_MEMORY = 1 << 30;

const sizes = (ctx: BenchContext) =>
  ctx.quick
    ? { scanN: 50_000, countA: 10_000, countB: 50_000, pairs: 100_000, poolPairs: 200_000, queries: [4] }
    : { scanN: 1_000_000, countA: 100_000, countB: 1_000_000, pairs: 2_000_000, poolPairs: 4_000_000, queries: [4, 16] };

const timing = (ctx: BenchContext, ops: number) => ({ ops, runs: ctx.runs, runMs: ctx.runMs, warmupMs: ctx.warmupMs });

async function scanBenches(ctx: BenchContext): Promise<BenchRow[]> {
  const { scanN } = sizes(ctx);
  const filters = randomFilters(scanN, BYTES, ctx.seed);
  const query = randomFilters(1, BYTES, ctx.seed + 1);
  const params = { filters: scanN, bits: BYTES * 8 };
  const rows: BenchRow[] = [];

  const js = createJsDiceKernel();
  const jsSet = js.load(filters, BYTES);
  const jsOut = new Float64Array(scanN);
  rows.push({ name: 'dice.scan.js', unit: 'comparisons', params, note: 'SWAR popcount on Uint32Array (fallback, oracle)',
    rate: await measure(() => js.scan(query, jsSet, jsOut), timing(ctx, scanN)) });

  const variants: Array<[ScanVariant, string]> = [
    ['v128', 'v128.and + lane extract + i64.popcnt, straight-line 1024-bit kernel (API default)'],
    ['v128-generic', 'same popcount, generic word loop (any filter length)'],
    ['i64', 'i64.load + i64.and + i64.popcnt, word loop'],
    ['i8x16', 'SIMD i8x16.popcnt, byte lanes widened per 16 blocks'],
  ];
  for (const [variant, note] of variants) {
    const kernel = createWasmDiceKernel({ scanVariant: variant, maximumBytes: KERNEL_MEMORY });
    const set = kernel.load(filters, BYTES);
    const out = kernel.allocScores(scanN);
    rows.push({ name: `dice.scan.wasm.${variant}`, unit: 'comparisons', params, note,
      rate: await measure(() => kernel.scan(query, set, out), timing(ctx, scanN)) });
    if (variant === 'v128') {
      const plain = new Float64Array(scanN);
      rows.push({ name: 'dice.scan.wasm.v128.copy-out', unit: 'comparisons', params,
        note: 'scores into a caller Float64Array (copied out of wasm memory)',
        rate: await measure(() => kernel.scan(query, set, plain), timing(ctx, scanN)) });
      rows.push({ name: 'dice.scanBest.wasm.k10', unit: 'comparisons', params: { ...params, k: 10, minScore: 0 },
        note: 'the 10 best filters, no score written per filter (anonlink\'s top-k)',
        rate: await measure(() => kernel.scanBest(query, set, 10, 0), timing(ctx, scanN)) });
      for (const q of sizes(ctx).queries) {
        const queries = randomFilters(q, BYTES, ctx.seed + 2);
        const many = kernel.allocScores(q * scanN);
        rows.push({ name: `dice.scanMany.wasm.q${q}`, unit: 'comparisons', params: { ...params, queries: q },
          note: `${q} queries per pass over the filters`,
          rate: await measure(() => kernel.scanMany(queries, set, many), timing(ctx, q * scanN)) });
        kernel.freeArray(many);
      }
    }
    kernel.release(set);
  }
  rows.push(await wasmReadCeiling(ctx, scanN), ...nativeScanRows(ctx, scanN));
  return rows;
}

async function pairBenches(ctx: BenchContext): Promise<BenchRow[]> {
  const { countA, countB, pairs, poolPairs } = sizes(ctx);
  const a = randomFilters(countA, BYTES, ctx.seed + 3);
  const b = randomFilters(countB, BYTES, ctx.seed + 4);
  const blocked = blockedPairs(pairs, countA, countB, 64, ctx.seed + 5);
  const random = randomPairs(pairs, countA, countB, ctx.seed + 6);
  const params = { countA, countB, pairs, bits: BYTES * 8 };
  const rows: BenchRow[] = [];

  const run = async (name: string, kernel: DiceKernel, sa: FilterSet, sb: FilterSet, p: typeof blocked, note: string) => {
    const out = new Float64Array(p.idxA.length);
    rows.push({ name, unit: 'comparisons', params, note,
      rate: await measure(() => kernel.scorePairs(sa, sb, p.idxA, p.idxB, out), timing(ctx, p.idxA.length)) });
  };
  const js = createJsDiceKernel();
  await run('dice.pairs.js.blocked', js, js.load(a, BYTES), js.load(b, BYTES), blocked, 'JavaScript, pairs in blocks of 64');

  const kernel = createWasmDiceKernel({ maximumBytes: KERNEL_MEMORY });
  const sa = kernel.load(a, BYTES);
  const sb = kernel.load(b, BYTES);
  await run('dice.pairs.wasm.blocked', kernel, sa, sb, blocked, 'pairs in blocks of 64 nearby B filters (as blocking yields)');
  await run('dice.pairs.wasm.random', kernel, sa, sb, random, 'uniform random pairs: a cache miss per pair, the worst case');
  const field = 32; // 256-bit field-level filters (first name, dob, ...)
  const fa = kernel.load(randomFilters(countA, field, ctx.seed + 7), field);
  const fb = kernel.load(randomFilters(countB, field, ctx.seed + 8), field);
  await run('dice.pairs.wasm.blocked.256bit', kernel, fa, fb, blocked, '256-bit field filters, generic kernel');

  // Worker pool: same kernel memory, so the sets above are shared, not copied.
  const pooled = blockedPairs(poolPairs, countA, countB, 64, ctx.seed + 9);
  const out = new Float64Array(poolPairs);
  const counts = [...new Set([1, 2, availableParallelism()])].sort((x, y) => x - y);
  for (const workers of counts) {
    const pool = await createDicePool(kernel, { workers });
    rows.push({ name: `dice.pairs.pool.w${workers}`, unit: 'comparisons', params: { ...params, pairs: poolPairs, workers },
      note: `${workers} worker thread(s), blocked pairs; rate by wall clock`,
      rate: await measure(() => pool.scorePairs(sa, sb, pooled.idxA, pooled.idxB, out), timing(ctx, poolPairs)) });
    await pool.close();
  }
  return rows;
}

export const diceBenches: Bench[] = [
  { name: 'dice.scan', run: scanBenches },
  { name: 'dice.pairs', run: pairBenches },
];
