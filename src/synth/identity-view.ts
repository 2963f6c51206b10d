import type { Day } from './calendar.ts';
import { corruptedDob, truncateName, typo } from './corrupt.ts';
import { nicknameOf } from './names.ts';
import { homeOn, surnameOn, type Person } from './person.ts';
import type { Rng } from './prng.ts';
import type { SourceCorruption } from './synth-config.ts';

/** How one source records one person: the true identity after that source's corruption. */
export interface IdentityView {
  first: string;
  middle: string;
  last: string;
  suffix: string;
  /** ISO date; undefined when the source has none for this person. */
  dob?: string;
  sex: string;
  ssn: string;
  email?: string;
  phone?: string;
  zip?: string;
  /** Write names in upper case. */
  upper: boolean;
  /** Write the birth date in the source's alternative format. */
  altDate: boolean;
  /** The corruption kinds applied, counted in truth/summary.json. */
  applied: string[];
}

/** The identity a source holds for a person as of `day` (registration, first enrollment, snapshot). */
export function identityView(rng: Rng, person: Person, day: Day, c: SourceCorruption): IdentityView {
  const applied: string[] = [];
  const hit = (rate: number, kind: string) => {
    const yes = rng.chance(rate);
    if (yes) applied.push(kind);
    return yes;
  };
  const married = person.newSurname !== undefined && day >= person.newSurname.day;
  let last = married && hit(c.staleSurname, 'staleSurname') ? person.birthSurname : surnameOn(person, day);
  let first = person.first;
  if (rng.chance(c.nickname)) {
    const nickname = nicknameOf(rng, first);
    if (nickname) {
      first = nickname;
      applied.push('nickname');
    }
  }
  if (hit(c.typoFirst, 'typoFirst')) first = typo(rng, first);
  if (hit(c.typoLast, 'typoLast')) last = typo(rng, last);
  if (hit(c.swapNames, 'swapNames')) [first, last] = [last, first];
  if (hit(c.truncate, 'truncate')) {
    if (rng.chance(0.5)) first = truncateName(rng, first);
    else last = truncateName(rng, last);
  }
  let dob: string | undefined;
  if (!hit(c.dobMissing, 'dobMissing')) dob = corruptedDob(rng, person.dob, c.dobSwap, c.dobOffByOne);
  const home = homeOn(person, day);
  let zip: string | undefined = home.zip;
  if (hit(c.zipMissing, 'zipMissing')) zip = undefined;
  else if (hit(c.zipPlus4, 'zipPlus4')) zip = `${zip}-${String(rng.int(10_000)).padStart(4, '0')}`;
  return {
    first,
    middle: hit(c.middleMissing, 'middleMissing') ? '' : person.middle,
    last,
    suffix: person.suffix,
    dob,
    sex: person.sex,
    ssn: person.ssn,
    email: hit(c.emailMissing, 'emailMissing') ? undefined : person.email,
    phone: hit(c.phoneMissing, 'phoneMissing') ? undefined : person.phone,
    zip,
    upper: hit(c.upperCase, 'upperCase'),
    altDate: hit(c.altDateFormat, 'altDateFormat'),
    applied,
  };
}

/** Comparison key for the exact name + birth date benchmark: case, accents and punctuation ignored. */
export function exactKey(view: Pick<IdentityView, 'first' | 'last' | 'dob'>): string | undefined {
  if (!view.dob) return undefined;
  const clean = (s: string) => s.normalize('NFD').toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  return `${clean(view.first)}|${clean(view.last)}|${view.dob}`;
}
