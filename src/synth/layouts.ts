import type { SourceMapping } from '../schema/source-mapping.ts';
import type { SourceName } from './synth-config.ts';

/*
 * Each source's file layout, as its holder would export it, and the mapping that reads it.
 * Code values (credential, result, status, degree level) use the shared vocabulary of
 * docs/architecture.md because a mapping renames columns but does not recode values.
 */
export const DATE_FORMATS = {
  techcertDob: 'MM/DD/YYYY',
  techcertDobAlt: 'YYYY-MM-DD',
  techcertEvent: 'YYYY-MM-DD',
  nurseboardDob: 'DD-MON-YYYY',
  nurseboardEvent: 'M/D/YYYY',
  tradecertEvent: 'M/D/YY',
  education: 'YYYYMMDD',
  spine: 'YYYY-MM-DD',
} as const;

export const HEADERS: Record<SourceName, string[]> = {
  techcert: ['CandidateID', 'FirstName', 'MiddleName', 'LastName', 'DateOfBirth', 'Email', 'Phone', 'PostalCode', 'ExamCode', 'ExamDate', 'Result', 'CertificationDate', 'ExpirationDate'],
  nurseboard: ['APPLICANT_NO', 'LICENSEE_NAME', 'BIRTH_DT', 'GENDER', 'RES_ZIP', 'EMAIL_ADDR', 'LICENSE_TYPE', 'EXAM_DT', 'EXAM_RESULT', 'ISSUE_DT', 'EXPIRATION_DT'],
  tradecert: ['member_id', 'first', 'last', 'email_address', 'zip_code', 'credential_code', 'test_date', 'outcome', 'awarded_on', 'expires_on'],
  education: ['student_id', 'first_name', 'middle_initial', 'last_name', 'suffix', 'birth_date', 'college_code', 'college_name', 'enrollment_begin', 'enrollment_end', 'enrollment_status', 'degree_title', 'degree_level', 'graduation_date', 'cip'],
  wages: ['SSN', 'FIRST_NAME', 'LAST_NAME', 'YEAR', 'QTR', 'EMPLOYER_ACCT', 'WAGES'],
  spine: ['spine_id', 'first_name', 'middle_name', 'last_name', 'suffix', 'dob', 'sex', 'ssn', 'zip'],
};

export const EMPLOYER_HEADER = ['employer_id', 'naics', 'county'];
export const TRUTH_PERSONS_HEADER = ['source', 'local_id', 'person_id'];
export const TRUTH_PEOPLE_HEADER = ['person_id', 'sex', 'group', 'dob', 'first_name', 'middle_name', 'suffix', 'birth_last_name', 'new_last_name', 'name_change_date', 'ssn', 'twin_of', 'ability', 'wage_covered', 'in_spine', 'moved_out_quarter'];
export const TRUTH_EXAMS_HEADER = ['person_id', 'credential', 'attempt', 'exam_date', 'result', 'award_date', 'expiry_date'];

const date = (column: string, format: string, required = false) => ({ column, type: 'date' as const, formats: [format], required });

