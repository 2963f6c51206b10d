import type { RawTable } from '../disclosure/cells.ts';
import type { Holder, OutcomeContext } from './outcome-context.ts';
import { TableBuilder, perCredentialSensitivity } from './table-builder.ts';

/** Degree levels of the clearinghouse degree records (docs/architecture.md). */
export const DEGREE_LEVELS = ['certificate', 'associate', 'bachelor', 'master', 'doctoral'] as const;

export function enrolledAfter(h: Holder): boolean {
  return h.person.education.some((e) => e.enrollmentBegin !== undefined && e.enrollmentBegin > h.awardDate);
}

/** A degree (of `level`, or any) completed after the award date. */
export function degreeAfter(h: Holder, level?: string): boolean {
  return h.person.education.some((e) => e.graduationDate !== undefined && e.graduationDate > h.awardDate && (level === undefined || e.degreeLevel === level));
}

/** The credential was earned after a degree (on or before the award date). */
export function degreeBefore(h: Holder): boolean {
  return h.person.education.some((e) => e.graduationDate !== undefined && e.graduationDate <= h.awardDate);
}

export function buildEducationTable(ctx: OutcomeContext): RawTable {
  const table = new TableBuilder(ctx, {
    name: 'education',
    title: 'Education before and after the credential',
    dims: ['credential', 'cohort', 'degree_level'],
    definition: 'Shares of holders, from clearinghouse enrollment and degree records: enrolled_after (an enrollment beginning after the award date), degree_after (a degree completed after the award date, by level and any), degree_before (a degree completed on or before the award date: the credential was earned after a degree).',
    dpSensitivity: perCredentialSensitivity(ctx),
  }, [], true);
  for (const g of ctx.groups) {
    const n = g.holders.length;
    const share = (level: string, measure: string, test: (h: Holder) => boolean) =>
      table.add({ credential: g.credential, cohort: g.cohort, degree_level: level }, measure, { kind: 'rate', numerator: g.holders.filter(test).length, denominator: n });
    share('any', 'enrolled_after', enrolledAfter);
    share('any', 'degree_before', degreeBefore);
    share('any', 'degree_after', (h) => degreeAfter(h));
    for (const level of DEGREE_LEVELS) share(level, 'degree_after', (h) => degreeAfter(h, level));
  }
  return table.build();
}
