import type { PublishedCell, PublishedTable } from '../../src/disclosure/cells.ts';
import type { ReportInput } from '../../src/report/report-input.ts';

const cell = (dims: PublishedCell['dims'], measure: string, value: number | null): PublishedCell => ({
  dims,
  measure,
  value,
  count: value === null ? null : 40,
  status: value === null ? 'suppressed' : 'ok',
});

/** A small but complete set of published tables and linkage aggregates for two credentials. */
export function reportFixture(): ReportInput {
  const trajectory: PublishedCell[] = [];
  const comparison: PublishedCell[] = [];
  for (const credential of ['RN', 'CNA<x>']) {
    for (let k = -8; k <= 12; k++) {
      const dims = { credential, cohort: 'all', event_quarter: k };
      trajectory.push(cell(dims, 'median', 8000 + k * 300), cell(dims, 'mean', 8500 + k * 310), cell(dims, 'mean_change_from_pre', k * 250));
      comparison.push(cell(dims, 'did', k === 3 ? null : k * 120));
    }
  }
  const tables: PublishedTable[] = [
    { name: 'trajectory', title: 'Earnings trajectory around the award', dims: ['credential', 'cohort', 'event_quarter'], definition: 'median and mean', cells: trajectory },
    { name: 'comparison', title: 'Difference-in-differences', dims: ['credential', 'cohort', 'event_quarter'], definition: 'did', cells: comparison },
    {
      name: 'employment',
      title: 'Employment after the award',
      dims: ['credential', 'cohort'],
      definition: 'WIOA',
      cells: ['RN', 'CNA<x>'].flatMap((credential) => [cell({ credential, cohort: 'all' }, 'employed_q2', 0.82), cell({ credential, cohort: 'all' }, 'employed_q4', credential === 'RN' ? 0.8 : null)]),
    },
    {
      name: 'industry',
      title: 'Industry',
      dims: ['credential', 'cohort', 'sector'],
      definition: 'sector',
      cells: [cell({ credential: 'RN', cohort: 'all', sector: '62' }, 'share', 0.7), cell({ credential: 'RN', cohort: 'all', sector: '44-45' }, 'share', null)],
    },
    { name: 'roi', title: 'Return on investment', dims: ['credential', 'cohort'], definition: 'npv', cells: [cell({ credential: 'RN', cohort: 'all' }, 'npv_10y', 23450), cell({ credential: 'RN', cohort: 'all' }, 'breakeven_quarter', 5)] },
  ];
  return {
    title: 'Nursing outcomes',
    jobName: 'nursing-2019',
    description: 'Fixture',
    toolVersion: '0.1.0',
    jobSha256: 'a'.repeat(64),
    extracts: [
      { source: 'nurseboard', role: 'roster', persons: 1200, payloadRows: 1500, sha256: 'b'.repeat(64) },
      { source: 'wages', role: 'wages', persons: 5000, payloadRows: 90000, sha256: 'c'.repeat(64) },
    ],
    tables,
    linkage: {
      summary: {
        credlinkLinkage: 1,
        method: 'fs',
        threshold: 0.85,
        diceThreshold: 0.85,
        seed: 'seed123',
        spine: null,
        clusters: 5400,
        sources: [
          { name: 'nurseboard', role: 'roster', duplicateFree: true, records: 1200, linked: 1100, shareLinked: 0.9167 },
          { name: 'wages', role: 'wages', duplicateFree: false, records: 5000, linked: 1100, shareLinked: 0.22 },
        ],
        sourcePairs: [
          {
            sourceA: 'nurseboard',
            sourceB: 'wages',
            fields: ['first_name', 'last_name'],
            totalPairs: 6_000_000,
            candidatePairs: 40_000,
            reductionRatio: 0.993333,
            passes: [] as never,
            links: 1100,
            threshold: 0.85,
            expectedMatches: 1110.2,
            expectedFalseMatches: 12.5,
            calibration: { expectedMatches: 1110.2, linked: 1100, ratio: 1.009, ok: true },
            matchWeightHistogram: [{ from: -10, count: 30000 }, { from: -2, count: 8000 }, { from: 12, count: 1100 }],
          },
        ],
      },
      model: {
        credlinkModel: 1,
        sourcePairs: [
          {
            sourceA: 'nurseboard',
            sourceB: 'wages',
            levels: ['else', '>=0.75', 'exact'],
            prior: 0.0002,
            fields: [{ field: 'last_name', mProbability: [0.05, 0.1, 0.85], uProbability: [0.97, 0.02, 0.01], matchWeight: [-4.3, 2.3, 6.4] }],
          },
        ],
      },
    },
    parameters: {
      linkage: { method: 'fs', threshold: 0.85 },
      outcomes: { baseYear: 2024, comparison: { method: 'failed-not-yet-passed', minArm: 30 }, roi: { discountRate: 0.03, horizonsYears: [5, 10] } },
      disclosure: { minCell: 10, minPercentileCell: 30, roundingBase: 5, dollarRounding: 10, rateDecimals: 3, minEmployers: 3, maxEmployerShare: 0.8 },
    },
    credentialNames: { RN: 'Registered Nurse' },
  };
}
