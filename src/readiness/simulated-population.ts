import { dayOf, isoDate, quarterStart, type Calendar, type Day } from '../synth/calendar.ts';
import { simulateCareer, type CareerContext } from '../synth/career.ts';
import { generalEnrollment } from '../synth/education.ts';
import { buildEmployers } from '../synth/employers.ts';
import { pickGroup, pickSurname } from '../synth/names.ts';
import { addLifeEvents, makePerson, makeTwin, type Person } from '../synth/person.ts';
import { createRng } from '../synth/prng.ts';
import { renderEducation, renderSpine, renderWages } from '../synth/render-records.ts';
import { ssnGenerator } from '../synth/ssn.ts';
import { resolveCorruption, resolveWorld, type SourceCorruption, type SourceName } from '../synth/synth-config.ts';

/** A person who sat at least one exam: the kind of person an issuer's roster holds. */
export interface Candidate {
  person: Person;
  /** When the roster recorded them (a few weeks before the first exam). */
  registrationDay: Day;
  credentials: string[];
}

export type OtherSource = 'education' | 'wages' | 'spine';

/** Rows of one source as its holder would export them, each with the true person behind it. */
export interface SimulatedRows {
  rows: string[][];
  /** Local person id (as the mapping yields it) -> true person id. */
  personOf: Map<string, string>;
}

export interface SimulatedPopulation {
  candidates: Candidate[];
  sources: Record<OtherSource, SimulatedRows>;
  quarters: number;
  corruption: Record<SourceName, SourceCorruption>;
}

// Stream numbers of our own, so that the simulation never replays a world written by credlink synth.
const ASPECT_LIFE = 11;
const ASPECT_RECORDS = 12;

/**
 * A small synthetic population built with the synth engine (people, careers, the spine, wage and
 * education records at the default corruption), keeping the true Person of every exam taker so
 * that a roster with any field availability can be rendered for them later.
 */
export function simulatePopulation(persons: number, seed: number, startYear = 2018, years = 6): SimulatedPopulation {
  const knobs = resolveWorld();
  const corruption = resolveCorruption('default');
  const cal: Calendar = { startYear, quarters: years * 4 };
  const ctx: CareerContext = { cal, pool: buildEmployers(seed, persons), knobs };
  const ssnOf = ssnGenerator(seed);
  const makeId = (source: SourceName, n: number) => `${source.slice(0, 2).toUpperCase()}${String(n).padStart(9, '0')}`;
  const sources: Record<OtherSource, SimulatedRows> = {
    education: { rows: [], personOf: new Map() },
    wages: { rows: [], personOf: new Map() },
    spine: { rows: [], personOf: new Map() },
  };
  const candidates: Candidate[] = [];
  const windowEnd = quarterStart(cal, cal.quarters) - 1;
  let twinOf: Person | undefined;
  for (let i = 0; i < persons; i += 1) {
    const life = createRng(seed, i, ASPECT_LIFE);
    const person = twinOf ? makeTwin(life, twinOf, i, ssnOf(i), knobs) : makePerson(life, i, ssnOf(i), cal, knobs);
    twinOf = !twinOf && life.chance(knobs.twinRate) ? person : undefined;
    addLifeEvents(life, person, cal, knobs, () => pickSurname(life, pickGroup(life)));
    const careerRng = createRng(seed, i, ASPECT_LIFE, 1);
    const records = createRng(seed, i, ASPECT_RECORDS);
    const career = simulateCareer(careerRng, person, ctx);
    const enrollments = [...career.path.enrollments];
    const ageAtStart = startYear - Number(isoDate(person.dob).slice(0, 4));
    if (ageAtStart < 40 && careerRng.chance(knobs.educationShare)) {
      enrollments.push(generalEnrollment(careerRng, dayOf(startYear - 4, 1, 1) + careerRng.int(365 * (years + 3))));
    }
    const sink = {
      row: (source: SourceName, fields: string[]) => sources[source as OtherSource]?.rows.push(fields),
      localId: (source: SourceName, id: string) => sources[source as OtherSource]?.personOf.set(id, person.id),
      view: () => {},
    };
    renderEducation(records, person, enrollments, windowEnd, corruption.education, makeId, sink);
    renderWages(records, person, career, cal, corruption.wages, sink);
    renderSpine(records, person, cal, corruption.spine, makeId, sink);
    const exams = [...career.path.exams].sort((a, b) => a.examDay - b.examDay);
    if (exams.length > 0) {
      candidates.push({ person, registrationDay: exams[0].examDay - records.between(7, 60), credentials: [...new Set(exams.map((e) => e.credential.code))] });
    }
  }
  return { candidates, sources, quarters: cal.quarters, corruption };
}
