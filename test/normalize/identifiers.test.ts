import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone, normalizePostcode, normalizeSex } from '../../src/normalize/contact-fields.ts';
import { normalizeSsn, unverifiedSsnId } from '../../src/normalize/ssn.ts';

describe('normalizeSsn', () => {
  it.each([
    ['123-45-6780', '123456780'],
    ['123 45 6780', '123456780'],
    [' 123456780 ', '123456780'],
    ['001-01-0001', '001010001'],
    ['899-99-9998', '899999998'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeSsn(raw)).toEqual({ value: expected });
  });

  it.each([
    ['000-12-3456', 'SSN_INVALID'],
    ['666-12-3456', 'SSN_INVALID'],
    ['900-12-3456', 'SSN_INVALID'],
    ['999-12-3456', 'SSN_INVALID'],
    ['123-00-4567', 'SSN_INVALID'],
    ['123-45-0000', 'SSN_INVALID'],
    ['123-45-6789', 'SSN_INVALID'],
    ['111-11-1111', 'SSN_INVALID'],
    ['555555555', 'SSN_INVALID'],
    ['078-05-1120', 'SSN_INVALID'],
    ['12345678', 'SSN_MALFORMED'],
    ['1234567890', 'SSN_MALFORMED'],
    ['12a-45-6780', 'SSN_MALFORMED'],
  ])('%s -> %s', (raw, finding) => {
    expect(normalizeSsn(raw)).toEqual({ finding });
  });

  it('treats an empty value as missing without a finding', () => {
    expect(normalizeSsn('  ')).toEqual({});
  });
});

describe('unverifiedSsnId', () => {
  it.each([
    ['912-34-5678', '~912345678'], // area 9xx: a transposed leading digit
    ['123-00-4567', '~123004567'], // group 00
    ['12345678', '~12345678'], // a digit dropped
    ['1234567890', '~1234567890'], // a digit doubled
    ['', undefined],
    ['n/a', undefined],
    ['123456789', undefined], // placeholder
    ['987-65-4321', undefined], // placeholder
    ['111111111', undefined],
    ['12-AB-3456', undefined],
    ['1234567', undefined],
  ])('%s -> %s', (raw, expected) => {
    expect(unverifiedSsnId(raw)).toBe(expected);
  });
});

describe('normalizeEmail', () => {
  it.each([
    [' Maria.Garcia@Mail.COM ', 'maria.garcia@mail.com'],
    ['mailto:j.doe+cert@uni.edu', 'j.doe+cert@uni.edu'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ value: expected });
  });

  it.each(['not-an-email', 'a@b', 'two@@signs.com', 'sp ace@mail.com', 'a@mail..com'])('%s is EMAIL_INVALID', (raw) => {
    expect(normalizeEmail(raw)).toEqual({ finding: 'EMAIL_INVALID' });
  });

  it.each(['none@none.com', 'noemail@gmail.com', 'someone@example.com'])('%s is a placeholder, so missing', (raw) => {
    expect(normalizeEmail(raw)).toEqual({});
  });
});

describe('normalizePhone', () => {
  it.each([
    ['(617) 555-0134', '6175550134'],
    ['+1 617 555 0134', '6175550134'],
    ['1-617-555-0134', '6175550134'],
    ['617.555.0134 x12', '6175550134'],
    ['617-555-0134 ext. 9', '6175550134'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizePhone(raw)).toEqual({ value: expected });
  });

  it.each(['555-0134', '017-555-0134', '617-155-0134', '2222222222', '617-555-01345', 'call me'])('%s is PHONE_INVALID', (raw) => {
    expect(normalizePhone(raw)).toEqual({ finding: 'PHONE_INVALID' });
  });
});

describe('normalizePostcode', () => {
  it.each([
    ['02134', '02134'],
    ['02134-1234', '02134'],
    ['021341234', '02134'],
    [' 94110 ', '94110'],
    // Kept as written: foreign postcodes, ZIP3, ZIPs with an OCR slip; nothing zero-padded.
    ['2134', '2134'],
    ['4011', '4011'],
    ['601', '601'],
    ['K1A 0B6', 'k1a0b6'],
    ['SW1A 1AA', 'sw1a1aa'],
    ['123456', '123456'],
    ['286z3', '286z3'],
    ['2134-1234', '21341234'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizePostcode(raw)).toEqual({ value: expected });
  });

  it.each(['00000', '000', '00000-1234', '12', 'abc', 'unknown zip', '12345678901'])('%s is POSTCODE_INVALID', (raw) => {
    expect(normalizePostcode(raw)).toEqual({ finding: 'POSTCODE_INVALID' });
  });
});

describe('normalizeSex', () => {
  it.each([
    ['F', 'f'],
    ['female', 'f'],
    ['Woman', 'f'],
    ['2', 'f'],
    ['M', 'm'],
    ['MALE', 'm'],
    ['man', 'm'],
    ['1', 'm'],
    ['X', 'x'],
    ['non-binary', 'x'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeSex(raw)).toEqual({ value: expected });
  });

  it.each(['U', 'unknown', '0', '9', ''])('%j is missing without a finding', (raw) => {
    expect(normalizeSex(raw)).toEqual({});
  });

  it.each(['q', 'constructor', 'toString'])('%s is SEX_INVALID', (raw) => {
    expect(normalizeSex(raw)).toEqual({ finding: 'SEX_INVALID' });
  });
});
