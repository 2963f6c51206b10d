import { dayOf, partsOf, type Day } from './calendar.ts';
import type { Rng } from './prng.ts';

export interface College {
  code: string;
  name: string;
  twoYear: boolean;
}

/** Made-up institutions; codes look like OPEID (6 digits, 2-digit branch). */
export const COLLEGES: College[] = [
  { code: '003120-00', name: 'Central State Community College', twoYear: true },
  { code: '004871-00', name: 'Lakeshore Technical College', twoYear: true },
  { code: '004871-01', name: 'Lakeshore Technical College - East Campus', twoYear: true },
  { code: '006512-00', name: 'Riverbend Community College', twoYear: true },
  { code: '010233-00', name: 'Northfield Career Institute', twoYear: true },
  { code: '003047-00', name: 'State University', twoYear: false },
  { code: '003101-00', name: 'Riverside University', twoYear: false },
  { code: '002984-00', name: 'Hillcrest College', twoYear: false },
];

export interface Program {
  title: string;
  level: 'certificate' | 'associate' | 'bachelor' | 'master';
  cip: string;
  /** Terms (semesters, summers included when `summers`) to complete. */
  terms: number;
  summers: boolean;
}

export const PROGRAMS = {
  practicalNursing: { title: 'Certificate in Practical Nursing', level: 'certificate', cip: '51.3901', terms: 3, summers: true },
  nursingAssociate: { title: 'Associate of Applied Science in Nursing', level: 'associate', cip: '51.3801', terms: 5, summers: false },
  computerSupport: { title: 'Associate of Applied Science in Computer Information Systems', level: 'associate', cip: '11.0901', terms: 4, summers: false },
  weldingCert: { title: 'Certificate in Welding Technology', level: 'certificate', cip: '48.0508', terms: 2, summers: false },
  generalStudies: { title: 'Associate of Arts', level: 'associate', cip: '24.0101', terms: 4, summers: false },
  business: { title: 'Bachelor of Science in Business Administration', level: 'bachelor', cip: '52.0201', terms: 8, summers: false },
  biology: { title: 'Bachelor of Science in Biology', level: 'bachelor', cip: '26.0101', terms: 8, summers: false },
  mba: { title: 'Master of Business Administration', level: 'master', cip: '52.0201', terms: 4, summers: false },
} satisfies Record<string, Program>;

export interface Term {
  begin: Day;
  end: Day;
  /** F full-time, H half-time, L less than half-time, W withdrawn. */
  status: 'F' | 'H' | 'L' | 'W';
}

export interface Enrollment {
  college: College;
  program: Program;
  terms: Term[];
  graduation?: Day;
}

type Season = 'spring' | 'summer' | 'fall';
const SEASON_DATES: Record<Season, [number, number, number, number]> = {
  spring: [1, 12, 5, 8],
  summer: [5, 26, 8, 7],
  fall: [8, 24, 12, 11],
};

function nextSeason(season: Season, summers: boolean): Season {
  if (season === 'spring') return summers ? 'summer' : 'fall';
  if (season === 'summer') return 'fall';
  return 'spring';
}

/** The first term that starts on or after the day. */
function firstTerm(day: Day): { year: number; season: Season } {
  const { year } = partsOf(day);
  for (const season of ['spring', 'summer', 'fall'] as Season[]) {
    const [m, d] = SEASON_DATES[season];
    if (dayOf(year, m, d) >= day) return { year, season };
  }
  return { year: year + 1, season: 'spring' };
}

/** Terms from the first one after `from`; a non-completer withdraws partway and never graduates. */
export function enroll(rng: Rng, college: College, program: Program, from: Day, completes: boolean): Enrollment {
  let { year, season } = firstTerm(from);
  const intensity: Term['status'] = rng.chance(0.6) ? 'F' : rng.chance(0.6) ? 'H' : 'L';
  const termsTaken = completes ? program.terms + (intensity === 'F' ? 0 : rng.int(3)) : 1 + rng.int(Math.max(1, program.terms - 1));
  const terms: Term[] = [];
  for (let t = 0; t < termsTaken; t += 1) {
    const [m1, d1, m2, d2] = SEASON_DATES[season];
    const status: Term['status'] = !completes && t === termsTaken - 1 ? 'W' : rng.chance(0.85) ? intensity : rng.pick(['F', 'H', 'L'] as const);
    terms.push({ begin: dayOf(year, m1, d1), end: dayOf(year, m2, d2), status });
    const next = nextSeason(season, program.summers);
    if (next === 'spring') year += 1;
    season = next;
  }
  const last = terms[terms.length - 1];
  return { college, program, terms, graduation: completes ? last.end + rng.between(3, 10) : undefined };
}

export function pickCollege(rng: Rng, twoYear: boolean): College {
  return rng.pick(COLLEGES.filter((c) => c.twoYear === twoYear));
}

/** College outside any credential pathway: most at two-year colleges, some at universities. */
export function generalEnrollment(rng: Rng, from: Day): Enrollment {
  const u = rng.next();
  const program = u < 0.45 ? PROGRAMS.generalStudies : u < 0.6 ? PROGRAMS.computerSupport : u < 0.7 ? PROGRAMS.weldingCert : u < 0.85 ? PROGRAMS.business : u < 0.95 ? PROGRAMS.biology : PROGRAMS.mba;
  const twoYear = program.level === 'associate' || program.level === 'certificate';
  return enroll(rng, pickCollege(rng, twoYear), program, from, rng.chance(program.level === 'bachelor' ? 0.6 : 0.45));
}
