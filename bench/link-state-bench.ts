/**
 * Linking at state scale (issue #17 item 4): `credlink link roster wages --spine spine` on a 1M
 * spine (with its 100k roster) against 100k, 1M and 10M wage persons, as a child process timed
 * by /usr/bin/time (wall, CPU, peak RSS). --quick runs a 10k spine against 10k wage persons.
 *
 * The extracts take minutes to encode at 10M; generate them first, in the background:
 *   nice -n 10 node --import tsx bench/link-state-bench.ts --generate --spine 1000000 --wages 10000000
 * and, to score a linkage with `credlink evaluate`, the truth and the (fixed, public) bench key:
 *   ... --generate --spine 1000000 --wages 100000 --truth truth.csv --key bench.key
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, oneShot, runCommand, runParams } from './e2e-run.ts';
import { stateWorld, writeStateTruth } from './link-state-world.ts';
import type { Bench, BenchContext, BenchRow } from './registry.ts';

const SEED = 20240611;
/** Heap cap for the child: the machine has 24 GB, and V8 would otherwise stop near 4 GB. */
const MAX_OLD_SPACE_MB = 20_000;

const size = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

function folderMiB(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 2 ** 20;
}

async function linkState(ctx: BenchContext): Promise<BenchRow[]> {
  const spine = ctx.quick ? 10_000 : 1_000_000;
  const sizes = ctx.quick ? [10_000] : [100_000, 1_000_000, 10_000_000];
  const out = mkdtempSync(join(tmpdir(), 'credlink-state-bench-'));
  const rows: BenchRow[] = [];
  try {
    for (const wages of sizes) {
      const world = await stateWorld(spine, wages, ctx.seed);
      const linkage = join(out, String(wages));
      const run = runCommand(process.execPath, [`--max-old-space-size=${MAX_OLD_SPACE_MB}`, CLI, 'link', world.roster, world.wages, '--spine', world.spine, '-o', linkage, '--json'], { CREDLINK_LOG_LEVEL: 'error', NO_COLOR: '1' });
      const summary = JSON.parse(run.stdout) as { sourcePairs: Array<{ candidatePairs: number; links: number }> };
      const candidatePairs = summary.sourcePairs.reduce((n, p) => n + p.candidatePairs, 0);
      const links = summary.sourcePairs.reduce((n, p) => n + p.links, 0);
      const persons = spine + world.rosterPersons + wages;
      rows.push({
        name: `link.state.${size(spine)}-x-${size(wages)}`, unit: 'persons',
        params: { spine, roster: world.rosterPersons, wages, candidatePairs, links, linkageMiB: Math.round(folderMiB(linkage)), ...runParams(run) },
        note: `credlink link roster wages --spine spine: ${run.wallSeconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, ${Math.round(run.maxRssMiB)} MiB peak, ${candidatePairs} candidate pairs`,
        rate: oneShot(persons, run),
      });
      rmSync(linkage, { recursive: true, force: true });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}

export const linkStateBenches: Bench[] = [{ name: 'link.state', run: linkState }];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (flag: string, fallback: number) => (process.argv.includes(flag) ? Number(process.argv[process.argv.indexOf(flag) + 1]) : fallback);
  if (!process.argv.includes('--generate')) throw new Error('usage: link-state-bench.ts --generate --spine N --wages N [--seed S] [--truth FILE.csv --key FILE]');
  const world = await stateWorld(arg('--spine', 1_000_000), arg('--wages', 10_000_000), arg('--seed', SEED));
  const truth = process.argv.indexOf('--truth');
  const key = process.argv.indexOf('--key');
  if (truth > 0 && key > 0) await writeStateTruth(world, process.argv[truth + 1], process.argv[key + 1]);
  process.stdout.write(`${JSON.stringify(world, null, 2)}\n`);
}
