import { dollarsText } from './real-dollars.ts';
import type { RawTable } from '../disclosure/cells.ts';
import type { Holder, OutcomeContext } from './outcome-context.ts';
import { ANTICIPATION_WINDOW, EVENT_QUARTERS, PRE_REFERENCE_WINDOW, REFERENCE_WINDOW, comparisonChanges, windowLabel, failedCandidate, otherAwardNear, treatedChanges, type FailedCandidate } from './event-study.ts';
import { yearOfQuarter, type QuarterIndex } from './outcome-person.ts';
import { indexPool, matchedArms, type MatchedArms, type StrataIndex } from './matched-comparison.ts';
import { laterHoldersOf, notYetTreatedArms, type LaterHolders } from './not-yet-treated.ts';
import { armWithVariance } from './counterfactual-variance.ts';
import { CHANGE_BINS, TableBuilder, perCredentialSensitivity } from './table-builder.ts';

/** The comparison a credential and cohort got; the measure name of its effect cells. */
export type ComparisonDesign = 'did' | 'did_nyt' | 'did_matched';
export const DESIGNS: readonly ComparisonDesign[] = ['did', 'did_nyt', 'did_matched'];

/** Why each design is chosen (fixed labels: the order of preference, never data). */
export const DESIGN_REASON: Record<ComparisonDesign | 'none', string> = {
  did: 'failed candidates observed at +4 reach minArm',
  did_nyt: 'too few failed candidates; later holders of the same credential (not yet treated) reach minArm at +4',
  did_matched: 'too few failed candidates and later holders; non-holders matched on pre-award level and trend reach minArm at +4',
  none: 'no comparison arm reaches minArm at +4; effects are the labelled pre/post change',
};

