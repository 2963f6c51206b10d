import { dayOf, partsOf, quarterStart, type Calendar, type Day } from './calendar.ts';
import { COUNTIES, pickCounty, pickPhone, pickZip, type County } from './geography.ts';
import { makeEmail, pickGivenName, pickGroup, pickSuffix, pickSurname, type Group } from './names.ts';
import type { Rng } from './prng.ts';
import type { WorldKnobs } from './synth-config.ts';

/** The true person, before any source records them. */
export interface Person {
  index: number;
  id: string;
  group: Group;
  sex: 'f' | 'm';
  dob: Day;
  first: string;
  middle: string;
  suffix: string;
  birthSurname: string;
  /** Surname from the given day on (at most one change, after marriage). */
  newSurname?: { day: Day; last: string };
  ssn: string;
  email: string;
  phone: string;
  /** Residences in date order; the first starts before the window. */
  homes: Array<{ day: Day; zip: string; county: County }>;
  /** Log-earnings person effect; also raises the chance of passing exams. */
  ability: number;
  /** Own log-earnings growth per quarter, centred on the window's middle; raises the chance of seeking a credential. */
  growth: number;
  twinOf?: string;
  wageCovered: boolean;
  inSpine: boolean;
}

export function personId(index: number): string {
  return `P${String(index + 1).padStart(7, '0')}`;
}

/** Working-age adults at the window start: 17-64, fewer at the ends. */
function pickAge(rng: Rng): number {
  const u = rng.next();
  if (u < 0.08) return rng.between(17, 19);
  if (u < 0.88) return rng.between(20, 54);
  return rng.between(55, 64);
}

export function makePerson(rng: Rng, index: number, ssn: string, cal: Calendar, knobs: WorldKnobs): Person {
  const group = pickGroup(rng);
  const sex = rng.chance(0.5) ? 'f' : 'm';
  const age = pickAge(rng);
  const birthYear = cal.startYear - age - 1;
  const dob = dayOf(birthYear, 1, 1) + rng.int(365);
  const first = pickGivenName(rng, group, sex);
  const birthSurname = pickSurname(rng, group);
  let middle = rng.chance(0.8) ? pickGivenName(rng, group, sex) : '';
  if (middle === first) middle = '';
  const county = pickCounty(rng);
  return {
    index,
    id: personId(index),
    group,
    sex,
    dob,
    first,
    middle,
    suffix: pickSuffix(rng, sex),
    birthSurname,
    ssn,
    email: makeEmail(rng, first, birthSurname, birthYear),
    phone: pickPhone(rng, county),
    homes: [{ day: dob, zip: pickZip(rng, county), county }],
    ability: rng.normal(),
    growth: 0,
    wageCovered: rng.chance(knobs.wageCoverage),
    inSpine: rng.chance(knobs.spineCoverage),
  };
}

/** A twin shares the birth date, surname, home and phone, with a given name of their own. */
export function makeTwin(rng: Rng, sibling: Person, index: number, ssn: string, knobs: WorldKnobs): Person {
  const sex = rng.chance(0.5) ? 'f' : 'm';
  let first = pickGivenName(rng, sibling.group, sex);
  for (let i = 0; i < 10 && first === sibling.first; i += 1) first = pickGivenName(rng, sibling.group, sex);
  const birthYear = partsOf(sibling.dob).year;
  return {
    ...sibling,
    index,
    id: personId(index),
    sex,
    first,
    middle: rng.chance(0.8) ? pickGivenName(rng, sibling.group, sex) : '',
    suffix: '',
    newSurname: undefined,
    ssn,
    email: makeEmail(rng, first, sibling.birthSurname, birthYear),
    homes: [sibling.homes[0]],
    ability: 0.6 * sibling.ability + 0.8 * rng.normal(),
    twinOf: sibling.id,
    wageCovered: rng.chance(knobs.wageCoverage),
    inSpine: rng.chance(knobs.spineCoverage),
  };
}

/** Marriage (with a surname change) and moves within the state during the window. */
export function addLifeEvents(rng: Rng, person: Person, cal: Calendar, knobs: WorldKnobs, spouseSurname: () => string): void {
  for (let q = 0; q < cal.quarters; q += 1) {
    const day = quarterStart(cal, q) + rng.int(90);
    const age = (day - person.dob) / 365.25;
    const marriageRate = age >= 20 && age <= 45 ? knobs.marriageRatePerYear / 4 : 0;
    if (!person.newSurname && rng.chance(marriageRate)) {
      // Most women and few men take the spouse's name; some hyphenate.
      const takes = person.sex === 'f' ? 0.75 : 0.04;
      const u = rng.next();
      if (u < takes) person.newSurname = { day, last: spouseSurname() };
      else if (u < takes + 0.08) person.newSurname = { day, last: `${person.birthSurname}-${spouseSurname()}` };
    }
    if (rng.chance(knobs.residentialMoveRatePerQuarter)) {
      const county = rng.chance(0.7) ? person.homes[person.homes.length - 1].county : pickCounty(rng);
      person.homes.push({ day, zip: pickZip(rng, county), county });
    }
  }
}

export function surnameOn(person: Person, day: Day): string {
  return person.newSurname && day >= person.newSurname.day ? person.newSurname.last : person.birthSurname;
}

export function homeOn(person: Person, day: Day): { zip: string; county: County } {
  let home = person.homes[0];
  for (const h of person.homes) if (h.day <= day) home = h;
  return home;
}

export { COUNTIES };
