import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { schemaFingerprint } from '../../src/schema/fingerprint.ts';
import { linkSources } from '../../src/link/link-sources.ts';
import { sortedKeys } from '../../src/link/direct-wage-links.ts';
import { defaultLinkSettings } from '../../src/link/link-settings.ts';
import { summarizeLinkage } from '../../src/link/linkage-summary.ts';
import { makeSource, population } from './synthetic-people.ts';

// A spine that misses a fifth of the people: their roster records can only reach the wage file directly, on names.
const people = population(2000, 'direct');
const roster = makeSource(people, { name: 'roster', role: 'roster', fields: ['first_name', 'last_name', 'dob', 'email'], coverage: 0.4, error: 0.03 });
const spine = makeSource(people, { name: 'spine', role: 'spine', fields: ['first_name', 'last_name', 'dob', 'ssn', 'postcode'], coverage: 0.8, error: 0.02 });
const wages = makeSource(people, { name: 'wages', role: 'wages', fields: ['first_name', 'last_name', 'ssn'], coverage: 0.85, error: 0.02 });
const keyFields = new Map(DEFAULT_SCHEMA.blockingKeys.map((k) => [k.name, k.parts.map((p) => p.field)]));
const settings = defaultLinkSettings(schemaFingerprint(DEFAULT_SCHEMA), { keyFields, uSampleSize: 50_000 });
const result = linkSources([roster.source, spine.source, wages.source], settings);
const index = (name: string) => result.sources.findIndex((s) => s.name === name);
const [r, s, w] = ['roster', 'spine', 'wages'].map(index);
const personOf = (source: number, i: number) => ({ roster, spine, wages })[result.sources[source].name as 'roster']!.truth.get(result.sources[source].pseudonyms[i]);
const direct = result.pairs.find((p) => p.path === 'direct-outside-spine')!;

describe('direct roster-wage links (holders outside the spine)', () => {
  it('links the roster to the wage file directly, marked as such in the summary', () => {
    expect(direct).toBeDefined();
    expect([result.sources[direct.a].name, result.sources[direct.b].name].sort()).toEqual(['roster', 'wages']);
    const summary = summarizeLinkage(result, settings);
    expect(summary.sourcePairs.filter((p) => p.path === 'direct-outside-spine').map((p) => `${p.sourceA}~${p.sourceB}`)).toEqual(['roster~wages']);
    expect(summary.sourcePairs.filter((p) => !p.path).length).toBe(2);
  });

  it('counts m of the direct pair on the candidates the spine already joined: true pairs mostly agree on both names', () => {
    const session = direct.scored.model.sessions.find((x) => x.pass === 'joined_by_spine');
    expect(session?.pairs).toBeGreaterThan(200);
    expect(session?.estimatedFields.sort()).toEqual(['first_name', 'last_name']);
    const exact = (field: string) => direct.scored.model.fields.find((f) => f.field === field)!.mProbability.at(-1)!;
    // A typo in 3% of roster names and 2% of wage names: about 95% of true pairs agree exactly on each.
    expect(exact('first_name')).toBeGreaterThan(0.88);
    expect(exact('last_name')).toBeGreaterThan(0.88);
  });

  it('keeps direct links one to one, each roster record in one cluster with its wage record', () => {
    const rosterSide = direct.a === r ? 'left' : 'right';
    const wageSide = rosterSide === 'left' ? 'right' : 'left';
    expect(new Set(direct.links.map((e) => e[rosterSide])).size).toBe(direct.links.length);
    expect(new Set(direct.links.map((e) => e[wageSide])).size).toBe(direct.links.length);
    for (const e of direct.links) expect(result.clustering.clusterOf[r][e[rosterSide]]).toBe(result.clustering.clusterOf[w][e[wageSide]]);
  });

  it('finds most roster holders outside the spine who have wage records, with few namesakes', () => {
    const inSpine = new Set(spine.truth.values());
    const withWages = new Set(wages.truth.values());
    const rosterIsLeft = direct.a === r;
    const outside = result.sources[r].pseudonyms.map((_, i) => i).filter((i) => !inSpine.has(personOf(r, i)!) && withWages.has(personOf(r, i)!));
    expect(outside.length).toBeGreaterThan(60);
    const linked = direct.links.map((e) => (rosterIsLeft ? [e.left, e.right] : [e.right, e.left]));
    const right = linked.filter(([ri, wi]) => personOf(r, ri) === personOf(w, wi)).length;
    expect(right / linked.length).toBeGreaterThan(0.9);
    expect(right / outside.length).toBeGreaterThan(0.7);
  });
});

