import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { credlink } from '../job/spawn-cli.ts';

/*
 * A bare CR inside a quoted field is part of the field, not a record break (issue #16: a record
 * was counted as 3 rows for 2). Real files, LF and CRLF, through normalize and hash.
 */
const dir = mkdtempSync(join(tmpdir(), 'credlink-quoted-cr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mapping = resolve('test/bad-input/corpus/roster.mapping.json');

const ROWS = [
  'cert_id,first_name,last_name,birth_date,ssn,credential,award_date',
  'TC-1,"An\ra",Silva,04/17/1988,,WELD1,06/01/2022',
  'TC-2,Ben,"Oka\rfor",11/02/1979,,ELEC2,01/01/2020',
];

beforeAll(() => {
  writeFileSync(join(dir, 'lf.csv'), `${ROWS.join('\n')}\n`);
  writeFileSync(join(dir, 'crlf.csv'), `${ROWS.join('\r\n')}\r\n`);
  expect(credlink(dir, 'keygen', '-o', 'project.key').code).toBe(0);
});

describe.concurrent.each(['lf', 'crlf'])('a quoted bare CR in a %s file', (kind) => {
  it('normalize: two records in, two out, each CR kept inside its own field', () => {
    const r = credlink(dir, 'normalize', '--mapping', mapping, `${kind}.csv`, '-o', `${kind}.out.csv`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 rows in = 2 out + 0 rejected');
    const out = readFileSync(join(dir, `${kind}.out.csv`), 'utf8').trimEnd().split('\n');
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/^TC-1,an a,silva,/);
    expect(out[2]).toMatch(/^TC-2,benjamin,oka for,/);
  });

  it('hash: two records encoded for two persons', () => {
    const r = credlink(dir, 'hash', '--schema', resolve('fixtures/world/schema.json'), '--mapping', mapping, '--secret-file', 'project.key', `${kind}.csv`, '-o', `${kind}.extract`, '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.rowsEncoded).toBe(2);
    expect(summary.manifest).toMatchObject({ rowsIn: 2, rowsRejected: 0, persons: 2 });
  });
});
