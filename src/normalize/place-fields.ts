import { isMissingToken, MISSING, type Normalized } from './normalized-value.ts';
import { foldToAsciiWords } from './person-name.ts';

/** Leading words of town names written short on forms ("St Louis", "Mt Airy", "Ft Wayne"). */
const CITY_PREFIXES: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

/** City or locality: folded like names, with the short forms of Saint, Mount and Fort spelled out. */
export function normalizeCity(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const words = foldToAsciiWords(raw).split(' ').filter(Boolean);
  if (words.length === 0) return /\p{L}/u.test(raw) ? { finding: 'CITY_INVALID' } : MISSING;
  if (words.length > 1 && Object.hasOwn(CITY_PREFIXES, words[0])) words[0] = CITY_PREFIXES[words[0]];
  return { value: words.join(' ') };
}

const US_STATES: Record<string, string> = {
  alabama: 'al', alaska: 'ak', arizona: 'az', arkansas: 'ar', california: 'ca', colorado: 'co', connecticut: 'ct',
  delaware: 'de', 'district of columbia': 'dc', florida: 'fl', georgia: 'ga', hawaii: 'hi', idaho: 'id', illinois: 'il',
  indiana: 'in', iowa: 'ia', kansas: 'ks', kentucky: 'ky', louisiana: 'la', maine: 'me', maryland: 'md',
  massachusetts: 'ma', michigan: 'mi', minnesota: 'mn', mississippi: 'ms', missouri: 'mo', montana: 'mt',
  nebraska: 'ne', nevada: 'nv', 'new hampshire': 'nh', 'new jersey': 'nj', 'new mexico': 'nm', 'new york': 'ny',
  'north carolina': 'nc', 'north dakota': 'nd', ohio: 'oh', oklahoma: 'ok', oregon: 'or', pennsylvania: 'pa',
  'rhode island': 'ri', 'south carolina': 'sc', 'south dakota': 'sd', tennessee: 'tn', texas: 'tx', utah: 'ut',
  vermont: 'vt', virginia: 'va', washington: 'wa', 'west virginia': 'wv', wisconsin: 'wi', wyoming: 'wy',
  'puerto rico': 'pr', guam: 'gu', 'us virgin islands': 'vi', 'virgin islands': 'vi', 'american samoa': 'as',
  'northern mariana islands': 'mp', 'washington dc': 'dc', 'washington d c': 'dc', 'd c': 'dc',
};

/**
 * State or province: a US state or territory written out becomes its USPS code ("North Carolina"
 * -> nc); any other value (a code, a foreign province: FEBRL's nsw, vic) is kept, folded.
 */
export function normalizeState(raw: string): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const folded = foldToAsciiWords(raw);
  if (folded === '') return { finding: 'STATE_INVALID' };
  return { value: Object.hasOwn(US_STATES, folded) ? US_STATES[folded] : folded };
}
