import { describe, expect, it } from 'vitest';
import { AUTO_THRESHOLD_RANGE, expectedF1Threshold } from '../../src/link/auto-threshold.ts';
import { missedMatchShare } from '../../src/link/link-pair.ts';
import { competingMatchProbability } from '../../src/link/match-probability.ts';

const edge = (probability: number, i: number) => ({ left: i, right: i, weight: 0, probability });

describe('expectedF1Threshold', () => {
  it('keeps links while each adds more expected true links than it costs', () => {
    // 80 near-certain links, 20 even bets, 50 long shots; 100 matches expected in all.
    const links = [...Array(80).fill(0.99), ...Array(20).fill(0.5), ...Array(50).fill(0.32)].map(edge);
    const threshold = expectedF1Threshold(links, 0.99 * 80 + 0.5 * 20 + 0.32 * 50);
    expect(threshold).toBe(0.5);
  });

  it('stays within its range when every link is certain or the model expects nothing', () => {
    expect(expectedF1Threshold([edge(1, 0), edge(1, 1)], 2)).toBe(AUTO_THRESHOLD_RANGE.max);
    expect(expectedF1Threshold([edge(0.6, 0)], 0)).toBe(AUTO_THRESHOLD_RANGE.max);
    expect(expectedF1Threshold([], 10)).toBe(AUTO_THRESHOLD_RANGE.max);
    const low = expectedF1Threshold([0.4, 0.35, 0.31, 0.2].map(edge), 3);
    expect(low).toBeGreaterThanOrEqual(AUTO_THRESHOLD_RANGE.min);
  });

  it('never cuts between links of equal probability', () => {
    const links = [0.9, 0.7, 0.7, 0.7, 0.31].map(edge);
    expect([0.9, 0.7, 0.31]).toContain(expectedF1Threshold(links, 3));
  });
});

describe('missedMatchShare', () => {
  it('is the share of expected matches the candidates do not hold, bounded to [0, 0.5]', () => {
    const certain = Float64Array.from({ length: 90 }, () => 30);
    expect(missedMatchShare(certain, 100)).toBeCloseTo(0.1, 6);
    expect(missedMatchShare(certain, 50)).toBe(0);
    expect(missedMatchShare(certain, 1e6)).toBe(0.5);
    expect(missedMatchShare(certain, 0)).toBe(0);
  });
});

describe('competition with the pairs blocking missed', () => {
  const base = { lambda: 0.3 / 1000, countA: 1000, countB: 1000, oneMatchPerA: true, oneMatchPerB: true, left: Uint32Array.of(0), right: Uint32Array.of(0), likelihoodWeight: Float64Array.of(14) };

  it('lowers a pair little when blocking misses few matches, and never to nothing', () => {
    const [complete] = competingMatchProbability({ ...base, missedShare: 0 });
    const [leaky] = competingMatchProbability({ ...base, missedShare: 0.05 });
    const [worst] = competingMatchProbability({ ...base, missedShare: 0.5 });
    expect(leaky).toBeLessThan(complete);
    expect(complete - leaky).toBeLessThan(0.01);
    expect(worst).toBeGreaterThan(0.5);
  });
});
