import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { schemaFingerprint } from '../../src/schema/fingerprint.ts';
import { linkSources } from '../../src/link/link-sources.ts';
import { defaultLinkSettings } from '../../src/link/link-settings.ts';
import { clustersCsv, pairsCsv, tableText } from '../../src/link/linkage-tables.ts';
import { allPairQuality } from '../../src/link/linkage-quality.ts';
import type { LinkSource } from '../../src/link/source-store.ts';
import { makeSource, population } from './synthetic-people.ts';

const people = population(1500);
const roster = makeSource(people, { name: 'roster', role: 'roster', fields: ['first_name', 'last_name', 'dob', 'email'], coverage: 0.4, error: 0.04 });
const college = makeSource(people, { name: 'college', role: 'education', fields: ['first_name', 'last_name', 'dob'], coverage: 0.4, error: 0.04 });
const spine = makeSource(people, { name: 'spine', role: 'spine', fields: ['first_name', 'last_name', 'dob', 'ssn', 'postcode'], coverage: 0.95, error: 0.02 });
const wages = makeSource(people, { name: 'wages', role: 'wages', fields: ['first_name', 'last_name', 'ssn'], coverage: 0.7, error: 0.02 });
const truthOf = new Map([roster, college, spine, wages].map((s) => [s.source.name, s.truth]));
const keyFields = new Map(DEFAULT_SCHEMA.blockingKeys.map((k) => [k.name, k.parts.map((p) => p.field)]));
const settings = defaultLinkSettings(schemaFingerprint(DEFAULT_SCHEMA), { keyFields, uSampleSize: 50_000 });

function quality(sources: LinkSource[], method: 'fs' | 'threshold' = 'fs') {
  const result = linkSources(sources, { ...settings, method });
  const records = {
    sources: result.sources.map((s) => s.name),
    clusterOf: result.clustering.clusterOf,
    personOf: result.sources.map((s) => s.pseudonyms.map((p) => String(truthOf.get(s.name)!.get(p)))),
  };
  return { result, quality: allPairQuality(records) };
}

describe('linkSources', () => {
  it('links a roster to an education file one-to-one with F1 above 0.95 and beats the Dice-threshold baseline', () => {
    const fs = quality([roster.source, college.source]);
    const baseline = quality([roster.source, college.source], 'threshold');
    expect(fs.quality[0].f1).toBeGreaterThan(0.95);
    expect(fs.quality[0].precision).toBeGreaterThan(0.98);
    expect(fs.quality[0].f1).toBeGreaterThan(baseline.quality[0].f1);
    const links = fs.result.pairs[0].links;
    expect(new Set(links.map((e) => e.left)).size).toBe(links.length);
    expect(new Set(links.map((e) => e.right)).size).toBe(links.length);
  });

  it('links roster records to wage records through the spine, which they share no identifier with', () => {
    const { result, quality: q } = quality([roster.source, spine.source, wages.source]);
    expect(result.spine).toBeDefined();
    const rosterWages = q.find((x) => x.sourceA === 'roster' && x.sourceB === 'wages')!;
    expect(rosterWages.truePairs).toBeGreaterThan(100);
    expect(rosterWages.f1).toBeGreaterThan(0.9);
    // Rosters and wage records share only names: linked directly only outside the spine (test/link/direct-wage-links.test.ts).
    expect(result.pairs.map((p) => `${result.sources[p.a].name}~${result.sources[p.b].name}${p.path ? ` (${p.path})` : ''}`)).toEqual(['spine~roster', 'spine~wages', 'roster~wages (direct-outside-spine)']);
  });

  it('under a spine, links two rosters directly only between records the spine links left outside every spine cluster', () => {
    const partialSpine = makeSource(people, { name: 'spine', role: 'spine', fields: ['first_name', 'last_name', 'dob', 'ssn', 'postcode'], coverage: 0.7, error: 0.02 });
    const truth = new Map([...truthOf, ['spine', partialSpine.truth]]);
    const result = linkSources([roster.source, college.source, partialSpine.source], settings);
    const index = (name: string) => result.sources.findIndex((s) => s.name === name);
    const [r, c, sp] = ['roster', 'college', 'spine'].map(index);
    const inSpine = new Set(result.clustering.clusterOf[sp]);
    const direct = result.pairs.find((p) => (p.a === c && p.b === r) || (p.a === r && p.b === c))!;
    expect(direct.links.length).toBeGreaterThan(20);
    for (const e of direct.links) {
      expect(inSpine.has(result.clustering.clusterOf[direct.a][e.left])).toBe(false);
      expect(inSpine.has(result.clustering.clusterOf[direct.b][e.right])).toBe(false);
    }
    const personOf = result.sources.map((s) => s.pseudonyms.map((p) => String(truth.get(s.name)!.get(p))));
    const q = allPairQuality({ sources: result.sources.map((s) => s.name), clusterOf: result.clustering.clusterOf, personOf });
    const rosterCollege = q.find((x) => x.sourceA === 'college' && x.sourceB === 'roster')!;
    expect(rosterCollege.precision).toBeGreaterThan(0.97);
    expect(rosterCollege.recall).toBeGreaterThan(0.9);
  });

  it('gives identical output bytes whatever the order of the input records', () => {
    const shuffled = (s: LinkSource): LinkSource => ({ ...s, persons: [...s.persons].reverse() });
    const first = linkSources([roster.source, college.source], settings);
    const second = linkSources([shuffled(college.source), shuffled(roster.source)], settings);
    expect(tableText(clustersCsv(second))).toBe(tableText(clustersCsv(first)));
    expect(tableText(pairsCsv(second))).toBe(tableText(pairsCsv(first)));
    expect(tableText(pairsCsv(first)).split('\n').length).toBeGreaterThan(100);
  });

  it('estimates a prior near the true share of matches and a model whose expected matches are close to the links', () => {
    const { result, quality: q } = quality([roster.source, college.source]);
    const pair = result.pairs[0];
    const expected = pair.scored.matchProbability.reduce((s, p) => s + p, 0);
    expect(Math.abs(expected - q[0].truePairs) / q[0].truePairs).toBeLessThan(0.1);
    const trueShare = q[0].truePairs / (roster.source.persons.length * college.source.persons.length);
    expect(pair.scored.model.prior / trueShare).toBeGreaterThan(0.7);
    expect(pair.scored.model.prior / trueShare).toBeLessThan(1.4);
  });
});
