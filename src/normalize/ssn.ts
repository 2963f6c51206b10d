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

/**
 * The local person id of a row keyed on SSN whose SSN is present but unusable (a transposed or
 * mistyped number: area 9xx, group 00, a digit dropped or doubled): `~` and its digits, so the
 * person's rows in other quarters, typed the same way, stay one person, and the row still links
 * on its names. Placeholders and values that are not 8-10 digits name nobody: undefined.
 */
export function unverifiedSsnId(raw: string): string | undefined {
  if (isMissingToken(raw)) return undefined;
  const digits = raw.trim().replace(/[\s.-]/g, '');
  if (!/^\d{8,10}$/.test(digits)) return undefined;
  if (PLACEHOLDER_SSNS.has(digits) || /^(\d)\1+$/.test(digits)) return undefined;
  return `~${digits}`;
}
