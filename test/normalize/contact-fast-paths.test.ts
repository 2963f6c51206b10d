import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeEmail, normalizePostcode } from '../../src/normalize/contact-fields.ts';
import { isMissingToken, MISSING, type Normalized } from '../../src/normalize/normalized-value.ts';

/*
 * normalizeEmail and normalizePostcode answer plain values (lower-case addresses, 5-digit ZIPs) from
 * one scan. These are the definitions they must agree with on every input: the trim, lower-case and
 * regular expressions of docs/normalization.md, as the functions were written before the fast paths.
 */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const NO_EMAIL = /^(none|noemail|no-email|no_email|noreply|no-reply|na|n\/a|test|null)@|@(example\.(com|org|net)|none\.com|noemail\.com)$/;

function emailByDefinition(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const value = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (!EMAIL_SHAPE.test(value)) return { finding: 'EMAIL_INVALID' };
  if (NO_EMAIL.test(value)) return MISSING;
  return { value };
}

function postcodeByDefinition(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const compact = raw.trim().toLowerCase().replace(/[\s-]+/g, '');
  if (/^\d{5}(?:\d{4})?$/.test(compact)) return compact.startsWith('00000') ? { finding: 'POSTCODE_INVALID' } : { value: compact.slice(0, 5) };
  if (!/^[a-z0-9]{3,10}$/.test(compact) || !/\d/.test(compact) || /^0+$/.test(compact)) return { finding: 'POSTCODE_INVALID' };
  return { value: compact };
}

// Strings over the characters that decide the shape, so that near-misses (two @, dots at the ends,
// "..", capitals, spaces, mailto:) come up often.
const emailChars = fc.constantFrom(...'ab.z09_-+@@..A Z:\t'.split(''), 'é', 'mailto:', 'example.net', 'none@', '.com');
const emailLike = fc.oneof(
  fc.array(emailChars, { maxLength: 14 }).map((parts) => parts.join('')),
  fc.emailAddress(),
  fc.emailAddress().map((e) => ` ${e.toUpperCase()} `),
  fc.string(),
);
const postcodeLike = fc.oneof(
  fc.array(fc.constantFrom(...'0123456789- aZ'.split('')), { maxLength: 11 }).map((parts) => parts.join('')),
  fc.stringMatching(/^\d{5}$/),
  fc.string(),
);

describe('normalization fast paths', () => {
  it('normalizeEmail answers as the definition does', () => {
    fc.assert(fc.property(emailLike, (raw) => {
      expect(normalizeEmail(raw)).toEqual(emailByDefinition(raw));
    }), { numRuns: 5000 });
  });

  it('normalizePostcode answers as the definition does', () => {
    fc.assert(fc.property(postcodeLike, (raw) => {
      expect(normalizePostcode(raw)).toEqual(postcodeByDefinition(raw));
    }), { numRuns: 5000 });
  });

  it('takes the cases the fast paths decide', () => {
    expect(normalizeEmail('ana.b+x@mail.example.org')).toEqual({ value: 'ana.b+x@mail.example.org' });
    expect(normalizeEmail('ana@example.net')).toEqual({});
    expect(normalizeEmail('ana@mail..org')).toEqual({ finding: 'EMAIL_INVALID' });
    expect(normalizeEmail('ana@mail.org.')).toEqual({ finding: 'EMAIL_INVALID' });
    expect(normalizePostcode('02134')).toEqual({ value: '02134' });
    expect(normalizePostcode('00000')).toEqual({ finding: 'POSTCODE_INVALID' });
  });
});
