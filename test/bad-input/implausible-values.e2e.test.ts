import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { credlink } from '../job/spawn-cli.ts';

/*
 * Values that parse but cannot be true (issue #16): wage quarters outside 1-4, years outside a
 * plausible window, placeholder dates, wages of 1e308. Each is rejected with file, line and
 * field; with --rejects the counts hold (rows in = out + rejected). And a quoted bare CR does not
 * split a record or move the line numbers of later ones.
 */
const dir = mkdtempSync(join(tmpdir(), 'credlink-implausible-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const WAGES = [
  'SSN,FIRST_NAME,LAST_NAME,YEAR,QTR,EMPLOYER_ACCT,WAGES',
  '157503327,Nicholas,Miller,2020,3,2887208,11136.12',
  '010976173,Pajapur,Michelle,2022,7,4112099,5702.14',
  '210976174,Ana,Silva,2099,1,4112099,5702.14',
  '310976175,Ben,Okafor,1800,2,4112099,5702.14',
  '410976176,Cy,Young,2021,2,4112099,1e308',
  '510976177,Di,Prince,2021,0,4112099,100.00',
  '610976178,Ed,Norton,2021,4,4112099,2500.00',
];

beforeAll(() => {
  writeFileSync(at('wages.csv'), `${WAGES.join('\n')}\n`);
  const mapping = JSON.parse(readFileSync(resolve('test/bad-input/corpus/roster.mapping.json'), 'utf8'));
  mapping.payload.award_date.required = true;
  writeFileSync(at('roster.mapping.json'), JSON.stringify(mapping));
  const roster = ['cert_id,first_name,last_name,birth_date,ssn,credential,award_date', 'TC-1,Ana,Silva,04/17/1988,123-45-6780,WELD1,06/01/2022', 'TC-2,Ben,Okafor,11/02/1979,,ELEC2,01/01/0000', 'TC-3,Cy,Young,11/02/1979,,ELEC2,12/31/9999'];
  writeFileSync(at('roster.csv'), `${roster.join('\n')}\n`);
  writeFileSync(at('quoted-cr.csv'), 'cert_id,first_name,last_name,birth_date,ssn,credential,award_date\nTC-1,"An\ra",Silva,04/17/1988,,WELD1,06/01/2022\nTC-2,Ben,Okafor,11/02/1979,,,01/01/2020\n');
});

const rejectsOf = (name: string) => readFileSync(at(name), 'utf8').trimEnd().split('\n').slice(1);

describe.concurrent('implausible payload values', () => {
  it('rejects wage quarters outside 1-4, years outside the window and wages of 1e308, each with its line and field', () => {
    const r = credlink(dir, 'normalize', '--mapping', resolve('fixtures/world/mappings/wages.json'), 'wages.csv', '--rejects', 'wages.rejects.csv', '-o', 'wages.out.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('7 rows in = 2 out + 5 rejected (PAYLOAD_IMPLAUSIBLE 5)');
    const rejected = rejectsOf('wages.rejects.csv');
    expect(rejected.map((row) => row.split(',')[7])).toEqual(['3', '4', '5', '6', '7']);
    expect(rejected.map((row) => /^"?(QTR|YEAR|WAGES): PAYLOAD_IMPLAUSIBLE/.exec(row.split(',').slice(8).join(','))?.[1])).toEqual(['QTR', 'YEAR', 'YEAR', 'WAGES', 'QTR']);
    expect(readFileSync(at('wages.out.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });

  it('stops at the first one by default, naming file, line and field', () => {
    const r = credlink(dir, 'normalize', '--mapping', resolve('fixtures/world/mappings/wages.json'), 'wages.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wages.csv:line 3:QTR: PAYLOAD_IMPLAUSIBLE: required integer value is implausible: a quarter is 1, 2, 3 or 4');
  });

  it('hash rejects them too, and the counts hold', () => {
    writeFileSync(at('k.key'), `${'3a'.repeat(32)}\n`, { mode: 0o600 });
    const r = credlink(dir, 'hash', '--schema', resolve('fixtures/world/schema.json'), '--mapping', resolve('fixtures/world/mappings/wages.json'), '--secret-file', 'k.key', '--on-invalid', 'reject', 'wages.csv', '-o', 'wages.extract', '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.manifest.rowsIn).toBe(7);
    expect(summary.rowsEncoded).toBe(2);
    expect(summary.rejectedBy).toEqual({ PAYLOAD_IMPLAUSIBLE: 5 });
  });

  it('rejects the placeholder dates 0000-01-01 and 9999-12-31', () => {
    const r = credlink(dir, 'normalize', '--mapping', 'roster.mapping.json', 'roster.csv', '--rejects', 'roster.rejects.csv', '-o', 'roster.out.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('3 rows in = 1 out + 2 rejected (PAYLOAD_IMPLAUSIBLE 2)');
    expect(rejectsOf('roster.rejects.csv').map((row) => row.split(',')[0])).toEqual(['TC-2', 'TC-3']);
  });
});

describe('a quoted bare CR', () => {
  it('stays inside its field: two records, and the next one keeps its line number', () => {
    const r = credlink(dir, 'normalize', '--mapping', 'roster.mapping.json', 'quoted-cr.csv', '-o', 'cr.out.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('quoted-cr.csv:line 3:credential: PAYLOAD_MISSING');
    const counted = credlink(dir, 'normalize', '--mapping', 'roster.mapping.json', 'quoted-cr.csv', '--on-invalid', 'reject', '-o', 'cr2.out.csv');
    expect(counted.stderr).toContain('2 rows in = 1 out + 1 rejected');
  });
});
