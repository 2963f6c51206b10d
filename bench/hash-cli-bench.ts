/**
 * `hash` end to end as whole processes: `credlink hash` on a generated roster CSV (first name, last
 * name, birth date, e-mail, ZIP; 200k rows, 10k with --quick), CSV in, extract out, start-up
 * included. Two forms of our CLI take turns: the build (dist/ staged as an install, as the package
 * ships) and the sources through tsx (as a clone runs it). With --clkhash-python PATH, clkhash's
 * `clkutil hash` on the same rows takes its turn in the same rounds, and each round's ratio of
 * records per CPU-second is reported. Per CPU-second (user + system of the child, all threads) is
 * the figure to read on a shared machine.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SCHEMA } from '../src/schema/default-schema.ts';
import { createRng } from '../src/synth/prng.ts';
import { oneShot, runCli, runCommand, runParams, type ChildRun } from './e2e-run.ts';
import { BENCH_SECRET, randomPerson } from './link-world.ts';
import type { Bench, BenchContext, BenchRow } from './registry.ts';
import { stagePackage } from './startup-bench.ts';

const REPO = resolve(import.meta.dirname, '..');

const MAPPING = {
  credlinkMapping: 1, source: 'benchroster', role: 'roster', delimiter: ',', personId: { column: 'id' }, duplicateFree: true,
  fields: {
    first_name: { column: 'first' }, last_name: { column: 'last' }, dob: { column: 'dob', formats: ['YYYY-MM-DD'] },
    email: { column: 'email' }, postcode: { column: 'zip' },
  },
  payload: {},
};

/**
 * clkhash's linkage schema (v3) for the same columns, with our default's filter sizes and tokens:
 * bigrams of names and e-mail, positional characters of the date and ZIP, 1024-bit record filter.
 */
const CLKHASH_SCHEMA = {
  version: 3,
  clkConfig: { l: 1024, kdf: { type: 'HKDF', hash: 'SHA256', salt: 'SCbL2zHNnmsckfzchsNkZY9XoHk96P/G5nUBrM7ybymlEFsMV6PAeDZCNp3rfNUPCtLDMOGQHG4pCQpfhiHCyA==', info: 'c2NoZW1hX2V4YW1wbGU=', keySize: 64 } },
  features: [
    { identifier: 'id', ignored: true },
    ...['first', 'last'].map((identifier) => ({ identifier, format: { type: 'string', encoding: 'utf-8' }, hashing: { comparison: { type: 'ngram', n: 2 }, strategy: { bitsPerToken: 12 }, hash: { type: 'doubleHash' } } })),
    { identifier: 'dob', format: { type: 'string', encoding: 'utf-8' }, hashing: { comparison: { type: 'ngram', n: 1, positional: true }, strategy: { bitsPerToken: 12 }, hash: { type: 'doubleHash' } } },
    { identifier: 'email', format: { type: 'string', encoding: 'utf-8' }, hashing: { comparison: { type: 'ngram', n: 2 }, strategy: { bitsPerToken: 4 }, hash: { type: 'doubleHash' } } },
    { identifier: 'zip', format: { type: 'string', encoding: 'utf-8' }, hashing: { comparison: { type: 'ngram', n: 1, positional: true }, strategy: { bitsPerToken: 6 }, hash: { type: 'doubleHash' } } },
  ],
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
  await writeFile(join(dir, 'clkhash-schema.json'), JSON.stringify(CLKHASH_SCHEMA));
  return { dir, csv };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The median run by CPU time, as a row. */
function row(name: string, rows: number, runs: ChildRun[], what: string, extra: Record<string, number> = {}): BenchRow {
  const mid = [...runs].sort((a, b) => a.cpuSeconds - b.cpuSeconds)[(runs.length - 1) >> 1];
  return {
    name, unit: 'records', params: { rows, rounds: runs.length, ...runParams(mid), ...extra },
    note: `${what}: median of ${runs.length}, ${mid.wallSeconds.toFixed(1)} s wall, ${mid.cpuSeconds.toFixed(2)} s CPU, ${Math.round(mid.maxRssMiB)} MiB peak`,
    rate: { ...oneShot(rows, mid), runs: runs.length },
  };
}

async function hashCli(ctx: BenchContext): Promise<BenchRow[]> {
  const rows = ctx.quick ? 10_000 : 200_000;
  const rounds = ctx.quick ? 1 : 3;
  const { dir, csv } = await inputs(rows, ctx.seed);
  const args = ['hash', '--schema', join(dir, 'schema.json'), '--mapping', join(dir, 'mapping.json'), '--secret-file', join(dir, 'project.key'), csv, '-o', join(dir, `hash-${rows}.extract`), '--force'];
  const python = ctx.clkhashPython;
  if (python === undefined) console.log('hash.cli: clkhash skipped (give --clkhash-python PATH, a Python with clkhash installed)');
  const pkg = await stagePackage('credlink-hash-cli-');
  const built: ChildRun[] = [];
  const sources: ChildRun[] = [];
  const clkhash: ChildRun[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      built.push(runCli(args, { CREDLINK_FROM_SOURCE: '0' }, join(pkg, 'bin', 'credlink.js')));
      sources.push(runCli(args, { CREDLINK_FROM_SOURCE: '1' }));
      if (python !== undefined) {
        clkhash.push(runCommand(python, ['-c', 'from clkhash.cli import cli; cli()', 'hash', csv, 'bench-secret', join(dir, 'clkhash-schema.json'), join(dir, `clkhash-${rows}.json`)]));
      }
    }
  } finally {
    await rm(pkg, { recursive: true, force: true });
  }
  const out = [
    row('hash.cli', rows, built, 'credlink hash as the package ships it (dist/), default --workers'),
    row('hash.cli.source', rows, sources, 'the same from the sources through tsx, as a clone runs it'),
  ];
  if (clkhash.length > 0) {
    // Ratio of records per CPU-second, round by round: each pair saw the same load.
    const ratios = built.map((b, i) => clkhash[i].cpuSeconds / b.cpuSeconds);
    const ratio = median(ratios);
    out.push(row('hash.cli.clkhash', rows, clkhash, `clkhash clkutil hash, same rows; credlink (dist/) / clkhash per CPU-s by round ${ratios.map((x) => x.toFixed(2)).join(', ')}`, { credlinkPerClkhash: Number(ratio.toFixed(2)) }));
  }
  return out;
}

export const hashCliBenches: Bench[] = [{ name: 'hash.cli', run: hashCli }];
