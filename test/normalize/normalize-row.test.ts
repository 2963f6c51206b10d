import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/errors.ts';
import { createRowNormalizer, mappedFields } from '../../src/normalize/normalize-row.ts';
import { sourceMappingSchema } from '../../src/schema/source-mapping.ts';

const HEADER = ['candidate_id', 'First Name', 'Last Name', 'Suffix', 'DOB', 'SSN', 'Credential', 'Exam Date'];
const mapping = (overrides: Record<string, unknown> = {}) =>
  sourceMappingSchema.parse({
    credlinkMapping: 1,
    source: 'nurseboard',
    role: 'roster',
    personId: { column: 'candidate_id' },
    fields: {
      first_name: { column: 'First Name' },
      last_name: { column: 'Last Name' },
      name_suffix: { column: 'Suffix' },
      dob: { column: 'DOB', formats: ['MM/DD/YYYY'] },
      ssn: { column: 'SSN' },
    },
    payload: {
      credential: { column: 'Credential', type: 'code', required: true },
      exam_date: { column: 'Exam Date', type: 'date', formats: ['M/D/YYYY'] },
    },
    ...overrides,
  });
const OPTIONS = { today: '2025-06-01' };

function dataError(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('createRowNormalizer header checks', () => {
  it('names the file, the missing column and the columns the header has', () => {
    const error = dataError(() => createRowNormalizer(mapping(), HEADER.map((h) => (h === 'SSN' ? 'ssn_number' : h)), 'roster.csv'));
    expect(error.findings).toEqual([expect.objectContaining({ code: 'MISSING_COLUMN', file: 'roster.csv', line: 1, column: 'SSN' })]);
    expect(error.message).toContain('"ssn_number"');
    expect(error.message).toContain('fields.ssn.column');
  });

  it('suggests a column that differs only in case or punctuation', () => {
    const error = dataError(() => createRowNormalizer(mapping(), HEADER.map((h) => (h === 'First Name' ? 'first_name' : h)), 'roster.csv'));
    expect(error.message).toContain('did you mean "first_name"?');
  });

  it('refuses duplicate header names', () => {
    const error = dataError(() => createRowNormalizer(mapping(), [...HEADER, 'DOB'], 'roster.csv'));
    expect(error.findings[0]).toMatchObject({ code: 'DUPLICATE_HEADER', column: 'DOB' });
  });

  it('recognizes a file split with another delimiter', () => {
    const error = dataError(() => createRowNormalizer(mapping(), [HEADER.join(';')], 'roster.csv'));
    expect(error.findings[0].code).toBe('WRONG_DELIMITER');
    expect(error.message).toContain('"delimiter": ";"');
  });

  it('refuses a date format without a day', () => {
    const bad = mapping({ fields: { dob: { column: 'DOB', formats: ['MM/YYYY'] } } });
    expect(dataError(() => createRowNormalizer(bad, HEADER, 'roster.csv')).findings[0]).toMatchObject({ code: 'DATE_FORMAT_INVALID', field: 'fields.dob.formats[0]' });
  });
});

describe('normalizing a row', () => {
  const normalize = createRowNormalizer(mapping(), HEADER, 'roster.csv', OPTIONS);

  it('normalizes identifiers and types payload values', () => {
    const row = normalize([' NB-1 ', 'Dr. José', 'García Jr.', '', '04/17/1988', '123-45-6780', 'CNA', '3/14/2023'], 2);
    expect(row).toEqual({
      record: { first_name: 'jose', last_name: 'garcia', name_suffix: 'jr', dob: '1988-04-17', ssn: '123456780' },
      payload: { credential: 'CNA', exam_date: '2023-03-14' },
      personId: 'NB-1',
      findings: [],
      rejected: undefined,
    });
  });

  it('keeps the suffix column over a suffix split off the surname', () => {
    const row = normalize(['NB-2', 'Ann', 'King Jr', 'III', '', '', 'CNA', ''], 3);
    expect(row.record).toEqual({ first_name: 'ann', last_name: 'king', name_suffix: 'iii' });
  });

  it('turns unusable identifiers into missing values with findings that name line and column', () => {
    const row = normalize(['NB-3', 'Ann', 'Lee', '', '02/30/1990', '000-12-3456', 'CNA', 'soon'], 4);
    expect(row.record).toEqual({ first_name: 'ann', last_name: 'lee' });
    expect(row.rejected).toBeUndefined();
    expect(row.findings).toEqual([
      { code: 'DOB_IMPOSSIBLE', file: 'roster.csv', line: 4, field: 'dob', column: 'DOB' },
      { code: 'SSN_INVALID', file: 'roster.csv', line: 4, field: 'ssn', column: 'SSN' },
      { code: 'PAYLOAD_INVALID', file: 'roster.csv', line: 4, field: 'exam_date', column: 'Exam Date' },
    ]);
    expect(row.payload.exam_date).toBeNull();
  });

  it('rejects a row without a person id', () => {
    const row = normalize(['  ', 'Ann', 'Lee', '', '', '', 'CNA', ''], 5);
    expect(row.personId).toBeUndefined();
    expect(row.rejected).toMatchObject({ code: 'PERSON_ID_MISSING', line: 5, column: 'candidate_id' });
  });

  it('rejects a row whose required payload value is missing', () => {
    const row = normalize(['NB-6', 'Ann', 'Lee', '', '', '', '', ''], 6);
    expect(row.rejected).toMatchObject({ code: 'PAYLOAD_MISSING', field: 'credential', column: 'Credential' });
  });

  it('reads short rows as if the missing fields were empty', () => {
    expect(normalize(['NB-7', 'Ann'], 7).record).toEqual({ first_name: 'ann' });
  });
});

describe('person id from a field', () => {
  const wages = sourceMappingSchema.parse({
    credlinkMapping: 1,
    source: 'state-ui',
    role: 'wages',
    personId: { field: 'ssn' },
    duplicateFree: false,
    fields: { ssn: { column: 'SSN' } },
    fullName: { column: 'NAME', order: 'last_first' },
    payload: { year: { column: 'YR', type: 'integer', required: true }, wages: { column: 'WAGES', type: 'number' } },
  });
  const normalize = createRowNormalizer(wages, ['SSN', 'NAME', 'YR', 'WAGES'], 'wages.csv', OPTIONS);

  it('uses the normalized SSN as the local person id and splits the full name', () => {
    const row = normalize(['123-45-6780', 'GARCIA LOPEZ, MARIA J', '2023', '$12,500.00'], 2);
    expect(row.personId).toBe('123456780');
    expect(row.record).toEqual({ ssn: '123456780', first_name: 'maria', middle_name: 'j', last_name: 'garcia lopez' });
    expect(row.payload).toEqual({ year: 2023, wages: 12500 });
  });

  it('keeps a row whose SSN is present but invalid, under an unverified id, with its names', () => {
    const row = normalize(['999-45-6780', 'DOE, JANE', '2023', '100'], 3);
    expect(row.rejected).toBeUndefined();
    expect(row.personId).toBe('~999456780');
    expect(row.record).toEqual({ first_name: 'jane', last_name: 'doe' });
    expect(row.findings.map((f) => f.code)).toEqual(['SSN_INVALID', 'PERSON_ID_UNVERIFIED']);
    expect(row.findings[1]).toMatchObject({ field: 'ssn', column: 'SSN', line: 3 });
    expect(JSON.stringify(row.findings)).not.toContain('999');
  });

  it('gives the same unverified id to the same mistyped SSN in another quarter, however it is punctuated', () => {
    expect(normalize(['123 00 4567', 'DOE, JANE', '2023', '100'], 4).personId).toBe(normalize(['123004567', 'DOE, JANE', '2024', '90'], 5).personId);
  });

  it('still rejects the row when the SSN is empty, a placeholder or not a number at all', () => {
    for (const ssn of ['', 'N/A', '123-45-6789', '999999999', 'unknown', '1234']) {
      expect(normalize([ssn, 'DOE, JANE', '2023', '100'], 6).rejected).toMatchObject({ code: 'PERSON_ID_MISSING', field: 'ssn' });
    }
  });

  it('lists the fields the mapping yields in schema order', () => {
    expect(mappedFields(wages)).toEqual(['first_name', 'middle_name', 'last_name', 'name_suffix', 'ssn']);
  });
});
