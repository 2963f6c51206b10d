import { isMissingToken, MISSING, type Normalized } from './normalized-value.ts';

/** ISO dates are always accepted after a source's own formats: it is unambiguous, and makes normalizing idempotent. */
export const ISO_DATE_FORMAT = 'YYYY-MM-DD';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TOKEN_PATTERNS: Record<string, string> = {
  YYYY: '(\\d{4})', YY: '(\\d{2})', MM: '(\\d{2})', M: '(\\d{1,2})', DD: '(\\d{2})', D: '(\\d{1,2})', MON: '([A-Za-z]{3,9})',
};
const TOKENS = /YYYY|YY|MON|MM|M|DD|D/g;
/** Spreadsheet and database exports append a midnight time to dates. */
const MIDNIGHT = '(?:[ T]00:00(?::00(?:\\.0+)?)?Z?)?';

export interface DateFormat {
  source: string;
  pattern: RegExp;
  parts: Array<'year4' | 'year2' | 'month' | 'monthName' | 'day'>;
}

const escapeLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a declared format; returns undefined when it lacks a year, a month or a day. */
export function compileDateFormat(source: string): DateFormat | undefined {
  const parts: DateFormat['parts'] = [];
  let pattern = '';
  let last = 0;
  for (const match of source.matchAll(TOKENS)) {
    pattern += escapeLiteral(source.slice(last, match.index));
    pattern += TOKEN_PATTERNS[match[0]];
    parts.push(match[0] === 'YYYY' ? 'year4' : match[0] === 'YY' ? 'year2' : match[0] === 'MON' ? 'monthName' : match[0].startsWith('M') ? 'month' : 'day');
    last = match.index + match[0].length;
  }
  pattern += escapeLiteral(source.slice(last));
  const has = (...kinds: DateFormat['parts']) => kinds.filter((k) => parts.includes(k)).length === 1;
  if (parts.length !== 3 || !has('year4', 'year2') || !has('month', 'monthName') || !has('day')) return undefined;
  return { source, pattern: new RegExp(`^${pattern}${MIDNIGHT}$`), parts };
}

const ISO = compileDateFormat(ISO_DATE_FORMAT) as DateFormat;

/** Two-digit years: the latest century that keeps the date at or before `latestYear`. */
export function expandTwoDigitYear(yy: number, latestYear: number): number {
  const century = Math.floor(latestYear / 100) * 100;
  return century + yy <= latestYear ? century + yy : century - 100 + yy;
}

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthFromName(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower === 'sept') return 9;
  const index = lower.length === 3 ? MONTHS.indexOf(lower) : FULL_MONTHS.indexOf(lower);
  return index >= 0 ? index + 1 : undefined;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

export const isoDate = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * Reads a date in the first of `formats` that its shape matches (then ISO); DATE_UNPARSEABLE when
 * none does, DATE_IMPOSSIBLE when the shape matches but the day does not exist (Feb 30, month 13).
 */
export function parseDate(raw: string, formats: DateFormat[], latestYear: number): Normalized {
  if (isMissingToken(raw)) return MISSING;
  const text = raw.trim();
  let impossible = false;
  for (const format of [...formats, ISO]) {
    const match = format.pattern.exec(text);
    if (!match) continue;
    let year = 0;
    let month: number | undefined;
    let day = 0;
    format.parts.forEach((part, i) => {
      const token = match[i + 1];
      if (part === 'year4') year = Number(token);
      else if (part === 'year2') year = expandTwoDigitYear(Number(token), latestYear);
      else if (part === 'month') month = Number(token);
      else if (part === 'monthName') month = monthFromName(token);
      else day = Number(token);
    });
    if (month !== undefined && isRealDate(year, month, day)) return { value: isoDate(year, month, day) };
    impossible = impossible || month !== undefined;
  }
  return { finding: impossible ? 'DATE_IMPOSSIBLE' : 'DATE_UNPARSEABLE' };
}

/** Birth dates before this are placeholders or typos; 1900-01-01 itself is the commonest placeholder. */
const EARLIEST_BIRTH = '1900-01-02';

/**
 * A birth date: DOB_UNPARSEABLE / DOB_IMPOSSIBLE as for any date; a real date in the future or
 * before 1900-01-02 is DOB_IMPLAUSIBLE and treated as missing. `today` is YYYY-MM-DD.
 */
export function normalizeBirthDate(raw: string, formats: DateFormat[], today: string): Normalized {
  const parsed = parseDate(raw, formats, Number(today.slice(0, 4)));
  if (parsed.finding) return { finding: parsed.finding === 'DATE_IMPOSSIBLE' ? 'DOB_IMPOSSIBLE' : 'DOB_UNPARSEABLE' };
  if (parsed.value === undefined) return MISSING;
  if (parsed.value > today || parsed.value < EARLIEST_BIRTH) return { finding: 'DOB_IMPLAUSIBLE' };
  return parsed;
}

/** Formats a date assembled by dateFromParts can take. */
export const PARTS_FORMATS = [compileDateFormat('YYYY-MM-DD'), compileDateFormat('YY-MM-DD')] as DateFormat[];

/** Year, month and day in three columns (month as a number or a name), joined for PARTS_FORMATS. */
export function dateFromParts(year: string, month: string, day: string): string {
  const y = year.trim();
  const m = month.trim();
  const d = day.trim();
  if ([y, m, d].some(isMissingToken)) return '';
  const monthNumber = /^\d{1,2}$/.test(m) ? Number(m) : monthFromName(m);
  if (monthNumber === undefined || !/^\d{1,2}$/.test(d)) return `${y}-${m}-${d}`;
  const yearText = /^\d{2}$/.test(y) ? y : y.padStart(4, '0');
  return `${yearText}-${String(monthNumber).padStart(2, '0')}-${d.padStart(2, '0')}`;
}
