/**
 * `credlink outcomes` end to end over large wage files: 100k wage rows with --quick, 1M and 10M in
 * the full run (target: 10M rows in < 1 min). Extracts carry payloads only (outcomes never reads
 * filters) and the linkage folder is written from the generator's truth, so no link run is needed.
 * Inputs are cached in the OS temp folder: writing 10M payload lines takes a minute or two.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ExtractWriter } from '../src/io/extract-file.ts';
import { EXTRACT_FORMAT_VERSION } from '../src/extract/extract-types.ts';
import { createRng } from '../src/synth/prng.ts';
import { oneShot, runCli, runParams } from './e2e-run.ts';
import type { Bench, BenchContext, BenchRow } from './registry.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const QUARTERS = 20; // 2018 Q1 to 2022 Q4

async function writeExtract(path: string, source: string, role: 'roster' | 'wages', persons: number, rows: (i: number) => Array<Record<string, string | number>>): Promise<void> {
  const writer = new ExtractWriter(`${path}.tmp`);
  let payloadRows = 0;
  for (let i = 0; i < persons; i++) await writer.writePerson({ pseudonym: `${source}${i}`, fields: {}, clk: new Uint8Array(0), blockingKeys: {} });
  for (let i = 0; i < persons; i++) for (const values of rows(i)) payloadRows += (await writer.writePayload({ pseudonym: `${source}${i}`, values }), 1);
  await writer.commit({
    formatVersion: EXTRACT_FORMAT_VERSION, toolVersion: 'bench', source, role, duplicateFree: true, schemaFingerprint: 'bench', keyCheckValue: 'bench',
    rowsIn: payloadRows, rowsRejected: 0, persons, payloadRows, fieldFill: {},
    payloadColumns: role === 'wages' ? { year: 'integer', quarter: 'integer', employer_id: 'code', wages: 'number' }
      : { credential: 'code', exam_date: 'date', result: 'code', award_date: 'date', expiry_date: 'date' },
  });
  await rename(`${path}.tmp`, path);
}

/** A roster of wageRows / 200 persons, 80% of them in a wage file of wageRows / 20 persons x 20 quarters. */
async function outcomesWorld(wageRows: number, seed: number) {
  const dir = join(tmpdir(), `credlink-bench-${seed}`, `outcomes-${wageRows}`);
  await mkdir(join(dir, 'linkage'), { recursive: true });
  const workers = Math.ceil(wageRows / QUARTERS);
  const holders = Math.ceil(wageRows / 200);
  const files = { roster: join(dir, 'roster.extract'), wages: join(dir, 'wages.extract'), linkage: join(dir, 'linkage') };
  if (existsSync(files.wages) && existsSync(join(dir, 'linkage', 'clusters.csv'))) return files;
  const catalog = JSON.parse(readFileSync(join(FIXTURES, 'world/catalog.json'), 'utf8')) as { credentials: Array<{ code: string }> };
  const employers = readFileSync(join(FIXTURES, 'world/employers.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
  const rng = createRng(seed, 21);
  const date = (year: number) => `${year}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
  await writeExtract(files.roster, 'roster', 'roster', holders, () => {
    const passed = rng.chance(0.75);
    const year = 2018 + rng.int(4);
    return [{ credential: rng.pick(catalog.credentials).code, exam_date: date(year), result: passed ? 'pass' : 'fail', award_date: passed ? date(year) : '', expiry_date: passed ? date(year + 3) : '' }];
  });
  await writeExtract(files.wages, 'wages', 'wages', workers, (i) => {
    const employer = employers[i % employers.length];
    const base = 6000 + rng.int(9000);
    return Array.from({ length: QUARTERS }, (_, q) => ({ year: 2018 + Math.floor(q / 4), quarter: 1 + (q % 4), employer_id: employer, wages: Math.round(base * (1 + q * 0.01) * 100) / 100 }));
  });
  const lines = ['cluster_id,source,pseudonym,match_probability'];
  for (let i = 0; i < holders; i++) {
    lines.push(`${i},roster,roster${i},1`);
    if (i < holders * 0.8) lines.push(`${i},wages,wages${i},0.99`);
  }
  for (let i = Math.ceil(holders * 0.8); i < workers; i++) lines.push(`${holders + i},wages,wages${i},1`);
  await writeFile(join(dir, 'linkage', 'clusters.csv'), `${lines.join('\n')}\n`);
  await writeFile(join(dir, 'linkage', 'summary.json'), '{}\n');
  return files;
}

async function outcomesE2e(ctx: BenchContext): Promise<BenchRow[]> {
  const sizes = ctx.quick ? [100_000] : [1_000_000, 10_000_000];
  const rows: BenchRow[] = [];
  const out = mkdtempSync(join(tmpdir(), 'credlink-outcomes-bench-'));
  try {
    for (const wageRows of sizes) {
      const world = await outcomesWorld(wageRows, ctx.seed);
      const run = runCli(['outcomes', '--linkage', world.linkage, '--config', join(FIXTURES, 'outcomes.json'), world.roster, world.wages, '-o', join(out, String(wageRows)), '--json']);
      rows.push({
        name: `outcomes.e2e.${wageRows >= 1e6 ? `${wageRows / 1e6}M` : `${wageRows / 1000}k`}`, unit: 'wage rows', params: { wageRows, ...runParams(run) },
        note: `credlink outcomes, child process: ${run.wallSeconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, ${Math.round(run.maxRssMiB)} MiB peak`,
        rate: oneShot(wageRows, run),
      });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}

export const outcomesBenches: Bench[] = [{ name: 'outcomes.e2e', run: outcomesE2e }];
