import { formatDate, quarterStart, yearQuarter, type Calendar, type Day } from './calendar.ts';
import type { Career } from './career.ts';
import type { Enrollment } from './education.ts';
import { casing, dateOrEmpty, formatSsn, withAccents } from './formatting.ts';
import { identityView } from './identity-view.ts';
import { DATE_FORMATS } from './layouts.ts';
import type { Person } from './person.ts';
import type { Rng } from './prng.ts';
import type { LocalIdMaker } from './render-rosters.ts';
import type { SourceSink } from './source-sink.ts';
import { mistypeSsn } from './ssn.ts';
import type { SourceCorruption } from './synth-config.ts';

/** The clearinghouse returns names in upper case, one row per term and one per degree, as of the window's end. */
export function renderEducation(rng: Rng, person: Person, enrollments: Enrollment[], windowEnd: Day, c: SourceCorruption, makeId: LocalIdMaker, sink: SourceSink): void {
  const visible = enrollments
    .map((e) => ({ ...e, terms: e.terms.filter((t) => t.begin <= windowEnd), graduation: e.graduation !== undefined && e.graduation <= windowEnd ? e.graduation : undefined }))
    .filter((e) => e.terms.length > 0)
    .sort((a, b) => a.terms[0].begin - b.terms[0].begin);
  if (visible.length === 0) return;
  const view = identityView(rng, person, visible[0].terms[0].begin, c);
  const id = makeId('education', person.index);
  sink.localId('education', id);
  sink.view('education', view, id);
  const f = DATE_FORMATS.education;
  const who = [id, withAccents(rng, view.first, 0.3).toUpperCase(), view.middle.slice(0, 1).toUpperCase(), withAccents(rng, view.last, 0.3).toUpperCase(),
    view.suffix.toUpperCase(), view.dob ? formatDate(view.dob, f) : ''];
  for (const e of visible) {
    const { college, program } = e;
    for (const term of e.terms) {
      sink.row('education', [...who, college.code, college.name, dateOrEmpty(term.begin, f), dateOrEmpty(term.end, f), term.status, '', '', '', program.cip]);
    }
    if (e.graduation !== undefined) {
      sink.row('education', [...who, college.code, college.name, '', '', 'G', program.title, program.level, dateOrEmpty(e.graduation, f), program.cip]);
    }
  }
}

/**
 * UI wage records as each employer's payroll reports them: its own name casing and field widths,
 * the name as of the job's start (updated after a marriage by some employers), and now and then
 * a mistyped SSN, which makes a separate wage "person" keyed on the wrong number.
 */
export function renderWages(rng: Rng, person: Person, career: Career, cal: Calendar, c: SourceCorruption, sink: SourceSink): void {
  if (!person.wageCovered || career.wages.length === 0) return;
  const spellFormat = new Map<unknown, { ssn: string; first: string; last: string; lastAfterMarriage?: { day: Day; last: string } }>();
  const paid = new Set(career.wages.map((w) => w.spell));
  for (const spell of career.spells) {
    if (!paid.has(spell)) continue;
    const start = quarterStart(cal, Math.max(0, spell.startQuarter));
    const view = identityView(rng, person, start, c);
    const emp = spell.employer;
    const upper = emp.upperCase || view.upper;
    const first = (emp.middleInFirst && view.middle ? `${view.first} ${view.middle[0]}` : view.first).slice(0, emp.firstWidth);
    const lastFor = (name: string) => casing(name, upper).slice(0, emp.lastWidth);
    const ssn = rng.chance(c.ssnTypo) ? mistypeSsn(rng, person.ssn) : person.ssn;
    const marriage = person.newSurname && person.newSurname.day > start && !rng.chance(c.staleSurname) ? person.newSurname : undefined;
    spellFormat.set(spell, {
      ssn,
      first: casing(first, upper),
      last: lastFor(view.last),
      lastAfterMarriage: marriage && { day: marriage.day, last: lastFor(marriage.last) },
    });
    if (ssn !== person.ssn) view.applied.push('ssnTypo');
    sink.localId('wages', ssn);
    sink.view('wages', view, ssn);
  }
  for (const w of career.wages) {
    const fmt = spellFormat.get(w.spell)!;
    const { year, quarter } = yearQuarter(cal, w.quarter);
    const last = fmt.lastAfterMarriage && quarterStart(cal, w.quarter) >= fmt.lastAfterMarriage.day ? fmt.lastAfterMarriage.last : fmt.last;
    const row = [formatSsn(fmt.ssn, w.spell.employer.ssnDashes), fmt.first, last, String(year), String(quarter), w.spell.employer.id, w.wages.toFixed(2)];
    sink.row('wages', row);
    if (rng.chance(c.duplicateRows)) sink.row('wages', row);
  }
}

/** The spine: a state identity register, snapshot taken some time in the window's last two years. */
export function renderSpine(rng: Rng, person: Person, cal: Calendar, c: SourceCorruption, makeId: LocalIdMaker, sink: SourceSink): void {
  if (!person.inSpine) return;
  const end = quarterStart(cal, cal.quarters);
  const view = identityView(rng, person, end - rng.int(730), c);
  const id = makeId('spine', person.index);
  const ssnMissing = rng.chance(c.ssnMissing);
  if (ssnMissing) view.applied.push('ssnMissing');
  sink.localId('spine', id);
  sink.view('spine', view, id);
  const ssn = ssnMissing ? '' : formatSsn(view.ssn, true);
  sink.row('spine', [id, withAccents(rng, view.first, 0.5), withAccents(rng, view.middle, 0.5), withAccents(rng, view.last, 0.5), view.suffix,
    view.dob ? formatDate(view.dob, DATE_FORMATS.spine) : '', view.sex.toUpperCase(), ssn, view.zip ?? '']);
}
