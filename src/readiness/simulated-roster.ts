import { createRowNormalizer } from '../normalize/normalize-row.ts';
import type { FieldName } from '../schema/field-names.ts';
import type { SourceMapping } from '../schema/source-mapping.ts';
import { casing, formatPhone } from '../synth/formatting.ts';
import { identityView } from '../synth/identity-view.ts';
import { createRng } from '../synth/prng.ts';
import { mistypeSsn } from '../synth/ssn.ts';
import { DEFAULT_CORRUPTION, type SourceCorruption } from '../synth/synth-config.ts';
import type { Candidate } from './simulated-population.ts';

/** The identifier fields a roster can be simulated with (the spine, wage and education files use a subset). */
export const ROSTER_FIELDS = ['first_name', 'middle_name', 'last_name', 'name_suffix', 'dob', 'sex', 'email', 'phone', 'postcode', 'ssn'] as const satisfies readonly FieldName[];
export type RosterField = (typeof ROSTER_FIELDS)[number];
export const ROSTER_HEADER = ['id', ...ROSTER_FIELDS];

/*
 * Typos, nicknames, stale surnames and date slips of a typical certification roster (the synth
 * defaults of the richest roster); how often each field is present comes from the issuer's own
 * profile instead, so every "missing" rate is zero here.
 */
const ROSTER_CORRUPTION: SourceCorruption = {
  ...DEFAULT_CORRUPTION.techcert,
  dobMissing: 0, emailMissing: 0, phoneMissing: 0, zipMissing: 0, middleMissing: 0, altDateFormat: 0, duplicateRows: 0, duplicatePerson: 0,
};
/** Self-reported SSNs are mistyped now and then; wage files see about 0.4% per employer report. */
const SSN_TYPO_RATE = 0.01;

/** Every candidate's roster row with all fields filled in, and one uniform draw per field deciding whether it is kept. */
export interface FullRoster {
  rows: string[][];
  keepDraw: Array<Record<RosterField, number>>;
  personOf: Map<string, string>;
  /** Share of rows that have a value at all for each field (middle names and suffixes are often empty). */
  shareWithValue: Record<RosterField, number>;
}

export function renderFullRoster(candidates: readonly Candidate[], seed: number): FullRoster {
  const rows: string[][] = [];
  const keepDraw: FullRoster['keepDraw'] = [];
  const personOf = new Map<string, string>();
  const withValue = Object.fromEntries(ROSTER_FIELDS.map((f) => [f, 0])) as Record<RosterField, number>;
  candidates.forEach((c, i) => {
    const rng = createRng(seed, c.person.index, 21);
    const view = identityView(rng, c.person, c.registrationDay, ROSTER_CORRUPTION);
    const id = `R${String(i).padStart(7, '0')}`;
    const row = [id, casing(view.first, view.upper), casing(view.middle, view.upper), casing(view.last, view.upper), view.suffix,
      view.dob ?? '', view.sex, view.email ?? '', view.phone ? formatPhone(rng, view.phone) : '', view.zip ?? '',
      rng.chance(SSN_TYPO_RATE) ? mistypeSsn(rng, view.ssn) : view.ssn];
    ROSTER_FIELDS.forEach((f, k) => {
      if (row[k + 1] !== '') withValue[f] += 1;
    });
    rows.push(row);
    keepDraw.push(Object.fromEntries(ROSTER_FIELDS.map((f) => [f, rng.next()])) as Record<RosterField, number>);
    personOf.set(id, c.person.id);
  });
  const n = Math.max(candidates.length, 1);
  const shareWithValue = Object.fromEntries(ROSTER_FIELDS.map((f) => [f, withValue[f] / n])) as Record<RosterField, number>;
  return { rows, keepDraw, personOf, shareWithValue };
}

export function rosterMapping(fields: readonly RosterField[]): SourceMapping {
  return {
    credlinkMapping: 1,
    source: 'roster',
    role: 'roster',
    delimiter: ',',
    personId: { column: 'id' },
    duplicateFree: true,
    fields: Object.fromEntries(fields.map((f) => [f, f === 'dob' ? { column: f, formats: ['YYYY-MM-DD'] } : { column: f }])),
    payload: {},
  };
}

/**
 * The roster as an issuer with these fields and completeness rates would export it: a field's
 * value is kept with probability completeness / (share of people having such a value), so the
 * share of rows with a usable value matches the issuer's profile.
 */
export function scenarioRows(full: FullRoster, completeness: Partial<Record<RosterField, number>>): string[][] {
  const keep = ROSTER_FIELDS.map((f) => {
    const c = completeness[f];
    if (c === undefined || c <= 0) return 0;
    return full.shareWithValue[f] > 0 ? Math.min(1, c / full.shareWithValue[f]) : 0;
  });
  return full.rows.map((row, i) => [row[0], ...ROSTER_FIELDS.map((f, k) => (full.keepDraw[i][f] < keep[k] ? row[k + 1] : ''))]);
}

export function scenarioNormalizer(fields: readonly RosterField[], today: string) {
  const mapping = rosterMapping(fields);
  return { mapping, normalize: createRowNormalizer(mapping, ROSTER_HEADER, 'simulated-roster', { today }) };
}
