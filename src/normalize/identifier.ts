import { isMissingToken, MISSING, type Normalized } from './normalized-value.ts';

/**
 * A generic identifier both sides hold (a student, member or licence number; FEBRL's 7-digit
 * soc_sec_id): spaces, dashes, dots and slashes removed, letters lower-cased, leading zeros kept (an
 * id is a string, not a number). It must then be 3-64 letters and digits (IDENTIFIER_INVALID);
 * one character repeated (000000, 999999) is a placeholder and IDENTIFIER_INVALID too.
 */
export function normalizeIdentifier(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const value = raw.trim().replace(/[\s./-]/g, '').toLowerCase();
  if (!/^[a-z0-9]{3,64}$/.test(value) || /^(.)\1*$/.test(value)) return { finding: 'IDENTIFIER_INVALID' };
  return { value };
}
