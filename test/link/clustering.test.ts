import { describe, expect, it } from 'vitest';
import type { Edge } from '../../src/link/assignment.ts';
import { clusterRecords } from '../../src/link/clustering.ts';
import { competingMatchProbability } from '../../src/link/match-probability.ts';

const edge = (left: number, right: number, weight: number, probability = 0.95): Edge => ({ left, right, weight, probability });

describe('clusterRecords', () => {
  it('joins a roster record and a wage record through the spine record both link to', () => {
    // sources: 0 spine (2 records), 1 roster (1), 2 wages (2)
    const clustering = clusterRecords([2, 1, 2], [true, true, true], [
      { a: 0, b: 1, links: [edge(1, 0, 12, 0.97)] },
      { a: 0, b: 2, links: [edge(1, 1, 15, 0.99)] },
    ]);
    expect(clustering.clusterOf[1][0]).toBe(clustering.clusterOf[0][1]);
    expect(clustering.clusterOf[2][1]).toBe(clustering.clusterOf[0][1]);
    expect(clustering.clusterOf[2][0]).not.toBe(clustering.clusterOf[0][1]);
    expect(clustering.clusterCount).toBe(3);
    expect(clustering.probability[1][0]).toBe(0.97);
    expect(clustering.probability[0][0]).toBe(1);
  });

  it('never puts two records of one duplicate-free source in one cluster, keeping the stronger link', () => {
    // Without a spine: a0 ~ b0 (strong), b0 ~ c0, c0 ~ a1 would chain a0 and a1 together.
    const clustering = clusterRecords([2, 1, 1], [true, true, true], [
      { a: 0, b: 1, links: [edge(0, 0, 20)] },
      { a: 1, b: 2, links: [edge(0, 0, 15)] },
      { a: 0, b: 2, links: [edge(1, 0, 5)] },
    ]);
    expect(clustering.clusterOf[0][0]).toBe(clustering.clusterOf[2][0]);
    expect(clustering.clusterOf[0][1]).not.toBe(clustering.clusterOf[0][0]);
  });

  it('with a spine, clusters its links first: a stronger link between two rosters cannot pull a record from its own spine record', () => {
    // sources: 0 spine (2 records), 1 roster A (1), 2 roster B (1). A0 ~ spine 0, B0 ~ spine 1;
    // a false A0 ~ B0 link outweighs A0's spine link.
    const links = [
      { a: 0, b: 1, links: [edge(0, 0, 10)] },
      { a: 0, b: 2, links: [edge(1, 0, 14)] },
      { a: 1, b: 2, links: [edge(0, 0, 20)] },
    ];
    const anchored = clusterRecords([2, 1, 1], [true, true, true], links, 0);
    expect(anchored.clusterOf[1][0]).toBe(anchored.clusterOf[0][0]);
    expect(anchored.clusterOf[2][0]).toBe(anchored.clusterOf[0][1]);
    const strongestFirst = clusterRecords([2, 1, 1], [true, true, true], links);
    expect(strongestFirst.clusterOf[1][0]).toBe(strongestFirst.clusterOf[0][1]);
  });

  it('chains records freely within a source that may repeat a person (deduplication)', () => {
    const clustering = clusterRecords([3], [false], [{ a: 0, b: 0, links: [edge(0, 1, 9), edge(1, 2, 8)] }]);
    expect(new Set(clustering.clusterOf[0]).size).toBe(1);
  });
});

describe('competingMatchProbability', () => {
  const base = { lambda: 0.9 / 1000, countA: 1000, countB: 1000, missedShare: 0, oneMatchPerA: true, oneMatchPerB: true };

  it('rates a lone candidate of records that nearly all have a match higher than the plain posterior', () => {
    const p = competingMatchProbability({ ...base, left: Uint32Array.of(0), right: Uint32Array.of(0), likelihoodWeight: Float64Array.of(10) });
    const plainOdds = (base.lambda * 2 ** 10) / (1 - base.lambda);
    expect(p[0]).toBeGreaterThan(plainOdds / (1 + plainOdds));
    expect(p[0]).toBeGreaterThan(0.95);
  });

  it('lets two equally good claimants of one record share it', () => {
    const p = competingMatchProbability({ ...base, left: Uint32Array.of(0, 1), right: Uint32Array.of(0, 0), likelihoodWeight: Float64Array.of(14, 14) });
    expect(p[0]).toBeCloseTo(p[1], 12);
    expect(p[0]).toBeLessThan(0.55);
  });

  it('is the plain Fellegi-Sunter posterior when neither side is duplicate-free', () => {
    const p = competingMatchProbability({ ...base, oneMatchPerA: false, oneMatchPerB: false, left: Uint32Array.of(0), right: Uint32Array.of(0), likelihoodWeight: Float64Array.of(8) });
    const odds = (base.lambda * 2 ** 8) / (1 - base.lambda);
    expect(p[0]).toBeCloseTo(odds / (1 + odds), 12);
  });
});
