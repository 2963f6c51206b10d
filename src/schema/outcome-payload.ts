import type { Finding } from '../errors/finding.ts';
import type { SourceMapping, SourceRole } from './source-mapping.ts';

/*
 * The payload names `credlink outcomes` reads per source role (docs/architecture.md). A roster
 * hashed without `result` loses every row at the outcomes step with one note, long after the data
 * holder could have fixed the mapping, so `hash` and `validate` check for them up front.
 */
export const OUTCOME_PAYLOAD: Record<SourceRole, { needed: string[]; used: string[] }> = {
  roster: { needed: ['credential', 'exam_date', 'result'], used: ['award_date'] },
  wages: { needed: ['year', 'quarter', 'employer_id', 'wages'], used: [] },
  education: { needed: [], used: ['college_code', 'enrollment_begin', 'enrollment_end', 'degree_level', 'graduation_date'] },
  spine: { needed: [], used: [] },
};

const HINT: Record<string, string> = {
  result: 'a passers-only list can say so with { "constant": "pass", "type": "code" }',
  award_date: 'without it the exam date is taken as the award date',
};

/** Findings for payload names outcomes needs (severity error) or uses (warning) that the mapping lacks. */
export function outcomePayloadFindings(mapping: SourceMapping, file: string): Array<Finding & { severity: 'error' | 'warning' }> {
  const { needed, used } = OUTCOME_PAYLOAD[mapping.role];
  const missing = (names: string[]) => names.filter((n) => !(n in mapping.payload));
  const finding = (name: string, severity: 'error' | 'warning') => ({
    code: severity === 'error' ? 'OUTCOME_PAYLOAD_MISSING' : 'OUTCOME_PAYLOAD_ABSENT',
    severity,
    file,
    field: `payload.${name}`,
    detail: `credlink outcomes ${severity === 'error' ? 'needs' : 'uses'} payload "${name}" from a ${mapping.role} source and the mapping has none${HINT[name] ? ` (${HINT[name]})` : ''}`,
  });
  return [...missing(needed).map((n) => finding(n, 'error')), ...missing(used).map((n) => finding(n, 'warning'))];
}
