import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runEvaluate } from '../../src/cli/evaluate.ts';
import { runHash } from '../../src/cli/hash.ts';
import { runLink } from '../../src/cli/link.ts';
import type { Evaluation } from '../../src/link/evaluation-report.ts';
import type { PairQuality } from '../../src/link/linkage-quality.ts';
import { quietIo } from '../job/run-world.ts';

/*
 * Linkage quality floors on the bundled world (fixtures/world: 3,000 persons, seed 42), so that a
 * change that costs F1 fails the build. The floors sit about a point under the figures measured
 * when they were set (docs/linkage-quality.md); the secret is fixed, so a run gives the same numbers.
 */
const WORLD = resolve(__dirname, '../../fixtures/world');
const SOURCES = ['techcert', 'nurseboard', 'tradecert', 'education', 'wages', 'spine'];
let dir: string;
let evaluation: Evaluation;

const role = (quality: PairQuality[], a: string, b: string) => quality.find((q) => [q.sourceA, q.sourceB].sort().join() === [a, b].sort().join())!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-world-quality-'));
  const io = quietIo();
  const key = join(dir, 'project.key');
  writeFileSync(key, `${'5c'.repeat(32)}\n`, { mode: 0o600 });
  const schema = join(WORLD, 'schema.json');
  for (const s of SOURCES) {
    await runHash({ input: join(WORLD, `${s}.csv`), schema, mapping: join(WORLD, 'mappings', `${s}.json`), secretFile: key, onInvalid: 'reject', output: join(dir, `${s}.extract`), workers: 1 }, io);
  }
  const extracts = SOURCES.filter((s) => s !== 'spine').map((s) => join(dir, `${s}.extract`));
  await runLink({ extracts, spine: join(dir, 'spine.extract'), schema, output: join(dir, 'linkage'), threshold: '0.85', diceThreshold: '0.85', method: 'fs', training: 'blocks', lsh: true }, io);
  evaluation = await runEvaluate({ linkage: join(dir, 'linkage'), truth: join(WORLD, 'truth', 'persons.csv'), secretFile: key, schema, thresholds: '0.1,0.3,0.5,0.7,0.85,0.95', diceThresholds: '0.6,0.7,0.8' }, io);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('linkage quality on fixtures/world', () => {
  it('links rosters to education with F1 >= 0.97 (0.9795 when set)', () => {
    expect(role(evaluation.asLinkedByRole, 'roster', 'education').f1).toBeGreaterThanOrEqual(0.97);
  });

  it('links wage records to the spine with F1 >= 0.99 (0.9972), and rosters to wages through it with F1 >= 0.975 (0.9857)', () => {
    expect(role(evaluation.asLinkedByRole, 'spine', 'wages').f1).toBeGreaterThanOrEqual(0.99);
    expect(role(evaluation.throughSpineByRole, 'roster', 'wages').f1).toBeGreaterThanOrEqual(0.975);
  });

  it('keeps the default threshold within a point of the best one chosen with the labels', () => {
    for (const [a, b] of [['roster', 'education'], ['spine', 'wages'], ['roster', 'spine'], ['education', 'spine']]) {
      const best = evaluation.bestByRole.find((x) => x.method === 'fs' && [x.sourceA, x.sourceB].sort().join() === [a, b].sort().join())!.f1;
      expect(best - role(evaluation.asLinkedByRole, a, b).f1).toBeLessThanOrEqual(0.01);
    }
  });

  it('beats the Dice-threshold baseline at its best threshold', () => {
    for (const [a, b] of [['roster', 'education'], ['spine', 'wages'], ['roster', 'spine']]) {
      const best = (method: string) => evaluation.bestByRole.find((x) => x.method === method && [x.sourceA, x.sourceB].sort().join() === [a, b].sort().join())!.f1;
      expect(role(evaluation.asLinkedByRole, a, b).f1).toBeGreaterThan(best('threshold'));
    }
  });
});
