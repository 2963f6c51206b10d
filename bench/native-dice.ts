/**
 * The machine's own yardsticks for the 1M x 1024-bit scan: how fast WebAssembly and compiled C can
 * read the 128 MB of filters at all (the memory-bandwidth ceiling: 132 bytes per comparison), and
 * what a native C kernel (64-bit popcnt, and AVX-512 VPOPCNTQ where the CPU has it) scores on the
 * same layout. The target of 190 M/s assumed ~35 GB/s per core; these rows say what this
 * machine gives, so the kernel's figure can be read against its real ceiling. anonlink's own
 * kernel, built from its source, is in anonlink-bench.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDiceWat } from '../scripts/build-wasm.mjs';
import { measure } from './measure.ts';
import { randomFilters } from './random-filters.ts';
import type { BenchContext, BenchRow } from './registry.ts';

const BYTES_PER_COMPARISON = 132; // a 1024-bit filter and its 4-byte popcount

/** XOR of every 16-byte block in [ptr, ptr + bytes): the fastest WebAssembly can stream memory. */
const READ_WAT = `(module (import "env" "memory" (memory 1 65536 shared))
  (func (export "read") (param $p i32) (param $end i32) (result i64)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (loop $blocks
      (local.set $a (v128.xor (local.get $a) (v128.load offset=0 (local.get $p))))
      (local.set $b (v128.xor (local.get $b) (v128.load offset=16 (local.get $p))))
      (local.set $c (v128.xor (local.get $c) (v128.load offset=32 (local.get $p))))
      (local.set $d (v128.xor (local.get $d) (v128.load offset=48 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 64)))
      (br_if $blocks (i32.lt_u (local.get $p) (local.get $end))))
    (i64x2.extract_lane 0 (v128.xor (v128.xor (local.get $a) (local.get $b)) (v128.xor (local.get $c) (local.get $d))))))`;

/** A median the C program timed itself (one thread, wall clock), in the bench's row shape. */
const asRate = (perSecond: number, runs: number) => ({ wall: perSecond, wallBest: perSecond, cpu: perSecond, runs, repsPerRun: 1 });

export async function wasmReadCeiling(ctx: BenchContext, filters: number): Promise<BenchRow> {
  const bytes = filters * 128;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) + 1, maximum: 65536, shared: true });
  const module = new WebAssembly.Module(await compileDiceWat(READ_WAT));
  const { read } = new WebAssembly.Instance(module, { env: { memory } }).exports as { read(p: number, end: number): bigint };
  new Uint8Array(memory.buffer).set(randomFilters(filters, 128, ctx.seed));
  const rate = await measure(() => read(0, bytes), { ops: filters, runs: ctx.runs, runMs: ctx.runMs, warmupMs: ctx.warmupMs });
  return {
    name: 'dice.scan.ceiling.wasm-read', unit: 'comparisons', params: { filters, bytesPerComparison: BYTES_PER_COMPARISON },
    note: `WebAssembly v128 read of the filters only, ${((rate.wall * 128) / 1e9).toFixed(1)} GB/s: no scan can beat it`,
    rate: { ...rate, wall: (rate.wall * 128) / BYTES_PER_COMPARISON, wallBest: (rate.wallBest * 128) / BYTES_PER_COMPARISON, cpu: (rate.cpu * 128) / BYTES_PER_COMPARISON },
  };
}

/** Compiles bench/native/dice-scan.c with the system's cc; no rows when there is no compiler. */
export function nativeScanRows(ctx: BenchContext, filters: number): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'credlink-native-'));
  try {
    const binary = join(dir, 'dice-scan');
    const source = fileURLToPath(new URL('./native/dice-scan.c', import.meta.url));
    try {
      execFileSync('cc', ['-O3', '-march=native', '-o', binary, source], { stdio: 'pipe' });
    } catch {
      return [];
    }
    const result = JSON.parse(execFileSync(binary, [String(filters), String(ctx.runs)], { encoding: 'utf8' })) as Record<string, number>;
    const params = { filters, bits: 1024, compiler: 'cc -O3 -march=native' };
    const rows: BenchRow[] = [
      { name: 'dice.scan.ceiling.native-read', unit: 'comparisons', params,
        note: `C read of the filters only, ${(result.readBytesPerSecond / 1e9).toFixed(1)} GB/s`,
        rate: asRate(result.readBytesPerSecond / BYTES_PER_COMPARISON, ctx.runs) },
      { name: 'dice.scan.native.popcnt64', unit: 'comparisons', params, note: 'our C, 64-bit popcnt, four accumulators (anonlink\'s own code: --anonlink-src)', rate: asRate(result.popcnt64, ctx.runs) },
    ];
    if (result.avx512) rows.push({ name: 'dice.scan.native.avx512', unit: 'comparisons', params, note: 'C, AVX-512 VPOPCNTQ', rate: asRate(result.avx512, ctx.runs) });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
