import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBalance, createDiffusion, createRandomizedResponse, keyedPermutation, xorFold } from '../../src/encode/hardening.ts';
import { popcountBytes, dice } from '../../src/kernel/dice.ts';
import { createEncoder } from '../../src/encode/encoder.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { linkageSchemaSchema } from '../../src/schema/linkage-schema.ts';

const keyA = new Uint8Array(32).fill(0xa1);
const keyB = new Uint8Array(32).fill(0xb2);
const filterArb = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes });

function withHardening(hardening: object) {
  return linkageSchemaSchema.parse({ ...DEFAULT_SCHEMA, recordFilter: { bits: DEFAULT_SCHEMA.recordFilter.bits }, hardening: { ...DEFAULT_SCHEMA.hardening, ...hardening } });
}

describe('keyed permutation', () => {
  it('is a permutation that depends on the key', () => {
    const a = keyedPermutation(keyA, 512);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 512 }, (_, i) => i));
    expect([...keyedPermutation(keyB, 512)]).not.toEqual([...a]);
    expect([...keyedPermutation(keyA, 512)]).toEqual([...a]);
  });
});

describe('balancing', () => {
  it('sets exactly half the bits of every balanced filter, whatever its weight', () => {
    const balance = createBalance(keyA, 256);
    fc.assert(fc.property(filterArb(32), (filter) => {
      const out = balance(filter);
      expect(out.length).toBe(64);
      expect(popcountBytes(out)).toBe(256);
    }));
  });

  it('gives every field filter and the record filter exactly half their bits through the encoder', () => {
    const encoder = createEncoder(withHardening({ balance: true }), keyA, 'roster');
    for (const record of [{ first_name: 'al', last_name: 'ng' }, { first_name: 'maximiliana', last_name: 'vandenberghe-oosterhout', dob: '1990-01-01', email: 'max@example.org' }]) {
      const person = encoder.encode(record, 'x');
      for (const filter of [...Object.values(person.fields), person.clk]) expect(popcountBytes(filter!)).toBe(filter!.length * 4);
    }
  });
});

describe('XOR folding', () => {
  it('halves the length, and XORs the two halves', () => {
    fc.assert(fc.property(filterArb(32), (filter) => {
      const out = xorFold(filter);
      expect(out.length).toBe(16);
      for (let i = 0; i < 16; i++) expect(out[i]).toBe(filter[i] ^ filter[i + 16]);
    }));
  });
});

describe('diffusion', () => {
  it('is linear: diffusing a XOR b equals diffusing a XOR diffusing b', () => {
    const diffuse = createDiffusion(keyA, 256, 5);
    fc.assert(fc.property(filterArb(32), filterArb(32), (a, b) => {
      const both = a.map((x, i) => x ^ b[i]);
      const sep = diffuse(a).map((x, i) => x ^ diffuse(b)[i]);
      expect([...diffuse(both)]).toEqual([...sep]);
    }));
  });

  it('keeps similar names more similar than different names, on average', () => {
    const diffused = createEncoder(withHardening({ diffusionT: 3 }), keyA, 'roster');
    const pairs: Array<[string, string, string]> = [
      ['jonathan', 'jonathon', 'margaret'],
      ['catherine', 'katherine', 'william'],
      ['stephen', 'steven', 'guadalupe'],
      ['mohammed', 'muhammad', 'elizabeth'],
      ['christopher', 'kristopher', 'ana'],
    ];
    const score = (x: string, y: string) => dice(diffused.encode({ first_name: x }, '1').fields.first_name!, diffused.encode({ first_name: y }, '2').fields.first_name!);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const similar = mean(pairs.map(([a, b]) => score(a, b)));
    const different = mean(pairs.map(([a, , c]) => score(a, c)));
    // Each output bit mixes 3 input bits, so the gap narrows (0.52 -> ~0.23, docs/schema.md) but stays.
    expect(similar - different).toBeGreaterThan(0.1);
    expect(score('jonathan', 'jonathan')).toBe(1);
  });
});

describe('randomized response', () => {
  it('is deterministic per record, differs between records, and flips about p/2 of the bits', () => {
    const respond = createRandomizedResponse(keyA, 0.2);
    const filter = new Uint8Array(1024);
    const a = respond(filter, 'roster\u001fNB-1');
    expect([...respond(filter, 'roster\u001fNB-1')]).toEqual([...a]);
    expect([...respond(filter, 'roster\u001fNB-2')]).not.toEqual([...a]);
    // A replaced bit is random, so on an empty filter about p/2 of the 8192 bits end up set.
    expect(popcountBytes(a) / 8192).toBeGreaterThan(0.08);
    expect(popcountBytes(a) / 8192).toBeLessThan(0.12);
  });

  it('leaves the filter alone at p = 0', () => {
    const respond = createRandomizedResponse(keyA, 0);
    const filter = Uint8Array.from({ length: 32 }, (_, i) => i * 37);
    expect([...respond(filter, 'seed')]).toEqual([...filter]);
  });
});

describe('salting', () => {
  it('separates equal names with different birth years and keeps them together within a year', () => {
    const encoder = createEncoder(withHardening({ salt: [{ field: 'last_name', with: 'dob' }] }), keyA, 'roster');
    const last = (dob: string) => encoder.encode({ last_name: 'garcia', dob }, 'p').fields.last_name!;
    const unrelated = dice(last('1988-04-17'), encoder.encode({ last_name: 'thompson', dob: '1988-04-17' }, 'q').fields.last_name!);
    expect(dice(last('1988-04-17'), last('1988-11-02'))).toBe(1);
    // Another year: no more alike than two unrelated surnames (both near the filters' fill).
    expect(dice(last('1988-04-17'), last('1989-04-17'))).toBeLessThan(unrelated + 0.1);
  });
});

describe('hardened lengths', () => {
  it('reports the filter lengths after folding and balancing', () => {
    const encoder = createEncoder(withHardening({ xorFold: true, balance: true }), keyA, 'roster');
    const person = encoder.encode({ first_name: 'maria', dob: '1988-04-17' }, 'p');
    expect(person.fields.first_name!.length * 8).toBe(256);
    expect(encoder.filterBits.fields.first_name).toBe(256);
    expect(person.clk.length * 8).toBe(encoder.filterBits.record);
  });
});
