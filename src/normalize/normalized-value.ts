/** What every normalizer returns: a value, or none (missing), with a finding when the input was unusable. */
export interface Normalized {
  value?: string;
  finding?: string;
}

export const MISSING: Normalized = Object.freeze({});

/** Placeholders that exports use for "no value"; they count as missing, not as invalid. */
const MISSING_TOKENS = new Set(['', 'null', 'nil', 'none', 'n/a', 'na', '#n/a', 'unknown', 'unk', 'missing', '-', '--', '?', '.']);

export function isMissingToken(raw: string): boolean {
  return MISSING_TOKENS.has(raw.trim().toLowerCase());
}
