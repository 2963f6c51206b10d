/** What every normalizer returns: a value, or none (missing), with a finding when the input was unusable. */
export interface Normalized {
  value?: string;
  finding?: string;
}

export const MISSING: Normalized = Object.freeze({});

/** Placeholders that exports use for "no value"; they count as missing, not as invalid. */
const MISSING_TOKENS = new Set(['', 'null', 'nil', 'none', 'n/a', 'na', '#n/a', 'unknown', 'unk', 'missing', '-', '--', '?', '.']);

const LONGEST_MISSING_TOKEN = Math.max(...[...MISSING_TOKENS].map((token) => token.length));

export function isMissingToken(raw: string): boolean {
  // Most values are longer than any placeholder: no trimmed, lower-cased copy to look up.
  if (raw.length > LONGEST_MISSING_TOKEN && raw.trim().length > LONGEST_MISSING_TOKEN) return false;
  return MISSING_TOKENS.has(raw.trim().toLowerCase());
}

/** Distinct raw values a memoized normalizer keeps: frequent names, dates and ZIPs repeat a lot (birth dates over 75 years: ~27k); the bound keeps memory flat (~3 MB a column). */
export const NORMALIZE_CACHE_LIMIT = 1 << 15;

/**
 * A memo is judged early too: at this many distinct values, one with fewer than one hit in 16 turns
 * off (e-mails, the ZIPs of a file of new persons) before its entries outlive two scavenges, are
 * promoted to the old generation and then dropped, which cost more than the lookups save.
 */
const EARLY_CHECK = 1 << 12;

/**
 * Remembers a pure normalizer's results by raw value (results are shared, so callers must not
 * change them). Like the encoder's value cache, it turns itself off for a column whose values
 * rarely repeat (e-mail, SSN), where it would only cost.
 */
export function memoizeNormalizer<R>(normalize: (raw: string) => R): (raw: string) => R {
  const cache = new Map<string, R>();
  let on = true;
  let hits = 0;
  // Columns often repeat the previous row (a credential code, a wage file's quarter): a string
  // comparison is cheaper than hashing the raw value for the map.
  let lastRaw: string | undefined;
  let lastResult: R | undefined;
  return (raw) => {
    if (raw === lastRaw) {
      hits++;
      return lastResult as R;
    }
    if (!on) return normalize(raw);
    const hit = cache.get(raw);
    if (hit !== undefined) {
      hits++;
      lastRaw = raw;
      lastResult = hit;
      return hit;
    }
    if (cache.size >= NORMALIZE_CACHE_LIMIT || (cache.size === EARLY_CHECK && hits < EARLY_CHECK / 16)) {
      on = cache.size === EARLY_CHECK ? false : hits >= NORMALIZE_CACHE_LIMIT / 2;
      cache.clear();
      hits = 0;
    }
    const result = normalize(raw);
    if (on) {
      cache.set(raw, result);
      lastRaw = raw;
      lastResult = result;
    }
    return result;
  };
}
