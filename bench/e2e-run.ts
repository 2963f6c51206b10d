/**
 * One end-to-end run of the real CLI in a child process, timed from outside with /usr/bin/time:
 * wall clock, CPU time (user + system, all threads) and peak resident memory of the child.
 * On a shared machine the CPU time is the steadier figure (descheduled time is not counted).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Rate } from './measure.ts';

export const CLI = resolve(import.meta.dirname, '../bin/credlink.js');
const TIME = '/usr/bin/time';

export interface ChildRun {
  wallSeconds: number;
  cpuSeconds: number;
  /** Peak resident set of the child, MiB (NaN without /usr/bin/time). */
  maxRssMiB: number;
  stdout: string;
}

/** `cli` is bin/credlink.js of this clone unless given (a staged package's, for the build). */
export function runCli(args: string[], env: Record<string, string> = {}, cli = CLI): ChildRun {
  return runCommand(process.execPath, [cli, ...args], { CREDLINK_LOG_LEVEL: 'error', NO_COLOR: '1', ...env });
}

/** Any command timed the same way (a peer's CLI, for side-by-side rows). */
export function runCommand(command: string, args: string[], env: Record<string, string> = {}): ChildRun {
  const started = performance.now();
  const timed = existsSync(TIME);
  const argv = timed ? ['-f', '@@time %e %U %S %M', command, ...args] : args;
  const run = spawnSync(timed ? TIME : command, argv, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const line = /@@time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr);
  return {
    wallSeconds: line ? Number(line[1]) : wall,
    cpuSeconds: line ? Number(line[2]) + Number(line[3]) : Number.NaN,
    maxRssMiB: line ? Number(line[4]) / 1024 : Number.NaN,
    stdout: run.stdout,
  };
}

/** A one-shot run as a Rate row: ops per wall second and per CPU second. */
export function oneShot(ops: number, run: ChildRun): Rate {
  return { wall: ops / run.wallSeconds, wallBest: ops / run.wallSeconds, cpu: ops / run.cpuSeconds, runs: 1, repsPerRun: 1 };
}

export const runParams = (run: ChildRun) => ({
  wallSeconds: Number(run.wallSeconds.toFixed(2)), cpuSeconds: Number(run.cpuSeconds.toFixed(2)), maxRssMiB: Math.round(run.maxRssMiB),
});
