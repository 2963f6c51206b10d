import { describe, expect, it } from 'vitest';
import { buildContext, type Holder } from '../../src/outcomes/outcome-context.ts';
import { annualEarningsAfter, attachedAnnualEarnings, quarterlyEarningsAfter } from '../../src/outcomes/earnings-tables.ts';
import { alignedRate, employedWithin12Months, employmentRate, newJobRate, retentionRate } from '../../src/outcomes/labor-market-tables.ts';
import { comparisonChanges, failedCandidate, treatedChanges } from '../../src/outcomes/event-study.ts';
import { wageHistory } from '../../src/outcomes/wage-history.ts';
import { breakevenQuarter, extendEffects, npv } from '../../src/outcomes/roi.ts';
import { degreeAfter, degreeBefore, enrolledAfter } from '../../src/outcomes/education-tables.ts';
import { sectorSequence } from '../../src/outcomes/pathway-tables.ts';
import { naicsSector } from '../../src/outcomes/naics-sector.ts';
import { createDeflator } from '../../src/outcomes/real-dollars.ts';
import { CATALOG, EMPLOYERS, person, population, q, testConfig, wagesOf } from './population.ts';
import type { OutcomePerson } from '../../src/outcomes/outcome-person.ts';

const passA = (date = '2019-02-20') => [{ credential: 'A', examDate: date, result: 'pass' as const, awardDate: date }];

function holdersOf(people: OutcomePerson[], config = testConfig()): { holders: Holder[]; ctx: ReturnType<typeof buildContext> } {
  const ctx = buildContext({ persons: people, catalog: CATALOG, employers: EMPLOYERS }, config);
  return { ctx, holders: ctx.groups.find((g) => g.credential === 'A' && g.cohort === 'all')!.holders };
}

