import { describe, expect, it } from 'vitest';
import { compileDateFormat, dateFromParts, expandTwoDigitYear, normalizeBirthDate, parseDate, PARTS_FORMATS, type DateFormat } from '../../src/normalize/dates.ts';

const formats = (...sources: string[]) => sources.map((s) => compileDateFormat(s) as DateFormat);
const TODAY = '2025-06-01';

describe('parseDate', () => {
  it.each([
    ['04/17/1988', ['MM/DD/YYYY'], '1988-04-17'],
    ['4/7/1988', ['M/D/YYYY'], '1988-04-07'],
    ['19880417', ['YYYYMMDD'], '1988-04-17'],
    ['17-MAR-91', ['DD-MON-YY'], '1991-03-17'],
    ['17-mar-1991', ['DD-MON-YYYY'], '1991-03-17'],
    ['17 March 1991', ['D MON YYYY'], '1991-03-17'],
    ['17.03.1991', ['DD.MM.YYYY'], '1991-03-17'],
    ['1988-04-17', ['MM/DD/YYYY'], '1988-04-17'],
    ['1988-04-17 00:00:00', ['YYYY-MM-DD'], '1988-04-17'],
    ['1988-04-17T00:00:00.000Z', ['YYYY-MM-DD'], '1988-04-17'],
    ['2000-02-29', ['YYYY-MM-DD'], '2000-02-29'],
    ['  04/17/1988 ', ['MM/DD/YYYY'], '1988-04-17'],
  ])('%s with %j -> %s', (raw, declared, expected) => {
    expect(parseDate(raw, formats(...declared), 2025)).toEqual({ value: expected });
  });

  it.each([
    ['02/30/1990', 'DATE_IMPOSSIBLE'],
    ['13/01/1990', 'DATE_IMPOSSIBLE'],
    ['1900-02-29', 'DATE_IMPOSSIBLE'],
    ['00/10/1990', 'DATE_IMPOSSIBLE'],
    ['17-Foo-1990', 'DATE_UNPARSEABLE'],
    ['next tuesday', 'DATE_UNPARSEABLE'],
    ['04/17/88', 'DATE_UNPARSEABLE'],
  ])('%s -> %s', (raw, finding) => {
    expect(parseDate(raw, formats('MM/DD/YYYY', 'DD-MON-YYYY', 'YYYY-MM-DD'), 2025)).toEqual({ finding });
  });

  it('tries the declared formats in order', () => {
    expect(parseDate('03/04/2001', formats('DD/MM/YYYY', 'MM/DD/YYYY'), 2025).value).toBe('2001-04-03');
    expect(parseDate('13/04/2001', formats('MM/DD/YYYY', 'DD/MM/YYYY'), 2025).value).toBe('2001-04-13');
  });

  it('rejects formats without a year, a month and a day', () => {
    expect(compileDateFormat('MM/YYYY')).toBeUndefined();
    expect(compileDateFormat('YYYY-MM-DD-DD')).toBeUndefined();
  });
});

describe('two-digit years', () => {
  it.each([
    [24, 2025, 2024],
    [25, 2025, 2025],
    [26, 2025, 1926],
    [91, 2025, 1991],
    [0, 2025, 2000],
  ])('%i with latest year %i -> %i', (yy, latest, year) => {
    expect(expandTwoDigitYear(yy, latest)).toBe(year);
  });
});

describe('normalizeBirthDate', () => {
  const mdy = formats('MM/DD/YYYY', 'DD-MON-YY');
  it.each([
    ['04/17/1988', { value: '1988-04-17' }],
    ['17-MAR-30', { value: '1930-03-17' }],
    ['17-MAR-05', { value: '2005-03-17' }],
    ['02/30/1990', { finding: 'DOB_IMPOSSIBLE' }],
    ['13/13/1990', { finding: 'DOB_IMPOSSIBLE' }],
    ['01/05/2031', { finding: 'DOB_IMPLAUSIBLE' }],
    ['06/02/2025', { finding: 'DOB_IMPLAUSIBLE' }],
    ['06/01/2025', { value: '2025-06-01' }],
    ['12/31/1899', { finding: 'DOB_IMPLAUSIBLE' }],
    ['01/01/1900', { finding: 'DOB_IMPLAUSIBLE' }],
    ['01/02/1900', { value: '1900-01-02' }],
    ['born 1988', { finding: 'DOB_UNPARSEABLE' }],
    ['', {}],
    ['NULL', {}],
  ])('%s -> %j', (raw, expected) => {
    expect(normalizeBirthDate(raw, mdy, TODAY)).toEqual(expected);
  });

  it('reads year, month and day columns', () => {
    expect(normalizeBirthDate(dateFromParts('1988', '4', '7'), PARTS_FORMATS, TODAY)).toEqual({ value: '1988-04-07' });
    expect(normalizeBirthDate(dateFromParts('1988', 'Apr', '17'), PARTS_FORMATS, TODAY)).toEqual({ value: '1988-04-17' });
    expect(normalizeBirthDate(dateFromParts('88', '04', '17'), PARTS_FORMATS, TODAY)).toEqual({ value: '1988-04-17' });
    expect(normalizeBirthDate(dateFromParts('1988', '2', '30'), PARTS_FORMATS, TODAY)).toEqual({ finding: 'DOB_IMPOSSIBLE' });
    expect(normalizeBirthDate(dateFromParts('1988', '', '30'), PARTS_FORMATS, TODAY)).toEqual({});
  });
});
