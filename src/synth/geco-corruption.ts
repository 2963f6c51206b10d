import type { Rng } from './prng.ts';

/*
 * Corruptors in the manner of the GeCo generator (Tran, Vatsalan and Christen, 2013): keyboard
 * slips to a neighbouring key, OCR confusions of similar-looking characters, phonetic respellings,
 * and missing values. Each returns the corrupted text, or the input when the rule does not apply.
 */

/** Rows of a US keyboard, digits included: ZIPs are keyed too. */
const KEY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function keyNeighbours(ch: string): string[] {
  const lower = ch.toLowerCase();
  for (let r = 0; r < KEY_ROWS.length; r++) {
    const i = KEY_ROWS[r].indexOf(lower);
    if (i < 0) continue;
    // Same-row neighbours; digits stay digits (a slip from the number row onto letters is rarer).
    const around = [KEY_ROWS[r][i - 1], KEY_ROWS[r][i + 1]];
    if (r > 0) around.push(KEY_ROWS[r - 1][i], KEY_ROWS[r + 1]?.[i]);
    return around.filter((c): c is string => c !== undefined && (r > 0 || /\d/.test(c)) && (r === 0 || /[a-z]/.test(c)));
  }
  return [];
}

const withCase = (original: string, replacement: string) => (original === original.toUpperCase() ? replacement.toUpperCase() : replacement);

/** One character replaced by a neighbouring key, inserted beside it, or deleted. */
export function keyboardError(rng: Rng, text: string): string {
  const positions = [...text].map((ch, i) => (keyNeighbours(ch).length > 0 ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0) return text;
  const i = rng.pick(positions);
  const next = withCase(text[i], rng.pick(keyNeighbours(text[i])));
  const kind = rng.int(3);
  if (kind === 1) return text.slice(0, i + 1) + next + text.slice(i + 1);
  if (kind === 2 && text.length > 3) return text.slice(0, i) + text.slice(i + 1);
  return text.slice(0, i) + next + text.slice(i + 1);
}

/** Look-alike sequences an OCR engine confuses, both ways. */
const OCR_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['0', 'o'], ['1', 'l'], ['1', 'i'], ['2', 'z'], ['5', 's'], ['6', 'b'], ['8', 'b'], ['9', 'g'], ['4', 'a'],
  ['m', 'rn'], ['w', 'vv'], ['d', 'cl'], ['h', 'b'], ['n', 'ri'], ['e', 'c'], ['u', 'v'], ['o', 'c'], ['l', 'i'],
];

/** One look-alike substitution at a random place where one applies. */
export function ocrError(rng: Rng, text: string): string {
  const lower = text.toLowerCase();
  const options: Array<{ at: number; from: string; to: string }> = [];
  for (const [a, b] of OCR_PAIRS) {
    for (const [from, to] of [[a, b], [b, a]]) {
      for (let at = lower.indexOf(from); at >= 0; at = lower.indexOf(from, at + 1)) options.push({ at, from, to });
    }
  }
  if (options.length === 0) return text;
  const { at, from, to } = rng.pick(options);
  return text.slice(0, at) + withCase(text.slice(at, at + from.length), to) + text.slice(at + from.length);
}

/** Spellings that sound alike in English names: the respellings clerks and voters make. */
const PHONETIC_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/i, 'f'], [/f/i, 'ph'], [/ck/i, 'k'], [/c(?=[aou])/i, 'k'], [/k/i, 'c'], [/ie$/i, 'y'], [/y$/i, 'ie'],
  [/ei/i, 'ie'], [/ie/i, 'ei'], [/th/i, 't'], [/ou/i, 'ow'], [/ee/i, 'ea'], [/ea/i, 'ee'], [/z/i, 's'],
  [/s(?=[aeiou])/i, 'z'], [/mm/i, 'm'], [/nn/i, 'n'], [/ll/i, 'l'], [/tt/i, 't'], [/(?<=[aeiou])r(?=[^aeiou])/i, 'rr'],
  [/ey$/i, 'y'], [/son$/i, 'sen'], [/sen$/i, 'son'], [/man$/i, 'mann'], [/gh/i, 'g'], [/wr/i, 'r'], [/x/i, 'ks'],
];

/** One respelling that sounds the same, where a rule applies. */
export function phoneticError(rng: Rng, text: string): string {
  const options = PHONETIC_RULES.filter(([pattern]) => pattern.test(text));
  if (options.length === 0) return text;
  const [pattern, replacement] = rng.pick(options);
  return text.replace(pattern, (found) => withCase(found, replacement));
}
