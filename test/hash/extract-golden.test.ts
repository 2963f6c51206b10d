import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from './in-process.ts';
import { writeProject } from './roster-fixture.ts';
import { DEFAULT_SCHEMA_INPUT } from '../../src/schema/default-schema.ts';

/*
 * Golden extracts: fixed key, schema, mapping and CSV give a fixed extract body, pinned by its
 * SHA-256. The encoder's golden vectors pin single records; these pin what `hash` writes around
 * them (caches filling and turning off, repeated persons, payload lines, line building), so that a
 * change made for speed that moves a single byte fails here. Change the digests only with a
 * deliberate, announced break of compatibility between data holders.
 */

let dir: string;

const FIRST = ['María', 'James', 'Li', 'Fatima', 'JOHN', 'Ana-Lucía', 'David', 'Mei', "D'Angelo", 'Zoë', 'Bartłomiej', 'Seán', ' Olga ', 'n/a', 'Kwame'];
const LAST = ['García López', 'Smith', 'Nguyễn', 'Johnson Jr', 'Khan', "O'Brien", 'de la Cruz', 'Müller-Schmidt', 'Åberg', 'Davis III', 'Ali', '', 'Okafor', 'Patel', 'Rossi'];

/** A deterministic roster: varied and accented names, repeats, placeholders, bad values, quoted fields and CRLF rows. */
function variedRoster(rows: number, seed: number): string {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 8;
  };
  const pick = <T>(xs: T[]) => xs[next() % xs.length];
  const two = (n: number) => String(n).padStart(2, '0');
  const lines = ['id,first,last,dob,email,zip,exam,exam_date,result'];
  for (let i = 0; i < rows; i++) {
    const id = next() % 50 === 0 ? '' : `P${next() % 9 === 0 ? i - (next() % 40) : i}`;
    const first = pick(FIRST);
    const last = pick(LAST);
    const dob = next() % 40 === 0 ? '13/45/1980' : `${two(1 + (next() % 12))}/${two(1 + (next() % 28))}/${1940 + (next() % 62)}`;
    const email = next() % 7 === 0 ? '' : `${first.trim().toLowerCase().replace(/[^a-z]/g, '')}${next() % 100000}@${pick(['mail.com', 'example.net', 'gmail.com', 'bad'])}`;
    const zip = next() % 30 === 0 ? '00000' : String(next() % 100000).padStart(5, '0');
    const line = `${id},"${first}","${last}",${dob},${email},${zip},${pick(['CNA', 'LPN', 'HHA'])},2023-${two(1 + (next() % 12))}-${two(1 + (next() % 28))},${pick(['pass', 'fail'])}`;
    lines.push(next() % 11 === 0 ? `${line}\r` : line);
  }
  return `${lines.join('\n')}\n`;
}

const MAPPING = {
  credlinkMapping: 1, source: 'golden', role: 'roster', delimiter: ',', personId: { column: 'id' }, duplicateFree: false,
  fields: { first_name: { column: 'first' }, last_name: { column: 'last' }, dob: { column: 'dob', formats: ['MM/DD/YYYY'] }, email: { column: 'email' }, postcode: { column: 'zip' } },
  payload: { credential: { column: 'exam', type: 'code', required: true }, exam_date: { column: 'exam_date', type: 'date' }, result: { column: 'result', type: 'code' } },
};

const HARDENED = {
  ...DEFAULT_SCHEMA_INPUT,
  name: 'golden-hardened',
  recordFilter: { bits: 1024, hardening: { balance: false, xorFold: true, diffusionT: 3, randomizedResponse: 0.02 } },
  hardening: { salt: [{ field: 'first_name', with: 'dob' }], balance: true, xorFold: true, diffusionT: 3, randomizedResponse: 0.05 },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-golden-'));
  writeProject(dir);
  writeFileSync(join(dir, 'varied.csv'), variedRoster(6000, 17));
  // More distinct e-mails and ZIPs than a value cache keeps, so that the caches clear and turn off.
  writeFileSync(join(dir, 'large.csv'), variedRoster(40_000, 5));
  writeFileSync(join(dir, 'golden.mapping.json'), JSON.stringify(MAPPING));
  writeFileSync(join(dir, 'hardened.json'), JSON.stringify(HARDENED));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function extractOf(schema: string, mapping: string, csv: string, workers = 1): Promise<{ bytes: number; sha256: string }> {
  const out = join(dir, `${csv}.${schema}.${workers}.extract`);
  const run = await runInProcess(['hash', '--schema', join(dir, schema), '--mapping', join(dir, mapping), '--secret-file', join(dir, 'project.key'), '--on-invalid', 'reject', '--workers', String(workers), join(dir, csv), '-o', out, '--force']);
  expect(run.code, run.stderr).toBe(0);
  const text = readFileSync(out);
  const body = text.subarray(0, text.lastIndexOf(10, text.length - 2) + 1);
  const manifest = JSON.parse(text.subarray(body.length).toString('utf8'));
  const sha256 = createHash('sha256').update(body).digest('hex');
  expect(manifest.bodySha256).toBe(sha256);
  if (process.env.GOLDEN_PRINT) console.log(csv, schema, workers, body.length, sha256);
  return { bytes: body.length, sha256 };
}

describe('golden extracts', () => {
  it('the roster fixture under the default schema', async () => {
    expect(await extractOf('schema.json', 'roster.mapping.json', 'roster.csv')).toEqual({ bytes: 6267, sha256: 'e7b91cb0f67860d6dc4b14f190fa400a50f03f191ac86fae89f5b1ff1e86e519' });
  });

  it('a varied 6,000-row roster under the default and a hardened schema', async () => {
    expect(await extractOf('schema.json', 'golden.mapping.json', 'varied.csv')).toEqual({ bytes: 3564102, sha256: '8df13a210cc98481af982e6790d0c93170dbf9aaff5d5bc069e70b81b39424e2' });
    expect(await extractOf('hardened.json', 'golden.mapping.json', 'varied.csv')).toEqual({ bytes: 3564102, sha256: '2615addad893182901df650935dbc32ef5691cc30ca12b29392b6d926d5fb939' });
  });

  it('a 40,000-row roster that overflows the value caches, with 1 and 2 threads', async () => {
    const one = await extractOf('schema.json', 'golden.mapping.json', 'large.csv', 1);
    expect(one).toEqual({ bytes: 23584392, sha256: 'be482cdeb2ec2b831c3fa2129570dbc8c9cde69c162830ec17c254b48761441e' });
    expect(await extractOf('schema.json', 'golden.mapping.json', 'large.csv', 2)).toEqual(one);
  }, 60_000);
});
