import { describe, expect, it } from 'vitest';
import { CandidateCollector, pairSides } from '../../src/link/candidate-pairs.ts';
import { buildSourceStore } from '../../src/link/source-store.ts';
import { SourceStoreBuilder } from '../../src/link/source-store-builder.ts';
import { createDiceKernel } from '../../src/kernel/dice-kernel.ts';
import { makeSource, population } from './synthetic-people.ts';

const people = population(300, 'table');
const { source } = makeSource(people, { name: 'roster', role: 'roster', fields: ['first_name', 'last_name', 'dob', 'ssn'], coverage: 0.9, error: 0.05 });

describe('CandidateCollector', () => {
  it('numbers pairs in order of discovery like a Map would, through many rehashes', () => {
    const store = buildSourceStore(source);
    const sides = pairSides(store, { ...store, name: 'other', count: 5000 });
    const collector = new CandidateCollector(sides);
    const oracle = new Map<number, number>();
    let seed = 7;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const got = new Int32Array(200_000);
    const want = new Int32Array(200_000);
    for (let k = 0; k < got.length; k++) {
      const x = next(300);
      const y = next(5000);
      const key = x * 5000 + y;
      if (!oracle.has(key)) oracle.set(key, oracle.size);
      got[k] = collector.add(x, y);
      want[k] = oracle.get(key)!;
    }
    expect(got).toEqual(want);
    expect(collector.size).toBe(oracle.size);
    expect(collector.indexOf(299, 4999)).toBe(oracle.get(299 * 5000 + 4999) ?? -1);
    const { left, right } = collector.toArrays();
    expect(Array.from(oracle, ([, index]) => left[index] * 5000 + right[index])).toEqual([...oracle.keys()]);
  });

  it('keeps one orientation of a pair when a source is linked against itself', () => {
    const store = buildSourceStore(source);
    const collector = new CandidateCollector(pairSides(store));
    expect(collector.add(5, 3)).toBe(0);
    expect(collector.add(3, 5)).toBe(0);
    expect(collector.add(4, 4)).toBe(-1);
    expect(collector.has(5, 3) && collector.has(3, 5)).toBe(true);
  });
});

describe('SourceStoreBuilder', () => {
  it('builds the same store whatever the arrival order, with or without the WebAssembly kernel', () => {
    const plain = buildSourceStore(source);
    const reversed = new SourceStoreBuilder(source);
    for (const person of [...source.persons].reverse()) reversed.add(person);
    const inKernel = reversed.build(createDiceKernel({ path: 'wasm' }));
    expect(inKernel.pseudonyms).toEqual(plain.pseudonyms);
    expect([...inKernel.fields.keys()]).toEqual([...plain.fields.keys()]);
    for (const [name, store] of plain.fields) {
      const other = inKernel.fields.get(name)!;
      expect(Array.from(other.words)).toEqual(Array.from(store.words));
      expect(Array.from(other.popcounts)).toEqual(Array.from(store.popcounts));
      expect(Array.from(other.present)).toEqual(Array.from(store.present));
      expect(other.kernel).toBeDefined();
    }
    expect(Array.from(inKernel.clk.words)).toEqual(Array.from(plain.clk.words));
    expect([...inKernel.blockingKeys]).toEqual([...plain.blockingKeys]);
  });
});
