import { describe, expect, it } from 'vitest';
import { normalizeIdentifier } from '../../src/normalize/identifier.ts';
import { normalizeCity, normalizeState } from '../../src/normalize/place-fields.ts';
import { normalizeStreetAddress } from '../../src/normalize/street-address.ts';

describe('normalizeCity', () => {
  it.each([
    ['RALEIGH', 'raleigh'],
    ['  Winston-Salem ', 'winston salem'],
    ['St. Louis', 'saint louis'],
    ['Ste Genevieve', 'sainte genevieve'],
    ['Mt Airy', 'mount airy'],
    ['Ft. Wayne', 'fort wayne'],
    ['São Paulo', 'sao paulo'],
    ['st james', 'saint james'],
    ['St', 'st'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeCity(raw)).toEqual({ value: expected });
  });

  it('treats placeholders as missing', () => {
    expect(normalizeCity('N/A')).toEqual({});
    expect(normalizeCity('  ')).toEqual({});
  });
});

describe('normalizeState', () => {
  it.each([
    ['North Carolina', 'nc'],
    ['NC', 'nc'],
    ['new  york', 'ny'],
    ['D.C.', 'dc'],
    ['Puerto Rico', 'pr'],
    ['nsw', 'nsw'],
    ['Ontario', 'ontario'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeState(raw)).toEqual({ value: expected });
  });

  it('calls a value with no letters or digits STATE_INVALID', () => {
    expect(normalizeState('//')).toEqual({ finding: 'STATE_INVALID' });
  });
});

describe('normalizeStreetAddress', () => {
  it.each([
    ['123 North Main Street, Apt. 4', '123 n main st unit 4'],
    ['123 N MAIN ST APT 4', '123 n main st unit 4'],
    ['6 tullaroop street', '6 tullaroop st'],
    ['44 Forbes Cres.', '44 forbes cres'],
    ['17 Wallaby Place', '17 wallaby pl'],
    ['900 Avenue of the Americas', '900 avenue of the americas'],
    ['12 Main Street # 5', '12 main st unit 5'],
    ['12 Main St 5B', '12 main st unit 5b'],
    ['P.O. Box 1234', 'po box 1234'],
    ['Post Office Box 77', 'po box 77'],
    ['1 West Street', '1 west st'],
    ['400 Oak Drive West', '400 oak dr w'],
    ["10 O'Brien Road, Suite 200", '10 obrien rd unit 200'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeStreetAddress(raw)).toEqual({ value: expected });
  });

  it('calls punctuation only ADDRESS_INVALID and a placeholder missing', () => {
    expect(normalizeStreetAddress('#/,')).toEqual({ finding: 'ADDRESS_INVALID' });
    expect(normalizeStreetAddress('none')).toEqual({});
  });
});

describe('normalizeIdentifier', () => {
  it.each([
    ['6988048', '6988048'],
    [' 0012345 ', '0012345'],
    ['AB-12.34/5', 'ab12345'],
    ['123 456 789', '123456789'],
    ['STU00981', 'stu00981'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeIdentifier(raw)).toEqual({ value: expected });
  });

  it.each(['0000000', '99', 'a', 'id#12', '9999999999', 'x'.repeat(65)])('%s is IDENTIFIER_INVALID', (raw) => {
    expect(normalizeIdentifier(raw)).toEqual({ finding: 'IDENTIFIER_INVALID' });
  });
});
