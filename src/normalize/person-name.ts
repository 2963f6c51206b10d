import { formalGivenName } from './given-name-variants.ts';
import { isMissingToken, MISSING, type Normalized } from './normalized-value.ts';

/** Latin letters that NFKD leaves whole; mapped the way passports and bank systems usually write them. */
const LETTER_FOLDS: Record<string, string> = {
  'ß': 'ss', 'æ': 'ae', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'œ': 'oe', 'ı': 'i',
  'ħ': 'h', 'ŧ': 't', 'ŋ': 'n', 'ĸ': 'k', 'ſ': 's', 'ƒ': 'f', 'ɖ': 'd', 'ɛ': 'e', 'ɔ': 'o', 'ʒ': 'z',
};
const FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const APOSTROPHES = /['\u2018\u2019\u02BC\u02B9\u0060\u00B4]/g;

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'rev', 'fr', 'sir', 'dame', 'hon', 'capt', 'sgt', 'lt', 'col', 'gen']);
/** Suffix spellings and the one form each is stored as. */
const SUFFIXES: Record<string, string> = {
  jr: 'jr', junior: 'jr', sr: 'sr', senior: 'sr', ii: 'ii', '2nd': 'ii', iii: 'iii', '3rd': 'iii', iv: 'iv', '4th': 'iv', v: 'v', '5th': 'v',
};
const isSuffix = (word: string): boolean => Object.hasOwn(SUFFIXES, word);

/** After given names a lone "v" is far more often a middle initial than "the fifth". */
const GIVEN_NAME_SUFFIXES = new Set(['jr', 'junior', 'sr', 'senior', 'ii', '2nd', 'iii', '3rd', 'iv', '4th']);
/** Government files write these for "first/last name unknown". */
const UNKNOWN_NAMES = new Set(['fnu', 'lnu', 'nfn', 'nln', 'unknown', 'none', 'na', 'n a', 'null', 'missing']);

/**
 * Folds any string to lower-case ASCII words: NFKD, combining marks dropped, non-decomposing
 * letters spelled out, apostrophes dropped (o'brien -> obrien), every other non-alphanumeric
 * (hyphens, periods, commas) a word break, spaces collapsed.
 */
export function foldToAsciiWords(raw: string): string {
  const lower = raw.toLowerCase();
  // NFKD, mark removal and the letter folds leave ASCII as it is, and NFKD is the costly step.
  const folded = ASCII_ONLY.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}/gu, '').replace(FOLD_PATTERN, (ch) => LETTER_FOLDS[ch]);
  return folded
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const wordsOf = (raw: string): string[] => foldToAsciiWords(raw).split(' ').filter(Boolean);

function dropLeadingTitles(words: string[]): string[] {
  let start = 0;
  while (start < words.length - 1 && TITLES.has(words[start])) start += 1;
  return words.slice(start);
}

/** Removes trailing suffixes (keeping at least one word); returns them in their stored form. */
function takeSuffixes(words: string[], allowed: (word: string) => boolean): { words: string[]; suffix?: string } {
  let end = words.length;
  while (end > 1 && allowed(words[end - 1])) end -= 1;
  if (end === words.length) return { words };
  return { words: words.slice(0, end), suffix: words.slice(end).map((w) => SUFFIXES[w]).join(' ') };
}

function asName(words: string[], hadLetters: boolean): Normalized {
  const value = words.join(' ');
  if (value === '' || UNKNOWN_NAMES.has(value)) return hadLetters && value === '' ? { finding: 'NAME_UNUSABLE' } : MISSING;
  return { value };
}

const hasLetters = (raw: string) => /\p{L}/u.test(raw);

/** First or middle name: titles before it dropped ("Dr. Ana" -> "ana"). */
export function normalizeGivenName(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const words = dropLeadingTitles(wordsOf(raw));
  return asName(words, hasLetters(raw));
}

/** First name: a given name with a known nickname written as the formal name ("Bob" -> robert). */
export function normalizeFirstName(raw: string): Normalized {
  const given = normalizeGivenName(raw);
  return given.value === undefined ? given : { ...given, value: formalGivenName(given.value) };
}

