import type { RawTable } from '../disclosure/cells.ts';
import { covered, realEarnings, type Holder, type OutcomeContext } from './outcome-context.ts';
import { EVENT_QUARTERS, comparisonChanges, failedCandidate, otherAwardNear, treatedChanges, type FailedCandidate } from './event-study.ts';
import { yearOfQuarter } from './outcome-person.ts';
import { indexPool, matchedArms } from './matched-comparison.ts';
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
      if (!candidate || (ctx.config.comparison.excludeNearbyAwards && otherAwardNear(ctx.persons[i], credential, candidate.failQuarter))) continue;
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

/**
 * Which comparison a credential and cohort gets: failed-not-yet-passed candidates when at least
 * `minArm` of them are observed at +4; else non-holders matched by coarsened exact matching when
 * both matched arms reach `minArm` at +4 (measure `did_matched`); else none (the ROI then uses the
 * labelled pre/post change).
 */
export function buildComparisonTable(ctx: OutcomeContext): RawTable {
  const { minArm, method } = ctx.config.comparison;
  const table = new TableBuilder(ctx, {
    name: 'comparison',
    title: 'Difference-in-differences against a comparison group',
    dims: ['credential', 'cohort', 'event_quarter'],
    definition: `did = mean change from the pre-award average (-4..-1) of holders minus that of candidates who failed their first attempt and had not yet passed by that quarter (event quarter 0 = the failed exam). did_matched (used when fewer than ${minArm} failed candidates are observed at +4): holders minus non-holders in the wage population matched exactly on calendar quarter, pre-award earnings band, quarters employed in -4..-1 and sector at -1 (coarsened exact matching, ATT weights; biased upward by the pre-award dip and later stacked credentials, see docs/outcomes.md). Both designs leave out people awarded another credential in event quarters -8..+12 (their change carries that credential's effect). did_se: the standard error of the difference, sqrt(var_t/n_t + var_c/n_c) (not published under differential privacy). treated_n and comparison_n are the arm sizes; arms under ${minArm} are not compared (the ROI then uses the pre/post change, labelled pre_post). Real ${ctx.config.baseYear} dollars.`,
    dpSensitivity: perCredentialSensitivity(ctx),
  });
  const candidates = method === 'failed-not-yet-passed' ? candidatesByGroup(ctx) : new Map<string, FailedCandidate[]>();
  const pool = method !== 'pre-post' && ctx.poolHistories.length ? indexPool(ctx, ctx.poolHistories) : undefined;
  const eligible = (h: Holder) => !ctx.config.comparison.excludeNearbyAwards || !otherAwardNear(h.person, h.credential, h.awardQuarter);
  for (const group of ctx.groups) {
    const arm = candidates.get(`${group.credential}\u0000${group.cohort}`) ?? [];
    const failedEnough = comparisonChanges(ctx, arm, 4).length >= minArm;
    const matchedAt = (k: number) => (pool ? matchedArms(ctx, pool, group.holders, k, eligible) : undefined);
    const at4 = failedEnough ? undefined : matchedAt(4);
    const useMatched = at4 !== undefined && at4.treated.length >= minArm && at4.comparisonPeople >= minArm;
    for (const k of EVENT_QUARTERS) {
      const dims = { credential: group.credential, cohort: group.cohort, event_quarter: k };
      if (useMatched) {
        const m = matchedAt(k)!;
        table.add(dims, 'did_matched', { kind: 'mean_difference', treated: m.treated, comparison: m.counterfactual, comparisonPeople: m.comparisonPeople, bins: CHANGE_BINS, minArm });
        // Treats the stratum means as data: understates the error of few controls per stratum.
        table.add(dims, 'did_se', { kind: 'mean_difference', statistic: 'standard_error', treated: m.treated, comparison: m.counterfactual, comparisonPeople: m.comparisonPeople, bins: CHANGE_BINS, minArm });
        table.add(dims, 'treated_n', { kind: 'count', count: m.treated.length });
        table.add(dims, 'comparison_n', { kind: 'count', count: m.comparisonPeople });
        continue;
      }
      const treated = treatedChanges(ctx, group.holders, k, eligible);
      const comparison = comparisonChanges(ctx, arm, k);
      table.add(dims, 'did', { kind: 'mean_difference', treated, comparison, bins: CHANGE_BINS, minArm });
      table.add(dims, 'did_se', { kind: 'mean_difference', statistic: 'standard_error', treated, comparison, bins: CHANGE_BINS, minArm });
      table.add(dims, 'treated_n', { kind: 'count', count: treated.length });
      table.add(dims, 'comparison_n', { kind: 'count', count: comparison.length });
    }
  }
  return table.build();
}