describe('retention with the same employer (WIOA)', () => {
  it('counts a holder whose award-quarter employer still pays at +2 and +4', () => {
    const stayer = person({ credentials: passA(), wages: wagesOf([[2019, 1, 'e1', 5000], [2019, 3, 'e1', 5000], [2020, 1, 'e1', 5000]]) });
    const mover = person({ credentials: passA(), wages: wagesOf([[2019, 1, 'e1', 5000], [2019, 3, 'e2', 5000], [2020, 1, 'e1', 5000]]) });
    const jobless = person({ credentials: passA(), wages: wagesOf([[2019, 3, 'e1', 5000]]) });
    const { ctx, holders } = holdersOf([stayer, mover, jobless]);
    expect(retentionRate(ctx, holders, [2])).toMatchObject({ numerator: 1, denominator: 2 });
    expect(retentionRate(ctx, holders, [4])).toMatchObject({ numerator: 2, denominator: 2 });
    expect(retentionRate(ctx, holders, [2, 4])).toMatchObject({ numerator: 1, denominator: 2 });
    expect(retentionRate(ctx, holders, [2, 4]).employers).toEqual(new Map([['e1', 1]]));
  });

  it('follows the primary employer (highest wages) of the award quarter', () => {
    const twoJobs = person({ credentials: passA(), wages: wagesOf([[2019, 1, 'e1', 1000], [2019, 1, 'e2', 4000], [2019, 3, 'e1', 1000], [2020, 1, 'e1', 1000]]) });
    const { ctx, holders } = holdersOf([twoJobs]);
    expect(retentionRate(ctx, holders, [2, 4])).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('does not count a holder the old employer still pays a little when another employer pays the most', () => {
    // e1 is primary in the award quarter; at +2 and +4 e2 pays the most and e1 only a last cheque.
    const moved = person({ credentials: passA(), wages: wagesOf([[2019, 1, 'e1', 5000], [2019, 3, 'e1', 300], [2019, 3, 'e2', 4800], [2020, 1, 'e1', 100], [2020, 1, 'e2', 5000]]) });
    const stayed = person({ credentials: passA(), wages: wagesOf([[2019, 1, 'e1', 5000], [2019, 3, 'e1', 5000], [2019, 3, 'e2', 200], [2020, 1, 'e1', 5000]]) });
    const { ctx, holders } = holdersOf([moved, stayed]);
    expect(retentionRate(ctx, holders, [2])).toMatchObject({ numerator: 1, denominator: 2 });
    expect(retentionRate(ctx, holders, [4])).toMatchObject({ numerator: 1, denominator: 2 });
    expect(retentionRate(ctx, holders, [2, 4]).employers).toEqual(new Map([['e1', 1]]));
  });
});

describe('new job and aligned role at +4', () => {
  it('is a new job when the +4 primary employer paid nothing in -4..-1', () => {
    const sameEmployer = person({ credentials: passA(), wages: wagesOf([[2018, 2, 'e1', 3000], [2020, 1, 'e1', 6000]]) });
    const newEmployer = person({ credentials: passA(), wages: wagesOf([[2018, 2, 'e1', 3000], [2020, 1, 'e7', 6000]]) });
    const oldTie = person({ credentials: passA(), wages: wagesOf([[2017, 4, 'e7', 3000], [2020, 1, 'e7', 6000]]) });
    const { ctx, holders } = holdersOf([sameEmployer, newEmployer, oldTie]);
    // e7 paid oldTie in 2017Q4 = quarter -5, outside -4..-1: still a new job.
    expect(newJobRate(ctx, holders)).toMatchObject({ numerator: 2, denominator: 3 });
    // A is aligned with NAICS 62: e1 is 622110 (aligned), e7 is 238220 (not).
    expect(alignedRate(ctx, holders, ['62'])).toMatchObject({ numerator: 1, denominator: 3 });
  });
});

describe('employment rates', () => {
  it('counts any earnings at +2, +4 and within 12 months, leaving out quarters past the data', () => {
    const a = person({ credentials: passA(), wages: wagesOf([[2019, 3, 'e1', 100]]) });
    const b = person({ credentials: passA(), wages: wagesOf([[2019, 2, 'e1', 100]]) });
    const late = person({ credentials: passA('2024-11-01'), wages: [] });
    const { ctx, holders } = holdersOf([a, b, late]);
    expect(employmentRate(ctx, holders, 2)).toMatchObject({ numerator: 1, denominator: 2 });
    expect(employmentRate(ctx, holders, 4)).toMatchObject({ numerator: 0, denominator: 2 });
    expect(employedWithin12Months(ctx, holders)).toMatchObject({ numerator: 2, denominator: 2 });
  });
});

describe('earnings', () => {
  it('applies the PSEO attached-worker rule: 3 of 4 quarters and a full-time federal minimum wage year', () => {
    const three = person({ credentials: passA(), wages: wagesOf([[2020, 1, 'e1', 6000], [2020, 2, 'e1', 6000], [2020, 3, 'e1', 6000]]) });
    const twoBig = person({ credentials: passA(), wages: wagesOf([[2020, 1, 'e1', 10000], [2020, 2, 'e1', 10000]]) });
    const fourSmall = person({ credentials: passA(), wages: wagesOf([[2020, 1, 'e1', 3000], [2020, 2, 'e1', 3000], [2020, 3, 'e1', 3000], [2020, 4, 'e1', 3000]]) });
    const { ctx, holders } = holdersOf([three, twoBig, fourSmall]);
    expect(attachedAnnualEarnings(ctx, holders[0], 2020)).toBe(18000);
    expect(attachedAnnualEarnings(ctx, holders[1], 2020)).toBeUndefined();
    expect(attachedAnnualEarnings(ctx, holders[2], 2020)).toBeUndefined(); // $12,000 < $15,080
    expect(annualEarningsAfter(ctx, holders, 1)).toEqual([18000]);
  });

  it('sums employers in a quarter and counts only the employed', () => {
    const p = person({ credentials: passA(), wages: wagesOf([[2019, 2, 'e1', 1000], [2019, 2, 'e2', 2500]]) });
    const none = person({ credentials: passA(), wages: [] });
    const { ctx, holders } = holdersOf([p, none]);
    expect(quarterlyEarningsAfter(ctx, holders, 1)).toEqual([3500]);
  });

  it('states dollars in real base-year dollars with CPI-U', () => {
    const deflator = createDeflator(2024);
    expect(deflator.toReal(1000, 2024)).toBe(1000);
    expect(deflator.toReal(1000, 2014)).toBeCloseTo((1000 * 313.689) / 236.736, 6);
    expect(deflator.toReal(1000, 2030)).toBe(1000);
    expect(deflator.yearsOutsideSeries()).toEqual([2030]);
  });
});

describe('comparison group and difference-in-differences', () => {
  it('recovers a known effect against failed-not-yet-passed candidates', () => {
    const people = population({ holders: 60, failers: 60, effect: 1500 });
    const { ctx, holders } = holdersOf(people);
    const candidates = people.map((p) => failedCandidate(p, wageHistory(p), 'A')).filter((c) => c !== undefined);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const k of [1, 4, 8]) {
      const did = mean(treatedChanges(ctx, holders, k)) - mean(comparisonChanges(ctx, candidates, k));
      expect(Math.abs(did - 1500)).toBeLessThan(300);
    }
    expect(Math.abs(mean(treatedChanges(ctx, holders, -6)) - mean(comparisonChanges(ctx, candidates, -6)))).toBeLessThan(300);
  });

  it('drops a candidate from the comparison arm once they pass', () => {
    const later = person({
      credentials: [
        { credential: 'A', examDate: '2019-01-15', result: 'fail' },
        { credential: 'A', examDate: '2019-10-01', result: 'pass', awardDate: '2019-10-01' },
      ],
      wages: wagesOf([[2017, 3, 'e1', 100], [2017, 4, 'e1', 100], [2018, 1, 'e1', 100], [2018, 2, 'e1', 100], [2019, 2, 'e1', 100], [2019, 4, 'e1', 100]]),
    });
    const candidate = failedCandidate(later, wageHistory(later), 'A')!;
    expect(candidate.passQuarter).toBe(q(2019, 4));
    const { ctx } = holdersOf([later]);
    expect(comparisonChanges(ctx, [candidate], 1)).toEqual([0]);
    expect(comparisonChanges(ctx, [candidate], 3)).toEqual([]);
  });
});

describe('ROI', () => {
  it('computes NPV and the breakeven quarter', () => {
    expect(npv([100, 100, 100, 100], 300, 0, 4)).toBe(100);
    expect(npv([400], 0, 0.03, 1)).toBeCloseTo(400 / 1.03 ** 0.25, 9);
    expect(breakevenQuarter([300, 300, 300, 300, 300], 1000, 0, 40)).toBe(4);
    expect(breakevenQuarter(Array(4).fill(300), 1000, 0.03, 40)).toBe(4); // 300 x 3.9269 = 1178
    expect(breakevenQuarter(Array(10).fill(100), 1001, 0, 10)).toBeUndefined();
    expect(extendEffects([1, 2, 3, 4, 5, 6], 8, 'hold-last-year')).toEqual([1, 2, 3, 4, 5, 6, 4.5, 4.5]);
    expect(extendEffects([1, 2], 4, 'none')).toEqual([1.5, 1.5, 0, 0]);
    expect(extendEffects([1, 2], 4, 'hold-mean')).toEqual([1.5, 1.5, 1.5, 1.5]);
  });
});

describe('education, pathways and sectors', () => {
  it('orders degrees and enrollments around the award date', () => {
    const p = person({
      credentials: passA('2019-06-01'),
      education: [
        { degreeLevel: 'associate', graduationDate: '2017-05-15' },
        { enrollmentBegin: '2019-09-01', degreeLevel: 'bachelor', graduationDate: '2022-05-15' },
      ],
    });
    const { holders } = holdersOf([p]);
    expect(enrolledAfter(holders[0])).toBe(true);
    expect(degreeBefore(holders[0])).toBe(true);
    expect(degreeAfter(holders[0], 'bachelor')).toBe(true);
    expect(degreeAfter(holders[0], 'associate')).toBe(false);
  });

  it('builds the sector sequence at -4, +4, +8', () => {
    const p = person({ credentials: passA(), wages: wagesOf([[2018, 1, 'e1', 100], [2021, 1, 'e8', 100]]) });
    const { ctx, holders } = holdersOf([p]);
    expect(sectorSequence(ctx, holders[0])).toBe('62>none>23');
    expect(naicsSector('336111')).toBe('31-33');
    expect(naicsSector(undefined)).toBe('unknown');
  });
});
