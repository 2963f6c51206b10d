import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonAssembler } from '../../src/outcomes/person-assembler.ts';
import { directPairsOf, readDirectlyLinked } from '../../src/io/outcome-inputs.ts';
import { computeOutcomeTables } from '../../src/outcomes/compute-outcome-tables.ts';
import { CATALOG, EMPLOYERS, testConfig } from './population.ts';

/** Three holders: one in the spine, one the spine misses but the wage file links to directly, one found nowhere. */
function assemble() {
  const members = [
    { clusterId: 'c1', source: 'board', pseudonym: 'r1' },
    { clusterId: 'c1', source: 'spine', pseudonym: 's1' },
    { clusterId: 'c1', source: 'wages', pseudonym: 'w1' },
    { clusterId: 'c2', source: 'board', pseudonym: 'r2' },
    { clusterId: 'c2', source: 'wages', pseudonym: 'w2' },
    { clusterId: 'c3', source: 'board', pseudonym: 'r3' },
  ];
  const assembler = new PersonAssembler(members, new Set(['board']), 'spine', 0, new Set(['wages']));
  for (const r of ['r1', 'r2', 'r3']) assembler.add('board', 'roster', r, { credential: 'A', exam_date: '2019-02-10', result: 'pass', award_date: '2019-02-20' });
  for (const w of ['w1', 'w2']) for (let quarter = 1; quarter <= 4; quarter++) assembler.add('wages', 'wages', w, { year: 2019, quarter, employer_id: 'e1', wages: 9000 });
  return assembler.persons();
}

describe('holders outside the spine', () => {
  it('counts a holder linked to the wage file directly, and marks how each was found', () => {
    const persons = assemble();
    expect(persons.map((p) => [p.inPopulation, p.foundBy])).toEqual([[true, 'spine'], [true, 'direct'], [false, undefined]]);
    expect(persons[1].wages).toHaveLength(4);
  });

  it('reports how many holders each path found', () => {
    const result = computeOutcomeTables({ persons: assemble(), catalog: CATALOG, employers: EMPLOYERS }, testConfig());
    expect(result.holdersByPath).toEqual({ spine: 1, direct: 1, notFound: 1 });
    expect(result.holders).toBe(2);
    expect(result.shareFound).toBeCloseTo(0.667, 3);
    expect(result.notes.join(' ')).toContain('direct roster-wage link');
  });
});

describe('holders a direct link brought into a spine cluster', () => {
  // r4's spine link failed; the direct roster-wage pair linked it to w4, whose cluster holds s4.
  const members = [
    { clusterId: 'c4', source: 'board', pseudonym: 'r4' },
    { clusterId: 'c4', source: 'spine', pseudonym: 's4' },
    { clusterId: 'c4', source: 'wages', pseudonym: 'w4' },
    { clusterId: 'c5', source: 'board', pseudonym: 'r5' },
    { clusterId: 'c5', source: 'spine', pseudonym: 's5' },
  ];
  const foundBy = (directly: Set<string>) => {
    const assembler = new PersonAssembler(members, new Set(['board']), 'spine', 0, new Set(['wages']), directly);
    for (const r of ['r4', 'r5']) assembler.add('board', 'roster', r, { credential: 'A', exam_date: '2019-02-10', result: 'pass', award_date: '2019-02-20' });
    return assembler.persons().map((p) => p.foundBy);
  };

  it('counts them as found by the direct path, the others through the spine', () => {
    expect(foundBy(new Set())).toEqual(['spine', 'spine']);
    expect(foundBy(new Set(['board\u0000r4']))).toEqual(['direct', 'spine']);
  });

  it('reads the direct pairs from summary.json and their roster records from pairs.csv', async () => {
    const summary = { sourcePairs: [{ sourceA: 'spine', sourceB: 'board' }, { sourceA: 'board', sourceB: 'wages', path: 'direct-outside-spine' }] };
    expect(directPairsOf(summary)).toEqual([['board', 'wages']]);
    const dir = mkdtempSync(join(tmpdir(), 'credlink-direct-'));
    try {
      const file = join(dir, 'pairs.csv');
      writeFileSync(file, 'source_a,pseudonym_a,source_b,pseudonym_b,match_weight,match_probability\nspine,s5,board,r5,20,1\nboard,r4,wages,w4,9,0.97\n');
      expect([...(await readDirectlyLinked(file, directPairsOf(summary), new Set(['board'])))]).toEqual(['board\u0000r4']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
