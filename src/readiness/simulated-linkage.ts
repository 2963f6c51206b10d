import type { Edge } from '../link/assignment.ts';
import { pairSides } from '../link/candidate-pairs.ts';
import { scoreSides } from '../link/link-pair.ts';
import { clusterLinks, linksAt, pairThreshold } from '../link/link-sources.ts';
import type { LinkSettings } from '../link/link-settings.ts';
import { buildSourceStore, type SourceStore } from '../link/source-store.ts';
import type { EncodedSource } from './encode-rows.ts';

/** How the holders of one roster fared against one source (through the spine). */
export interface SourceShare {
  /** Holders whose cluster holds at least one record of the source. */
  linked: number;
  /** ...of which every such record is truly theirs. */
  correct: number;
  /** Holders who truly have a record in the source (whether or not the spine has them). */
  present: number;
}

export interface RosterLinkage {
  holders: number;
  spine: SourceShare;
  wages: SourceShare;
  education: SourceShare;
  /** Among wage-linked holders: mean share of the window's quarters with linked earnings. */
  employedShare: number;
}

/** A source ready for linking: its store and, per store record, the true person. */
export interface TruthSource {
  store: SourceStore;
  personOf: Array<string | undefined>;
  localIds: string[];
}

export function truthSource(encoded: EncodedSource, personOfLocal: ReadonlyMap<string, string>): TruthSource {
  const store = buildSourceStore(encoded.source);
  const localIds = store.pseudonyms.map((p) => encoded.localIdOf.get(p)!);
  return { store, personOf: localIds.map((id) => personOfLocal.get(id)), localIds };
}

/** The spine, wage and education sides, scored against the spine once: they do not change with the roster's fields. */
export interface FixedSides {
  spine: TruthSource;
  wages: TruthSource;
  education: TruthSource;
  wageLinks: Edge[];
  educationLinks: Edge[];
  /** Distinct quarters with earnings, per wage store record. */
  wageQuarters: number[];
  quarters: number;
}

export function linkFixedSides(spine: TruthSource, wages: TruthSource, education: TruthSource, wageQuarters: number[], quarters: number, settings: LinkSettings): FixedSides {
  const links = (other: TruthSource) => {
    const scored = scoreSides(pairSides(spine.store, other.store), settings);
    return linksAt(scored, settings, pairThreshold(scored, settings));
  };
  return { spine, wages, education, wageLinks: links(wages), educationLinks: links(education), wageQuarters, quarters };
}

const SPINE = 0;
const ROSTER = 1;
const WAGES = 2;
const EDUCATION = 3;

/** Links one simulated roster to the spine with the real linker, clusters with the fixed sides and scores the holders against truth. */
export function linkRoster(fixed: FixedSides, roster: TruthSource, settings: LinkSettings): RosterLinkage {
  const scored = scoreSides(pairSides(fixed.spine.store, roster.store), settings);
  const rosterLinks = linksAt(scored, settings, pairThreshold(scored, settings));
  const stores = [fixed.spine.store, roster.store, fixed.wages.store, fixed.education.store];
  const clustering = clusterLinks(stores, [
    { a: SPINE, b: ROSTER, links: rosterLinks },
    { a: SPINE, b: WAGES, links: fixed.wageLinks },
    { a: SPINE, b: EDUCATION, links: fixed.educationLinks },
  ]);
  const members = (source: number) => {
    const byCluster = new Map<number, number[]>();
    clustering.clusterOf[source].forEach((cluster, i) => {
      const list = byCluster.get(cluster);
      if (list) list.push(i);
      else byCluster.set(cluster, [i]);
    });
    return byCluster;
  };
  const truthSides = [fixed.spine, roster, fixed.wages, fixed.education];
  const inSource = truthSides.map((s) => new Set(s.personOf.filter((p): p is string => p !== undefined)));
  const byCluster = [SPINE, ROSTER, WAGES, EDUCATION].map(members);
  const share = (): SourceShare => ({ linked: 0, correct: 0, present: 0 });
  const result = { spine: share(), wages: share(), education: share() };
  let employedSum = 0;
  roster.personOf.forEach((person, i) => {
    const cluster = clustering.clusterOf[ROSTER][i];
    for (const [name, source] of [['spine', SPINE], ['wages', WAGES], ['education', EDUCATION]] as const) {
      const tally = result[name];
      if (person !== undefined && inSource[source].has(person)) tally.present += 1;
      const found = byCluster[source].get(cluster) ?? [];
      if (found.length === 0) continue;
      tally.linked += 1;
      if (found.every((j) => truthSides[source].personOf[j] === person)) tally.correct += 1;
      if (name === 'wages') employedSum += Math.min(fixed.quarters, found.reduce((sum, j) => sum + fixed.wageQuarters[j], 0)) / fixed.quarters;
    }
  });
  return { holders: roster.personOf.length, ...result, employedShare: result.wages.linked > 0 ? employedSum / result.wages.linked : 0 };
}
