import { keyedPermutation } from './permutation.ts';
import type { Rng } from './prng.ts';

/*
 * SSNs are valid-looking (area 001-899 but not 666, group 01-99, serial 0001-9999) and unique:
 * person i gets the i-th element of a keyed permutation of area x group x serial prefix, and the
 * last digit is a Luhn check digit. That check is private to the generator: it makes every
 * single-digit typo or adjacent transposition land outside the set of true SSNs, so a mistyped
 * SSN in the wage file can never be another person's real one.
 */
const AREAS = 898;
const GROUPS = 99;
const PREFIXES = 999;
export const SSN_SPACE = AREAS * GROUPS * PREFIXES;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function checkDigit(first8: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(first8 + d)) return String(d);
  throw new Error('unreachable');
}

export function ssnGenerator(seed: number): (personIndex: number) => string {
  const permute = keyedPermutation(SSN_SPACE, seed ^ 0x55e7);
  return (personIndex) => {
    const x = permute(personIndex);
    const prefix = (x % PREFIXES) + 1;
    const group = (Math.floor(x / PREFIXES) % GROUPS) + 1;
    let area = Math.floor(x / (PREFIXES * GROUPS)) + 1;
    if (area >= 666) area += 1;
    const first8 = `${String(area).padStart(3, '0')}${String(group).padStart(2, '0')}${String(prefix).padStart(3, '0')}`;
    return first8 + checkDigit(first8);
  };
}

export function plausibleSsn(ssn: string): boolean {
  const area = Number(ssn.slice(0, 3));
  return /^\d{9}$/.test(ssn) && area !== 0 && area !== 666 && area < 900 && ssn.slice(3, 5) !== '00' && ssn.slice(5) !== '0000';
}

/** One keying error: a wrong digit or two neighbours swapped; never a real SSN, always a plausible one. */
export function mistypeSsn(rng: Rng, ssn: string): string {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const chars = ssn.split('');
    const i = rng.int(9);
    if (rng.chance(0.5) && i < 8) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
    else chars[i] = String((Number(chars[i]) + 1 + rng.int(9)) % 10);
    const typo = chars.join('');
    if (typo !== ssn && !luhnValid(typo) && plausibleSsn(typo)) return typo;
  }
  return ssn;
}
