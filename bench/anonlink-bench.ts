/**
 * credlink's Dice scan beside anonlink's, in the same rounds on the same filters
 * (`npm run bench -- --only dice.anonlink --anonlink-src DIR`). anonlink's dice source, as it
 * ships in DIR, is compiled with the flags of anonlink's own build into a small harness of ours
 * (bench/native/anonlink-dice-harness.cpp), which stays running while the rounds take turns:
 * credlink's scan and anonlink scoring every filter (every score kept), credlink's scanBest and
 * anonlink's top-k entry point (the 10 best). Each round gives a credlink / anonlink ratio per
 * CPU-second for each pair; the rows carry the median and the range.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createWasmDiceKernel } from '../src/kernel/wasm-dice-kernel.ts';
import { randomFilters } from './random-filters.ts';
import type { Bench, BenchContext, BenchRow } from './registry.ts';

const BYTES = 128;
const K = 10; // as the harness's top-k

/** Where anonlink keeps its Dice code, newest layout first, with the flags its build passes. */
const LAYOUTS = [
  // setup.py: extra_compile_args ['-O3', '-std=c++11'] and define_macros NDEBUG.
  { file: 'anonlink/similarities/dice.cpp', flags: ['-O3', '-std=c++11', '-DNDEBUG'] },
  // _cffi_build/build_matcher.py, without -Werror (it would fail on warnings in our harness).
  { file: '_cffi_build/dice_one_against_many.cpp', flags: ['-Wall', '-Wextra', '-O3', '-std=c++11', '-march=native', '-mssse3', '-mpopcnt', '-fvisibility=hidden'] },
];

interface PeerRound {
  comparisons: number;
  wallSeconds: number;
  cpuSeconds: number;
  check: number;
  best: number;
}

interface Turn {
  wall: number;
  cpu: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The harness built from DIR, or a sentence saying why there is none. */
export function buildAnonlinkHarness(dir: string, into: string): { binary: string; source: string; flags: string[] } | string {
  const layout = LAYOUTS.find((l) => existsSync(join(dir, l.file)));
  if (!layout) return `no ${LAYOUTS.map((l) => l.file).join(' or ')} under ${dir}`;
  const source = join(dir, layout.file);
  const binary = join(into, 'anonlink-dice-harness');
  const harness = fileURLToPath(new URL('./native/anonlink-dice-harness.cpp', import.meta.url));
  try {
    execFileSync('c++', [...layout.flags, `-DANONLINK_SOURCE="${source}"`, '-o', binary, harness], { stdio: 'pipe' });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error).split('\n').slice(0, 4).join(' ');
    return `c++ could not build ${layout.file} into the harness: ${stderr}`;
  }
  return { binary, source: layout.file, flags: layout.flags };
}

