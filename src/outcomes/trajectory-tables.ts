import type { RawTable } from '../disclosure/cells.ts';
import { covered, realEarnings, type OutcomeContext } from './outcome-context.ts';
import { EVENT_QUARTERS, comparisonChanges, failedCandidate, treatedChanges, type FailedCandidate } from './event-study.ts';
import { yearOfQuarter } from './outcome-person.ts';
import { CHANGE_BINS, EARNINGS_BINS, TableBuilder, perCredentialSensitivity } from './table-builder.ts';

export function buildTrajectoryTable(ctx: OutcomeContext): RawTable {
  const table = new TableBuilder(ctx, {
    name: 'trajectory',
    title: 'Earnings trajectory around the award',
    dims: ['credential', 'cohort', 'event_quarter'],
    definition: `Median and mean real quarterly earnings (non-employment counted as $0) at award quarter + k, k = -8..+12, and the mean per-person change from the pre-award average of quarters -4..-1; real ${ctx.config.baseYear} dollars.`,
    dpSensitivity: perCredentialSensitivity(ctx),
  });
  for (const group of ctx.groups) {
    for (const k of EVENT_QUARTERS) {
      const dims = { credential: group.credential, cohort: group.cohort, event_quarter: k };
      const values: number[] = [];
      for (const h of group.holders) if (covered(ctx, h.awardQuarter + k)) values.push(realEarnings(ctx, h.wages, h.awardQuarter + k));
      table.add(dims, 'median', { kind: 'stat', stat: 'median', values, bins: EARNINGS_BINS, unit: 'dollars' });
      table.add(dims, 'mean', { kind: 'stat', stat: 'mean', values, bins: EARNINGS_BINS, unit: 'dollars' });
      table.add(dims, 'mean_change_from_pre', { kind: 'stat', stat: 'mean', values: treatedChanges(ctx, group.holders, k), bins: CHANGE_BINS, unit: 'dollars' });
    }
  }
  return table.build();
}

/** Failed-not-yet-passed candidates per credential and cohort (cohort by the year of the failed attempt). */
function candidatesByGroup(ctx: OutcomeContext): Map<string, FailedCandidate[]> {
  const out = new Map<string, FailedCandidate[]>();
  ctx.histories.forEach((wages, i) => {
    if (ctx.persons[i].inPopulation === false) return;
    for (const credential of new Set(ctx.persons[i].credentials.map((c) => c.credential))) {
      const candidate = failedCandidate(ctx.persons[i], wages, credential);
      if (!candidate) continue;
      for (const cohort of ctx.cohortsOfYear(yearOfQuarter(candidate.failQuarter))) {
        const key = `${credential}\u0000${cohort}`;
        let list = out.get(key);
        if (!list) out.set(key, (list = []));
        list.push(candidate);
      }
    }
  });
  return out;
}

export function buildComparisonTable(ctx: OutcomeContext): RawTable {
  const { minArm, method } = ctx.config.comparison;
  const table = new TableBuilder(ctx, {
    name: 'comparison',
    title: 'Difference-in-differences against failed-not-yet-passed candidates',
    dims: ['credential', 'cohort', 'event_quarter'],
    definition: `did = mean change from the pre-award average (-4..-1) of holders minus that of candidates who failed their first attempt and had not yet passed by that quarter (event quarter 0 = the failed exam); treated_n and comparison_n are the arm sizes; arms under ${minArm} are not compared (use the trajectory's pre/post change, labelled pre_post). Real ${ctx.config.baseYear} dollars.`,
    dpSensitivity: perCredentialSensitivity(ctx),
  });
  const candidates = method === 'failed-not-yet-passed' ? candidatesByGroup(ctx) : new Map<string, FailedCandidate[]>();
  for (const group of ctx.groups) {
    const arm = candidates.get(`${group.credential}\u0000${group.cohort}`) ?? [];
    for (const k of EVENT_QUARTERS) {
      const dims = { credential: group.credential, cohort: group.cohort, event_quarter: k };
      const treated = treatedChanges(ctx, group.holders, k);
      const comparison = comparisonChanges(ctx, arm, k);
      table.add(dims, 'did', { kind: 'mean_difference', treated, comparison, bins: CHANGE_BINS, minArm });
      table.add(dims, 'treated_n', { kind: 'count', count: treated.length });
      table.add(dims, 'comparison_n', { kind: 'count', count: comparison.length });
    }
  }
  return table.build();
}
