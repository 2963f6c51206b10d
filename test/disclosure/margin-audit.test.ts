import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { pinnedCells, type LpSolver, type PeopleInterval } from '../../src/disclosure/margin-audit.ts';
import { auditedSuppression } from '../../src/disclosure/audited-suppression.ts';
import { countInterval, numeratorInterval } from '../../src/disclosure/published-intervals.ts';
import { marginsAreSafe } from '../../src/disclosure/complementary-suppression.ts';
import { publishTables } from '../../src/disclosure/publish-tables.ts';
import { DEFAULT_DISCLOSURE_POLICY as POLICY } from '../../src/disclosure/disclosure-policy.ts';
import { seededRandom } from '../../src/disclosure/geometric-noise.ts';
import { publishedRate, rateOfRoundedCounts, roundCount } from '../../src/disclosure/rounding.ts';
import type { Margin, RawCell, RawTable } from '../../src/disclosure/cells.ts';
import { loadLpSolver } from '../../src/io/lp-solver.ts';

let solve: LpSolver;
beforeAll(async () => {
  solve = await loadLpSolver();
});

const published = (count: number): PeopleInterval => countInterval(count, POLICY);

describe('published intervals', () => {
  it('are the whole numbers that round to the published count', () => {
    expect(countInterval(50, POLICY)).toEqual({ low: 48, high: 52 });
    for (let x = 0; x < 200; x++) {
      const iv = countInterval(roundCount(x, 5), POLICY);
      expect(x).toBeGreaterThanOrEqual(iv.low);
      expect(x).toBeLessThanOrEqual(iv.high);
    }
  });

  it('hold the true numerator of a published rate', () => {
    const random = seededRandom(4);
    for (let i = 0; i < 500; i++) {
      const d = 10 + Math.floor(random() * 3000);
      const n = Math.floor(random() * (d + 1));
      const c = roundCount(d, 5);
      const r = publishTables([{ name: 't', title: '', dims: [], definition: '', margins: [], cells: [{ id: 'r', dims: {}, measure: 'm', kind: 'rate', numerator: n, denominator: d }] }], { ...POLICY, minCell: 0 }).tables[0].cells[0].value!;
      const iv = numeratorInterval(r, c, POLICY);
      expect(n).toBeGreaterThanOrEqual(iv.low);
      expect(n).toBeLessThanOrEqual(iv.high);
    }
  });
  it('are as narrow as an attacker who knows the rate rule makes them: only multiples of the base give the rate', () => {
    // 0.8 over a published 40 (a step of 0.1): of the rounded numerators only 30 gives 0.8 (35 gives 0.9), so 28-32 people, not 28-36.
    expect(numeratorInterval(0.8, 40, POLICY)).toEqual({ low: 28, high: 32 });
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 60_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (d, share) => {
        const count = roundCount(d, POLICY.roundingBase);
        const rate = publishedRate(Math.round(d * share), d, POLICY);
        // Brute force: every numerator whose rounding gives this rate over this count.
        let low = Infinity;
        let high = -Infinity;
        const top = countInterval(count, POLICY).high;
        const around = count * rate;
        for (let n = Math.max(0, Math.floor(around - count / 50 - 10)); n <= Math.min(top, Math.ceil(around + count / 50 + 10)); n++) {
          if (rateOfRoundedCounts(roundCount(n, POLICY.roundingBase), count, POLICY) !== rate) continue;
          low = Math.min(low, n);
          high = Math.max(high, n);
        }
        expect(numeratorInterval(rate, count, POLICY)).toEqual({ low, high });
      }),
    );
  });
});

