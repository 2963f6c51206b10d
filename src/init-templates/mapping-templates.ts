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

export const MAPPING_TEMPLATES: Record<DataHolderRole, Record<string, unknown>> = {
  // A certification body's candidate roster: one row per exam attempt (fixtures/world/techcert.csv).
  issuer: {
    credlinkMapping: 1,
    source: 'my-board',
    role: 'roster',
    delimiter: ',',
    personId: { column: 'CandidateID' },
    // Candidates who re-register get a new id, so one person may hold several ids.
    duplicateFree: false,
    fields: {
      first_name: { column: 'FirstName' },
      middle_name: { column: 'MiddleName' },
      last_name: { column: 'LastName' },
      dob: { column: 'DateOfBirth', formats: ['MM/DD/YYYY', 'YYYY-MM-DD'] },
      email: { column: 'Email' },
      phone: { column: 'Phone' },
      postcode: { column: 'PostalCode' },
    },
    payload: {
      credential: { column: 'ExamCode', type: 'code', required: true },
      exam_date: { column: 'ExamDate', type: 'date', formats: ['YYYY-MM-DD'], required: true },
      result: { column: 'Result', type: 'code', required: true },
      award_date: { column: 'CertificationDate', type: 'date', formats: ['YYYY-MM-DD'] },
      expiry_date: { column: 'ExpirationDate', type: 'date', formats: ['YYYY-MM-DD'] },
    },
  },
  // A clearinghouse-style enrollment and degree file: one row per enrollment spell (fixtures/world/education.csv).
  education: {
    credlinkMapping: 1,
    source: 'my-clearinghouse',
    role: 'education',
    delimiter: ',',
    personId: { column: 'student_id' },
    duplicateFree: true,
    fields: {
      first_name: { column: 'first_name' },
      middle_name: { column: 'middle_initial' },
      last_name: { column: 'last_name' },
      name_suffix: { column: 'suffix' },
      dob: { column: 'birth_date', formats: ['YYYYMMDD'] },
    },
    payload: {
      college_code: { column: 'college_code', type: 'code', required: true },
      enrollment_begin: { column: 'enrollment_begin', type: 'date', formats: ['YYYYMMDD'] },
      enrollment_end: { column: 'enrollment_end', type: 'date', formats: ['YYYYMMDD'] },
      enrollment_status: { column: 'enrollment_status', type: 'code' },
      degree_title: { column: 'degree_title', type: 'string' },
      degree_level: { column: 'degree_level', type: 'code' },
      graduation_date: { column: 'graduation_date', type: 'date', formats: ['YYYYMMDD'] },
      cip: { column: 'cip', type: 'code' },
    },
  },
  // Unemployment-insurance wage records: one row per person, employer and quarter, keyed on SSN (fixtures/world/wages.csv).
  wages: {
    credlinkMapping: 1,
    source: 'my-wage-agency',
    role: 'wages',
    delimiter: ',',
    personId: { field: 'ssn' },
    // A person appears in many quarters, and SSNs are sometimes shared or mistyped.
    duplicateFree: false,
    fields: {
      ssn: { column: 'SSN' },
      first_name: { column: 'FIRST_NAME' },
      last_name: { column: 'LAST_NAME' },
    },
    payload: {
      year: { column: 'YEAR', type: 'integer', required: true },
      quarter: { column: 'QTR', type: 'integer', required: true },
      employer_id: { column: 'EMPLOYER_ACCT', type: 'code', required: true },
      wages: { column: 'WAGES', type: 'number', required: true },
    },
  },
  // A population spine (e.g. a state identity register): identifiers only, no payload (fixtures/world/spine.csv).
  spine: {
    credlinkMapping: 1,
    source: 'my-spine',
    role: 'spine',
    delimiter: ',',
    personId: { column: 'spine_id' },
    duplicateFree: true,
    fields: {
      first_name: { column: 'first_name' },
      middle_name: { column: 'middle_name' },
      last_name: { column: 'last_name' },
      name_suffix: { column: 'suffix' },
      dob: { column: 'dob', formats: ['YYYY-MM-DD'] },
      sex: { column: 'sex' },
      ssn: { column: 'ssn' },
      postcode: { column: 'zip' },
    },
    payload: {},
  },
};
