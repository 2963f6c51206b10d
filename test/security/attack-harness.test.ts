import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { HARDENING_CANDIDATES, runAttacks, withHardening } from '../../src/attack/attack-experiment.ts';
import { attackPopulation } from '../../src/attack/attack-population.ts';
import { linkageCost } from '../../src/attack/linkage-cost.ts';

/*
 * The attack harness at test size (the full-size table comes from scripts/attack-harness.ts).
 * The plain encodings must fall to the attacks, or the harness proves nothing.
 */
const N = 400;
const plain = withHardening(DEFAULT_SCHEMA, HARDENING_CANDIDATES.plain);

describe('attacks on plain encodings (the harness works)', () => {
  const result = runAttacks(plain, N, 1, 11);

  it('frequency alignment recovers common surnames and first names without the key', () => {
    const [last, first] = result.fields;
    expect(last.frequency.correct + first.frequency.correct).toBeGreaterThan(0.1 * N);
    expect(first.frequency.precision).toBeGreaterThan(0.2);
  });

  it('similarity-graph matching re-identifies persons at full overlap', () => {
    expect(result.graph.reidentified).toBeGreaterThan(0.1);
  });
});

describe('the default hardening', () => {
  it('is diffusion with t = 2, the record filter XOR-folded only', () => {
    expect(DEFAULT_SCHEMA.hardening).toMatchObject({ diffusionT: 2, xorFold: false, balance: false, randomizedResponse: 0, salt: [] });
    expect(DEFAULT_SCHEMA.recordFilter.hardening).toEqual({ xorFold: true, diffusionT: 0, balance: false, randomizedResponse: 0 });
  });

  it('cuts graph re-identification at least in half against plain at full overlap', () => {
    const before = runAttacks(plain, N, 1, 11).graph.reidentified;
    const after = runAttacks(DEFAULT_SCHEMA, N, 1, 11).graph.reidentified;
    expect(after).toBeLessThan(before / 2);
  });

  it('keeps graph re-identification near zero at 20% overlap', () => {
    expect(runAttacks(DEFAULT_SCHEMA, N, 0.2, 11).graph.reidentified).toBeLessThan(0.02);
  });

  it('randomized response breaks exact repeats but near grouping still aligns first names', () => {
    const rr = runAttacks(withHardening(DEFAULT_SCHEMA, HARDENING_CANDIDATES.rr05), N, 1, 11);
    expect(rr.fields[1].frequency.correct).toBeGreaterThan(0);
  });

  it('costs at most about one point of linkage F1', () => {
    const cohort = attackPopulation(1200, 500);
    const secret = new Uint8Array(32).fill(3);
    const f1Plain = linkageCost(plain, cohort, secret).f1;
    const f1Default = linkageCost(DEFAULT_SCHEMA, cohort, secret).f1;
    expect(f1Plain).toBeGreaterThan(0.9);
    expect(f1Plain - f1Default).toBeLessThan(0.025);
  });
}, 60_000);
