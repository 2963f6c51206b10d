import type { Edge } from './assignment.ts';
import { AUTO_THRESHOLD_RANGE, expectedF1Threshold } from './auto-threshold.ts';
import type { Clustering } from './clustering.ts';
import type { ScoredPairs } from './link-pair.ts';
import { chooseLinks, thresholdEdges } from './link-selection.ts';
import type { LinkSettings } from './link-settings.ts';
import { competingMatchProbability } from './match-probability.ts';
import type { SourceStore } from './source-store.ts';

/*
 * Holders outside the spine (issue #14). Real UI wage records hold the SSN, the name and the
 * employer; rosters hold no SSN, so a roster and the wage file share names (a ZIP or birth date
 * where a state keeps one). Across a state that is a pool of namesakes, so the direct pair links
 * only roster records the other pairs left alone (no spine, no wage record in their cluster):
 * first to wage records outside every spine cluster, then, for those still alone, to a wage
 * record in a spine cluster when the spine~roster pair had proposed that cluster's spine record
 * (the person is in the spine, their spine link failed). The model's likelihood ratios are
 * weighed again with a prior of each pool, one to one.
 */

/**
 * A roster and the wage file, under a spine: linked only outside it (directWageLinks). By roles
 * alone, so that `credlink merge`, whose stores hold no filters, tells the same pairs apart.
 */
export function isDirectWagePair(stores: readonly SourceStore[], a: number, b: number): boolean {
  if (!stores.some((s) => s.role === 'spine') || a === b) return false;
  const roles = [stores[a].role, stores[b].role];
  return roles.includes('roster') && roles.includes('wages');
}

/** The least share of free roster records taken to be outside the spine, whatever the spine pair's estimate of its misses. */
const MIN_OUTSIDE_SHARE = 0.1;

export interface DirectLinks {
  links: Edge[];
  threshold: number;
  /** Matches expected among the free records (free roster records x the share with wage records), for the summary's calibration. */
  expectedMatches?: number;
}

interface ClusterFacts {
  withSpine: Uint8Array;
  withWages: Uint8Array;
}

function clusterFacts(stores: readonly SourceStore[], clustering: Clustering): ClusterFacts {
  const withSpine = new Uint8Array(clustering.clusterCount + 1);
  const withWages = new Uint8Array(clustering.clusterCount + 1);
  stores.forEach((s, i) => {
    const mark = s.role === 'spine' ? withSpine : s.role === 'wages' ? withWages : undefined;
    if (mark) for (const c of clustering.clusterOf[i]) mark[c] = 1;
  });
  return { withSpine, withWages };
}

/**
 * Share of the roster's records found through the spine whose cluster holds a wage record: how
 * often a holder has wage records, measured on the same roster (0.9 when the spine found none).
 */
function wageShare(clusters: Int32Array, facts: ClusterFacts): number {
  let inSpine = 0;
  let withWages = 0;
  for (const c of clusters) {
    if (!facts.withSpine[c]) continue;
    inSpine += 1;
    withWages += facts.withWages[c];
  }
  return inSpine > 0 ? withWages / inSpine : 0.9;
}

/**
 * The links of a direct roster-wage pair given the clustering of every other pair. A link's
 * probability is the model's likelihood ratio under a prior of the pool outside the spine (each
 * such roster record has a wage record with the share measured through the spine), with the
 * competition of a one-to-one match: two namesakes claiming one record share it.
 */
