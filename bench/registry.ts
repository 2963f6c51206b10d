/**
 * The bench registry. A bench is a named async function that returns rows; `npm run bench`
 * runs them in order (or those whose name contains --only), prints one table and writes JSON.
 *
 * To add one (link 100k x 1M persons, outcomes over 10M wage rows, ...): write bench/<name>-bench.ts
 * exporting a `Bench[]`, and spread it into `benches` below. Use ctx.quick to shrink the sizes to
 * something that runs in a second or two (CI runs `npm run bench -- --quick` to catch breakage),
 * ctx.seed for any random data, and measure() for timings.
 */
import type { Rate } from './measure.ts';
import { anonlinkBenches } from './anonlink-bench.ts';
import { diceBenches } from './dice-bench.ts';
import { hashBenches } from './hash-bench.ts';
import { hashCliBenches } from './hash-cli-bench.ts';
import { linkBenches } from './link-bench.ts';
import { linkStateBenches } from './link-state-bench.ts';
import { outcomesBenches } from './outcomes-bench.ts';
import { startupBenches } from './startup-bench.ts';

export interface BenchContext {
  quick: boolean;
  seed: number;
  /** Timed runs per measurement (the median is reported). */
  runs: number;
  runMs: number;
  warmupMs: number;
  /** A Python with clkhash installed (--clkhash-python), for the peer's rows; absent: skipped. */
  clkhashPython?: string;
  /** A source tree of anonlink (--anonlink-src), for the Dice peer's rows; absent: skipped. */
  anonlinkSrc?: string;
}

export interface BenchRow {
  /** Dotted name, e.g. `dice.scan.wasm.v128`. */
  name: string;
  /** What one operation is: 'comparisons', 'records'. */
  unit: string;
  rate: Rate;
  /** Sizes and settings, recorded in the JSON. */
  params: Record<string, string | number | boolean>;
  note?: string;
}

export interface Bench {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export const benches: Bench[] = [
  ...diceBenches,
  ...anonlinkBenches,
  ...hashBenches, ...hashCliBenches, ...linkBenches, ...linkStateBenches, ...outcomesBenches, ...startupBenches,
];