describe('the integer-programming audit of published margins', () => {
  // A sector total of 50 (48-52 people) with parts 20 (18-22) and 28 (26-30) published: the two hidden parts hold 0 to 8 people.
  const margin: Margin = { total: 'all', parts: ['a', 'b', 'c', 'd'] };
  const cells = new Map<string, PeopleInterval | undefined>([['all', published(50)], ['a', published(20)], ['b', published(28)], ['c', undefined], ['d', undefined]]);

  it('finds the hidden cells the margin pins below the minimum, with their bounds', () => {
    expect(pinnedCells(cells, [margin], 10, solve)).toEqual([{ key: 'c', low: 0, high: 8 }, { key: 'd', low: 0, high: 8 }]);
  });

  it('finds nothing pinned when the hidden cells could hold the minimum', () => {
    const loose = new Map(cells).set('b', published(15));
    expect(pinnedCells(loose, [margin], 10, solve)).toEqual([]);
  });

  it('pins a cell through two margins that only an integer program combines (a two-way table)', () => {
    // rows r1 = x + y, r2 = z + w; columns c1 = x + z, c2 = y + w; x, y, z hidden, w published.
    const margins: Margin[] = [{ total: 'r1', parts: ['x', 'y'] }, { total: 'r2', parts: ['z', 'w'] }, { total: 'c1', parts: ['x', 'z'] }, { total: 'c2', parts: ['y', 'w'] }];
    const iv = new Map<string, PeopleInterval | undefined>([['r1', published(30)], ['r2', published(40)], ['c1', published(25)], ['c2', published(45)], ['w', published(35)], ['x', undefined], ['y', undefined], ['z', undefined]]);
    const pinned = pinnedCells(iv, margins, 10, solve);
    expect(pinned.map((p) => p.key)).toContain('z'); // z = r2 - w: 40 - 35 +- 4
    expect(pinned.find((p) => p.key === 'z')!.high).toBeLessThan(10);
  });

  it('suppresses more until nothing is pinned, keeping every margin at 0 or >= 2 hidden cells', () => {
    const population = (k: string) => ({ all: 50, a: 20, b: 28, c: 1, d: 1 })[k] ?? 0;
    const iv = (k: string) => (({ all: published(50), a: published(20), b: published(28), c: published(0), d: published(0) }) as Record<string, PeopleInterval>)[k];
    const { hidden, report } = auditedSuppression([margin], new Set(['c', 'd']), population, iv, 10, solve);
    expect(report).toMatchObject({ pinnedFound: 2, pinnedLeft: 0 });
    expect(report.addedSuppressions).toBeGreaterThan(0);
    expect(hidden.has('a')).toBe(true); // the smallest open part
    const after = new Map([...cells].map(([k, v]) => [k, hidden.has(k) ? undefined : v]));
    expect(pinnedCells(after, [margin], 10, solve)).toEqual([]);
    expect(marginsAreSafe([margin], hidden)).toBe(true);
  });
});

/** Industry-like tables: a total per credential and cohort, split into sectors with a few small ones. */
function industryTables(seed: number): RawTable {
  const random = seededRandom(seed);
  const cells: RawCell[] = [];
  const margins: Margin[] = [];
  for (let credential = 0; credential < 3; credential++) {
    const cohortTotals: string[] = [];
    const bySector: string[][] = [[], [], [], [], [], []];
    for (const cohort of ['c1', 'c2']) {
      const parts = Array.from({ length: 6 }, (_, s) => (s < 2 ? Math.floor(random() * 9) : 10 + Math.floor(random() * 40)));
      const ids = parts.map((count, s) => {
        const id = `${credential}|${cohort}|s${s}`;
        cells.push({ id, dims: { credential, cohort, sector: s }, measure: 'n', kind: 'count', count });
        bySector[s].push(id);
        return id;
      });
      const total = `${credential}|${cohort}|all`;
      cells.push({ id: total, dims: { credential, cohort, sector: 'all' }, measure: 'n', kind: 'count', count: parts.reduce((a, b) => a + b, 0) });
      margins.push({ total, parts: ids });
      cohortTotals.push(total);
    }
    bySector.forEach((pair, s) => {
      const id = `${credential}|all|s${s}`;
      const count = pair.map((p) => (cells.find((c) => c.id === p) as { count: number }).count).reduce((a, b) => a + b, 0);
      cells.push({ id, dims: { credential, cohort: 'all', sector: s }, measure: 'n', kind: 'count', count });
      margins.push({ total: id, parts: pair });
    });
  }
  return { name: 'industry', title: '', dims: ['credential', 'cohort', 'sector'], definition: '', cells, margins };
}

describe('publishTables with the audit', () => {
  it.each([1, 2])('leaves no hidden cell pinned below the minimum (seed %i)', (seed) => {
    const table = industryTables(seed);
    const result = publishTables([table], POLICY, undefined, [], solve);
    expect(result.audit!.pinnedLeft).toBe(0);
    const intervals = new Map<string, PeopleInterval | undefined>();
    result.tables[0].cells.forEach((c, i) => intervals.set(String(i), c.status === 'suppressed' ? undefined : countInterval(c.value!, POLICY)));
    const margins = result.margins.map((m) => ({ total: String(m.total[1]), parts: m.parts.map((p) => String(p[1])) }));
    expect(margins.length).toBe(table.margins.length);
    expect(pinnedCells(intervals, margins, POLICY.minCell, solve)).toEqual([]);
  });
});