// A roster of names and ZIP only (as a trade board's), more error-prone: some of its spine links
// fail although the person is in the spine; their wage record, in a spine cluster, can bring them in.
describe('direct links into spine clusters (roster~spine link failed)', () => {
  const folk = population(3000, 'spine-cluster');
  const board = makeSource(folk, { name: 'roster', role: 'roster', fields: ['first_name', 'last_name', 'postcode'], coverage: 0.4, error: 0.1 });
  const spineFile = makeSource(folk, { name: 'spine', role: 'spine', fields: ['first_name', 'last_name', 'dob', 'ssn', 'postcode'], coverage: 0.85, error: 0.05 });
  const wageFile = makeSource(folk, { name: 'wages', role: 'wages', fields: ['first_name', 'last_name', 'ssn'], coverage: 0.9, error: 0.02 });
  const linked = linkSources([board.source, spineFile.source, wageFile.source], settings);
  const at = (name: string) => linked.sources.findIndex((x) => x.name === name);
  const [rr, ss, ww] = ['roster', 'spine', 'wages'].map(at);
  const truthOf = { roster: board, spine: spineFile, wages: wageFile };
  const who = (source: number, i: number) => truthOf[linked.sources[source].name as 'roster'].truth.get(linked.sources[source].pseudonyms[i]);
  const pair = linked.pairs.find((p) => p.path === 'direct-outside-spine')!;
  const spineClusters = new Set(linked.clustering.clusterOf[ss]);
  const links = pair.links.map((e) => (pair.a === rr ? [e.left, e.right] : [e.right, e.left]));
  const intoSpine = links.filter(([, wi]) => spineClusters.has(linked.clustering.clusterOf[ww][wi]));

  it('links some roster records to wage records of spine clusters, mostly rightly', () => {
    expect(intoSpine.length).toBeGreaterThanOrEqual(10);
    const right = intoSpine.filter(([ri, wi]) => who(rr, ri) === who(ww, wi)).length;
    expect(right / intoSpine.length).toBeGreaterThan(0.75);
  });

  it('never puts a second roster record into a spine cluster', () => {
    const perCluster = new Map<number, number>();
    for (const c of linked.clustering.clusterOf[rr]) perCluster.set(c, (perCluster.get(c) ?? 0) + 1);
    for (const [, wi] of intoSpine) expect(perCluster.get(linked.clustering.clusterOf[ww][wi])).toBe(1);
  });
});

describe('sortedKeys', () => {
  it('answers membership like a Set for keys past 2^32, and holds more keys than a Set can', () => {
    const keys = Float64Array.from([5, 99_999 * 1_000_000 + 7, 3, 3, 2 ** 40]);
    const set = sortedKeys(keys);
    for (const k of [3, 5, 99_999 * 1_000_000 + 7, 2 ** 40]) expect(set.has(k)).toBe(true);
    for (const k of [0, 4, 6, 2 ** 40 + 1, 99_999 * 1_000_000 + 6]) expect(set.has(k)).toBe(false);
    const many = new Float64Array(17_000_000);
    for (let i = 0; i < many.length; i++) many[i] = (many.length - i) * 3;
    const big = sortedKeys(many);
    expect(big.has(3)).toBe(true);
    expect(big.has(51_000_000)).toBe(true);
    expect(big.has(4)).toBe(false);
  });
});
