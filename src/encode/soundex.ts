/** American Soundex digit of each letter; vowels and y are 0 (they separate), h and w are skipped. */
const CODES: Record<string, string> = {
  a: '0', e: '0', i: '0', o: '0', u: '0', y: '0', h: '', w: '',
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

/**
 * American Soundex of a normalized name ("robert" -> "r163", "tymczak" -> "t522"). Letters only, so
 * "de la cruz" codes as "delacruz". Letters with the same digit side by side, or separated only by
 * h or w, count once; a vowel between them makes them count twice. Empty when there is no letter.
 */
export function soundex(name: string): string {
  const letters = name.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return '';
  let code = letters[0];
  let previous = CODES[letters[0]];
  for (let i = 1; i < letters.length && code.length < 4; i++) {
    const digit = CODES[letters[i]];
    if (digit === '') continue;
    if (digit !== '0' && digit !== previous) code += digit;
    previous = digit;
  }
  return code.padEnd(4, '0');
}
