import { describe, expect, it } from 'vitest';
import { soundex } from '../../src/encode/soundex.ts';
import { transformValue } from '../../src/encode/blocking-keys.ts';

describe('American Soundex', () => {
  it.each([
    ['robert', 'r163'],
    ['rupert', 'r163'],
    ['rubin', 'r150'],
    ['ashcraft', 'a261'],
    ['ashcroft', 'a261'],
    ['tymczak', 't522'],
    ['pfister', 'p236'],
    ['honeyman', 'h555'],
    ['lee', 'l000'],
    ['garcia lopez', 'g624'],
    ['de la cruz', 'd426'],
    ["o'brien", 'o165'],
    ['', ''],
  ])('codes %j as %j', (name, code) => {
    expect(soundex(name)).toBe(code);
  });
});

describe('blocking-key transforms', () => {
  it.each([
    ['value', 'maria', 'maria'],
    ['soundex', 'garcia', 'g620'],
    ['first_initial', 'maria', 'm'],
    ['year', '1988-04-17', '1988'],
    ['month_day', '1988-04-17', '04-17'],
    ['year', 'not a date', ''],
    ['last4', '123456780', '6780'],
    ['first3', '02134', '021'],
  ] as const)('%s of %j is %j', (transform, value, expected) => {
    expect(transformValue(transform, value)).toBe(expected);
  });
});
