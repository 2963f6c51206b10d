import type { DiceKernel } from '../kernel/dice-kernel.ts';
import type { Edge } from './assignment.ts';
import { anchoredRows, withAnchoredM } from './anchored-m.ts';
import { AUTO_THRESHOLD_RANGE, expectedF1Threshold } from './auto-threshold.ts';
import { pairSides } from './candidate-pairs.ts';
import { clusterRecords, type Clustering, type SourceLinks } from './clustering.ts';
import { scoreSides, type ScoredPairs } from './link-pair.ts';
import { chooseLinks, thresholdEdges } from './link-selection.ts';
import type { LinkSettings } from './link-settings.ts';
import { directWageLinks, isDirectWagePair, sortedKeys, type SpineCandidates } from './direct-wage-links.ts';
import { buildSourceStore, sharedFields, type LinkSource, type SourceStore } from './source-store.ts';

export interface PairLinkage {
  /** Indices into LinkageResult.sources. */
  a: number;
  b: number;
  scored: ScoredPairs;
  links: Edge[];
  /** The threshold the links were chosen at (match probability for fs, CLK Dice for threshold). */
  threshold: number;
  /**
   * 'direct-outside-spine': a roster linked to the wage file directly, for roster records the
   * spine left alone: to wage records outside the spine, or into a spine cluster the spine pair
   * had proposed (directWageLinks); absent for every other pair.
   */
  path?: 'direct-outside-spine';
  /**
   * For a direct pair, and under a spine for any pair without it: the matches expected among the
   * records outside the spine, where its links are kept (its candidates' global probabilities do not apply).
   */
  expectedMatches?: number;
}

export interface LinkageResult {
  sources: SourceStore[];
  spine?: number;
  pairs: PairLinkage[];
  clustering: Clustering;
}

const NAME_FIELDS: ReadonlySet<string> = new Set(['first_name', 'middle_name', 'last_name', 'name_suffix']);

/** Two sources that share only names cannot tell namesakes apart: they meet through the spine or not at all. */
function shareMoreThanNames(a: SourceStore, b: SourceStore): boolean {
  return sharedFields(a, b).some((f) => !NAME_FIELDS.has(f));
}

/**
 * Which source pairs to link: with a spine, each source to the spine, plus directly every other
 * pair that shares more than names (a roster and the education file share birth dates), so that a
 * person missing from the spine, or whose spine link failed, can still be linked, and each roster
 * to the wage file (isDirectWagePair); without a spine, every pair; a single source against
 * itself (deduplication).
 */
