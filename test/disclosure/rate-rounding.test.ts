import { describe, expect, it } from 'vitest';
import { publishTables } from '../../src/disclosure/publish-tables.ts';
import { DEFAULT_DISCLOSURE_POLICY as POLICY } from '../../src/disclosure/disclosure-policy.ts';
import { publishedRate, roundCount, roundTo } from '../../src/disclosure/rounding.ts';
import { seededRandom } from '../../src/disclosure/geometric-noise.ts';
// The same search on the bundled world: scripts/disclosure-measure.ts (figures in docs/disclosure.md).
import type { PublishedCell, RawCell } from '../../src/disclosure/cells.ts';

type Rule = (numerator: number, denominator: number) => number;

/**
 * The attack of issue 16: for a published rate r beside its rounded count c, list every integer
 * pair (numerator, denominator) that rounds to c and gives r under `rule`. A single pair, and the
 * true one, means the exact counts are recovered. The attacker may know the rule, so both the
 * old rule (3 decimals of the exact rate) and the published one are tried.
 */
export function candidatePairs(cell: PublishedCell, rule: Rule, base: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const c = cell.count!;
  for (let d = Math.max(1, c - Math.ceil(base / 2)); d <= c + Math.ceil(base / 2); d++) {
    if (roundCount(d, base) !== c) continue;
    for (let n = 0; n <= d; n++) if (rule(n, d) === cell.value) found.push([n, d]);
  }
  return found;
}

/** Rate cells shaped like the demo's: denominators from 10 to 600 (log-uniform), rates across [0, 1]. */
function rateCells(count: number, seed: number): RawCell[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const denominator = Math.round(10 * 60 ** random());
    const numerator = Math.min(denominator, Math.round(denominator * (0.3 + 0.7 * random())));
    return { id: `r${i}`, dims: { i }, measure: 'employed_q4', kind: 'rate', numerator, denominator } as RawCell;
  });
}

describe('rates published from rounded counts', () => {
  const raw = rateCells(400, 16);
  const [table] = publishTables([{ name: 't', title: 't', dims: ['i'], definition: '', cells: raw, margins: [] }], POLICY).tables;
  const published = table.cells.filter((c) => c.status === 'ok');
  const exact = new Map(raw.map((c) => [c.dims.i, c as Extract<RawCell, { kind: 'rate' }>]));

  it('leaves the exact numerator recoverable for under 5% of rate cells, whichever rule the attacker assumes', () => {
    expect(published.length).toBeGreaterThan(250);
    const rules: Record<string, Rule> = {
      'exact rate': (n, d) => roundTo(n / d, POLICY.rateDecimals),
      'rate of rounded counts': (n, d) => publishedRate(n, d, POLICY),
    };
    for (const rule of Object.values(rules)) {
      const recovered = published.filter((cell) => {
        const pairs = candidatePairs(cell, rule, POLICY.roundingBase);
        const e = exact.get(cell.dims.i)!;
        return pairs.length === 1 && pairs[0][0] === e.numerator && pairs[0][1] === e.denominator;
      });
      expect(recovered.length / published.length).toBeLessThan(0.05);
    }
  });

  it('would have recovered most of them with a 3-decimal rate of the exact counts (the old rule)', () => {
    const old = published.map((cell) => {
      const e = exact.get(cell.dims.i)!;
      return { ...cell, value: roundTo(e.numerator / e.denominator, POLICY.rateDecimals) };
    });
    const recovered = old.filter((cell) => candidatePairs(cell, (n, d) => roundTo(n / d, 3), POLICY.roundingBase).length === 1);
    expect(recovered.length / old.length).toBeGreaterThan(0.5);
  });

  it('keeps rate x count within one rounding base (or count/2000, when more) of the exact numerator', () => {
    for (const cell of published) {
      const e = exact.get(cell.dims.i)!;
      expect(Math.abs(cell.value! * cell.count! - e.numerator)).toBeLessThanOrEqual(POLICY.roundingBase / 2 + Math.max(POLICY.roundingBase / 2, cell.count! / 2000) + 1e-9);
    }
  });

  it('publishes no more decimals than the rounded counts carry', () => {
    expect(publishedRate(30, 40, POLICY)).toBe(0.8); // 30/40 = 0.75, but +-5 people over 40 is +-0.125
    expect(publishedRate(151, 200, POLICY)).toBe(0.75);
    expect(publishedRate(1503, 2000, POLICY)).toBe(0.753);
    expect(publishedRate(1503, 2000, { ...POLICY, rateDecimals: 2 })).toBe(0.75);
  });
});
