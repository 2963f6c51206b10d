import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/errors.ts';
import { createRowNormalizer } from '../../src/normalize/normalize-row.ts';
import { outcomePayloadFindings } from '../../src/schema/outcome-payload.ts';
import { sourceMappingSchema } from '../../src/schema/source-mapping.ts';

/** A licensing board's passers-only list: one row per licensee, no id column, no result column, two exam codes of one credential. */
const HEADER = ['LAST', 'FIRST', 'EXAM', 'ISSUED'];
const ROWS = [
  ['SMITH', 'ANA', 'CSA-201', '03/04/2021'],
  ['LEE', 'BO', 'CSA-301', '05/06/2021'],
  ['KIM', 'JO', 'CSX-100', '07/08/2021'],
];
const mapping = (payload: Record<string, unknown>, personId: Record<string, unknown> = { rowNumber: true }) =>
  sourceMappingSchema.parse({
    credlinkMapping: 1,
    source: 'board',
    role: 'roster',
    personId,
    fields: { first_name: { column: 'FIRST' }, last_name: { column: 'LAST' } },
    payload,
  });
const PAYLOAD = {
  credential: { column: 'EXAM', type: 'code', required: true, values: { 'CSA-201': 'CSA', 'CSA-301': 'CSA' } },
  exam_date: { column: 'ISSUED', type: 'date', formats: ['MM/DD/YYYY'], required: true },
  award_date: { column: 'ISSUED', type: 'date', formats: ['MM/DD/YYYY'] },
  result: { constant: 'pass', type: 'code' },
};

describe('mapping value maps, constants and row-number ids', () => {
  const normalize = createRowNormalizer(mapping(PAYLOAD), HEADER, 'board.csv', { today: '2025-06-01' });
  const rows = ROWS.map((r, i) => normalize(r, i + 2));

  it('recodes mapped values and keeps the others', () => {
    expect(rows.map((r) => r.payload.credential)).toEqual(['CSA', 'CSA', 'CSX-100']);
  });

  it('gives every row the constant', () => {
    expect(rows.map((r) => r.payload.result)).toEqual(['pass', 'pass', 'pass']);
    expect(rows.every((r) => r.rejected === undefined)).toBe(true);
  });

  it('numbers persons by their line when the file has no id', () => {
    expect(rows.map((r) => r.personId)).toEqual(['row-2', 'row-3', 'row-4']);
  });

  it('types the recoded value: a map can turn a local code into a date', () => {
    const dates = createRowNormalizer(mapping({ ...PAYLOAD, exam_date: { column: 'ISSUED', type: 'date', formats: ['YYYY-MM-DD'], required: true, values: { '03/04/2021': '2021-03-04' } } }), HEADER, 'board.csv', { today: '2025-06-01' });
    expect(dates(ROWS[0], 2).payload.exam_date).toBe('2021-03-04');
    expect(dates(['X', 'Y', 'CSA-201', '2021-13-45'], 3).rejected).toMatchObject({ code: 'PAYLOAD_INVALID', field: 'exam_date', line: 3 });
  });

  it('refuses a constant that does not fit its type, naming the payload', () => {
    let error: unknown;
    try {
      createRowNormalizer(mapping({ ...PAYLOAD, year: { constant: 'twenty', type: 'integer' } }), HEADER, 'board.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).findings[0]).toMatchObject({ code: 'MAPPING_CONSTANT_INVALID', file: 'board.csv', field: 'payload.year' });
  });

  it('does not look for a constant in the header', () => {
    expect(() => createRowNormalizer(mapping(PAYLOAD), HEADER, 'board.csv')).not.toThrow();
  });
});

describe('payload that credlink outcomes needs', () => {
  it('flags a roster without result (the passers-only file of issue #14) and says how to fix it', () => {
    const { result: _, ...withoutResult } = PAYLOAD;
    const findings = outcomePayloadFindings(mapping(withoutResult), 'board.mapping.json');
    expect(findings).toEqual([expect.objectContaining({ code: 'OUTCOME_PAYLOAD_MISSING', severity: 'error', field: 'payload.result', file: 'board.mapping.json' })]);
    expect(findings[0].detail).toContain('"constant": "pass"');
  });

  it('warns when award_date is absent and is silent for a complete roster', () => {
    const { award_date: _, ...withoutAward } = PAYLOAD;
    expect(outcomePayloadFindings(mapping(withoutAward), 'm.json').map((f) => [f.code, f.severity])).toEqual([['OUTCOME_PAYLOAD_ABSENT', 'warning']]);
    expect(outcomePayloadFindings(mapping(PAYLOAD), 'm.json')).toEqual([]);
  });
});