export function sourceMappings(duplicateFree: Record<SourceName, boolean>): Record<SourceName, SourceMapping> {
  const base = (source: SourceName, role: SourceMapping['role'], personId: SourceMapping['personId']) => ({
    credlinkMapping: 1 as const, source, role, delimiter: ',', personId, duplicateFree: duplicateFree[source],
  });
  return {
    techcert: {
      ...base('techcert', 'roster', { column: 'CandidateID' }),
      fields: {
        first_name: { column: 'FirstName' }, middle_name: { column: 'MiddleName' }, last_name: { column: 'LastName' },
        dob: { column: 'DateOfBirth', formats: [DATE_FORMATS.techcertDob, DATE_FORMATS.techcertDobAlt] },
        email: { column: 'Email' }, phone: { column: 'Phone' }, postcode: { column: 'PostalCode' },
      },
      payload: {
        credential: { column: 'ExamCode', type: 'code', required: true },
        exam_date: date('ExamDate', DATE_FORMATS.techcertEvent, true),
        result: { column: 'Result', type: 'code', required: true },
        award_date: date('CertificationDate', DATE_FORMATS.techcertEvent),
        expiry_date: date('ExpirationDate', DATE_FORMATS.techcertEvent),
      },
    },
    nurseboard: {
      ...base('nurseboard', 'roster', { column: 'APPLICANT_NO' }),
      fields: {
        dob: { column: 'BIRTH_DT', formats: [DATE_FORMATS.nurseboardDob] }, sex: { column: 'GENDER' },
        postcode: { column: 'RES_ZIP' }, email: { column: 'EMAIL_ADDR' },
      },
      fullName: { column: 'LICENSEE_NAME', order: 'last_first' },
      payload: {
        credential: { column: 'LICENSE_TYPE', type: 'code', required: true },
        exam_date: date('EXAM_DT', DATE_FORMATS.nurseboardEvent, true),
        result: { column: 'EXAM_RESULT', type: 'code', required: true },
        award_date: date('ISSUE_DT', DATE_FORMATS.nurseboardEvent),
        expiry_date: date('EXPIRATION_DT', DATE_FORMATS.nurseboardEvent),
      },
    },
    tradecert: {
      ...base('tradecert', 'roster', { column: 'member_id' }),
      fields: { first_name: { column: 'first' }, last_name: { column: 'last' }, email: { column: 'email_address' }, postcode: { column: 'zip_code' } },
      payload: {
        credential: { column: 'credential_code', type: 'code', required: true },
        exam_date: date('test_date', DATE_FORMATS.tradecertEvent, true),
        result: { column: 'outcome', type: 'code', required: true },
        award_date: date('awarded_on', DATE_FORMATS.tradecertEvent),
        expiry_date: date('expires_on', DATE_FORMATS.tradecertEvent),
      },
    },
    education: {
      ...base('education', 'education', { column: 'student_id' }),
      fields: {
        first_name: { column: 'first_name' }, middle_name: { column: 'middle_initial' }, last_name: { column: 'last_name' },
        name_suffix: { column: 'suffix' }, dob: { column: 'birth_date', formats: [DATE_FORMATS.education] },
      },
      payload: {
        college_code: { column: 'college_code', type: 'code', required: true },
        enrollment_begin: date('enrollment_begin', DATE_FORMATS.education),
        enrollment_end: date('enrollment_end', DATE_FORMATS.education),
        enrollment_status: { column: 'enrollment_status', type: 'code', required: false },
        degree_title: { column: 'degree_title', type: 'string', required: false },
        degree_level: { column: 'degree_level', type: 'code', required: false },
        graduation_date: date('graduation_date', DATE_FORMATS.education),
        cip: { column: 'cip', type: 'code', required: false },
      },
    },
    wages: {
      ...base('wages', 'wages', { field: 'ssn' }),
      fields: { ssn: { column: 'SSN' }, first_name: { column: 'FIRST_NAME' }, last_name: { column: 'LAST_NAME' } },
      payload: {
        year: { column: 'YEAR', type: 'integer', required: true },
        quarter: { column: 'QTR', type: 'integer', required: true },
        employer_id: { column: 'EMPLOYER_ACCT', type: 'code', required: true },
        wages: { column: 'WAGES', type: 'number', required: true },
      },
    },
    spine: {
      ...base('spine', 'spine', { column: 'spine_id' }),
      fields: {
        first_name: { column: 'first_name' }, middle_name: { column: 'middle_name' }, last_name: { column: 'last_name' },
        name_suffix: { column: 'suffix' }, dob: { column: 'dob', formats: [DATE_FORMATS.spine] }, sex: { column: 'sex' },
        ssn: { column: 'ssn' }, postcode: { column: 'zip' },
      },
      payload: {},
    },
  };
}
