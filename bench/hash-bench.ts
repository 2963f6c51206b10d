/**
 * `hash` end to end, in the core: records/s through createEncoder (normalized records in,
 * EncodedPerson out) with the default schema. Parsing the CSV and writing the extract are left
 * out here; hash-e2e-bench.ts runs the whole path (`hash.e2e.workers1`, `hash.e2e.workers2`).
 */
import { createEncoder } from '../src/encode/encoder.ts';
import { DEFAULT_SCHEMA } from '../src/schema/default-schema.ts';
import type { NormalizedRecord } from '../src/schema/field-names.ts';
import { measure } from './measure.ts';
import { seededRandom } from './random-filters.ts';
import type { Bench, BenchContext, BenchRow } from './registry.ts';
import { hashE2eBenches } from './hash-e2e-bench.ts';

const FIRST = ['maria', 'james', 'li', 'fatima', 'john', 'ana', 'david', 'mei', 'robert', 'aisha'];
const LAST = ['garcia', 'smith', 'nguyen', 'johnson', 'khan', 'brown', 'lopez', 'kim', 'davis', 'ali'];

function syntheticRecords(count: number, seed: number): NormalizedRecord[] {
  const next = seededRandom(seed);
  const pick = (xs: string[]) => xs[next() % xs.length];
  const digits = (n: number) => String(next() % 10 ** n).padStart(n, '0');
  return Array.from({ length: count }, () => ({
    first_name: pick(FIRST),
    last_name: `${pick(LAST)}${next() % 7 === 0 ? ' jr' : ''}`,
    dob: `19${50 + (next() % 50)}-${String(1 + (next() % 12)).padStart(2, '0')}-${String(1 + (next() % 28)).padStart(2, '0')}`,
    ssn: digits(9),
    email: `${pick(FIRST)}.${pick(LAST)}${digits(3)}@example.org`,
    phone: digits(10),
    postcode: digits(5),
    sex: next() % 2 ? 'f' : 'm',
  }));
}

async function hashBench(ctx: BenchContext): Promise<BenchRow[]> {
  const count = ctx.quick ? 2_000 : 50_000;
  const records = syntheticRecords(count, ctx.seed);
  const secret = new Uint8Array(32).fill(7);
  const encoder = createEncoder(DEFAULT_SCHEMA, secret, 'bench');
  return [{
    name: 'hash.encode', unit: 'records', params: { records: count, schema: 'default' },
    note: 'createEncoder().encode per record (core only, no CSV or extract I/O)',
    rate: await measure(() => {
      for (let i = 0; i < records.length; i++) encoder.encode(records[i], `p${i}`);
    }, { ops: count, runs: ctx.runs, runMs: ctx.runMs, warmupMs: ctx.warmupMs }),
  }];
}

export const hashBenches: Bench[] = [{ name: 'hash.encode', run: hashBench }, ...hashE2eBenches];
