import { isMissingToken, MISSING, type Normalized } from './normalized-value.ts';

/** One @, no spaces, a dot in the domain: enough to catch typos and placeholders, not to validate RFC 5322. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** Domains and local parts forms use when the person has no address. */
const NO_EMAIL = /^(none|noemail|no-email|no_email|noreply|no-reply|na|n\/a|test|null)@|@(example\.(com|org|net)|none\.com|noemail\.com)$/;

/**
 * True when `raw` is an address as normalizing would leave it: lower-case ASCII letters, digits and
 * . _ - + around one @, and a domain of dot-separated labels (EMAIL_SHAPE). Most exports write
 * addresses so; for them one scan replaces trimming, lower-casing and two regular expressions.
 */
function isPlainEmail(raw: string): boolean {
  const n = raw.length;
  let at = -1;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 64) {
      if (at >= 0) return false;
      at = i;
    } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45 || c === 43)) return false;
  }
  if (at <= 0 || at + 1 >= n || raw.charCodeAt(at + 1) === 46 || raw.charCodeAt(n - 1) === 46) return false;
  let dots = 0;
  for (let i = at + 2; i < n; i++) {
    if (raw.charCodeAt(i) !== 46) continue;
    if (raw.charCodeAt(i - 1) === 46) return false;
    dots++;
  }
  return dots > 0;
}

/** Email: trimmed and lower-cased (whole address: providers treat case alike in practice); EMAIL_INVALID if it does not look like one. */
export function normalizeEmail(raw: string): Normalized {
  if (isPlainEmail(raw)) return NO_EMAIL.test(raw) ? MISSING : { value: raw };
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

/** A plain 5-digit ZIP, the common case: it is its own normalized value (or 00000, invalid). */
function isFiveDigits(raw: string): boolean {
  if (raw.length !== 5) return false;
  for (let i = 0; i < 5; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Postcode. A US ZIP (5 digits) or ZIP+4 (12345-6789, 123456789) becomes the 5-digit ZIP. Any
 * other code of 3-10 letters and digits with at least one digit is kept as written, lower-cased,
 * without spaces and dashes: a foreign postcode (Australian 4011, Canadian K1A 0B6), a ZIP3, or a
 * ZIP with an OCR slip (286z3), which still agrees with 28623 in four positions of the positional
 * filter. Nothing is zero-padded: 4223 is a foreign code as often as a New England ZIP that lost
 * its zero. All zeros and anything else are POSTCODE_INVALID.
 */
export function normalizePostcode(raw: string): Normalized {
  if (isFiveDigits(raw)) return raw === '00000' ? { finding: 'POSTCODE_INVALID' } : { value: raw };
  if (isMissingToken(raw)) return MISSING;
  const compact = raw.trim().toLowerCase().replace(/[\s-]+/g, '');
  if (/^\d{5}(?:\d{4})?$/.test(compact)) {
    return compact.startsWith('00000') ? { finding: 'POSTCODE_INVALID' } : { value: compact.slice(0, 5) };
  }
  if (!/^[a-z0-9]{3,10}$/.test(compact) || !/\d/.test(compact) || /^0+$/.test(compact)) return { finding: 'POSTCODE_INVALID' };
  return { value: compact };
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
