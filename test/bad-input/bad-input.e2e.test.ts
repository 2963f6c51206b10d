import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/credlink.js');
const CORPUS = resolve('test/bad-input/corpus');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  dir: string;
}

/** Runs `credlink normalize` in a fresh temp dir holding the mapping and the named corpus file. */
const runDirs: string[] = [];
afterAll(() => runDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function normalize(input: string, ...flags: string[]): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'credlink-bad-'));
  runDirs.push(dir);
  copyFileSync(join(CORPUS, 'roster.mapping.json'), join(dir, 'mapping.json'));
  if (existsSync(join(CORPUS, input))) copyFileSync(join(CORPUS, input), join(dir, input));
  return new Promise((done) => {
    execFile('node', [BIN, 'normalize', '--mapping', 'mapping.json', ...flags, input], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code) : 0, stdout, stderr, dir });
    });
  });
}

/** After a failed run, nothing but the inputs is left in the folder (no output, no temp file). */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name !== 'mapping.json' && !name.endsWith('.csv') || name.startsWith('.') || name === 'out.csv');

describe.concurrent('credlink normalize on bad input', () => {
  it('reads a BOM and CRLF line endings', async () => {
    const run = await normalize('bom-crlf.csv', '-o', 'out.csv');
    expect(run.code).toBe(0);
    const out = readFileSync(join(run.dir, 'out.csv'), 'utf8');
    expect(out.split('\n')[0]).toBe('person_id,first_name,last_name,name_suffix,dob,ssn,credential,award_date');
    expect(out).toContain('TC-1,ana,silva,,1988-04-17,123456780,WELD1,2022-06-01');
    expect(statSync(join(run.dir, 'out.csv')).mode & 0o777).toBe(0o600);
  });

  it('names the missing column, the file and the columns the header has', async () => {
    const run = await normalize('missing-column.csv', '-o', 'out.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing-column.csv:line 1:last_name: MISSING_COLUMN');
    expect(run.stderr).toContain('missing-column.csv:line 1:ssn: MISSING_COLUMN');
    expect(run.stderr).toContain('"surname"');
    expect(leftovers(run.dir)).toEqual([]);
  });

  it('refuses an empty file', async () => {
    const run = await normalize('empty.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('empty.csv: CSV_EMPTY');
    expect(run.stdout).toBe('');
  });

  it('says which delimiter the file uses', async () => {
    const run = await normalize('semicolon.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('semicolon.csv:line 1: WRONG_DELIMITER');
    expect(run.stderr).toContain('"delimiter": ";"');
  });

  it('refuses duplicate header names', async () => {
    const run = await normalize('duplicate-header.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('duplicate-header.csv:line 1:last_name: DUPLICATE_HEADER');
  });

  it('counts physical lines across a quoted newline when naming the failing row', async () => {
    const run = await normalize('quoted-newline.csv', '-o', 'out.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('quoted-newline.csv:line 4:credential: PAYLOAD_MISSING');
    expect(run.stderr).toContain('nothing was written');
    expect(leftovers(run.dir)).toEqual([]);
  });

  it('stops at invalid UTF-8 with file, line and column', async () => {
    const run = await normalize('invalid-utf8.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('invalid-utf8.csv:line 3:first_name: ENCODING_INVALID');
    expect(run.stdout).toBe('');
  });

  it('stops at a row with too many fields', async () => {
    const run = await normalize('field-count.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('field-count.csv:line 3: ROW_FIELD_COUNT: expected 7 fields as in the header, found 8');
  });

  it('names the line where an unterminated quote opens', async () => {
    const run = await normalize('unterminated-quote.csv', '--on-invalid', 'reject', '-o', 'out.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unterminated-quote.csv:line 3: CSV_UNTERMINATED_QUOTE');
    expect(leftovers(run.dir)).toEqual([]);
  });

  it('marks a field over 1 MB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlink-big-'));
    runDirs.push(dir);
    const big = join(dir, 'big-field.csv');
    writeFileSync(big, `cert_id,first_name,last_name,birth_date,ssn,credential,award_date\nTC-1,Ana,${'S'.repeat((1 << 20) + 10)},04/17/1988,,WELD1,\n`);
    const run = await normalize(big);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('big-field.csv:line 2:last_name: FIELD_TOO_LONG');
  });

  it('sets unusable rows aside in reject mode: rows in = out + rejected', async () => {
    const run = await normalize('mixed-problems.csv', '--rejects', 'rejects.csv', '--profile', 'profile.json', '--json', '-o', 'out.csv');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.rows).toEqual({
      in: 8,
      out: 4,
      rejected: 4,
      rejectedBy: { PERSON_ID_MISSING: 1, PAYLOAD_MISSING: 1, ROW_FIELD_COUNT: 1, ENCODING_INVALID: 1 },
    });
    expect(summary.rows.in).toBe(summary.rows.out + summary.rows.rejected);
    expect(summary.fields.dob.invalid).toEqual({ DOB_IMPOSSIBLE: 1 });
    expect(summary.payload.award_date.invalid).toEqual({ PAYLOAD_INVALID: 1 });

    const out = readFileSync(join(run.dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(out.map((line) => line.split(',')[0])).toEqual(['person_id', 'TC-1', 'TC-3', 'TC-6', 'TC-8']);
    const rejects = readFileSync(join(run.dir, 'rejects.csv'), 'utf8');
    expect(rejects.split('\n')[0]).toBe('cert_id,first_name,last_name,birth_date,ssn,credential,award_date,_line,_reason');
    expect(rejects).toContain(',Ben,Okafor,11/02/1979,,ELEC2,,3,cert_id: PERSON_ID_MISSING');
    expect(rejects).toContain('TC-5,Eve,Moss,07/07/1977,,PLUMB3,,6,"ROW_FIELD_COUNT: expected 7 fields as in the header, found 6"');
    expect(rejects).toContain(',9,last_name: ENCODING_INVALID');
    expect(statSync(join(run.dir, 'rejects.csv')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(run.dir, 'profile.json'), 'utf8')).rows).toEqual(summary.rows);
  });

  it('prints the summary on stderr and the CSV on stdout without -o', async () => {
    const run = await normalize('good.csv');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect(run.stderr).toContain('2 rows in = 2 out + 0 rejected');
  });

  it('is a usage error to ask for --rejects in fail mode', async () => {
    const run = await normalize('good.csv', '--on-invalid', 'fail', '--rejects', 'r.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--rejects needs --on-invalid reject');
  });

  it('is a usage error to name an input that does not exist', async () => {
    const run = await normalize('nope.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nope\.csv.* does not exist/);
  });
});
