import type { PublishedCell, PublishedTable } from '../../src/disclosure/cells.ts';
import type { ReportInput } from '../../src/report/report-input.ts';

const cell = (dims: PublishedCell['dims'], measure: string, value: number | null, note?: string): PublishedCell => ({
  dims,
  measure,
  value,
  count: value === null ? null : 40,
  status: value === null ? 'suppressed' : 'ok',
  ...(note ? { note } : {}),
});

/** A published label-only cell (a method, "not within the horizon"). */
const label = (dims: PublishedCell['dims'], measure: string, note: string): PublishedCell => ({ dims, measure, value: null, count: 40, status: 'ok', note });

const all = (credential: string, extra: Record<string, string | number> = {}) => ({ credential, cohort: 'all', ...extra });

/**
 * A small but complete set of published tables and linkage aggregates for two credentials:
 * RN measured against matched non-holders (did_matched), CNA<x> (a name to escape) with no
 * comparison group (pre_post) and a negative net present value.
 */
export function reportFixture(): ReportInput {
  const trajectory: PublishedCell[] = [];
  const comparison: PublishedCell[] = [];
  for (const credential of ['RN', 'CNA<x>']) {
    for (let k = -8; k <= 12; k++) {
      const dims = all(credential, { event_quarter: k });
      trajectory.push(cell(dims, 'median', k === 5 ? null : 8000 + k * 300), cell(dims, 'mean', 8500 + k * 310), cell(dims, 'mean_change_from_pre', k * 250));
      comparison.push(cell(dims, 'did', null), cell(dims, 'did_matched', credential === 'RN' && k !== 3 ? k * 120 : null));
    }
  }
  // The event study of RN's did_matched effects (k = 3 suppressed); CNA<x> has none.
  const eventStudy: PublishedCell[] = [];
  for (const credential of ['RN', 'CNA<x>']) {
    for (let k = -8; k <= 12; k++) {
      const dims = all(credential, { event_quarter: k });
      const reference = k >= -6 && k <= -3;
      eventStudy.push({ dims, measure: 'reference', value: reference ? 1 : 0, count: null, status: 'ok', ...(reference ? { note: 'reference window -6..-3' } : {}) });
      const effect = credential === 'RN' && k !== 3 ? k * 120 : null;
      for (const [m, v] of [['effect', effect], ['ci95_low', effect === null ? null : effect - 600], ['ci95_high', effect === null ? null : effect + 600]] as const) {
        eventStudy.push(cell(dims, m, v, credential === 'RN' ? 'did_matched' : 'no comparison'));
      }
    }
  }
  const percentiles = (dim: string, at: number[], base: number) =>
    ['RN', 'CNA<x>'].flatMap((credential) =>
      at.flatMap((v, i) => ['p25', 'median', 'p75'].map((m, j) => cell(all(credential, { [dim]: v }), m, credential === 'CNA<x>' && i === at.length - 1 ? null : base + i * 400 + (j - 1) * 2500))),
    );
  const tables: PublishedTable[] = [
    { name: 'earnings_quarterly', title: 'Quarterly earnings after the award', dims: ['credential', 'cohort', 'quarter_after'], definition: 'p25/median/p75', cells: percentiles('quarter_after', [1, 2, 4, 8, 12], 9000) },
    { name: 'earnings_annual', title: 'Annual earnings of attached workers', dims: ['credential', 'cohort', 'year_after'], definition: 'PSEO', cells: percentiles('year_after', [1, 3, 5], 40000) },
    { name: 'trajectory', title: 'Earnings trajectory around the award', dims: ['credential', 'cohort', 'event_quarter'], definition: 'median and mean', cells: trajectory },
    { name: 'comparison', title: 'Difference-in-differences', dims: ['credential', 'cohort', 'event_quarter'], definition: 'did', cells: comparison },
    { name: 'event_study', title: 'Event study', dims: ['credential', 'cohort', 'event_quarter'], definition: 'effect with 95% bands', cells: eventStudy },
    {
      name: 'employment',
      title: 'Employment after the award',
      dims: ['credential', 'cohort'],
      definition: 'WIOA',
      cells: ['RN', 'CNA<x>'].flatMap((credential) => [cell(all(credential), 'employed_q2', 0.82), cell(all(credential), 'employed_q4', credential === 'RN' ? 0.8 : null), cell(all(credential), 'aligned_q4', 0.433)]),
    },
    {
      name: 'industry',
      title: 'Industry',
      dims: ['credential', 'cohort', 'sector'],
      definition: 'sector',
      cells: [cell(all('RN', { sector: 'all' }), 'employed_q4', 200), cell(all('RN', { sector: '62' }), 'share', 0.7), cell(all('RN', { sector: '44-45' }), 'share', null), cell(all('RN', { sector: '11' }), 'share', 0)],
    },
    {
      name: 'pathways',
      title: 'Career pathways',
      dims: ['credential', 'cohort', 'sequence'],
      definition: 'sectors at -4 > +4 > +8',
      cells: [cell(all('RN', { sequence: 'all' }), 'holders', 120), cell(all('RN', { sequence: '62>62>62' }), 'holders', 60), cell(all('RN', { sequence: 'none>62>62' }), 'holders', null)],
    },
    {
      name: 'roi',
      title: 'Return on investment',
      dims: ['credential', 'cohort'],
      definition: 'npv',
      cells: [
        label(all('RN'), 'method', 'did_matched'),
        cell(all('RN'), 'premium_per_quarter', 1260, 'did_matched'),
        cell(all('RN'), 'npv_10y', 23450),
        cell(all('RN'), 'breakeven_quarter', 5),
        label(all('CNA<x>'), 'method', 'pre_post'),
        cell(all('CNA<x>'), 'premium_per_quarter', -550, 'pre_post'),
        cell(all('CNA<x>'), 'npv_10y', -19030),
        label(all('CNA<x>'), 'breakeven_quarter', 'not within the horizon'),
      ],
    },
    {
      name: 'value-verdicts',
      title: 'Credentials of value',
      dims: ['credential', 'cohort', 'framework'],
      definition: 'verdicts',
      cells: [
        label(all('CNA<x>', { framework: 'roi_npv' }), 'method', 'pre_post'),
        cell(all('CNA<x>', { framework: 'roi_npv' }), 'npv_10y', -19030),
        { ...cell(all('CNA<x>', { framework: 'roi_npv' }), 'verdict', null), note: 'not enough data' },
        cell(all('CNA<x>', { framework: 'lumina_15' }), 'median_annual_earnings_y1', null),
        { ...cell(all('CNA<x>', { framework: 'lumina_15' }), 'verdict', null), note: 'not enough data' },
      ],
    },
  ];
  return {
    title: 'Nursing outcomes',
    jobName: 'nursing-2019',
    description: 'Fixture',
    toolVersion: '0.1.0',
    jobSha256: 'a'.repeat(64),
    extracts: [
      { source: 'nurseboard', role: 'roster', persons: 1200, payloadRows: 1500, sha256: 'b'.repeat(64) },
      { source: 'spine', role: 'spine', persons: 9000, payloadRows: 9000, sha256: 'd'.repeat(64) },
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
        spine: 'spine',
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
            levels: ['else', '>=0.6', '>=0.75', '>=0.9', 'exact'],
            prior: 0.0002,
            fields: [{ field: 'last_name', mProbability: [0.05, 0.03, 0.07, 0.1, 0.75], uProbability: [0.95, 0.03, 0.01, 0.006, 0.004], matchWeight: [-4.3, 0, 2.8, 4.1, 7.55] }],
          },
        ],
      },
    },
    parameters: {
      linkage: { method: 'fs', threshold: 0.85 },
      outcomes: { baseYear: 2024, comparison: { method: 'failed-not-yet-passed', minArm: 30 }, roi: { discountRate: 0.03, horizonsYears: [5, 10] } },
      disclosure: { minCell: 10, minPercentileCell: 30, roundingBase: 5, dollarRounding: 10, rateDecimals: 3, minEmployers: 3, maxEmployerShare: 0.8 },
    },
    population: { holders: 1150, shareFound: 0.923 },
    credentialNames: { RN: 'Registered Nurse' },
  };
}