function outsideSpineLinks(stores: readonly SourceStore[], clustering: Clustering, facts: ClusterFacts, a: number, b: number, scored: ScoredPairs, settings: LinkSettings, missedSpineLinks: number): DirectLinks {
  const rosterIsLeft = stores[a].role === 'roster';
  const free = [a, b].map((s) => {
    const roster = stores[s].role === 'roster';
    return Uint8Array.from(clustering.clusterOf[s], (c) => (!facts.withSpine[c] && (!roster || !facts.withWages[c]) ? 1 : 0));
  });
  // Only pairs of free records. Letting namesakes inside spine clusters compete for a free roster
  // record (it may be a person whose spine link failed) raised precision at 200k persons from 83%
  // to 92% but cut the holders found directly from 659 to 109 (docs/outcomes.md), so they do not.
  const sideOf = (i: number) => (rosterIsLeft ? { roster: scored.left[i], wage: scored.right[i] } : { roster: scored.right[i], wage: scored.left[i] });
  const [freeRoster, freeWage] = rosterIsLeft ? free : [free[1], free[0]];
  const kept: number[] = [];
  for (let i = 0; i < scored.left.length; i++) {
    const { roster, wage } = sideOf(i);
    if (freeRoster[roster] && freeWage[wage]) kept.push(i);
  }
  const { left, right, matchWeight, matchProbability, clkDice } = pick(scored, kept);
  const oneToOne = { aDuplicateFree: true, bDuplicateFree: true, dedupe: false };
  if (settings.method === 'threshold') {
    const edges = thresholdEdges(left, right, matchWeight, matchProbability, clkDice, 'threshold', settings.diceThreshold);
    return { links: chooseLinks(edges, oneToOne, 'threshold', settings.assignment), threshold: settings.diceThreshold };
  }
  // Records renumbered within the free pools, so that the competition's pool sizes are theirs.
  const [compactA, compactB] = free.map(compact);
  const freeRosters = freeRoster.reduce((n, x) => n + x, 0);
  const freeWages = freeWage.reduce((n, x) => n + x, 0);
  // Free roster records the spine pair missed (people in the spine) have their wage records in spine clusters: no match here.
  const outside = Math.max(MIN_OUTSIDE_SHARE, 1 - missedSpineLinks / Math.max(1, freeRosters));
  const share = wageShare(clustering.clusterOf[rosterIsLeft ? a : b], facts) * outside;
  const lambda = Math.min(1, share / Math.max(1, freeWages));
  const priorWeight = Math.log2(scored.model.prior / (1 - scored.model.prior));
  const likelihoodWeight = matchWeight.map((w) => w - priorWeight);
  const probability = competingMatchProbability({
    left: left.map((i) => compactA.index[i]), right: right.map((i) => compactB.index[i]),
    likelihoodWeight, lambda, countA: compactA.size, countB: compactB.size, missedShare: 0, oneMatchPerA: true, oneMatchPerB: true,
  });
  const edges = thresholdEdges(left, right, likelihoodWeight, probability, clkDice, 'fs', 0);
  const expected = freeRosters * share;
  const threshold = settings.threshold === 'auto' ? expectedF1Threshold(edges.filter((e) => e.probability >= AUTO_THRESHOLD_RANGE.min), expected) : settings.threshold;
  return { links: chooseLinks(edges.filter((e) => e.probability >= threshold), oneToOne, 'fs', settings.assignment), threshold, expectedMatches: expected };
}

/**
 * What the spine~roster pair proposed: its candidate pairs, so that a roster record may join a
 * spine cluster through its wage record only where the spine's own fields put the two near.
 */
export interface SpineCandidates {
  /** rosterRecord * spineCount + spineRecord for each candidate pair of the spine~roster pair (sortedKeys). */
  pairs: { has(key: number): boolean };
  spineCount: number;
  spineSource: number;
}

/**
 * The probability a link into a spine cluster needs. Measured at 50,000 persons (one stage, all
 * pools together): below it such links were right 4 times in 9, at or above it 25 in 26.
 */
export const SPINE_CLUSTER_MIN_PROBABILITY = 0.85;

/**
 * The links of a direct roster-wage pair given the clustering of every other pair: first between
 * records outside every spine cluster (outsideSpineLinks); then, for a roster record still
 * alone, its wage record in a spine cluster (the person is in the spine but the roster~spine
 * link failed), when the spine pair proposed that cluster's spine record (spineClusterLinks).
 */
export function directWageLinks(stores: readonly SourceStore[], clustering: Clustering, a: number, b: number, scored: ScoredPairs, settings: LinkSettings, missedSpineLinks = 0, spine?: SpineCandidates): DirectLinks {
  const facts = clusterFacts(stores, clustering);
  const outside = outsideSpineLinks(stores, clustering, facts, a, b, scored, settings, missedSpineLinks);
  if (!spine || settings.method !== 'fs') return outside;
  const intoSpine = spineClusterLinks(clustering, facts, stores[a].role === 'roster', [a, b], scored, settings, outside.links, spine);
  return { ...outside, links: [...outside.links, ...intoSpine] };
}

/**
 * Roster records left alone after outsideSpineLinks against the wage records of spine clusters
 * that hold no record of this roster. Every open wage record competes (free ones too, so a
 * namesake outside the spine takes its share of a name), under a prior of that pool; only a pair
 * into a spine cluster with one wage record, whose spine record the spine~roster pair proposed, may link, at
 * SPINE_CLUSTER_MIN_PROBABILITY, one to one.
 */
