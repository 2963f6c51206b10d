import { describe, expect, it } from 'vitest';
import { compileDateFormat, type DateFormat } from '../../src/normalize/dates.ts';
import { normalizePayloadValue } from '../../src/normalize/payload-values.ts';
import type { PayloadType } from '../../src/schema/source-mapping.ts';

const MDY = [compileDateFormat('M/D/YYYY') as DateFormat];
const typed = (raw: string, type: PayloadType) => normalizePayloadValue(raw, type, type === 'date' ? MDY : [], 2045);

describe('normalizePayloadValue', () => {
  it.each([
    ['  Registered   Nurse ', 'string', 'Registered Nurse'],
    [' CNA ', 'code', 'CNA'],
    ['42', 'integer', 42],
    ['1,204', 'integer', 1204],
    ['-3', 'integer', -3],
    ['$12,345.67', 'number', 12345.67],
    ['(120.50)', 'number', -120.5],
    ['1 234.5', 'number', 1234.5],
    ['0.5', 'number', 0.5],
    ['3/14/2023', 'date', '2023-03-14'],
    ['2023-03-14', 'date', '2023-03-14'],
    ['2021Q3', 'year_quarter', '2021Q3'],
    ['2021 q3', 'year_quarter', '2021Q3'],
    ['2021-3', 'year_quarter', '2021Q3'],
    ['2021-Q4', 'year_quarter', '2021Q4'],
    ['Q1 2022', 'year_quarter', '2022Q1'],
    ['Yes', 'boolean', true],
    ['N', 'boolean', false],
    ['1', 'boolean', true],
    ['false', 'boolean', false],
  ] as const)('%j as %s -> %j', (raw, type, expected) => {
    expect(typed(raw, type)).toEqual({ value: expected });
  });

  it.each([
    ['12.5', 'integer'],
    ['twelve', 'integer'],
    ['1,2,3', 'number'],
    ['$', 'number'],
    ['2/30/2023', 'date'],
    ['2021Q5', 'year_quarter'],
    ['21Q3', 'year_quarter'],
    ['maybe', 'boolean'],
  ] as const)('%j as %s is invalid', (raw, type) => {
    expect(typed(raw, type)).toEqual({ value: null, invalid: true });
  });

  it.each(['string', 'code', 'integer', 'number', 'date', 'year_quarter', 'boolean'] as const)('an empty %s is missing, not invalid', (type) => {
    expect(typed('  ', type)).toEqual({ value: null });
  });
});
