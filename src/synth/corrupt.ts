import { dayOf, daysInMonth, isoDate, partsOf, type Day } from './calendar.ts';
import type { Rng } from './prng.ts';

/*
 * Keying errors of the kinds record-linkage studies count: insertion, deletion, substitution
 * (mostly a neighbouring key) and transposition of adjacent letters.
 */
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbourKey(rng: Rng, ch: string): string {
  const lower = ch.toLowerCase();
  for (const row of KEYBOARD_ROWS) {
    const i = row.indexOf(lower);
    if (i < 0) continue;
    const options = [row[i - 1], row[i + 1]].filter((c): c is string => c !== undefined);
    const picked = rng.pick(options);
    return ch === lower ? picked : picked.toUpperCase();
  }
  return ch;
}

export type TypoKind = 'insert' | 'delete' | 'substitute' | 'transpose';

export function typo(rng: Rng, text: string): string {
  if (text.length < 2) return text;
  const kind = rng.pick(['insert', 'delete', 'substitute', 'transpose'] as TypoKind[]);
  // Keep the first letter: it is rarely mistyped, and names of two letters stay recognisable.
  const i = 1 + rng.int(text.length - 1);
  const ch = text[i];
  switch (kind) {
    case 'insert': return text.slice(0, i) + (/[a-z]/i.test(ch) ? neighbourKey(rng, ch) : 'e') + text.slice(i);
    case 'delete': return text.length > 3 ? text.slice(0, i) + text.slice(i + 1) : text + text[text.length - 1];
    case 'substitute': {
      const replacement = neighbourKey(rng, ch);
      return text.slice(0, i) + (replacement === ch ? 'a' : replacement) + text.slice(i + 1);
    }
    default: {
      const j = i === text.length - 1 ? i - 1 : i;
      if (text[j] === text[j + 1]) return text.slice(0, j) + text.slice(j + 1);
      return text.slice(0, j) + text[j + 1] + text[j] + text.slice(j + 2);
    }
  }
}

/** Cuts a name to a shorter prefix, as narrow form fields do. */
export function truncateName(rng: Rng, text: string): string {
  if (text.length <= 4) return text;
  return text.slice(0, rng.between(3, text.length - 1));
}

/** Day and month swapped (only possible when the day is 12 or less). */
export function swapDayMonth(dob: Day): Day {
  const p = partsOf(dob);
  if (p.day > 12 || p.day === p.month) return dob;
  return dayOf(p.year, p.day, p.month);
}

/** One unit off in the day, the month or the year. */
export function offByOne(rng: Rng, dob: Day): Day {
  const p = partsOf(dob);
  const delta = rng.chance(0.5) ? 1 : -1;
  const which = rng.int(3);
  if (which === 0) return dayOf(p.year + delta, p.month, Math.min(p.day, daysInMonth(p.year + delta, p.month)));
  if (which === 1) {
    const month = ((p.month - 1 + delta + 12) % 12) + 1;
    return dayOf(p.year, month, Math.min(p.day, daysInMonth(p.year, month)));
  }
  return dob + delta;
}

export function corruptedDob(rng: Rng, dob: Day, swapRate: number, offRate: number): string {
  if (rng.chance(swapRate)) {
    const swapped = swapDayMonth(dob);
    if (swapped !== dob) return isoDate(swapped);
  }
  if (rng.chance(offRate)) return isoDate(offByOne(rng, dob));
  return isoDate(dob);
}
