/**
 * Linker benches: candidate pairs per second through blocking + comparison vectors + scoring (in
 * process), and `credlink link` end to end (child process: wall, CPU, peak memory) at 10k, 100k
 * and 1M wage persons against a 100k roster; the 1M point is the 100k x 1M target (< 2 min on
 * 2 cores, < 4 GB). --quick runs 10k x 10k only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiceKernel } from '../src/kernel/dice-kernel.ts';
import { readExtract } from '../src/io/extract-file.ts';
import { pairSides } from '../src/link/candidate-pairs.ts';
import { candidateVectors } from '../src/link/candidate-vectors.ts';
import { defaultLinkSettings } from '../src/link/link-settings.ts';
import { SourceStoreBuilder } from '../src/link/source-store-builder.ts';
import type { SourceStore } from '../src/link/source-store.ts';
import { DEFAULT_SCHEMA } from '../src/schema/default-schema.ts';
import { schemaFingerprint } from '../src/schema/fingerprint.ts';
import { oneShot, runCli, runParams } from './e2e-run.ts';
import { linkWorld } from './link-world.ts';
import { measure } from './measure.ts';
import type { Bench, BenchContext, BenchRow } from './registry.ts';

async function store(path: string, name: string, role: 'roster' | 'wages', kernel?: ReturnType<typeof createDiceKernel>): Promise<SourceStore> {
  const builder = new SourceStoreBuilder({ name, role, duplicateFree: true });
  await readExtract(path, { person: (p) => builder.add(p) });
  return builder.build(kernel);
}

async function pairsBench(ctx: BenchContext): Promise<BenchRow[]> {
  const roster = ctx.quick ? 10_000 : 100_000;
  const wages = ctx.quick ? 10_000 : 100_000;
  const world = await linkWorld(roster, wages, ctx.seed);
  const seed = schemaFingerprint(DEFAULT_SCHEMA);
  const keyFields = new Map(DEFAULT_SCHEMA.blockingKeys.map((k) => [k.name, k.parts.map((p) => p.field)]));
  const settings = defaultLinkSettings(seed, { keyFields });
  const rows: BenchRow[] = [];
  for (const path of ['wasm', 'js'] as const) {
    const kernel = path === 'wasm' ? createDiceKernel({ path: 'wasm' }) : undefined;
    const sides = pairSides(await store(world.roster, 'roster', 'roster', kernel), await store(world.wages, 'wages', 'wages', kernel));
    const count = candidateVectors(sides, settings).left.length;
    rows.push({
      name: `link.pairs.${path}`, unit: 'candidate pairs', params: { roster, wages, candidatePairs: count, kernel: path },
      note: 'blocking (keys, exact, LSH) + comparison vectors + Dice scoring, in process',
      rate: await measure(() => candidateVectors(sides, settings), { ops: count, runs: ctx.quick ? 2 : 3, runMs: 1, warmupMs: 1 }),
    });
  }
  return rows;
}

async function linkE2e(ctx: BenchContext): Promise<BenchRow[]> {
  const sizes = ctx.quick ? [10_000] : [10_000, 100_000, 1_000_000];
  const roster = ctx.quick ? 10_000 : 100_000;
  const out = mkdtempSync(join(tmpdir(), 'credlink-link-bench-'));
  const rows: BenchRow[] = [];
  try {
    for (const wages of sizes) {
      const world = await linkWorld(roster, wages, ctx.seed);
      const run = runCli(['link', world.roster, world.wages, '-o', join(out, String(wages))]);
      const candidates = Number(/(\d+) candidate pairs/.exec(run.stdout)?.[1] ?? Number.NaN);
      rows.push({
        name: `link.e2e.${roster / 1000}k-x-${wages >= 1e6 ? `${wages / 1e6}M` : `${wages / 1000}k`}`, unit: 'persons',
        params: { roster, wages, candidatePairs: candidates, ...runParams(run) },
        note: `credlink link, child process: ${run.wallSeconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, ${Math.round(run.maxRssMiB)} MiB peak`,
        rate: oneShot(roster + wages, run),
      });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}

export const linkBenches: Bench[] = [
  { name: 'link.pairs', run: pairsBench },
  { name: 'link.e2e', run: linkE2e },
];
