import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy.ts';
import type { JobInput } from '../job/job-schema.ts';

/** The job a new linker folder starts with: the four extracts of a typical study. */
export function jobTemplate(): JobInput {
  return {
    credlinkJob: 1,
    name: 'my-study',
    description: 'Earnings and employment of credential holders, linked through the spine.',
    extracts: [
      { path: 'extracts/spine.extract', role: 'spine' },
      { path: 'extracts/roster.extract', role: 'roster' },
      { path: 'extracts/education.extract', role: 'education' },
      { path: 'extracts/wages.extract', role: 'wages' },
    ],
    linkage: { threshold: 0.85, method: 'fs' },
    outcomes: 'outcomes.json',
    disclosure: {},
    output: { title: 'Credential outcomes', report: true, keepLinkage: true },
  };
}

/**
 * The outcomes configuration a new linker folder starts with (keys in docs/outcomes.md). The
 * disclosure values are the defaults, written out so that the linker sees what they agree to.
 */
export function outcomesTemplate(): Record<string, unknown> {
  return {
    credlinkOutcomes: 1,
    catalog: 'catalog.json',
    employers: 'employers.csv',
    baseYear: 2024,
    cohorts: [],
    comparison: { method: 'failed-not-yet-passed', minArm: 30 },
    roi: { discountRate: 0.03, horizonsYears: [5, 10] },
    disclosure: { ...DEFAULT_DISCLOSURE_POLICY },
  };
}
