import { isMissingToken, MISSING, type Normalized } from './normalized-value.ts';
import { foldToAsciiWords } from './person-name.ts';

/*
 * Street types in the USPS abbreviations (Publication 28), with the spellings forms use; FEBRL's
 * Australian types (crescent, circuit, terrace) are in the same table. Every value maps to itself,
 * so normalizing twice changes nothing.
 */
const STREET_TYPES: Record<string, string> = Object.fromEntries(
  Object.entries({
    st: ['street', 'str', 'strt'], ave: ['avenue', 'av', 'aven', 'avenu'], rd: ['road'], dr: ['drive', 'drv'],
    ln: ['lane'], ct: ['court', 'crt'], pl: ['place'], blvd: ['boulevard', 'boul'], cir: ['circle', 'circ'],
    ter: ['terrace', 'tce', 'terr'], hwy: ['highway', 'hiway'], pkwy: ['parkway', 'pky'], way: ['wy'],
    cres: ['crescent', 'cresent', 'cr'], cct: ['circuit'], sq: ['square'], trl: ['trail'], cv: ['cove'],
    aly: ['alley'], expy: ['expressway'], fwy: ['freeway'], gdns: ['gardens'], hts: ['heights'], pt: ['point'],
    xing: ['crossing'], esp: ['esplanade'], pde: ['parade'], cl: ['close'], gr: ['grove'],
  }).flatMap(([short, longs]) => [[short, short], ...longs.map((long) => [long, short])]),
);

const DIRECTIONS: Record<string, string> = Object.fromEntries(
  Object.entries({ n: ['north'], s: ['south'], e: ['east'], w: ['west'], ne: ['northeast'], nw: ['northwest'], se: ['southeast'], sw: ['southwest'] })
    .flatMap(([short, longs]) => [[short, short], ...longs.map((long) => [long, short])]),
);

/** Words that introduce a unit number; all become "unit" ("Apt 4B", "Suite 200", "# 12"). */
const UNIT_WORDS = new Set(['apt', 'apartment', 'unit', 'suite', 'ste', 'flat', 'rm', 'room', 'no']);

const isType = (word: string | undefined) => word !== undefined && Object.hasOwn(STREET_TYPES, word);
const isDirection = (word: string | undefined) => word !== undefined && Object.hasOwn(DIRECTIONS, word);

/** Street words in standard form: "123 north main street west" -> "123 n main st w". */
function standardStreet(words: string[]): string[] {
  const out = [...words];
  let end = out.length;
  // A direction after the street type ("Oak Drive West") is a post-direction; the type comes before it.
  if (end > 2 && isDirection(out[end - 1]) && isType(out[end - 2])) {
    out[end - 1] = DIRECTIONS[out[end - 1]];
    end -= 1;
  }
  if (end > 1 && isType(out[end - 1])) out[end - 1] = STREET_TYPES[out[end - 1]];
  // A direction before the street name, when a name and a type follow it ("123 North Main St", not "1 West St").
  const first = /^\d/.test(out[0]) ? 1 : 0;
  if (end - first > 2 && isDirection(out[first])) out[first] = DIRECTIONS[out[first]];
  return out;
}

/**
 * Street address: folded like names ("#" and punctuation become spaces), post-office boxes written
 * "po box", the street type and a leading or trailing direction in their USPS abbreviation, unit
 * words as "unit": "123 North Main Street, Apt. 4" -> "123 n main st unit 4".
 */
export function normalizeStreetAddress(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const folded = foldToAsciiWords(raw).replace(/\b(?:p o|post office|p o b|pob)\s+box\b/g, 'po box');
  const words = folded.split(' ').filter(Boolean);
  if (words.length === 0) return { finding: 'ADDRESS_INVALID' };
  if (words[0] === 'po' && words[1] === 'box') return { value: words.join(' ') };
  // Everything from the first unit word on is the unit ("Apt 4B", "Suite 200"); so is a number after the street type ("Main St #5").
  let unitAt = words.findIndex((w, i) => i > 0 && UNIT_WORDS.has(w));
  const n = words.length;
  if (unitAt < 0 && n > 2 && /^\d+[a-z]?$/.test(words[n - 1]) && isType(words[n - 2])) unitAt = n - 1;
  const street = unitAt < 0 ? words : words.slice(0, unitAt);
  const unit = unitAt < 0 ? [] : ['unit', ...words.slice(UNIT_WORDS.has(words[unitAt]) ? unitAt + 1 : unitAt)];
  return { value: [...standardStreet(street), ...unit].join(' ') };
}
