import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { profileRoster } from '../../src/cli/readiness.ts';
import { estimateReadiness, holdersNeeded, type ReadinessEstimate } from '../../src/readiness/readiness-estimate.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { runInProcess } from '../hash/in-process.ts';
import { actualLinkShares } from './actual-linkage.ts';

const WORLD = fileURLToPath(new URL('../../fixtures/world', import.meta.url));
const hasWorld = existsSync(`${WORLD}/truth/persons.csv`) && existsSync(`${WORLD}/wages.csv`);

const quietIo = { stdin: Readable.from([]) } as unknown as CliIo;
// Fixed keys so that the test is repeatable; the command draws three random ones.
const KEYS = [1, 2, 3].map((k) => new Uint8Array(32).fill(k));

async function readiness(roster: string): Promise<ReadinessEstimate> {
  const profile = await profileRoster(`${WORLD}/${roster}.csv`, `${WORLD}/mappings/${roster}.json`, quietIo);
  return estimateReadiness(profile, { persons: 2000, seed: 1, secrets: KEYS, schema: DEFAULT_SCHEMA, today: '2025-01-01' });
}

describe('holders needed before tables publish', () => {
  it('divides the minimum cell by the link rate times the employed share, rounding up', () => {
    expect(holdersNeeded(30, 0.8, 0.75)).toBe(50);
    expect(holdersNeeded(10, 0.8, 0.75)).toBe(17);
    expect(holdersNeeded(30, 0, 0.75)).toBeNull();
  });
});

describe.skipIf(!hasWorld)('credlink readiness on the synthetic world', () => {
  let actualShares: Awaited<ReturnType<typeof actualLinkShares>>;
  // One real linkage of both rosters, education, wages and the spine, scored with truth/persons.csv.
  beforeAll(async () => {
    actualShares = await actualLinkShares(WORLD, ['techcert', 'tradecert']);
  }, 40_000);

  it('estimates the wage-link share of the techcert roster within 5 points of what the real pipeline links', async () => {
    const estimate = await readiness('techcert');
    const actual = actualShares.get('techcert')!;
    const today = estimate.scenarios[0];
    expect(today.added).toBeUndefined();
    expect(today.fields).toEqual(expect.arrayContaining(['first_name', 'last_name', 'dob', 'postcode']));
    expect(Math.abs(today.wages.linkShare - actual.wages)).toBeLessThan(0.05);
    expect(Math.abs(today.wages.precision - actual.wagePrecision)).toBeLessThan(0.03);
    // techcert has everything but SSN: the one addition to try is SSN last four, modelled as the ssn field.
    expect(estimate.scenarios.map((s) => s.added)).toEqual([undefined, 'ssn']);
    expect(estimate.notes.map((n) => n.code)).toContain('SSN_LAST4_AS_SSN');
  }, 40_000);

  it('for a roster without birth dates (tradecert) estimates within 5 points and finds that adding SSN or birth date helps', async () => {
    const estimate = await readiness('tradecert');
    const actual = actualShares.get('tradecert')!;
    const [today, ...added] = estimate.scenarios;
    expect(today.fields).not.toContain('dob');
    expect(Math.abs(today.wages.linkShare - actual.wages)).toBeLessThan(0.05);
    // Helping = more right links (link share x precision), as the estimate ranks additions: with
    // nicknames resolved, an added SSN mostly turns false links into none (0.984 -> 0.997
    // precision), so the raw link share can even fall.
    const right = (s: typeof today) => s.wages.linkShare * s.wages.precision;
    const byField = Object.fromEntries(added.map((s) => [s.added, right(s)]));
    expect(byField.dob).toBeGreaterThan(right(today));
    expect(byField.ssn).toBeGreaterThan(right(today));
    // Neither the spine, the wage nor the education file has a phone: collecting it cannot help.
    expect(byField.phone).toBeCloseTo(right(today), 6);
    // SSN and birth date can tie on a world this small (both 0.888 under the diffusion default): either is right.
    expect(['ssn', 'dob']).toContain(estimate.bestAddition);
    // Near-ties (0.883 against 0.885 with the auto threshold) may be broken by the estimate's own rule.
    expect(byField[estimate.bestAddition!]).toBeGreaterThan(Math.max(...Object.values(byField).map(Number)) - 0.01);
    expect(today.holdersNeeded.earnings).toBeGreaterThan(today.holdersNeeded.rates!);
  }, 40_000);

  it('runs as a command and prints the scenarios', async () => {
    const result = await runInProcess(['readiness', '--mapping', `${WORLD}/mappings/nurseboard.json`, '--persons', '600', `${WORLD}/nurseboard.csv`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Linkage readiness of .*nurseboard\.csv/);
    expect(result.stdout).toContain('+ SSN last four');
    expect(result.stdout).toContain('Note (SSN_LAST4_AS_SSN)');
    const usage = await runInProcess(['readiness', '--mapping', `${WORLD}/mappings/nurseboard.json`, '--persons', 'many', `${WORLD}/nurseboard.csv`]);
    expect(usage.code).toBe(2);
  }, 40_000);
});
