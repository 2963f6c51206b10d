/**
 * What the outcome measures read: one linked person's exam records, wage quarters and
 * enrollments, as plain data. The loader builds these from a linkage cluster and the payload
 * lines of the extracts (payload names in docs/architecture.md); pseudonyms stop there.
 */

/** A calendar quarter as one integer: year * 4 + (quarter - 1). */
export type QuarterIndex = number;

export interface ExamRecord {
  credential: string;
  /** YYYY-MM-DD */
  examDate: string;
  result: 'pass' | 'fail';
  /** YYYY-MM-DD; set only when passed. */
  awardDate?: string;
}

export interface WageQuarter {
  quarter: QuarterIndex;
  employerId: string;
  /** Nominal dollars paid by this employer in this quarter. */
  wages: number;
}

export interface Enrollment {
  collegeCode?: string;
  enrollmentBegin?: string;
  enrollmentEnd?: string;
  degreeLevel?: string;
  graduationDate?: string;
}

export interface OutcomePerson {
  credentials: ExamRecord[];
  wages: WageQuarter[];
  education: Enrollment[];
  /**
   * False when a linkage with a population spine did not find this person in it: their wages
   * and enrollments are unknown, not zero, so they are left out of every table (as PSEO leaves
   * out graduates without a person key). Absent = found.
   */
  inPopulation?: boolean;
  /**
   * How a found person was found: 'spine' (their cluster holds a spine record) or 'direct' (no
   * spine record, but a wage record linked to their roster record directly: people the spine
   * misses, whose wages are in the wage file). Absent without a spine.
   */
  foundBy?: 'spine' | 'direct';
}

export interface Employer {
  employerId: string;
  naics: string;
  county?: string;
}

export interface CatalogCredential {
  code: string;
  name: string;
  issuer: string;
  type: string;
  /** NAICS prefixes of the industries the credential prepares for (2 to 6 digits). */
  alignedNaics: string[];
  /** Cost to the candidate in base-year dollars (exam fee plus preparation). */
  cost: number;
}

export function quarterIndex(year: number, quarter: number): QuarterIndex {
  return year * 4 + (quarter - 1);
}

export function quarterOfDate(date: string): QuarterIndex {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return quarterIndex(year, Math.floor((month - 1) / 3) + 1);
}

export function yearOfQuarter(q: QuarterIndex): number {
  return Math.floor(q / 4);
}

export function quarterLabel(q: QuarterIndex): string {
  return `${yearOfQuarter(q)}Q${(q % 4) + 1}`;
}

/** Whole months from one YYYY-MM-DD date to a later one (calendar months, day ignored). */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
}
