import type { SourceRole } from '../schema/source-mapping.ts';

/*
 * Example mappings for the layouts each kind of data holder usually has. They are starting
 * points: the holder renames columns to match their own file. Column names follow the bundled
 * synthetic world (fixtures/world) so that a newcomer can try them on its files unchanged.
 */

export type DataHolderRole = 'issuer' | 'education' | 'wages' | 'spine';

/** The mapping role each `credlink init` role writes. */
export const MAPPING_ROLE: Record<DataHolderRole, SourceRole> = {
  issuer: 'roster',
  education: 'education',
  wages: 'wages',
  spine: 'spine',
};

const dateFormats = ['YYYY-MM-DD', 'MM/DD/YYYY'];

export const MAPPING_TEMPLATES: Record<DataHolderRole, Record<string, unknown>> = {
  // A certification body's candidate roster: one row per exam attempt.
  issuer: {
    credlinkMapping: 1,
    source: 'my-board',
    role: 'roster',
    delimiter: ',',
    personId: { column: 'candidate_id' },
    duplicateFree: true,
    fields: {
      first_name: { column: 'first_name' },
      middle_name: { column: 'middle_name' },
      last_name: { column: 'last_name' },
      dob: { column: 'birth_date', formats: dateFormats },
      email: { column: 'email' },
      phone: { column: 'phone' },
      postcode: { column: 'zip' },
    },
    payload: {
      credential: { column: 'credential', type: 'code', required: true },
      exam_date: { column: 'exam_date', type: 'date', formats: dateFormats, required: true },
      result: { column: 'result', type: 'code', required: true },
      award_date: { column: 'award_date', type: 'date', formats: dateFormats },
      expiry_date: { column: 'expiry_date', type: 'date', formats: dateFormats },
    },
  },
  // A clearinghouse-style enrollment and degree file: one row per enrollment spell.
  education: {
    credlinkMapping: 1,
    source: 'my-clearinghouse',
    role: 'education',
    delimiter: ',',
    personId: { column: 'student_id' },
    duplicateFree: true,
    fields: {
      first_name: { column: 'first_name' },
      middle_name: { column: 'middle_name' },
      last_name: { column: 'last_name' },
      name_suffix: { column: 'suffix' },
      dob: { column: 'dob', formats: ['YYYYMMDD', 'YYYY-MM-DD'] },
    },
    payload: {
      college_code: { column: 'college_code', type: 'code', required: true },
      enrollment_begin: { column: 'enrollment_begin', type: 'date', formats: ['YYYYMMDD', 'YYYY-MM-DD'] },
      enrollment_end: { column: 'enrollment_end', type: 'date', formats: ['YYYYMMDD', 'YYYY-MM-DD'] },
      enrollment_status: { column: 'enrollment_status', type: 'code' },
      degree_title: { column: 'degree_title', type: 'string' },
      degree_level: { column: 'degree_level', type: 'code' },
      graduation_date: { column: 'graduation_date', type: 'date', formats: ['YYYYMMDD', 'YYYY-MM-DD'] },
      cip: { column: 'cip', type: 'code' },
    },
  },
  // Unemployment-insurance wage records: one row per person, employer and quarter, keyed on SSN.
  wages: {
    credlinkMapping: 1,
    source: 'my-wage-agency',
    role: 'wages',
    delimiter: ',',
    personId: { field: 'ssn' },
    // A person appears in many quarters, and SSNs are sometimes shared or mistyped.
    duplicateFree: false,
    fields: {
      ssn: { column: 'ssn' },
      first_name: { column: 'first_name' },
      last_name: { column: 'last_name' },
    },
    payload: {
      year: { column: 'year', type: 'integer', required: true },
      quarter: { column: 'quarter', type: 'integer', required: true },
      employer_id: { column: 'employer_id', type: 'code', required: true },
      wages: { column: 'wages', type: 'number', required: true },
    },
  },
  // A population spine (e.g. a state identity register): identifiers only, no payload.
  spine: {
    credlinkMapping: 1,
    source: 'my-spine',
    role: 'spine',
    delimiter: ',',
    personId: { column: 'person_id' },
    duplicateFree: true,
    fields: {
      first_name: { column: 'first_name' },
      middle_name: { column: 'middle_name' },
      last_name: { column: 'last_name' },
      dob: { column: 'dob', formats: dateFormats },
      ssn: { column: 'ssn' },
      sex: { column: 'sex' },
      postcode: { column: 'zip' },
    },
    payload: {},
  },
};