function spineClusterLinks(clustering: Clustering, facts: ClusterFacts, rosterIsLeft: boolean, [a, b]: [number, number], scored: ScoredPairs, settings: LinkSettings, linked: readonly Edge[], spine: SpineCandidates): Edge[] {
  const [rosterSource, wageSource] = rosterIsLeft ? [a, b] : [b, a];
  const rosterOf = (e: { left: number; right: number }) => (rosterIsLeft ? e.left : e.right);
  const wageOf = (e: { left: number; right: number }) => (rosterIsLeft ? e.right : e.left);
  const withRoster = new Uint8Array(clustering.clusterCount + 1);
  for (const c of clustering.clusterOf[rosterSource]) withRoster[c] = 1;
  const alone = Uint8Array.from(clustering.clusterOf[rosterSource], (c) => (!facts.withSpine[c] && !facts.withWages[c] ? 1 : 0));
  const open = Uint8Array.from(clustering.clusterOf[wageSource], (c) => (!withRoster[c] ? 1 : 0));
  // A spine cluster with several wage records holds someone else's too (a namesake the spine pair
  // took): a roster record joining it would get both people's wages, so it competes but never links.
  const wageRecords = new Uint8Array(clustering.clusterCount + 1);
  for (const c of clustering.clusterOf[wageSource]) wageRecords[c] = Math.min(wageRecords[c] + 1, 2);
  for (const e of linked) {
    alone[rosterOf(e)] = 0;
    open[wageOf(e)] = 0;
  }
  const spineOf = new Int32Array(clustering.clusterCount + 1).fill(-1);
  clustering.clusterOf[spine.spineSource].forEach((c, i) => (spineOf[c] = i));
  const kept: number[] = [];
  const supported: boolean[] = [];
  for (let i = 0; i < scored.left.length; i++) {
    const pair = { left: scored.left[i], right: scored.right[i] };
    const [roster, wage] = [rosterOf(pair), wageOf(pair)];
    if (!alone[roster] || !open[wage]) continue;
    kept.push(i);
    const c = clustering.clusterOf[wageSource][wage];
    supported.push(spineOf[c] >= 0 && wageRecords[c] === 1 && spine.pairs.has(roster * spine.spineCount + spineOf[c]));
  }
  if (!supported.includes(true)) return [];
  const { left, right, matchWeight, clkDice } = pick(scored, kept);
  const [rosterPool, wagePool] = [compact(alone), compact(open)];
  const [compactA, compactB] = rosterIsLeft ? [rosterPool, wagePool] : [wagePool, rosterPool];
  const lambda = Math.min(1, wageShare(clustering.clusterOf[rosterSource], facts) / Math.max(1, wagePool.size));
  const priorWeight = Math.log2(scored.model.prior / (1 - scored.model.prior));
  const likelihoodWeight = matchWeight.map((w) => w - priorWeight);
  const probability = competingMatchProbability({
    left: left.map((i) => compactA.index[i]), right: right.map((i) => compactB.index[i]),
    likelihoodWeight, lambda, countA: compactA.size, countB: compactB.size, missedShare: 0, oneMatchPerA: true, oneMatchPerB: true,
  });
  const linkable = probability.map((p, k) => (supported[k] ? p : -1));
  const edges = thresholdEdges(left, right, likelihoodWeight, linkable, clkDice, 'fs', SPINE_CLUSTER_MIN_PROBABILITY);
  return chooseLinks(edges, { aDuplicateFree: true, bDuplicateFree: true, dedupe: false }, 'fs', settings.assignment);
}

/** Index of each free record among the free records of its source (-1 for the others). */
function compact(free: Uint8Array): { index: Int32Array; size: number } {
  const index = new Int32Array(free.length).fill(-1);
  let size = 0;
  for (let i = 0; i < free.length; i++) if (free[i]) index[i] = size++;
  return { index, size };
}

function pick(scored: ScoredPairs, kept: readonly number[]) {
  const take = <T extends Uint32Array | Float64Array>(from: T, make: (n: number) => T): T => {
    const out = make(kept.length);
    kept.forEach((k, i) => (out[i] = from[k]));
    return out;
  };
  return {
    left: take(scored.left, (n) => new Uint32Array(n)),
    right: take(scored.right, (n) => new Uint32Array(n)),
    matchWeight: take(scored.matchWeight, (n) => new Float64Array(n)),
    matchProbability: take(scored.matchProbability, (n) => new Float64Array(n)),
    clkDice: take(scored.clkDice, (n) => new Float64Array(n)),
  };
}

/**
 * A set of numeric keys as one sorted array: a state's spine~roster pair has tens of millions of
 * candidates, past the 2^24 entries a Set holds (a 1M spine with a 100k roster crashed here).
 */
export function sortedKeys(keys: Float64Array): { has(key: number): boolean } {
  keys.sort();
  return {
    has(key) {
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      return lo < keys.length && keys[lo] === key;
    },
  };
}
