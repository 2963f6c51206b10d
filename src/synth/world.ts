import { dayOf, isoDate, quarterStart, yearQuarter, type Calendar } from './calendar.ts';
import { simulateCareer, type CareerContext } from './career.ts';
import { buildEmployers, type EmployerPool } from './employers.ts';
import { generalEnrollment } from './education.ts';
import { csvLine } from './formatting.ts';
import type { IdentityView } from './identity-view.ts';
import { pickGroup, pickSurname } from './names.ts';
import { keyedPermutation } from './permutation.ts';
import { addLifeEvents, makePerson, makeTwin, type Person } from './person.ts';
import { createRng } from './prng.ts';
import { renderEducation, renderSpine, renderWages } from './render-records.ts';
import { renderRosters, type LocalIdMaker } from './render-rosters.ts';
import { ShuffleBuffer } from './shuffle-buffer.ts';
import { ssnGenerator } from './ssn.ts';
import { SOURCES, type SourceName, type SynthOptions } from './synth-config.ts';
import { WorldStats, type WorldSummary } from './world-stats.ts';

export type WorldFile = SourceName | 'truthPersons' | 'truthPeople' | 'truthExams';
export interface WorldLine {
  file: WorldFile;
  line: string;
}

// Independent streams per person, so that corruption knobs never change the true lives.
const ASPECT_LIFE = 1;
const ASPECT_RECORDS = 2;
const ASPECT_SHUFFLE = 3;
const ASPECT_GROWTH = 4;
const SHUFFLE_WINDOW = 4096;
export const MAX_PERSONS = 10_000_000;

const ID_PREFIX: Record<SourceName, string> = { techcert: 'TC', nurseboard: 'A', tradecert: 'M-', education: 'ST', wages: '', spine: 'SP' };

/**
 * The synthetic world, generated person by person: `lines()` yields each person's rows for every
 * file (source rows pass a bounded shuffle first), so memory stays flat however many persons.
 */
export class SyntheticWorld {
  readonly cal: Calendar;
  readonly pool: EmployerPool;
  private readonly stats = new WorldStats();
  private readonly makeId: LocalIdMaker;
  private readonly ssnOf: (index: number) => string;

  constructor(readonly options: SynthOptions) {
    if (options.persons < 1 || options.persons > MAX_PERSONS) throw new RangeError(`persons must be 1..${MAX_PERSONS}`);
    this.cal = { startYear: options.startYear, quarters: options.years * 4 };
    this.pool = buildEmployers(options.seed, options.persons);
    this.ssnOf = ssnGenerator(options.seed);
    const perms = new Map(SOURCES.map((s, i) => [s, keyedPermutation(1_000_000_000, options.seed * 31 + i + 7)]));
    this.makeId = (source, registration) => `${ID_PREFIX[source]}${String(perms.get(source)!(registration)).padStart(9, '0')}`;
  }

  *lines(): Generator<WorldLine[]> {
    const { persons, seed, world: knobs } = this.options;
    const ctx: CareerContext = { cal: this.cal, pool: this.pool, knobs };
    const buffers = new Map(SOURCES.map((s) => [s, new ShuffleBuffer<string>(createRng(seed, ASPECT_SHUFFLE, s.length, SOURCES.indexOf(s)), SHUFFLE_WINDOW)]));
    let twinOf: Person | undefined;
    for (let i = 0; i < persons; i += 1) {
      const life = createRng(seed, i, ASPECT_LIFE);
      const person = twinOf ? makeTwin(life, twinOf, i, this.ssnOf(i), knobs) : makePerson(life, i, this.ssnOf(i), this.cal, knobs);
      twinOf = !twinOf && life.chance(knobs.twinRate) ? person : undefined;
      addLifeEvents(life, person, this.cal, knobs, () => pickSurname(life, pickGroup(life)));
      // Its own stream, so that the growth knobs leave every other draw of the life unchanged.
      person.growth = knobs.earningsGrowthSd * createRng(seed, i, ASPECT_GROWTH).normal();
      const out: WorldLine[] = [];
      for (const [file, line] of this.personLines(person, ctx)) {
        if (file === 'truthPersons' || file === 'truthPeople' || file === 'truthExams') out.push({ file, line });
        else {
          this.stats.row(file);
          const released = buffers.get(file)!.push(line);
          if (released !== undefined) out.push({ file, line: released });
        }
      }
      yield out;
    }
    yield SOURCES.flatMap((file) => buffers.get(file)!.drain().map((line) => ({ file, line })));
  }

  private *personLines(person: Person, ctx: CareerContext): Generator<[WorldFile, string]> {
    const { corruption, world: knobs } = this.options;
    const life = createRng(this.options.seed, person.index, ASPECT_LIFE, 1);
    const records = createRng(this.options.seed, person.index, ASPECT_RECORDS);
    const career = simulateCareer(life, person, ctx);
    const enrollments = [...career.path.enrollments];
    const ageAtStart = this.options.startYear - Number(isoDate(person.dob).slice(0, 4));
    if (ageAtStart < 40 && life.chance(knobs.educationShare)) {
      enrollments.push(generalEnrollment(life, dayOf(this.options.startYear - 4, 1, 1) + life.int(365 * (this.options.years + 3))));
    }
    const windowEnd = quarterStart(this.cal, this.cal.quarters) - 1;
    const lines: Array<[WorldFile, string]> = [];
    const localIds = new Map<SourceName, Set<string>>();
    const views: Array<[SourceName, IdentityView]> = [];
    let spineView: IdentityView | undefined;
    const sink = {
      row: (source: SourceName, fields: string[]) => lines.push([source, csvLine(fields)]),
      localId: (source: SourceName, id: string) => {
        if (!localIds.has(source)) localIds.set(source, new Set());
        localIds.get(source)!.add(id);
      },
      view: (source: SourceName, view: IdentityView) => {
        views.push([source, view]);
        if (source === 'spine') spineView = view;
      },
    };
    renderRosters(records, person, career.path.exams, corruption, this.makeId, this.options.persons, sink, knobs.passersOnlyRosters);
    renderEducation(records, person, enrollments, windowEnd, corruption.education, this.makeId, sink);
    renderWages(records, person, career, this.cal, corruption.wages, sink);
    renderSpine(records, person, this.cal, corruption.spine, this.makeId, sink);
    this.stats.person(localIds, views, spineView);
    yield* lines;
    for (const [source, ids] of localIds) for (const id of ids) yield ['truthPersons', csvLine([source, id, person.id])];
    const moved = career.movedOutQuarter === undefined ? '' : ((yq) => `${yq.year}Q${yq.quarter}`)(yearQuarter(this.cal, career.movedOutQuarter));
    yield ['truthPeople', csvLine([person.id, person.sex, person.group, isoDate(person.dob), person.first, person.middle, person.suffix, person.birthSurname,
      person.newSurname?.last ?? '', person.newSurname ? isoDate(person.newSurname.day) : '', person.ssn, person.twinOf ?? '',
      person.ability.toFixed(4), person.wageCovered ? '1' : '0', person.inSpine ? '1' : '0', moved])];
    for (const e of career.path.exams) {
      yield ['truthExams', csvLine([person.id, e.credential.code, String(e.attempt), isoDate(e.examDay), e.pass ? 'pass' : 'fail',
        e.awardDay === undefined ? '' : isoDate(e.awardDay), e.expiryDay === undefined ? '' : isoDate(e.expiryDay)])];
    }
  }

  summary(): WorldSummary {
    const { persons, seed, startYear, years } = this.options;
    return this.stats.summary({ persons, seed, startYear, years, employers: this.pool.employers.length });
  }
}
