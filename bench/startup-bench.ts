/**
 * Start-up: whole-process runs of `credlink --version` and `credlink hash --help`, against
 * `node -e 0` (the floor) and node loading commander (the one dependency those need). The CLI is
 * timed as the package ships it: dist/ built into a temporary folder laid out as an install
 * (bin/, dist/, package.json, node_modules), so the clone never gets a dist/; and from the
 * sources through tsx, as a clone runs it. Commands take turns (A B C ..., A B C ...) so that a
 * drift in the machine's speed hits all alike; each row is the median of 10 runs (--quick: 3 runs,
 * the build's rows only).
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDist } from '../scripts/build.mjs';
import type { Bench, BenchContext, BenchRow } from './registry.ts';

const REPO = resolve(import.meta.dirname, '..');

interface Timed {
  wall: number;
  cpu: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeOnce(argv: string[], env: NodeJS.ProcessEnv): Timed {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '@@cpu %U %S', ...argv], { cwd: REPO, encoding: 'utf8', env });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} failed (${run.status}): ${run.stderr.slice(-1000)}`);
  const cpu = /@@cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
  return { wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN };
}

/** A folder shaped like an installed package, with dist/ built from the current sources. */
export async function stagePackage(prefix = 'credlink-startup-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(join(dir, 'bin'));
  await copyFile(join(REPO, 'bin', 'credlink.js'), join(dir, 'bin', 'credlink.js'));
  await copyFile(join(REPO, 'package.json'), join(dir, 'package.json'));
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await buildDist({ outdir: join(dir, 'dist'), log: () => undefined });
  return dir;
}

async function startup(ctx: BenchContext): Promise<BenchRow[]> {
  const runs = ctx.quick ? 3 : 10;
  const pkg = await stagePackage();
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.CREDLINK_FROM_SOURCE;
  const node = process.execPath;
  const cases: Array<{ name: string; argv: string[]; env: NodeJS.ProcessEnv; what: string }> = [
    { name: 'startup.node', argv: [node, '-e', '0'], env, what: 'node -e 0' },
    { name: 'startup.node-commander', argv: [node, '--input-type=module', '-e', "await import('commander')"], env, what: 'node importing commander' },
    { name: 'startup.version', argv: [node, join(pkg, 'bin', 'credlink.js'), '--version'], env, what: 'credlink --version (dist/)' },
    { name: 'startup.hash-help', argv: [node, join(pkg, 'bin', 'credlink.js'), 'hash', '--help'], env, what: 'credlink hash --help (dist/)' },
    { name: 'startup.version.source', argv: [node, join(REPO, 'bin', 'credlink.js'), '--version'], env: { ...env, CREDLINK_FROM_SOURCE: '1' }, what: 'credlink --version (sources, tsx)' },
    { name: 'startup.hash-help.source', argv: [node, join(REPO, 'bin', 'credlink.js'), 'hash', '--help'], env: { ...env, CREDLINK_FROM_SOURCE: '1' }, what: 'credlink hash --help (sources, tsx)' },
  ];
  // --quick checks that the rows run: the build's only, three turns.
  if (ctx.quick) cases.splice(0, cases.length, ...cases.filter((c) => !c.name.endsWith('.source')));
  const times = cases.map(() => [] as Timed[]);
  try {
    for (const c of cases) timeOnce(c.argv, c.env); // warm-up: the file system cache, tsx's cache
    for (let r = 0; r < runs; r++) cases.forEach((c, i) => times[i].push(timeOnce(c.argv, c.env)));
  } finally {
    await rm(pkg, { recursive: true, force: true });
  }
  const floor = median(times[0].map((t) => t.wall));
  return cases.map((c, i) => {
    const wall = median(times[i].map((t) => t.wall));
    const cpu = median(times[i].map((t) => t.cpu));
    return {
      name: c.name,
      unit: 'starts',
      rate: { wall: 1 / wall, wallBest: 1 / Math.min(...times[i].map((t) => t.wall)), cpu: 1 / cpu, runs, repsPerRun: 1 },
      params: { runs, medianWallMs: Math.round(wall * 1000), medianCpuMs: Math.round(cpu * 1000), vsNodeWall: Number((wall / floor).toFixed(2)) },
      note: `${c.what}: ${Math.round(wall * 1000)} ms wall, ${Math.round(cpu * 1000)} ms CPU (medians of ${runs}), ${(wall / floor).toFixed(2)}x node -e 0`,
    };
  });
}

export const startupBenches: Bench[] = [{ name: 'startup', run: startup }];
