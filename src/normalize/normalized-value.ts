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

/** Distinct raw values a memoized normalizer keeps: frequent names, dates and ZIPs repeat a lot; the bound keeps memory flat (~1.5 MB a column). */
export const NORMALIZE_CACHE_LIMIT = 1 << 14;

/**
 * Remembers a pure normalizer's results by raw value (results are shared, so callers must not
 * change them). Like the encoder's value cache, it turns itself off for a column whose values
 * rarely repeat (e-mail, SSN), where it would only cost.
 */
export function memoizeNormalizer<R>(normalize: (raw: string) => R): (raw: string) => R {
  const cache = new Map<string, R>();
  let on = true;
  let hits = 0;
  return (raw) => {
    if (!on) return normalize(raw);
    const hit = cache.get(raw);
    if (hit !== undefined) {
      hits++;
      return hit;
    }
    if (cache.size >= NORMALIZE_CACHE_LIMIT) {
      on = hits >= NORMALIZE_CACHE_LIMIT / 2;
      cache.clear();
      hits = 0;
    }
    const result = normalize(raw);
    if (on) cache.set(raw, result);
    return result;
  };
}
