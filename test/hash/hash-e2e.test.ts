import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { runInProcess } from './in-process.ts';
import { ROSTER_CSV, ROSTER_IDENTIFIERS, TEST_SECRET_HEX, writeProject } from './roster-fixture.ts';

let dir: string;
const HASH = ['hash', '--schema', 'schema.json', '--mapping', 'roster.mapping.json', '--secret-file', 'project.key'];
/** The same flags with absolute paths, for runs inside this process. */
const at = (file: string) => join(dir, file);
const hashIn = (...args: string[]) => runInProcess(['hash', '--schema', at('schema.json'), '--mapping', at('roster.mapping.json'), ...args]);

/** The extract with its Bloom filters blanked: random base64 would match short strings by chance. */
function withoutFilters(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const obj = JSON.parse(line);
      if (obj.t === 'p') {
        for (const name of Object.keys(obj.f)) {
          expect(obj.f[name]).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
          obj.f[name] = 'FILTER';
        }
        obj.clk = 'FILTER';
      }
      return JSON.stringify(obj);
    })
    .join('\n');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-hash-'));
  writeProject(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credlink hash', () => {
  it('encodes a roster and lets no name, SSN, e-mail or birth date through, in any case or form', () => {
    const run = runCli(dir, [...HASH, 'roster.csv', '-o', 'roster.extract']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/8 rows in = 8 encoded \+ 0 rejected/);
    expect(run.stdout).toMatch(/7 persons, 8 payload rows/);
    const extract = readFileSync(join(dir, 'roster.extract'), 'utf8');
    const visible = `${withoutFilters(extract)}\n${run.stdout}\n${run.stderr}`.toLowerCase();
    const leaked = ROSTER_IDENTIFIERS.filter((id) => visible.includes(id.toLowerCase()));
    expect(leaked).toEqual([]);
    expect(statSync(join(dir, 'roster.extract')).mode & 0o777).toBe(0o600);
  });

  it('writes the extract to stdout with -o - (the summary to stderr), byte for byte the file', () => {
    const run = runCli(dir, [...HASH, 'roster.csv', '-o', '-']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/8 rows in = 8 encoded \+ 0 rejected/);
    expect(run.stdout).toBe(readFileSync(join(dir, 'roster.extract'), 'utf8'));
    expect(readdirSync(dir)).not.toContain('-');
  });

  it('writes a manifest that counts rows, persons and field fill, and keeps every payload row', () => {
    const lines = readFileSync(join(dir, 'roster.extract'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const manifest = lines.at(-1);
    expect(manifest).toMatchObject({ t: 'm', source: 'techcert', role: 'roster', duplicateFree: false, rowsIn: 8, rowsRejected: 0, persons: 7, payloadRows: 8 });
    expect(manifest.fieldFill).toMatchObject({ first_name: 1, last_name: 1, dob: 1, ssn: 1, email: 1, postcode: 1, phone: 0 });
    expect(manifest.payloadColumns).toEqual({ credential: 'code', exam_date: 'date', result: 'code' });
    const payload = lines.filter((l) => l.t === 'r');
    const persons = lines.filter((l) => l.t === 'p');
    expect(new Set(persons.map((p) => p.id)).size).toBe(7);
    // The repeat exam of TC-0002 carries the same pseudonym as its person line.
    const attempts = payload.filter((r) => r.v.credential === 'LPN');
    expect(attempts.map((r) => r.v.exam_date)).toEqual(['2023-04-02', '2023-06-02']);
    expect(attempts[0].id).toBe(attempts[1].id);
    expect(persons.map((p) => p.id)).toContain(attempts[0].id);
  });

  it('gives the same encodings whatever the order of the columns', async () => {
    const rows = ROSTER_CSV.trim().split('\n');
    // Move the first column (Candidate ID) to the end; names and quoting stay intact.
    const moved = rows.map((row) => {
      const at = row.indexOf(',');
      return `${row.slice(at + 1)},${row.slice(0, at)}`;
    });
    writeFileSync(join(dir, 'reordered.csv'), `${moved.join('\n')}\n`);
    const run = await hashIn('--secret-file', at('project.key'), at('reordered.csv'), '-o', at('reordered.extract'));
    expect(run.code).toBe(0);
    const persons = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.startsWith('{"t":"p"'));
    expect(persons('reordered.extract')).toEqual(persons('roster.extract'));
  });

  it('sets unusable rows aside with --rejects: rows in = rows encoded + rows rejected', async () => {
    writeFileSync(join(dir, 'bad.csv'), `${ROSTER_CSV},"Doe, Jane",01/01/1990,111-22-3333,jane@example.com,12345,CNA,01/01/2023,pass\nTC-0009,"Roe, Richard",05/05/1980,222-33-4444,rr@example.com,12345,,01/01/2023,pass\n`);
    const run = await hashIn('--secret-file', at('project.key'), '--rejects', at('bad.rejects.csv'), '--json', at('bad.csv'), '-o', at('bad.extract'));
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.manifest).toMatchObject({ rowsIn: 10, rowsRejected: 2, persons: 7 });
    expect(summary.rowsEncoded).toBe(8);
    expect(summary.rejectedBy).toEqual({ PERSON_ID_MISSING: 1, PAYLOAD_MISSING: 1 });
    expect(statSync(join(dir, 'bad.rejects.csv')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'bad.rejects.csv'), 'utf8')).toMatch(/_line,_reason/);
  });

  it('stops at the first unusable row by default, naming line and column but no value, and writes nothing', async () => {
    const run = await hashIn('--secret-file', at('project.key'), at('bad.csv'), '-o', at('failed.extract'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.csv:line 10:Candidate ID: PERSON_ID_MISSING/);
    expect(readdirSync(dir).filter((f) => f.includes('failed'))).toEqual([]);
    expect(run.stderr.toLowerCase()).not.toContain('doe');
  });

  it('reads the secret from stdin, raw or hex, and never prints it in any form', async () => {
    const raw = Buffer.from(TEST_SECRET_HEX, 'hex');
    const viaHex = runCli(dir, ['hash', '--schema', 'schema.json', '--mapping', 'roster.mapping.json', '--secret-file', '-', 'roster.csv', '-o', 'stdin-hex.extract', '--json'], `${TEST_SECRET_HEX}\n`);
    const viaRaw = await runInProcess(['hash', '--schema', at('schema.json'), '--mapping', at('roster.mapping.json'), '--secret-file', '-', at('roster.csv'), '-o', at('stdin-raw.extract')], raw);
    expect(viaHex.code).toBe(0);
    expect(viaRaw.code).toBe(0);
    const body = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => !l.includes('"t":"m"'));
    expect(body('stdin-raw.extract')).toEqual(body('roster.extract'));
    expect(body('stdin-hex.extract')).toEqual(body('roster.extract'));
    const everything = [viaHex.stdout, viaHex.stderr, viaRaw.stdout, viaRaw.stderr, readFileSync(join(dir, 'stdin-hex.extract'), 'latin1')].join('\n');
    for (const form of [TEST_SECRET_HEX, TEST_SECRET_HEX.toUpperCase(), raw.toString('base64'), raw.toString('base64url'), raw.toString('latin1')]) {
      expect(everything.includes(form)).toBe(false);
    }
  });

  it('warns when the secret file is readable by others, without printing the secret', async () => {
    writeFileSync(join(dir, 'open.key'), `${TEST_SECRET_HEX}\n`, { mode: 0o644 });
    const run = await hashIn('--secret-file', at('open.key'), at('roster.csv'), '-o', at('open.extract'));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/readable by other users/);
    expect(run.stderr).not.toContain(TEST_SECRET_HEX);
  });

  it('refuses a short secret and a missing --secret-file with a usage error', async () => {
    writeFileSync(join(dir, 'short.key'), 'abcd1234\n', { mode: 0o600 });
    const short = await hashIn('--secret-file', at('short.key'), at('roster.csv'), '-o', at('x.extract'));
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/expected 32 raw bytes or 64 hex characters, found 9 bytes/);
    expect(short.stderr).not.toContain('abcd1234');
    const missing = await hashIn(at('roster.csv'), '-o', at('x.extract'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--secret-file is required/);
  });
});