/** Failed-not-yet-passed candidates per credential and cohort (cohort by the year of the failed attempt). */
function candidatesByGroup(ctx: OutcomeContext): Map<string, FailedCandidate[]> {
  const out = new Map<string, FailedCandidate[]>();
  ctx.histories.forEach((wages, i) => {
    if (ctx.persons[i].inPopulation === false) return;
    // Under DP a person is a failed candidate for at most credentialCap credentials, as a holder
    // keeps at most that many awards: the comparison arm's sensitivity is bounded the same way.
    const credentials = [...new Set(ctx.persons[i].credentials.map((c) => c.credential))];
    let kept = 0;
    for (const credential of credentials) {
      if (ctx.credentialCap !== undefined && kept >= ctx.credentialCap) break;
      const candidate = failedCandidate(ctx.persons[i], wages, credential);
      if (!candidate || (ctx.config.comparison.excludeNearbyAwards && otherAwardNear(ctx.persons[i], credential, candidate.failQuarter))) continue;
      kept++;
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

interface Arms {
  design: ComparisonDesign;
  at: (k: number) => MatchedArms;
}

/** Arms of a design that pairs each holder with a counterfactual, if both reach minArm at +4. */
function pairedDesign(design: ComparisonDesign, at: (k: number) => MatchedArms, minArm: number): Arms | undefined {
  const at4 = at(4);
  return at4.treated.length >= minArm && at4.comparisonPeople >= minArm ? { design, at } : undefined;
}

/**
 * Which comparison a credential and cohort gets, in order of preference: failed-not-yet-passed
 * candidates (`did`); later holders of the same credential, not yet treated (`did_nyt`); non-holders
 * matched on pre-award level and trend (`did_matched`); else none (the ROI then uses the labelled
 * pre/post change). Neither paired design is used under differential privacy: one comparison person
 * serves many holders, so their sensitivity is unbounded.
 */
export function buildComparisonTable(ctx: OutcomeContext): RawTable {
  const { minArm, method, excludeNearbyAwards } = ctx.config.comparison;
  const table = new TableBuilder(ctx, {
    name: 'comparison',
    title: 'Difference-in-differences against a comparison group',
    dims: ['credential', 'cohort', 'event_quarter'],
    definition: `Event study, k = -8..+12; reference window ${windowLabel(REFERENCE_WINDOW)} (every change is from the person's mean over it; ${windowLabel(ANTICIPATION_WINDOW)} are anticipation quarters, outside it). did = mean change of holders minus that of candidates who failed their first attempt and had not yet passed by that quarter (event quarter 0 = the failed exam). did_nyt (when fewer than ${minArm} failed candidates are observed at +4): staggered-adoption difference-in-differences against people who earn the same credential later and are still ${ctx.config.comparison.anticipationQuarters}+ quarters from their own award at k (not-yet-treated, Callaway and Sant'Anna 2021), group-time effects per award quarter averaged with holder weights. did_matched (when neither reaches ${minArm}): holders minus non-holders matched exactly on calendar quarter, pre-award earnings band, pre-award trend band (${windowLabel(PRE_REFERENCE_WINDOW)} to ${windowLabel(REFERENCE_WINDOW)}), quarters employed in ${windowLabel(REFERENCE_WINDOW)} and sector at ${REFERENCE_WINDOW.to} (coarsened exact matching, ATT weights). All leave out people awarded another credential in event quarters -8..+12. did_se: the standard error of the difference; for did_nyt and did_matched it counts each comparison person's influence over every cell they serve in (not published under differential privacy). treated_n and comparison_n are the arm sizes. Every cell's note names the design. Dollars: ${dollarsText(ctx.dollars)}.`,
    dpSensitivity: perCredentialSensitivity(ctx),
  }, [], true); // under DP every design is did: its arms for 'all' are the unions of the cohorts' arms
  const dp = ctx.credentialCap !== undefined;
  const candidates = method === 'failed-not-yet-passed' ? candidatesByGroup(ctx) : new Map<string, FailedCandidate[]>();
  const pool: StrataIndex | undefined = method !== 'pre-post' && ctx.poolHistories.length ? indexPool(ctx, ctx.poolHistories) : undefined;
  const later = new Map<string, LaterHolders>();
  const laterOf = (credential: string) => later.get(credential) ?? later.set(credential, laterHoldersOf(ctx, credential)).get(credential)!;
  const eligibleAt = (h: Holder, event: QuarterIndex) => !excludeNearbyAwards || !otherAwardNear(h.person, h.credential, event);
  const eligible = (h: Holder) => eligibleAt(h, h.awardQuarter);
  const useLater = !dp && (method === 'failed-not-yet-passed' || method === 'not-yet-treated');
  for (const group of ctx.groups) {
    const arm = candidates.get(`${group.credential}\u0000${group.cohort}`) ?? [];
    const failedEnough = comparisonChanges(ctx, arm, 4).length >= minArm;
    const cache = new Map<string, MatchedArms>();
    const memo = (key: string, make: () => MatchedArms) => cache.get(key) ?? cache.set(key, make()).get(key)!;
    const paired = failedEnough || method === 'pre-post'
      ? undefined
      : ((useLater ? pairedDesign('did_nyt', (k) => memo(`n${k}`, () => notYetTreatedArms(ctx, laterOf(group.credential), group.holders, k, eligibleAt)), minArm) : undefined) ??
        (pool ? pairedDesign('did_matched', (k) => memo(`m${k}`, () => matchedArms(ctx, pool, group.holders, k, eligible)), minArm) : undefined));
    for (const k of EVENT_QUARTERS) {
      const dims = { credential: group.credential, cohort: group.cohort, event_quarter: k };
      if (paired) {
        const m = paired.at(k);
        table.add(dims, paired.design, { kind: 'mean_difference', treated: m.treated, comparison: m.counterfactual, comparisonPeople: m.comparisonPeople, bins: CHANGE_BINS, minArm });
        table.add(dims, 'did_se', { kind: 'mean_difference', statistic: 'standard_error', treated: m.treated, comparison: armWithVariance(m.comparisonVariance), comparisonPeople: m.comparisonPeople, bins: CHANGE_BINS, minArm });
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
