import { isMissingToken, MISSING, type Normalized } from './normalized-value.ts';

/** Numbers printed in advertising and samples, used as fillers in forms (SSA, "Woolworth" card). */
const PLACEHOLDER_SSNS = new Set(['123456789', '078051120', '219099999', '987654320', '987654321']);

/**
 * Social Security number: 9 digits once dashes, spaces and dots are removed (SSN_MALFORMED
 * otherwise). Numbers never issued (area 000, 666, 900-999; group 00; serial 0000) and common
 * placeholders (123456789, one digit repeated) are SSN_INVALID; both become missing.
 */
export function normalizeSsn(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const digits = raw.trim().replace(/[\s.-]/g, '');
  if (!/^\d{9}$/.test(digits)) return { finding: 'SSN_MALFORMED' };
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return { finding: 'SSN_INVALID' };
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return { finding: 'SSN_INVALID' };
  if (PLACEHOLDER_SSNS.has(digits) || /^(\d)\1{8}$/.test(digits)) return { finding: 'SSN_INVALID' };
  return { value: digits };
}
