import { isMissingToken, MISSING, type Normalized } from './normalized-value.ts';

/** One @, no spaces, a dot in the domain: enough to catch typos and placeholders, not to validate RFC 5322. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** Domains and local parts forms use when the person has no address. */
const NO_EMAIL = /^(none|noemail|no-email|no_email|noreply|no-reply|na|n\/a|test|null)@|@(example\.(com|org|net)|none\.com|noemail\.com)$/;

/** Email: trimmed and lower-cased (whole address: providers treat case alike in practice); EMAIL_INVALID if it does not look like one. */
export function normalizeEmail(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const value = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (!EMAIL_SHAPE.test(value)) return { finding: 'EMAIL_INVALID' };
  if (NO_EMAIL.test(value)) return MISSING;
  return { value };
}

/**
 * US phone: 10 digits (a leading country code 1 of an 11-digit number dropped, an extension
 * "x123"/"ext. 123" ignored). Area code and exchange must start 2-9 (NANP); one repeated digit
 * and 1234567890 are placeholders. Otherwise PHONE_INVALID.
 */
export function normalizePhone(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const withoutExtension = raw.trim().replace(/\s*(?:x|ext\.?|extension)\s*\d+$/i, '');
  if (/[^\d\s().+\-/]/.test(withoutExtension)) return { finding: 'PHONE_INVALID' };
  let digits = withoutExtension.replace(/\D/g, '');
  if (digits.length === 11 && digits[0] === '1') digits = digits.slice(1);
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return { finding: 'PHONE_INVALID' };
  if (/^(\d)\1{9}$/.test(digits) || digits === '2345678901') return { finding: 'PHONE_INVALID' };
  return { value: digits };
}

/**
 * US ZIP code, 5 digits: ZIP+4 (12345-6789, 123456789) cut to 5. A 3- or 4-digit number is a
 * ZIP whose leading zeros a spreadsheet dropped (New England, NJ, PR): zeros restored. 00000 and
 * anything else (foreign postcodes) are POSTCODE_INVALID.
 */
export function normalizePostcode(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const text = raw.trim();
  const match = /^(\d{3,5})(?:\s*-?\s*\d{4})?$/.exec(text);
  if (!match || (match[1].length < 5 && text.length > match[1].length)) return { finding: 'POSTCODE_INVALID' };
  const zip = match[1].padStart(5, '0');
  if (zip === '00000') return { finding: 'POSTCODE_INVALID' };
  return { value: zip };
}

const SEX_CODES: Record<string, 'f' | 'm' | 'x'> = {
  f: 'f', female: 'f', woman: 'f', w: 'f', girl: 'f', '2': 'f',
  m: 'm', male: 'm', man: 'm', boy: 'm', '1': 'm',
  x: 'x', nonbinary: 'x', 'non binary': 'x', 'non-binary': 'x', other: 'x',
};
/** ISO/IEC 5218 uses 0 for "not known" and 9 for "not applicable"; u and unknown are common too. */
const SEX_UNKNOWN = new Set(['u', 'unknown', 'unk', '0', '9', 'not stated', 'not reported', 'declined', 'prefer not to say']);

/** Sex: f, m or x; 1 = m and 2 = f as in ISO/IEC 5218; "unknown" codes missing; anything else SEX_INVALID. */
export function normalizeSex(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const key = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (Object.hasOwn(SEX_CODES, key)) return { value: SEX_CODES[key] };
  if (SEX_UNKNOWN.has(key)) return MISSING;
  return { finding: 'SEX_INVALID' };
}
