/**
 * `credlink hash` end to end in this process: a generated roster CSV (first, last, DOB, e-mail, ZIP,
 * three payload columns; one row per person) in, an extract out, through runHash with 1 and 2
 * worker threads. Records/s per CPU-second counts every thread of the process, so with workers it is
 * the per-core rate; the wall rate shows scaling only on an idle machine with spare cores.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { runHash } from '../src/cli/hash.ts';
import type { CliIo } from '../src/cli/cli-io.ts';
import { DEFAULT_SCHEMA_INPUT } from '../src/schema/default-schema.ts';
import { measure } from './measure.ts';
import { seededRandom } from './random-filters.ts';
import type { Bench, BenchContext, BenchRow } from './registry.ts';

const FIRST = ['Maria', 'James', 'Li', 'Fatima', 'John', 'Ana', 'David', 'Mei', 'Robert', 'Aisha', 'José', 'Olga', 'Kwame', 'Priya', 'Sean'];
const LAST = ['Garcia', 'Smith', 'Nguyen', 'Johnson', 'Khan', 'Brown', 'Lopez', 'Kim', "O'Brien", 'Davis', 'Ali', 'Müller', 'Okafor', 'Patel', 'Rossi'];

const MAPPING = {
  credlinkMapping: 1,
  source: 'bench',
  role: 'roster',
  delimiter: ',',
  personId: { column: 'id' },
  duplicateFree: false,
  fields: {
    first_name: { column: 'first' },
    last_name: { column: 'last' },
    dob: { column: 'dob', formats: ['MM/DD/YYYY'] },
    email: { column: 'email' },
    postcode: { column: 'zip' },
  },
  payload: {
    credential: { column: 'exam', type: 'code', required: true },
    exam_date: { column: 'exam_date', type: 'date', required: true },
    result: { column: 'result', type: 'code', required: true },
  },
};

export function rosterCsv(rows: number, seed: number): string {
  const next = seededRandom(seed);
  const pick = (xs: string[]) => xs[next() % xs.length];
  const two = (n: number) => String(n).padStart(2, '0');
  const lines = ['id,first,last,dob,email,zip,exam,exam_date,result'];
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const dob = `${two(1 + (next() % 12))}/${two(1 + (next() % 28))}/${1950 + (next() % 50)}`;
    const email = `${first}.${last}${next() % 1000}@example.net`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    const zip = String(next() % 100000).padStart(5, '0');
    lines.push(`P${i},${first},${last},${dob},${email},${zip},CNA,2023-${two(1 + (next() % 12))}-${two(1 + (next() % 28))},pass`);
  }
  return `${lines.join('\n')}\n`;
}

function quietIo(): CliIo {
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  return { stdin: process.stdin, stdout: sink(), stderr: sink(), logger: pino({ level: 'silent' }), stderrIsTTY: false, env: {} };
}

async function hashE2eBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows = ctx.quick ? 2_000 : 50_000;
  const dir = mkdtempSync(join(tmpdir(), 'credlink-bench-hash-'));
  try {
    writeFileSync(join(dir, 'schema.json'), JSON.stringify(DEFAULT_SCHEMA_INPUT));
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify(MAPPING));
    writeFileSync(join(dir, 'roster.csv'), rosterCsv(rows, ctx.seed));
    writeFileSync(join(dir, 'project.key'), new Uint8Array(32).fill(7), { mode: 0o600 });
    const out: BenchRow[] = [];
    for (const workers of [1, 2]) {
      const options = { input: join(dir, 'roster.csv'), schema: join(dir, 'schema.json'), mapping: join(dir, 'mapping.json'), secretFile: join(dir, 'project.key'), output: join(dir, 'roster.extract'), workers, force: true };
      // Whole runs of a file take seconds under load: fewer, longer runs than the kernel benches.
      const rate = await measure(() => runHash(options, quietIo()), { ops: rows, runs: ctx.quick ? 1 : 3, runMs: 0, warmupMs: 0 });
      out.push({
        name: `hash.e2e.workers${workers}`,
        unit: 'records',
        params: { rows, workers, schema: 'default', fields: 'first,last,dob,email,zip' },
        note: `credlink hash CSV -> extract in-process, ${workers === 1 ? 'main thread only' : `${workers} worker threads + parsing thread`}; per CPU-s counts all threads`,
        rate,
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const hashE2eBenches: Bench[] = [{ name: 'hash.e2e', run: hashE2eBench }];