/** The running harness: one timed round per call. */
function startPeer(binary: string, filtersFile: string, queryFile: string, n: number) {
  const child = spawn(binary, [filtersFile, queryFile, String(n)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async round(mode: 'all' | 'topk', ms: number): Promise<PeerRound> {
      child.stdin.write(`${mode} ${ms}\n`);
      const next = await lines.next();
      if (next.done) throw new Error(`the anonlink harness exited (code ${child.exitCode})`);
      return JSON.parse(next.value) as PeerRound;
    },
    close: () => child.stdin.end(),
  };
}

/** Repeats fn for at least ms; comparisons per second by wall clock and by this process's CPU time. */
function timeTurn(fn: () => void, comparisonsPerCall: number, ms: number): Turn {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let calls = 0;
  do {
    fn();
    calls++;
  } while (performance.now() - wall0 < ms);
  const wall = (performance.now() - wall0) / 1000;
  const c = process.cpuUsage(cpu0);
  const cpu = Math.max((c.user + c.system) / 1e6, 1e-6);
  return { wall: (calls * comparisonsPerCall) / wall, cpu: (calls * comparisonsPerCall) / cpu };
}

const peerTurn = (r: PeerRound): Turn => ({ wall: r.comparisons / r.wallSeconds, cpu: r.comparisons / Math.max(r.cpuSeconds, 1e-6) });

const fmtM = (x: number) => (x / 1e6).toFixed(1);

async function sideBySide(ctx: BenchContext, binary: string, label: { source: string; flags: string[] }, n: number, dir: string): Promise<BenchRow[]> {
  const filters = randomFilters(n, BYTES, ctx.seed);
  const query = randomFilters(1, BYTES, ctx.seed + 1);
  const filtersFile = join(dir, `filters-${n}.bin`);
  const queryFile = join(dir, 'query.bin');
  writeFileSync(filtersFile, filters);
  writeFileSync(queryFile, query);

  const kernel = createWasmDiceKernel({ maximumBytes: Math.max(64 << 20, n * (BYTES + 16) * 2) });
  const set = kernel.load(filters, BYTES);
  const out = kernel.allocScores(n);
  const peer = startPeer(binary, filtersFile, queryFile, n);
  try {
    const scan = () => kernel.scan(query, set, out);
    const scanBest = () => kernel.scanBest(query, set, K, 0);
    // Same scores, not only the same speed: anonlink's sum of every score, and its best score.
    scan();
    let sum = 0;
    let best = -1;
    for (let i = 0; i < n; i++) {
      sum += out[i];
      if (out[i] > best) best = out[i];
    }
    const rounds = ctx.quick ? 3 : 13;
    timeTurn(scan, n, ctx.warmupMs);
    const warm = await peer.round('all', ctx.warmupMs);
    if (warm.check !== sum) throw new Error(`anonlink and credlink disagree on the ${n}-filter scan: score sums ${warm.check} and ${sum}`);
    const top = await peer.round('topk', ctx.warmupMs);
    const ours10 = scanBest();
    if (top.check !== best || ours10.score[0] !== best) throw new Error(`anonlink's best score ${top.check} is not credlink's ${best} (scanBest ${ours10.score[0]})`);
    timeTurn(scanBest, n, ctx.warmupMs);

    const ours: Turn[] = [];
    const oursBest: Turn[] = [];
    const all: Turn[] = [];
    const topk: Turn[] = [];
    for (let r = 0; r < rounds; r++) {
      // Alternate the order so that neither side always runs right after the other.
      const turns = [
        async () => ours.push(timeTurn(scan, n, ctx.runMs)),
        async () => all.push(peerTurn(await peer.round('all', ctx.runMs))),
        async () => oursBest.push(timeTurn(scanBest, n, ctx.runMs)),
        async () => topk.push(peerTurn(await peer.round('topk', ctx.runMs))),
      ];
      for (const turn of r % 2 ? turns.reverse() : turns) await turn();
      console.log(`dice.anonlink ${n} filters, round ${r + 1}/${rounds} (M/CPU-s): every score credlink ${fmtM(ours[r].cpu)} anonlink ${fmtM(all[r].cpu)} ratio ${(ours[r].cpu / all[r].cpu).toFixed(2)}; top ${K} credlink ${fmtM(oursBest[r].cpu)} anonlink ${fmtM(topk[r].cpu)} ratio ${(oursBest[r].cpu / topk[r].cpu).toFixed(2)}`);
    }
    const rate = (turns: Turn[]) => ({ wall: median(turns.map((t) => t.wall)), wallBest: Math.max(...turns.map((t) => t.wall)), cpu: median(turns.map((t) => t.cpu)), runs: rounds, repsPerRun: 1 });
    const ratios = (mine: Turn[], peerTurns: Turn[]) => mine.map((t, r) => t.cpu / peerTurns[r].cpu);
    const summary = (xs: number[]) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`;
    const params = { filters: n, bits: BYTES * 8, rounds, anonlinkSource: label.source, anonlinkFlags: label.flags.join(' ') };
    const size = n >= 1e6 ? `${n / 1e6}M` : `${n}`;
    return [
      { name: `dice.anonlink.credlink-scan.${size}`, unit: 'comparisons', params, note: 'credlink scan: every score written (the API default kernel)', rate: rate(ours) },
      { name: `dice.anonlink.all.${size}`, unit: 'comparisons', params: { ...params, ratios: ratios(ours, all).map((x) => x.toFixed(3)).join(' ') },
        note: `anonlink _dice_coeff<16> per filter, every score kept; credlink scan/anonlink per CPU-s ${summary(ratios(ours, all))}`, rate: rate(all) },
      { name: `dice.anonlink.credlink-best.${size}`, unit: 'comparisons', params, note: `credlink scanBest: the ${K} best, threshold 0`, rate: rate(oursBest) },
      { name: `dice.anonlink.topk.${size}`, unit: 'comparisons', params: { ...params, ratios: ratios(oursBest, topk).map((x) => x.toFixed(3)).join(' ') },
        note: `anonlink match_one_against_many_dice_k_top (k ${K}, threshold 0); credlink scanBest/anonlink ${summary(ratios(oursBest, topk))}`, rate: rate(topk) },
    ];
  } finally {
    peer.close();
    kernel.freeArray(out);
    kernel.release(set);
  }
}

async function anonlinkRows(ctx: BenchContext): Promise<BenchRow[]> {
  if (!ctx.anonlinkSrc) {
    console.log('dice.anonlink: skipped, no --anonlink-src DIR (a source tree of anonlink holding anonlink/similarities/dice.cpp)');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'credlink-anonlink-'));
  try {
    const built = buildAnonlinkHarness(ctx.anonlinkSrc, dir);
    if (typeof built === 'string') {
      console.log(`dice.anonlink: skipped, ${built}`);
      return [];
    }
    console.log(`dice.anonlink: ${built.source} built with c++ ${built.flags.join(' ')}`);
    const rows: BenchRow[] = [];
    for (const n of ctx.quick ? [50_000, 2_000] : [1_000_000, 2_000]) rows.push(...(await sideBySide(ctx, built.binary, built, n, dir)));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const anonlinkBenches: Bench[] = [{ name: 'dice.anonlink', run: anonlinkRows }];
