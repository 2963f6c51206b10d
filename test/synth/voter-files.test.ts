import fc from 'fast-check';
import levenshtein from 'fast-levenshtein';
import { describe, expect, it } from 'vitest';
import { keyboardError, ocrError, phoneticError } from '../../src/synth/geco-corruption.ts';
import { createRng } from '../../src/synth/prng.ts';
import { voterCsv, voterTruthCsv } from '../../src/synth/voter-csv.ts';
import { voterFiles } from '../../src/synth/voter-files.ts';
import { TOWNS } from '../../src/synth/voter-places.ts';

describe('GeCo-style corruptors', () => {
  const word = fc.stringMatching(/^[A-Z]{2,12}$|^\d{5}$/);

  it('change a value by a small edit, and keep digits-only values digits under keyboard slips', () => {
    fc.assert(fc.property(word, fc.integer(), (text, seed) => {
      const rng = createRng(seed);
      for (const corrupt of [keyboardError, ocrError, phoneticError]) expect(levenshtein.get(text, corrupt(rng, text))).toBeLessThanOrEqual(3);
      if (/^\d+$/.test(text)) expect(keyboardError(rng, text)).toMatch(/^\d+$/);
    }), { numRuns: 300 });
  });

  it('make the confusions they are named after', () => {
    const rng = createRng(3);
    // Only ph -> f applies to PHILIP.
    expect(phoneticError(rng, 'PHILIP')).toBe('FILIP');
    expect(phoneticError(rng, 'BOB')).toBe('BOB');
    const ocr = new Set(Array.from({ length: 50 }, () => ocrError(rng, '28613')));
    expect([...ocr].some((z) => /[a-z]/i.test(z))).toBe(true);
    expect(ocrError(rng, 'XXX')).toBe('XXX');
  });
});

describe('voterFiles', () => {
  const options = { records: 1000, overlap: 0.35, seed: 4 };
  const { files, sharedPersons } = voterFiles(options);

  it('writes two files of the given size sharing the given share of persons', () => {
    expect(files.map((f) => f.length)).toEqual([1000, 1000]);
    const inA = new Set(files[0].map((r) => r.person));
    expect(files[1].filter((r) => inA.has(r.person)).length).toBe(350);
    expect(sharedPersons).toBe(350);
    expect(new Set(files[0].map((r) => r.person)).size).toBe(1000);
  });

  it('gives the same files for the same options, other files for another seed', () => {
    expect(voterFiles(options)).toEqual({ files, sharedPersons });
    expect(voterFiles({ ...options, seed: 5 }).files[0][0]).not.toEqual(files[0][0]);
  });

  it('corrupts about 40% of record copies and leaves most values intact', () => {
    const other = new Map(files[1].map((r) => [r.person, r]));
    const pairs = files[0].filter((r) => other.has(r.person)).map((r) => [r, other.get(r.person)!] as const);
    const identical = pairs.filter(([a, b]) => a.firstName === b.firstName && a.lastName === b.lastName && a.city === b.city && a.zip === b.zip).length;
    // Both copies clean: about 0.6 * 0.6 of pairs, less the movers.
    expect(identical / pairs.length).toBeGreaterThan(0.25);
    expect(identical / pairs.length).toBeLessThan(0.45);
    const blank = files[0].filter((r) => r.lastName === '').length / files[0].length;
    expect(blank).toBeGreaterThan(0.002);
    expect(blank).toBeLessThan(0.03);
  });

  it('skews names as real files do, and writes cities and ZIPs from the town table', () => {
    const counts = new Map<string, number>();
    for (const r of files[0]) counts.set(r.lastName, (counts.get(r.lastName) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(5);
    const cities = new Set(TOWNS.map(([t]) => t.city.toUpperCase()));
    // Up to a sixth of cities carry an error or are blank.
    expect(files[0].filter((r) => cities.has(r.city)).length / 1000).toBeGreaterThan(0.8);
  });

  it('writes CSV and truth the CLI reads: one line per record, a person id per record', () => {
    const csv = voterCsv(files[0]).trim().split('\n');
    expect(csv[0]).toBe('voter_id,first_name,last_name,city,zip');
    expect(csv).toHaveLength(1001);
    const truth = voterTruthCsv([{ source: 'voter0', records: files[0] }]).trim().split('\n');
    expect(truth[0]).toBe('source,local_id,person_id');
    expect(truth[1]).toBe(`voter0,${files[0][0].voterId},p${files[0][0].person}`);
  });

  it('refuses an overlap outside 0-1', () => {
    expect(() => voterFiles({ ...options, overlap: 1.5 })).toThrow(RangeError);
  });
});
