/**
 * `hash` end to end: spawns `node bin/credlink.js hash` on a generated CSV (first name, last name,
 * birth date, e-mail, ZIP; 200k rows, 10k with --quick) and reports records/s by wall clock and
 * per CPU-second of the child (all its threads), with its peak memory.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCHEMA } from '../src/schema/default-schema.ts';
import { createRng } from '../src/synth/prng.ts';
import { oneShot, runCli, runParams } from './e2e-run.ts';
import { BENCH_SECRET, randomPerson } from './link-world.ts';
import type { Bench, BenchContext, BenchRow } from './registry.ts';

const MAPPING = {
  credlinkMapping: 1, source: 'benchroster', role: 'roster', delimiter: ',', personId: { column: 'id' }, duplicateFree: true,
  fields: {
    first_name: { column: 'first' }, last_name: { column: 'last' }, dob: { column: 'dob', formats: ['YYYY-MM-DD'] },
    email: { column: 'email' }, postcode: { column: 'zip' },
  },
  payload: {},
};

async function inputs(rows: number, seed: number): Promise<{ dir: string; csv: string }> {
  const dir = join(tmpdir(), `credlink-bench-${seed}`);
  await mkdir(dir, { recursive: true });
  const csv = join(dir, `hash-${rows}.csv`);
  if (!existsSync(csv)) {
    const rng = createRng(seed, 9);
    const lines = ['id,first,last,dob,email,zip'];
    for (let i = 0; i < rows; i++) {
      const p = randomPerson(rng);
      lines.push(`r${i},${p.first},${p.last},${p.dob},${p.email},${p.postcode}`);
    }
    await writeFile(csv, `${lines.join('\n')}\n`);
  }
  await writeFile(join(dir, 'schema.json'), JSON.stringify(DEFAULT_SCHEMA));
  await writeFile(join(dir, 'mapping.json'), JSON.stringify(MAPPING));
  await writeFile(join(dir, 'project.key'), `${Buffer.from(BENCH_SECRET).toString('hex')}\n`, { mode: 0o600 });
  return { dir, csv };
}

async function hashCli(ctx: BenchContext): Promise<BenchRow[]> {
  const rows = ctx.quick ? 10_000 : 200_000;
  const { dir, csv } = await inputs(rows, ctx.seed);
  const run = runCli(['hash', '--schema', join(dir, 'schema.json'), '--mapping', join(dir, 'mapping.json'), '--secret-file', join(dir, 'project.key'), csv, '-o', join(dir, `hash-${rows}.extract`), '--force']);
  return [{
    name: 'hash.cli', unit: 'records', params: { rows, ...runParams(run) },
    note: `node bin/credlink.js hash, CSV in, extract out (default --workers): ${run.wallSeconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, ${Math.round(run.maxRssMiB)} MiB peak`,
    rate: oneShot(rows, run),
  }];
}

export const hashCliBenches: Bench[] = [{ name: 'hash.cli', run: hashCli }];
