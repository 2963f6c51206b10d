import { assignManyToOne, assignOneToOne, greedyOneToOne, type AssignmentOptions, type Edge } from './assignment.ts';
import type { LinkMethod } from './link-settings.ts';

export interface SideFacts {
  aDuplicateFree: boolean;
  bDuplicateFree: boolean;
  dedupe: boolean;
}

/** Candidate pairs that pass the threshold, as edges weighted by match weight (fs) or CLK Dice (threshold). */
export function thresholdEdges(
  left: Uint32Array,
  right: Uint32Array,
  matchWeight: Float64Array,
  matchProbability: Float64Array,
  clkDice: Float64Array,
  method: LinkMethod,
  threshold: number,
): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i < left.length; i++) {
    if (method === 'fs' ? matchProbability[i] >= threshold : clkDice[i] >= threshold) {
      edges.push({ left: left[i], right: right[i], weight: method === 'fs' ? matchWeight[i] : clkDice[i], probability: matchProbability[i] });
    }
  }
  return edges;
}

/**
 * Which above-threshold edges become links: one-to-one between duplicate-free sides (optimal for
 * fs, greedy for the Dice baseline), each record of a repeating side to its best partner in a
 * duplicate-free side, and every edge when neither side is duplicate-free or within one source.
 */
export function chooseLinks(edges: readonly Edge[], facts: SideFacts, method: LinkMethod, options: AssignmentOptions): Edge[] {
  if (facts.dedupe) return [...edges];
  if (facts.aDuplicateFree && facts.bDuplicateFree) return method === 'fs' ? assignOneToOne(edges, options) : greedyOneToOne(edges);
  if (facts.aDuplicateFree) return assignManyToOne(edges);
  if (facts.bDuplicateFree) {
    const flipped = edges.map((e) => ({ ...e, left: e.right, right: e.left }));
    return assignManyToOne(flipped).map((e) => ({ ...e, left: e.right, right: e.left }));
  }
  return [...edges];
}
