import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossAgreementCount, filterHashes } from '../../src/link/exact-agreement.ts';
import { buildFilterStore } from '../../src/link/filter-store.ts';
import { pairSides } from '../../src/link/candidate-pairs.ts';
import { defaultLinkSettings } from '../../src/link/link-settings.ts';
import { scoreSides } from '../../src/link/link-pair.ts';
import { namesakeChance, namesakeMatchShare } from '../../src/link/namesake-session.ts';
import { buildSourceStore, type SourceStore } from '../../src/link/source-store.ts';
import { seededRandom } from '../../src/link/seeded-random.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { makeSource, population } from './synthetic-people.ts';

const code = (c: number) => new Uint8Array([c & 255, c >> 8, 0, 1]);

describe('crossAgreementCount', () => {
  it('counts pairs with identical filters across two stores as the definition does', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), { maxLength: 40 }), fc.array(fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), { maxLength: 40 }), (xs, ys) => {
        const a = filterHashes([buildFilterStore(xs.map((x) => (x === undefined ? undefined : code(x))))]);
        const b = filterHashes([buildFilterStore(ys.map((y) => (y === undefined ? undefined : code(y))))]);
        let agreeing = 0;
        for (const x of xs) for (const y of ys) if (x !== undefined && x === y) agreeing += 1;
        const present = (list: Array<number | undefined>) => list.filter((v) => v !== undefined).length;
        expect(crossAgreementCount(a, b)).toEqual({ agreeing, pairs: present(xs) * present(ys) });
      }),
    );
  });
});

/** Two sources of different persons whose names come from two origins: first and last names go together. */
function namesakeSides(size: number): [SourceStore, SourceStore] {
  const r = seededRandom('namesakes');
  const side = (name: string) => {
    const first: Uint8Array[] = [];
    const last: Uint8Array[] = [];
    for (let i = 0; i < size; i++) {
      const origin = r.int(2);
      first.push(code(1 + origin * 100 + Math.floor(20 * r.next() ** 2)));
      last.push(code(1000 + origin * 100 + Math.floor(30 * r.next() ** 2)));
    }
    const fields = new Map([['first_name', buildFilterStore(first)], ['last_name', buildFilterStore(last)]]);
    return { name, role: 'roster', duplicateFree: true, count: size, fields } as unknown as SourceStore;
  };
  return [side('a'), side('b')];
}

describe('namesakeChance', () => {
  it('counts the chance namesakes of dependent names where the product of the name rates undercounts them', () => {
    const [a, b] = namesakeSides(3000);
    const chance = namesakeChance(pairSides(a, b))!;
    // No person is in both sources: every cross namesake is chance.
    expect(chance.expected / chance.all).toBeGreaterThan(0.85);
    expect(chance.expected / chance.all).toBeLessThan(1.15);
    const total = 3000 * 3000;
    const rate = (f: 'first_name' | 'last_name') => crossAgreementCount(filterHashes([a.fields.get(f)!]), filterHashes([b.fields.get(f)!])).agreeing / total;
    expect((total * rate('first_name') * rate('last_name')) / chance.all).toBeLessThan(0.7);
  });

  it('is unknown within one source and where neither side is duplicate-free', () => {
    const [a, b] = namesakeSides(200);
    expect(namesakeChance(pairSides(a))).toBeUndefined();
    expect(namesakeChance(pairSides({ ...a, duplicateFree: false }, { ...b, duplicateFree: false }))).toBeUndefined();
  });
});

describe('namesakeMatchShare', () => {
  it('takes the namesakes outside the candidates as chance', () => {
    // 150 namesakes in all, 120 candidates: 30 outside, so 70 of the 100 expected by chance are candidates.
    expect(namesakeMatchShare({ expected: 100, all: 150 }, 120, 0.02)).toBeCloseTo(1 - 70 / 120, 12);
    expect(namesakeMatchShare({ expected: 119, all: 120 }, 120, 0.02)).toBeUndefined();
    expect(namesakeMatchShare({ expected: 0, all: 120 }, 120, 0.02)).toBe(0.999);
  });
});

describe('the namesake session of a spine ~ wages fit', () => {
  it('fits m of the SSN on namesakes: true pairs rarely disagree on it', () => {
    const people = population(4000);
    const spine = makeSource(people, { name: 'spine', role: 'spine', fields: ['first_name', 'last_name', 'dob', 'ssn', 'postcode'], coverage: 0.8, error: 0.02 });
    const wages = makeSource(people, { name: 'wages', role: 'wages', fields: ['first_name', 'last_name', 'ssn'], coverage: 0.85, error: 0.02 });
    const scored = scoreSides(pairSides(buildSourceStore(spine.source), buildSourceStore(wages.source)), defaultLinkSettings('namesakes', { keyFields: new Map(DEFAULT_SCHEMA.blockingKeys.map((k) => [k.name, k.parts.map((part) => part.field)])) }));
    const session = scored.model.sessions.find((s) => s.pass.startsWith('namesakes:'));
    expect(session?.estimatedFields).toEqual(['ssn']);
    const ssn = scored.model.fields.find((f) => f.field === 'ssn')!;
    // A typo in 2% of SSNs on each side, and an SSN missing in 0.7%: about 4% of true pairs disagree.
    expect(ssn.mProbability[0]).toBeLessThan(0.08);
    expect(ssn.mProbability.at(-1)).toBeGreaterThan(0.9);
  });
});
