/**
 * NAICS 2022 sectors from a code's first two digits; Manufacturing (31-33), Retail Trade (44-45)
 * and Transportation and Warehousing (48-49) span several two-digit codes (census.gov/naics).
 */
const COMBINED: Record<string, string> = { '31': '31-33', '32': '31-33', '33': '31-33', '44': '44-45', '45': '44-45', '48': '48-49', '49': '48-49' };

export function naicsSector(naics: string | undefined): string {
  if (!naics || !/^\d{2}/.test(naics)) return 'unknown';
  const two = naics.slice(0, 2);
  return COMBINED[two] ?? two;
}

/** Whether a NAICS code falls under any of the prefixes (a credential's aligned industries). */
export function naicsMatches(naics: string | undefined, prefixes: readonly string[]): boolean {
  if (!naics) return false;
  return prefixes.some((p) => naics.startsWith(p) || (p.length === 2 && naicsSector(naics) === naicsSector(p)));
}

/** Every NAICS sector, so that the rows of a table never depend on the data. */
export const NAICS_SECTORS = ['11', '21', '22', '23', '31-33', '42', '44-45', '48-49', '51', '52', '53', '54', '55', '56', '61', '62', '71', '72', '81', '92', 'unknown'] as const;