export interface Surname extends Normalized {
  suffix?: string;
}

/** Last name: a trailing generational suffix is split off ("Smith Jr." -> smith + jr); particles kept ("de la cruz"). */
export function normalizeSurname(raw: string): Surname {
  if (isMissingToken(raw)) return MISSING;
  const { words, suffix } = takeSuffixes(wordsOf(raw), isSuffix);
  const name = asName(words, hasLetters(raw));
  return suffix && name.value ? { ...name, suffix } : name;
}

/** A suffix column: one of jr, sr, ii, iii, iv, v; anything else is dropped with a finding. */
export function normalizeNameSuffix(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const words = wordsOf(raw);
  if (words.length === 0) return MISSING;
  if (words.every(isSuffix)) return { value: words.map((w) => SUFFIXES[w]).join(' ') };
  return { finding: 'NAME_SUFFIX_INVALID' };
}

/** Free text (an occupation, a program title): folded to ASCII words, nothing removed. */
export function normalizeFreeText(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const value = foldToAsciiWords(raw);
  return value ? { value } : MISSING;
}

export interface FullName {
  first: Normalized;
  middle: Normalized;
  last: Normalized;
  suffix: Normalized;
}

const none = (): FullName => ({ first: MISSING, middle: MISSING, last: MISSING, suffix: MISSING });

/** Lower-case particles that belong to the surname that follows them ("de la cruz", "van der berg"). */
const SURNAME_PARTICLES = new Set(['de', 'del', 'della', 'la', 'las', 'los', 'le', 'van', 'von', 'der', 'den', 'di', 'da', 'do', 'dos', 'das', 'du', 'st', 'san', 'bin', 'ibn', 'al', 'el', 'ter', 'ten']);

/**
 * Splits one name column. With a comma the comma decides, whatever the declared order:
 * "Garcia Lopez, Maria Jose Jr" -> last "garcia lopez", first "maria", middle "jose", suffix "jr".
 * Without one, `first_last` takes the last word as surname and `last_first` the first word, each
 * extended by the particles attached to it ("Maria de la Cruz" -> last "de la cruz").
 */
export function splitFullName(raw: string, order: 'last_first' | 'first_last'): FullName {
  if (isMissingToken(raw)) return none();
  const comma = raw.indexOf(',');
  if (comma >= 0) {
    const surname = takeSuffixes(wordsOf(raw.slice(0, comma)), isSuffix);
    const given = takeSuffixes(dropLeadingTitles(wordsOf(raw.slice(comma + 1))), (w) => GIVEN_NAME_SUFFIXES.has(w));
    return assemble(given.words, surname.words, surname.suffix ?? given.suffix, hasLetters(raw));
  }
  const { words: rest, suffix } = takeSuffixes(dropLeadingTitles(wordsOf(raw)), isSuffix);
  if (rest.length <= 1) return assemble([], rest, suffix, hasLetters(raw));
  if (order === 'first_last') {
    let start = rest.length - 1;
    while (start > 1 && SURNAME_PARTICLES.has(rest[start - 1])) start -= 1;
    return assemble(rest.slice(0, start), rest.slice(start), suffix, true);
  }
  let end = 1;
  while (end < rest.length - 1 && SURNAME_PARTICLES.has(rest[end - 1])) end += 1;
  // A particle can pull a suffix into the surname ("La Jr Jose"): it stays a suffix, as the surname normalizer would make it.
  const surname = takeSuffixes(rest.slice(0, end), isSuffix);
  return assemble(rest.slice(end), surname.words, suffix ?? surname.suffix, true);
}

function assemble(given: string[], surname: string[], suffix: string | undefined, hadLetters: boolean): FullName {
  const result = none();
  result.first = given.length > 0 ? asName([formalGivenName(given[0])], true) : MISSING;
  result.middle = given.length > 1 ? asName(given.slice(1), true) : MISSING;
  result.last = asName(surname, hadLetters && given.length === 0);
  if (suffix) result.suffix = { value: suffix };
  return result;
}
