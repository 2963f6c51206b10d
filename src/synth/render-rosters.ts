import { formatDate } from './calendar.ts';
import { issuerSource } from './catalog.ts';
import type { ExamAttempt } from './credential-path.ts';
import { casing, dateOrEmpty, formatPhone } from './formatting.ts';
import { identityView, type IdentityView } from './identity-view.ts';
import { DATE_FORMATS } from './layouts.ts';
import type { Person } from './person.ts';
import type { Rng } from './prng.ts';
import type { SourceSink } from './source-sink.ts';
import type { SourceCorruption, SourceName } from './synth-config.ts';

export type RosterSource = 'techcert' | 'nurseboard' | 'tradecert';
export const ROSTERS: RosterSource[] = ['techcert', 'nurseboard', 'tradecert'];

/** Candidate ids: the n-th registration of a source gets the n-th element of a keyed permutation. */
export type LocalIdMaker = (source: SourceName, registration: number) => string;

interface Registration {
  id: string;
  view: IdentityView;
  phone: string;
}

function register(rng: Rng, person: Person, day: number, source: RosterSource, c: SourceCorruption, id: string): Registration {
  const view = identityView(rng, person, day, c);
  return { id, view, phone: view.phone ? formatPhone(rng, view.phone) : '' };
}

function rosterRow(source: RosterSource, reg: Registration, exam: ExamAttempt): string[] {
  const { view } = reg;
  const result = exam.pass ? 'pass' : 'fail';
  if (source === 'techcert') {
    const dobFormat = view.altDate ? DATE_FORMATS.techcertDobAlt : DATE_FORMATS.techcertDob;
    const f = DATE_FORMATS.techcertEvent;
    return [reg.id, casing(view.first, view.upper), casing(view.middle, view.upper), casing(view.last, view.upper),
      view.dob ? formatDate(view.dob, dobFormat) : '', view.email ?? '', reg.phone, view.zip ?? '',
      exam.credential.code, dateOrEmpty(exam.examDay, f), result, dateOrEmpty(exam.awardDay, f), dateOrEmpty(exam.expiryDay, f)];
  }
  if (source === 'nurseboard') {
    // Licensing boards keep one upper-case "LAST, FIRST MIDDLE" name column.
    const given = [view.first, view.middle].filter(Boolean).join(' ');
    const f = DATE_FORMATS.nurseboardEvent;
    return [reg.id, `${view.last}, ${given}`.toUpperCase(), view.dob ? formatDate(view.dob, DATE_FORMATS.nurseboardDob).toUpperCase() : '',
      view.sex.toUpperCase(), view.zip ?? '', view.email ?? '', exam.credential.code, dateOrEmpty(exam.examDay, f), result,
      dateOrEmpty(exam.awardDay, f), dateOrEmpty(exam.expiryDay, f)];
  }
  const f = DATE_FORMATS.tradecertEvent;
  return [reg.id, casing(view.first, view.upper), casing(view.last, view.upper), view.email ?? '', view.zip ?? '',
    exam.credential.code, dateOrEmpty(exam.examDay, f), result, dateOrEmpty(exam.awardDay, f), dateOrEmpty(exam.expiryDay, f)];
}

/**
 * One roster's rows for a person: a registration (the identity as of a few weeks before the
 * first exam) and one row per attempt. Some candidates register a second time under a new id.
 */
export function renderRosters(rng: Rng, person: Person, exams: ExamAttempt[], corruption: Record<SourceName, SourceCorruption>, makeId: LocalIdMaker, persons: number, sink: SourceSink, passersOnly: readonly RosterSource[] = []): void {
  for (const source of ROSTERS) {
    const listed = (e: ExamAttempt) => e.pass || !passersOnly.includes(source);
    const mine = exams.filter((e) => issuerSource(e.credential) === source && listed(e)).sort((a, b) => a.examDay - b.examDay);
    if (mine.length === 0) continue;
    const c = corruption[source];
    const first = register(rng, person, mine[0].examDay - rng.between(7, 60), source, c, makeId(source, person.index));
    const registrations: Array<[Registration, ExamAttempt[]]> = [[first, mine]];
    if (rng.chance(c.duplicatePerson)) {
      const split = mine.length > 1 ? 1 + rng.int(mine.length - 1) : 0;
      const second = register(rng, person, mine[split].examDay - rng.between(1, 30), source, c, makeId(source, persons + person.index));
      registrations[0] = [first, split === 0 ? mine : mine.slice(0, split)];
      registrations.push([second, mine.slice(split)]);
    }
    for (const [reg, attempts] of registrations) {
      sink.localId(source, reg.id);
      sink.view(source, reg.view, reg.id);
      for (const exam of attempts) {
        const row = rosterRow(source, reg, exam);
        sink.row(source, row);
        if (rng.chance(c.duplicateRows)) sink.row(source, row);
      }
    }
  }
}