describe('credlink hash on wage rows with a mistyped SSN', () => {
  it('keeps rows whose SSN is present but invalid as one unverified person each, and rejects only the placeholder', () => {
    writeFileSync(join(dir, 'wages.mapping.json'), readFileSync(new URL('../../fixtures/world/mappings/wages.json', import.meta.url)));
    const header = 'SSN,FIRST_NAME,LAST_NAME,YEAR,QTR,EMPLOYER_ACCT,WAGES';
    const rows = [
      '157503327,Nicholas,Miller,2020,3,2887208,11136.12',
      '915703327,Ann,Okafor,2020,3,2887208,9000.00', // area 9xx: transposed
      '915-70-3327,Ann,Okafor,2020,4,2887208,9100.00', // the same number in the next quarter
      '157003327,Ben,Lee,2020,3,4112099,5702.14', // group 00
      '123456789,Cy,Doe,2020,3,4112099,100.00', // placeholder: names nobody
    ];
    writeFileSync(join(dir, 'wages.csv'), `${header}\n${rows.join('\n')}\n`);
    const run = runCli(dir, ['hash', '--schema', 'schema.json', '--mapping', 'wages.mapping.json', '--secret-file', 'project.key', '--rejects', 'wages.rejects.csv', '--json', 'wages.csv', '-o', 'wages.extract']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.rowsEncoded).toBe(4);
    expect(summary.rejectedBy).toEqual({ PERSON_ID_MISSING: 1 });
    expect(summary.manifest.persons).toBe(3);
    expect(summary.valuesSetToMissing).toMatchObject({ 'ssn:PERSON_ID_UNVERIFIED': 3, 'ssn:SSN_INVALID': 3 });
    const extract = readFileSync(join(dir, 'wages.extract'), 'utf8');
    for (const digits of ['915703327', '157003327', '~']) expect(extract).not.toContain(digits);
    const persons = extract.trim().split('\n').map((l) => JSON.parse(l)).filter((o) => o.t === 'p');
    expect(persons.every((p) => p.f.first_name && p.f.last_name)).toBe(true);
  });
});