export function sourcePairsToLink(stores: readonly SourceStore[]): Array<[number, number]> {
  if (stores.length === 1) return [[0, 0]];
  const spine = stores.findIndex((s) => s.role === 'spine');
  const pairs: Array<[number, number]> = [];
  if (spine >= 0) stores.forEach((_, s) => s !== spine && pairs.push([spine, s]));
  for (let a = 0; a < stores.length; a++) {
    for (let b = a + 1; b < stores.length; b++) {
      if (a === spine || b === spine) continue;
      if (spine < 0 || shareMoreThanNames(stores[a], stores[b]) || (isDirectWagePair(stores, a, b) && sharedFields(stores[a], stores[b]).length > 0)) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** Sources in name order, packed for scoring (into the kernel when one is given). */
export function buildStores(sources: readonly LinkSource[], kernel?: DiceKernel): SourceStore[] {
  return sortStores(sources.map((s) => buildSourceStore(s, kernel)));
}

/** Stores in name order: the order every output follows. */
export function sortStores(stores: SourceStore[]): SourceStore[] {
  return [...stores].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** Links sources end to end: score each source pair, choose links, cluster. Sources are taken in name order. */
export function linkSources(sources: readonly LinkSource[], settings: LinkSettings, kernel?: DiceKernel): LinkageResult {
  return linkStores(buildStores(sources, kernel), settings);
}

/** Told which source pair is being scored (done of total) and its current step; for a progress bar. */
export type LinkProgress = (done: number, total: number, step: string) => void;

/** As linkSources, on stores already built (the CLI streams extracts into them); `stores` must be in name order. */
export function linkStores(stores: SourceStore[], settings: LinkSettings, progress?: LinkProgress): LinkageResult {
  const toLink = sourcePairsToLink(stores);
  const scored = toLink.map(([a, b], i) => {
    const names = a === b ? stores[a].name : `${stores[a].name} ~ ${stores[b].name}`;
    const step = progress ? (what: string) => progress(i, toLink.length, `${names}: ${what}`) : undefined;
    // A direct roster-wage pair is a roster against the whole wage file: no all-pairs Dice scan
    // (too many pairs at any real size, and shards never scan, so a sharded run gives the same links).
    const pairSettings = isDirectWagePair(stores, a, b) ? { ...settings, diceScan: false as const } : settings;
    return { a, b, scored: scoreSides(pairSides(stores[a], a === b ? undefined : stores[b]), pairSettings, step, isDirectWagePair(stores, a, b)) };
  });
  progress?.(toLink.length, toLink.length, 'choosing links and clusters');
  return finishLinkage(stores, scored, settings);
}

/**
 * Chooses links in every scored source pair and clusters them (also the last step of `credlink
 * merge`). Direct roster-wage pairs come last: their links are chosen among the records the other
 * links left outside every spine cluster.
 */
export function finishLinkage(stores: SourceStore[], scoredPairs: ReadonlyArray<{ a: number; b: number; scored: ScoredPairs }>, settings: LinkSettings): LinkageResult {
  const direct = (p: { a: number; b: number }) => isDirectWagePair(stores, p.a, p.b);
  const pairs: PairLinkage[] = scoredPairs.filter((p) => !direct(p)).map(({ a, b, scored }) => {
    const threshold = pairThreshold(scored, settings);
    return { a, b, scored, threshold, links: linksAt(scored, settings, threshold) };
  });
  keepLinksOutsideSpine(stores, pairs);
  const directPairs = scoredPairs.filter(direct);
  if (directPairs.length > 0) {
    const clustering = clusterLinks(stores, pairs);
    const spine = stores.findIndex((s) => s.role === 'spine');
    for (const { a, b, scored: fitted } of directPairs) {
      const scored = settings.method === 'fs' && spine >= 0 ? withAnchoredM(fitted, anchoredRows(fitted, clustering, a, b, spine)) : fitted;
      const roster = stores[a].role === 'roster' ? a : b;
      const spinePair = spinePairOf(stores, pairs, roster);
      const candidates = spineCandidates(stores, spinePair, roster, clustering);
      pairs.push({ a, b, scored, ...directWageLinks(stores, clustering, a, b, scored, settings, missedSpineLinks(spinePair), candidates), path: 'direct-outside-spine' });
    }
  }
  const order = new Map(scoredPairs.map((p, i) => [`${p.a}|${p.b}`, i]));
  pairs.sort((x, y) => order.get(`${x.a}|${x.b}`)! - order.get(`${y.a}|${y.b}`)!);
  const clustering = clusterLinks(stores, pairs);
  const spine = stores.findIndex((s) => s.role === 'spine');
  return { sources: stores, spine: spine >= 0 ? spine : undefined, pairs, clustering };
}

/**
 * Links the spine~roster pair missed by its model's own account: the matches it expects among its
 * candidates (sum of probabilities) less the links it made. Those roster records are in the spine
 * and their wage records in spine clusters, so the direct pair must not expect to find them.
 */
function missedSpineLinks(spinePair: PairLinkage | undefined): number {
  if (!spinePair) return 0;
  const expected = spinePair.scored.matchProbability.reduce((s, p) => s + p, 0);
  return Math.max(0, expected - spinePair.links.length);
}

/** The spine~roster pair of a roster, when it was linked. */
function spinePairOf(stores: readonly SourceStore[], pairs: readonly PairLinkage[], roster: number): PairLinkage | undefined {
  return pairs.find((p) => (p.a === roster || p.b === roster) && stores[p.a === roster ? p.b : p.a].role === 'spine');
}

/**
 * The candidate pairs of the spine~roster pair, by roster and spine record (directWageLinks), for
 * the roster records outside every spine cluster: only those can join one through a wage record,
 * and at a 1M spine the pair holds tens of millions of candidates.
 */
function spineCandidates(stores: readonly SourceStore[], spinePair: PairLinkage | undefined, roster: number, clustering: Clustering): SpineCandidates | undefined {
  if (!spinePair) return undefined;
  const spineSource = spinePair.a === roster ? spinePair.b : spinePair.a;
  const spineCount = stores[spineSource].count;
  const inSpine = clustersWith(clustering, spineSource);
  const rosterClusters = clustering.clusterOf[roster];
  const [rosterSide, spineSide] = spinePair.a === roster ? [spinePair.scored.left, spinePair.scored.right] : [spinePair.scored.right, spinePair.scored.left];
  const keys: number[] = [];
  for (let i = 0; i < rosterSide.length; i++) if (!inSpine[rosterClusters[rosterSide[i]]]) keys.push(rosterSide[i] * spineCount + spineSide[i]);
  return { pairs: sortedKeys(Float64Array.from(keys)), spineCount, spineSource };
}

/** 1 for each cluster holding a record of `source`. */
function clustersWith(clustering: Clustering, source: number): Uint8Array {
  const marked = new Uint8Array(clustering.clusterCount + 1);
  for (const c of clustering.clusterOf[source]) marked[c] = 1;
  return marked;
}

/** The threshold of one source pair: the Dice threshold, a fixed probability, or the one of best expected F1 ('auto'). */
export function pairThreshold(scored: ScoredPairs, settings: LinkSettings): number {
  if (settings.method === 'threshold') return settings.diceThreshold;
  if (settings.threshold !== 'auto') return settings.threshold;
  const expected = scored.matchProbability.reduce((s, p) => s + p, 0);
  return expectedF1Threshold(linksAt(scored, settings, AUTO_THRESHOLD_RANGE.min), expected);
}

/** The links one scored source pair gives at a threshold (probability for fs, CLK Dice for threshold). */
export function linksAt(scored: ScoredPairs, settings: LinkSettings, threshold: number): Edge[] {
  const { left, right, matchWeight, matchProbability, clkDice, sides } = scored;
  const edges = thresholdEdges(left, right, matchWeight, matchProbability, clkDice, settings.method, threshold);
  const facts = { aDuplicateFree: sides.a.duplicateFree, bDuplicateFree: sides.b.duplicateFree, dedupe: sides.dedupe };
  return chooseLinks(edges, facts, settings.method, settings.assignment);
}

export function clusterLinks(stores: readonly SourceStore[], pairs: ReadonlyArray<{ a: number; b: number; links: Edge[] }>): Clustering {
  const groups: SourceLinks[] = pairs.map(({ a, b, links }) => ({ a, b, links }));
  const spine = stores.findIndex((s) => s.role === 'spine');
  return clusterRecords(
    stores.map((s) => s.count),
    stores.map((s) => s.duplicateFree),
    groups,
    spine >= 0 ? spine : undefined,
  );
}

/**
 * Under a spine, a link between two other sources (two rosters, a roster and education) is kept
 * only between records the spine links left outside every spine cluster: persons the spine lacks.
 * Such pairs share few persons and many namesakes; at 200,000 persons keeping their links into
 * spine clusters too cost roster~spine precision 2-5 points (docs/linkage-quality.md, "Scale").
 */
function keepLinksOutsideSpine(stores: readonly SourceStore[], pairs: PairLinkage[]): void {
  const spine = stores.findIndex((s) => s.role === 'spine');
  if (spine < 0) return;
  const anchored = pairs.filter((p) => p.a === spine || p.b === spine);
  const clustering = clusterLinks(stores, anchored);
  const inSpine = clustersWith(clustering, spine);
  for (const p of pairs) {
    if (p.a === spine || p.b === spine) continue;
    const [clustersA, clustersB] = [clustering.clusterOf[p.a], clustering.clusterOf[p.b]];
    const outside = (left: number, right: number) => !inSpine[clustersA[left]] && !inSpine[clustersB[right]];
    p.links = p.links.filter((e) => outside(e.left, e.right));
    // The calibration check compares links with the matches the model expects where links may fall.
    let expected = 0;
    for (let i = 0; i < p.scored.left.length; i++) if (outside(p.scored.left[i], p.scored.right[i])) expected += p.scored.matchProbability[i];
    p.expectedMatches = expected;
  }
}
