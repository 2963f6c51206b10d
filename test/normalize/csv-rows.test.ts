import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/errors/errors.ts';
import { openCsv, type CsvRow } from '../../src/io/csv-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'credlink-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
function fileWith(content: string | Buffer): string {
  counter += 1;
  const path = join(dir, `input-${counter}.csv`);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, delimiter = ','): Promise<{ header: string[]; rows: CsvRow[] }> {
  const csv = await openCsv(path, { delimiter });
  const rows: CsvRow[] = [];
  for await (const row of csv.rows) rows.push(row);
  return { header: csv.header, rows };
}

async function failure(run: () => Promise<unknown>): Promise<DataError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('openCsv', () => {
  it('strips a BOM, reads CRLF and gives physical line numbers across quoted newlines and blank lines', async () => {
    const { header, rows } = await readAll(fileWith('\uFEFFid,note,n\r\n1,plain,2\r\n\r\n2,"two\r\nlines",3\r\n3,after,4\r\n'));
    expect(header).toEqual(['id', 'note', 'n']);
    expect(rows).toEqual([
      { line: 2, fields: ['1', 'plain', '2'] },
      { line: 4, fields: ['2', 'two\r\nlines', '3'] },
      { line: 6, fields: ['3', 'after', '4'] },
    ]);
  });

  it('gives physical line numbers across read chunks, quoted line breaks and blank lines', async () => {
    // Long enough for many 64 KiB chunks; every shape of line break, inside and between records.
    const breaks = ['\n', '\r\n', '\r'];
    let text = 'id,note,n\n';
    let line = 2;
    const expected: number[] = [];
    for (let i = 0; i < 6000; i++) {
      const blank = i % 7 === 0 ? breaks[i % 3] : '';
      text += blank;
      line += blank ? 1 : 0;
      expected.push(line);
      const inner = i % 5 === 0 ? `"a${breaks[i % 3]}b${breaks[(i + 1) % 3]}c"` : `plain ${'x'.repeat(i % 40)}`;
      text += `${i},${inner},${i}${breaks[(i + 2) % 3]}`;
      line += 1 + (i % 5 === 0 ? 2 : 0);
    }
    const { rows } = await readAll(fileWith(text));
    expect(rows.map((r) => r.line)).toEqual(expected);
    expect(rows.every((r, i) => r.fields[0] === String(i) && !r.problem)).toBe(true);
  });

  it('reads a file mixing LF and CRLF line endings', async () => {
    const { rows } = await readAll(fileWith('id,n\r\n1,2\n3,4\r\n'));
    expect(rows.map((r) => r.fields)).toEqual([['1', '2'], ['3', '4']]);
  });

  it('marks rows with too many or too few fields instead of throwing', async () => {
    const { rows } = await readAll(fileWith('a,b,c\n1,2\n1,2,3,4\n1,2,3\n'));
    expect(rows.map((r) => r.problem?.code)).toEqual(['ROW_FIELD_COUNT', 'ROW_FIELD_COUNT', undefined]);
    expect(rows[0].problem).toMatchObject({ line: 2, detail: 'expected 3 fields as in the header, found 2' });
  });

  it('marks invalid UTF-8 with the line and column', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,ok\n2,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const { rows } = await readAll(fileWith(bytes));
    expect(rows[1].problem).toMatchObject({ code: 'ENCODING_INVALID', line: 3, column: 'name' });
  });

  it('keeps multi-byte characters split across read chunks intact', async () => {
    const name = 'Zoë '.repeat(40_000);
    const { rows } = await readAll(fileWith(`id,name\n1,${name}\n`));
    expect(rows[0]).toEqual({ line: 2, fields: ['1', name] });
  });

  it('marks a field over 1 MB', async () => {
    const { rows } = await readAll(fileWith(`id,blob\n1,${'x'.repeat((1 << 20) + 1)}\n2,ok\n`));
    expect(rows[0].problem).toMatchObject({ code: 'FIELD_TOO_LONG', line: 2, column: 'blob' });
    expect(rows[1]).toEqual({ line: 3, fields: ['2', 'ok'] });
  });

  it('names the line where an unterminated quote opens', async () => {
    const path = fileWith('id,name\n1,ok\n2,"never closed\n3,more\n');
    const error = await failure(() => readAll(path));
    expect(error.findings[0]).toMatchObject({ code: 'CSV_UNTERMINATED_QUOTE', line: 3 });
  });

  it('refuses an empty file', async () => {
    const path = fileWith('');
    expect((await failure(() => openCsv(path))).findings[0].code).toBe('CSV_EMPTY');
  });

  it('reads another delimiter and stdin', async () => {
    const csv = await openCsv('-', { delimiter: ';', stdin: Readable.from(['id;name\n1;Ana\n']) });
    const rows: CsvRow[] = [];
    for await (const row of csv.rows) rows.push(row);
    expect(csv.file).toBe('<stdin>');
    expect(rows).toEqual([{ line: 2, fields: ['1', 'Ana'] }]);
  });

  it('reports a missing file as a usage error', async () => {
    await expect(openCsv(join(dir, 'nope.csv'))).rejects.toBeInstanceOf(UsageError);
  });
});
