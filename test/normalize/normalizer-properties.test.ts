import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone, normalizePostcode, normalizeSex } from '../../src/normalize/contact-fields.ts';
import { compileDateFormat, normalizeBirthDate, parseDate, type DateFormat } from '../../src/normalize/dates.ts';
import type { Normalized } from '../../src/normalize/normalized-value.ts';
import { normalizePayloadValue } from '../../src/normalize/payload-values.ts';
import { normalizeFirstName, normalizeFreeText, normalizeGivenName, normalizeNameSuffix, normalizeSurname, splitFullName } from '../../src/normalize/person-name.ts';
import { formalGivenName, knownNicknames } from '../../src/normalize/given-name-variants.ts';
import { normalizeSsn } from '../../src/normalize/ssn.ts';
import { normalizeIdentifier } from '../../src/normalize/identifier.ts';
import { normalizeCity, normalizeState } from '../../src/normalize/place-fields.ts';
import { normalizeStreetAddress } from '../../src/normalize/street-address.ts';

const FORMATS = ['MM/DD/YYYY', 'DD-MON-YY', 'YYYYMMDD'].map((f) => compileDateFormat(f) as DateFormat);

const NORMALIZERS: Record<string, (raw: string) => Normalized> = {
  given: normalizeGivenName,
  first: normalizeFirstName,
  surname: normalizeSurname,
  suffix: normalizeNameSuffix,
  freeText: normalizeFreeText,
  dob: (raw) => normalizeBirthDate(raw, FORMATS, '2025-06-01'),
  date: (raw) => parseDate(raw, FORMATS, 2045),
  ssn: normalizeSsn,
  email: normalizeEmail,
  phone: normalizePhone,
  postcode: normalizePostcode,
  sex: normalizeSex,
  city: normalizeCity,
  streetAddress: normalizeStreetAddress,
  state: normalizeState,
  identifier: normalizeIdentifier,
};

/** Strings shaped like real identifiers, so that the properties see valid values too, not only noise. */
const pieces = fc.constantFrom('José', 'ß', 'Ø', 'de', 'la', 'Jr.', 'III', 'Dr.', "O'", '-', ' ', ',', '@', '.com', '1', '0', '9', '/', '17', '04', '1988', 'MAR', 'Q3', '\u0301', 'ǅ', 'İ', 'ﬁ', '\uFFFD', '\t', 'St', 'Mt.', 'North', 'Street', 'Apt', '#', 'P.O.', 'Box', 'Carolina', 'z', '-');
const identifierLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.stringMatching(/^\d{3}-\d{2}-\d{4}$/),
  fc.stringMatching(/^(0[1-9]|1[0-2])\/(0[1-9]|[12]\d)\/(19|20)\d\d$/),
  fc.stringMatching(/^[a-zA-Z.]{1,8}@[a-z]{1,6}\.(com|org)$/),
);

describe.each(Object.entries(NORMALIZERS))('%s normalizer', (_name, normalize) => {
  it('is total: any string gives a value, a finding or missing, never an exception', () => {
    fc.assert(
      fc.property(identifierLike, (raw) => {
        const result = normalize(raw);
        expect(result.value === undefined || typeof result.value === 'string').toBe(true);
        expect(result.value === undefined || result.finding === undefined).toBe(true);
        if (result.value !== undefined) expect(result.value).not.toBe('');
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent: normalizing a normalized value changes nothing', () => {
    fc.assert(
      fc.property(identifierLike, (raw) => {
        const once = normalize(raw).value;
        if (once !== undefined) expect(normalize(once)).toEqual({ value: once });
      }),
      { numRuns: 400 },
    );
  });
});

describe('names', () => {
  it('are lower-case ASCII words separated by one space', () => {
    fc.assert(
      fc.property(identifierLike, (raw) => {
        for (const value of [normalizeGivenName(raw).value, normalizeSurname(raw).value]) {
          if (value !== undefined) expect(value).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('split from a full name are stable under their own field normalizer', () => {
    fc.assert(
      fc.property(identifierLike, fc.constantFrom('last_first', 'first_last') as fc.Arbitrary<'last_first' | 'first_last'>, (raw, order) => {
        const parts = splitFullName(raw, order);
        if (parts.first.value) expect(normalizeFirstName(parts.first.value).value).toBe(parts.first.value);
        if (parts.last.value) expect(normalizeSurname(parts.last.value).value).toBe(parts.last.value);
        if (parts.suffix.value) expect(normalizeNameSuffix(parts.suffix.value).value).toBe(parts.suffix.value);
      }),
      { numRuns: 400 },
    );
  });
});

describe('first names with a known nickname', () => {
  const nicknames = [...knownNicknames().keys()];
  it('become the formal name, which is no nickname itself, whatever the case, spacing or title', () => {
    fc.assert(
      fc.property(fc.constantFrom(...nicknames), fc.constantFrom('', 'Dr. ', ' '), fc.boolean(), (nickname, before, upper) => {
        const raw = `${before}${upper ? nickname.toUpperCase() : nickname} `;
        const formal = normalizeFirstName(raw).value!;
        expect(formal).toBe(knownNicknames().get(nickname));
        expect(knownNicknames().has(formal)).toBe(false);
        expect(formalGivenName(formal)).toBe(formal);
      }),
    );
  });

  it('leave every other first name as the given-name normalizer writes it', () => {
    fc.assert(
      fc.property(identifierLike, (raw) => {
        const given = normalizeGivenName(raw);
        const first = normalizeFirstName(raw);
        if (given.value === undefined || !knownNicknames().has(given.value)) expect(first).toEqual(given);
      }),
      { numRuns: 400 },
    );
  });
});

describe('payload values', () => {
  it('are total and idempotent for every type', () => {
    const types = ['string', 'code', 'integer', 'number', 'date', 'year_quarter', 'boolean'] as const;
    fc.assert(
      fc.property(identifierLike, fc.constantFrom(...types), (raw, type) => {
        const once = normalizePayloadValue(raw, type, FORMATS, 2045);
        if (once.value === null) return;
        expect(normalizePayloadValue(String(once.value), type, FORMATS, 2045).value).toEqual(once.value);
      }),
      { numRuns: 600 },
    );
  });
});
