import { describe, expect, it } from 'vitest';
import { AUTO_FALLBACK_THRESHOLD, AUTO_THRESHOLD_RANGE, expectedF1Threshold } from '../../src/link/auto-threshold.ts';
import { maxPrior, missedMatchShare } from '../../src/link/link-pair.ts';
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
    expect(expectedF1Threshold([], 10)).toBe(AUTO_FALLBACK_THRESHOLD);
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

describe('auto threshold fallback', () => {
  it('falls back to the fixed threshold when the model expects far more matches than links can hold', () => {
    const links = Array.from({ length: 100 }, (_, i) => edge(0.9, i));
    expect(expectedF1Threshold(links, 170)).toBe(AUTO_FALLBACK_THRESHOLD);
    expect(expectedF1Threshold(links, 95)).not.toBe(AUTO_FALLBACK_THRESHOLD);
  });
});

describe('maxPrior', () => {
  const side = (count: number, duplicateFree: boolean) => ({ count, duplicateFree }) as never;
  it('bounds the match share by the larger duplicate-free side, and not within one source', () => {
    expect(maxPrior({ a: side(5000, true), b: side(2000, true), dedupe: false })).toBe(1 / 5000);
    expect(maxPrior({ a: side(5000, false), b: side(2000, true), dedupe: false })).toBe(1 / 2000);
    expect(maxPrior({ a: side(5000, false), b: side(2000, false), dedupe: false })).toBeUndefined();
    expect(maxPrior({ a: side(5000, true), b: side(5000, true), dedupe: true })).toBeUndefined();
  });
});
