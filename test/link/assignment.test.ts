import { describe, expect, it } from 'vitest';
import { assignManyToOne, assignOneToOne, greedyOneToOne, type Edge } from '../../src/link/assignment.ts';
import { hungarianMaximize } from '../../src/link/hungarian.ts';

const edge = (left: number, right: number, weight: number): Edge => ({ left, right, weight, probability: 0.9 });

describe('one-to-one assignment', () => {
  it('finds the links with the largest total match weight where greedy takes the single strongest', () => {
    // Greedy takes 0-0 (10) and then nothing: 10. Optimal takes 0-1 and 1-0: 18.
    const edges = [edge(0, 0, 10), edge(0, 1, 9), edge(1, 0, 9)];
    expect(greedyOneToOne(edges).map((e) => [e.left, e.right])).toEqual([[0, 0]]);
    const chosen = assignOneToOne(edges);
    expect(chosen.map((e) => [e.left, e.right]).sort()).toEqual([[0, 1], [1, 0]]);
  });

  it('never links a record twice', () => {
    const edges: Edge[] = [];
    for (let a = 0; a < 20; a++) for (let b = 0; b < 15; b++) if ((a * 7 + b * 3) % 5 === 0) edges.push(edge(a, b, ((a * 13 + b * 5) % 17) + 1));
    for (const chosen of [assignOneToOne(edges), assignOneToOne(edges, { maxOptimalSide: 2 })]) {
      expect(new Set(chosen.map((e) => e.left)).size).toBe(chosen.length);
      expect(new Set(chosen.map((e) => e.right)).size).toBe(chosen.length);
    }
    const optimalTotal = assignOneToOne(edges).reduce((s, e) => s + e.weight, 0);
    const greedyTotal = greedyOneToOne(edges).reduce((s, e) => s + e.weight, 0);
    expect(optimalTotal).toBeGreaterThanOrEqual(greedyTotal);
  });

  it('keeps only the best partner of each record on the repeating side', () => {
    const chosen = assignManyToOne([edge(0, 0, 5), edge(1, 0, 7), edge(1, 1, 3)]);
    expect(chosen.map((e) => [e.left, e.right])).toEqual([[1, 0], [1, 1]]);
  });
});

describe('hungarianMaximize', () => {
  it('solves a rectangular problem by brute-force agreement', () => {
    const w = Float64Array.of(3, 1, 4, 2, 0, 5, 1, 2);
    const assignment = hungarianMaximize(w, 2, 4);
    let best = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) best = Math.max(best, w[i] + w[4 + j]);
    expect(w[assignment[0]] + w[4 + assignment[1]]).toBe(best);
  });
});
